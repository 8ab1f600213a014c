import { Alert, App, Checkbox, Form, Input, Modal } from "antd";
import { useTranslation } from "react-i18next";
import type { CreateSafetyCheckInput } from "@contracts/gas/customer";
import { shanghaiDay } from "@contracts/platform/time";
import { DateInput } from "../../../../components/date-input";
import { showSaveError } from "../../../../components/form-utils";
import { PhotoInput } from "../../../../components/photo-input";
import { checkPhotoEndpoints, useRecordCheck } from "../api";
import "../i18n";

const FIELDS = ["checkedOn", "alarmFitted", "hoseOk", "valveOk", "note", "photoIds"] as const;

/** 登记入户安检: the three items; passed and the next due date are the server's to work out. */
export function CheckForm({ customerId, onClose }: { customerId: string; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<Omit<CreateSafetyCheckInput, "customerId">>();
  const record = useRecordCheck();
  const submit = async () => {
    const v = await form.validateFields();
    try {
      const saved = await record.mutateAsync({ ...v, customerId });
      message.success(`${t(saved.passed ? "gasDelivery.pass" : "gasDelivery.fail")} · ${t("gasDelivery.nextDueOn")} ${saved.nextDueOn}`);
      onClose();
    } catch (e) {
      showSaveError(form, e, FIELDS, message);
    }
  };
  return (
    <Modal open title={t("gasDelivery.recordCheck")} okText={t("common.save")} okButtonProps={{ loading: record.isPending }} onOk={() => void submit()} onCancel={onClose} destroyOnHidden>
      <Alert type="info" showIcon title={t("gasDelivery.checkHint")} style={{ marginBottom: 12 }} />
      <Form form={form} layout="vertical" initialValues={{ checkedOn: shanghaiDay(), alarmFitted: true, hoseOk: true, valveOk: true, note: "", photoIds: [] }}>
        <Form.Item name="checkedOn" label={t("gasDelivery.checkedOn")} rules={[{ required: true, message: t("common.required") }]}>
          <DateInput />
        </Form.Item>
        <Form.Item name="alarmFitted" valuePropName="checked">
          <Checkbox>{t("gasDelivery.alarmFitted")}</Checkbox>
        </Form.Item>
        <Form.Item name="hoseOk" valuePropName="checked">
          <Checkbox>{t("gasDelivery.hoseOk")}</Checkbox>
        </Form.Item>
        <Form.Item name="valveOk" valuePropName="checked">
          <Checkbox>{t("gasDelivery.valveOk")}</Checkbox>
        </Form.Item>
        <Form.Item name="note" label={t("gasDelivery.note")}>
          <Input.TextArea rows={2} maxLength={1000} />
        </Form.Item>
        <Form.Item name="photoIds" label={t("gasDelivery.photos")}>
          <PhotoInput {...checkPhotoEndpoints} max={20} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
