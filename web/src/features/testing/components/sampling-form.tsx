import { App, DatePicker, Form, Input, Modal, type FormInstance } from "antd";
import dayjs, { type Dayjs } from "dayjs";
import { useTranslation } from "react-i18next";
import type { CommissionDto } from "@contracts/testing/commission";
import { ApiError } from "../../../api/client";
import { applyServerErrors, errorText } from "../../../components/form-utils";
import { useRecordSampling } from "../api";
import { SamplingPhotoInput } from "./sampling-photos";

const FIELDS = ["sampledAt", "place", "sampleCode"] as const;

/** An issue naming one photo (`photoIds.<i>`) goes onto the photo control, which is one form field. */
function applyPhotoErrors(form: FormInstance, err: unknown): boolean {
  if (!(err instanceof ApiError)) return false;
  const errors = err.fieldIssues().filter((i) => i.path === "photoIds" || i.path.startsWith("photoIds.")).map((i) => i.message);
  if (errors.length) form.setFields([{ name: "photoIds", errors }]);
  return errors.length > 0;
}

/** 见证取样记录: time, place, the sealed sample's code and on-site photos, filed once per commission. */
export function SamplingForm({ commission, onClose }: { commission: CommissionDto; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ sampledAt: Dayjs; place: string; sampleCode: string; photoIds: string[] }>();
  const record = useRecordSampling(commission.id);
  const submit = async () => {
    const v = await form.validateFields();
    try {
      await record.mutateAsync({ sampledAt: v.sampledAt.toISOString(), place: v.place, sampleCode: v.sampleCode.trim(), photoIds: v.photoIds });
      message.success(t("common.saved"));
      onClose();
    } catch (e) {
      const onFields = applyServerErrors(form, e, FIELDS);
      const onPhotos = applyPhotoErrors(form, e);
      if (!onFields && !onPhotos) message.error(errorText(e));
    }
  };
  const required = [{ required: true, message: t("common.required") }];
  return (
    <Modal open title={`${t("testing.recordSampling")} · ${commission.no}`} okText={t("common.save")} okButtonProps={{ loading: record.isPending }} onOk={() => void submit()} onCancel={onClose} destroyOnHidden>
      <Form form={form} layout="vertical" initialValues={{ sampledAt: dayjs(), sampleCode: commission.no.replace(/^WT/, "YP"), photoIds: [] }}>
        <Form.Item name="sampledAt" label={t("testing.sampledAt")} rules={required}>
          <DatePicker showTime={{ format: "HH:mm" }} format="YYYY-MM-DD HH:mm" style={{ width: "100%" }} />
        </Form.Item>
        <Form.Item name="place" label={t("testing.samplePlace")} rules={required}>
          <Input maxLength={200} />
        </Form.Item>
        <Form.Item name="sampleCode" label={t("testing.sampleCode")} rules={[...required, { pattern: /^[A-Za-z0-9-]{4,64}$/, message: "4–64 A-Z 0-9 -" }]} extra={t("testing.sampleCodeHint")}>
          <Input maxLength={64} />
        </Form.Item>
        <Form.Item name="photoIds" label={t("testing.samplePhotos")}>
          <SamplingPhotoInput />
        </Form.Item>
      </Form>
    </Modal>
  );
}
