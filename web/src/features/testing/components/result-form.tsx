import { App, Checkbox, Form, Input, Modal } from "antd";
import { useTranslation } from "react-i18next";
import type { CommissionDto } from "@contracts/testing/commission";
import { shanghaiDay } from "@contracts/platform/time";
import { showSaveError } from "../../../components/form-utils";
import { DateInput } from "../../../components/date-input";
import { useResults, useSubmitResult } from "../api";
import { parseConcreteGroups, parseItems, parseRebarSpecimens } from "../values";
import "../i18n";

const FIELDS = ["testedOn", "values", "retestOf"] as const;

/** 录入结果 (the agency): values typed one group/specimen/item per line; a failed earlier result may be re-tested. */
export function ResultForm({ commission, onClose }: { commission: CommissionDto; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ testedOn: string; text: string; retest: boolean }>();
  const submit = useSubmitResult(commission.id);
  const earlier = useResults({ commissionId: commission.id, pageSize: 1 });
  const failed = earlier.data?.items.find((r) => !r.pass);
  const hint = commission.sampleType === "concrete" ? t("testing.valuesHint") : commission.sampleType === "rebar" ? t("testing.specimensHint") : t("testing.itemsHint");
  const onOk = async () => {
    const v = await form.validateFields();
    const values = commission.sampleType === "concrete" ? parseConcreteGroups(v.text) : commission.sampleType === "rebar" ? parseRebarSpecimens(v.text) : parseItems(v.text);
    try {
      const r = await submit.mutateAsync({ testedOn: v.testedOn, values, retestOf: v.retest && failed ? failed.id : null });
      if (r.pass) message.success(t("testing.pass"));
      else message.warning(t("testing.fail"));
      onClose();
    } catch (e) {
      showSaveError(form, e, FIELDS, message);
    }
  };
  return (
    <Modal open title={`${t("testing.submitResult")} · ${commission.no}`} okText={t("common.save")} okButtonProps={{ loading: submit.isPending }} onOk={() => void onOk()} onCancel={onClose} destroyOnHidden>
      <Form form={form} layout="vertical" initialValues={{ testedOn: shanghaiDay(), retest: !!failed }}>
        <Form.Item name="testedOn" label={t("testing.testedOn")} rules={[{ required: true, message: t("common.required") }]}>
          <DateInput />
        </Form.Item>
        <Form.Item name="text" label={t("testing.values")} extra={hint} rules={[{ required: true, message: t("common.required") }]}>
          <Input.TextArea rows={6} style={{ fontFamily: "monospace" }} />
        </Form.Item>
        {failed && (
          <Form.Item name="retest" valuePropName="checked">
            <Checkbox>{t("testing.retest")}</Checkbox>
          </Form.Item>
        )}
      </Form>
    </Modal>
  );
}
