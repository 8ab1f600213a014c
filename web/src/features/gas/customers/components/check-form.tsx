import { Alert, App, Checkbox, Form, Input } from "antd";
import { useTranslation } from "react-i18next";
import type { CreateSafetyCheckInput, SafetyCheckDto } from "@contracts/gas/customer";
import { shanghaiDay } from "@contracts/platform/time";
import { DateInput } from "../../../../components/date-input";
import { PhotoInput } from "../../../../components/photo-input";
import { FormModal } from "../../../../components/form-modal";
import { checkPhotoEndpoints, useRecordCheck } from "../api";

const FIELDS = ["checkedOn", "alarmFitted", "hoseOk", "valveOk", "note", "photoIds"] as const;

/** 登记入户安检: the three items; passed and the next due date are the server's to work out. */
export function CheckForm({ customerId, onClose }: { customerId: string; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const record = useRecordCheck();
  return (
    <FormModal<Omit<CreateSafetyCheckInput, "customerId">, SafetyCheckDto>
      title={t("gasDelivery.recordCheck")}
      onClose={onClose}
      submit={(v) => record.mutateAsync({ ...v, customerId })}
      pending={record.isPending}
      fields={FIELDS}
      success={null}
      onSaved={(saved) => void message.success(`${t(saved.passed ? "gasDelivery.pass" : "gasDelivery.fail")} · ${t("gasDelivery.nextDueOn")} ${saved.nextDueOn}`)}
      intro={<Alert type="info" showIcon title={t("gasDelivery.checkHint")} style={{ marginBottom: 12 }} />}
      initialValues={{ checkedOn: shanghaiDay(), alarmFitted: true, hoseOk: true, valveOk: true, note: "", photoIds: [] }}
    >
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
    </FormModal>
  );
}
