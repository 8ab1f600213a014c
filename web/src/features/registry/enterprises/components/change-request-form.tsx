import { useEffect } from "react";
import { Alert, App, Button, Col, Drawer, Form, Input, Row, Select, Space, Typography } from "antd";
import { useTranslation } from "react-i18next";
import type { EnterpriseDto } from "@contracts/registry/enterprise";
import { CreateEnterpriseChangeRequestInput } from "@contracts/registry/enterprise-change";
import { ENTERPRISE_TYPE_LABELS } from "@contracts/registry/enums";
import { CreditCode } from "@contracts/registry/fields";
import { showSaveError, zodRule } from "../../../../components/form-utils";
import { useLabels } from "../../../../i18n/labels";
import { useFileChangeRequest } from "../change-api";
import { QualificationsField } from "./qualifications-field";
import "../change-i18n";

type Values = CreateEnterpriseChangeRequestInput;
const FIELDS = ["name", "creditCode", "type", "legalRep", "qualifications", "reason"] as const;

/**
 * 申请变更: the enterprise's own user proposes new identity fields, starting from the current ones; the
 * server keeps only what differs and the bureau decides.
 */
export function ChangeRequestForm({ open, onClose, enterprise: e }: { open: boolean; onClose: () => void; enterprise: EnterpriseDto }) {
  const { t } = useTranslation();
  const { options } = useLabels();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const file = useFileChangeRequest(e.id);

  useEffect(() => {
    if (!open) return;
    form.resetFields();
    form.setFieldsValue({
      name: e.name,
      creditCode: e.creditCode,
      type: e.type,
      legalRep: e.legalRep,
      qualifications: e.qualifications.map(({ category, grade, certNo, issuedOn, expiresOn }) => ({ category, grade, certNo, issuedOn, expiresOn })),
    });
  }, [open, e, form]);

  const submit = async (values: Values) => {
    try {
      await file.mutateAsync({ ...values, qualifications: values.qualifications ?? [] });
      message.success(t("enterpriseChange.filed"));
      onClose();
    } catch (err) {
      showSaveError(form, err, FIELDS, message);
    }
  };

  const shape = CreateEnterpriseChangeRequestInput.shape;
  const required = { required: true, message: t("common.required") };
  return (
    <Drawer
      open={open}
      onClose={onClose}
      title={t("enterpriseChange.requestTitle")}
      size={760}
      destroyOnHidden
      extra={
        <Space>
          <Button onClick={onClose}>{t("common.cancel")}</Button>
          <Button type="primary" loading={file.isPending} onClick={() => form.submit()}>
            {t("enterpriseChange.request")}
          </Button>
        </Space>
      }
    >
      <Alert type="info" showIcon message={t("enterpriseChange.requestHint")} style={{ marginBottom: 16 }} />
      <Form<Values> form={form} layout="vertical" onFinish={submit}>
        <Form.Item name="name" label={t("enterprise.name")} rules={[required]}>
          <Input />
        </Form.Item>
        <Row gutter={16}>
          <Col span={12}>
            <Form.Item name="creditCode" label={t("enterprise.creditCode")} rules={[required, zodRule(CreditCode)]} normalize={(v: string) => v?.toUpperCase()}>
              <Input className="sc-mono" maxLength={18} />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item name="type" label={t("enterprise.type")} rules={[required]}>
              <Select options={options(ENTERPRISE_TYPE_LABELS)} />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item name="legalRep" label={t("enterprise.legalRep")} rules={[required]}>
              <Input />
            </Form.Item>
          </Col>
        </Row>
        <Typography.Title level={5}>{t("enterprise.tabQualifications")}</Typography.Title>
        <QualificationsField />
        <Form.Item name="reason" label={t("enterpriseChange.reason")} rules={[required, zodRule(shape.reason)]} style={{ marginTop: 16 }}>
          <Input.TextArea rows={3} maxLength={500} />
        </Form.Item>
      </Form>
    </Drawer>
  );
}
