import { App, Checkbox, Form, Input, InputNumber, Modal } from "antd";
import { useTranslation } from "react-i18next";
import type { LeakPointDto } from "@contracts/gas/leak";
import { showSaveError } from "../../../../components/form-utils";
import { useRecheck } from "../api";

interface Values {
  ppm: number;
  enclosed: boolean;
  note?: string;
}

/**
 * What the default thresholds (rule gas.leak_thresholds, §7.3) will conclude, for the confirmation text only:
 * the server judges by the version in force.
 */
const preview = (v: Values) => (v.enclosed && v.ppm >= 25_000 ? "confirmLevel2" : v.ppm >= 500 ? "confirmLeak" : "confirmClear");

/** 手持复检: the handheld reading at a suspect point; confirmed before it is sent (a leak opens an urgent case). */
export function RecheckForm({ leak, onClose }: { leak: LeakPointDto; onClose: () => void }) {
  const { t } = useTranslation();
  const { message, modal } = App.useApp();
  const [form] = Form.useForm<Values>();
  const recheck = useRecheck(leak.id);

  const submit = (v: Values) =>
    modal.confirm({
      title: t("gasLeaks.confirmTitle"),
      content: t(`gasLeaks.${preview(v)}`),
      okButtonProps: { danger: preview(v) !== "confirmClear" },
      onOk: async () => {
        try {
          await recheck.mutateAsync({ ppm: v.ppm, enclosed: v.enclosed, note: v.note ?? "" });
          message.success(t("common.saved"));
          onClose();
        } catch (e) {
          showSaveError(form, e, ["ppm", "enclosed", "note"], message);
        }
      },
    });

  return (
    <Modal open title={`${t("gasLeaks.recheckTitle")} · ${leak.deviceCode ?? ""}`} onCancel={onClose} onOk={() => form.submit()} okText={t("gasLeaks.recheck")} okButtonProps={{ loading: recheck.isPending }} destroyOnHidden>
      <Form<Values> form={form} layout="vertical" onFinish={submit} initialValues={{ enclosed: false }}>
        <Form.Item name="ppm" label={t("gasLeaks.recheckPpm")} extra={t("gasLeaks.recheckPpmHelp")} rules={[{ required: true, message: t("common.required") }]}>
          <InputNumber min={0} max={1_000_000} style={{ width: "100%" }} />
        </Form.Item>
        <Form.Item name="enclosed" valuePropName="checked">
          <Checkbox>{t("gasLeaks.enclosed")}</Checkbox>
        </Form.Item>
        <Form.Item name="note" label={t("gasLeaks.note")}>
          <Input.TextArea maxLength={500} rows={2} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
