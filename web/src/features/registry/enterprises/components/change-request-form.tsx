import { Alert, Col, Form, Input, Row, Select, Typography } from "antd";
import { useTranslation } from "react-i18next";
import type { EnterpriseDto } from "@contracts/registry/enterprise";
import { CreateEnterpriseChangeRequestInput } from "@contracts/registry/enterprise-change";
import { ENTERPRISE_TYPE_LABELS } from "@contracts/registry/enums";
import { CreditCode } from "@contracts/registry/fields";
import { FormModal } from "../../../../components/form-modal";
import { zodRule } from "../../../../components/form-utils";
import { useLabels } from "../../../../i18n/labels";
import { useFileChangeRequest } from "../change-api";
import { QualificationsField } from "./qualifications-field";

type Values = CreateEnterpriseChangeRequestInput;
const FIELDS = ["name", "creditCode", "type", "legalRep", "qualifications", "reason"] as const;

/**
 * 申请变更: the enterprise's own user proposes new identity fields, starting from the current ones; the
 * server keeps only what differs and the bureau decides.
 */
export function ChangeRequestForm({ open, onClose, enterprise: e }: { open: boolean; onClose: () => void; enterprise: EnterpriseDto }) {
  const { t } = useTranslation();
  const { options } = useLabels();
  const file = useFileChangeRequest(e.id);

  const shape = CreateEnterpriseChangeRequestInput.shape;
  const required = { required: true, message: t("common.required") };
  return (
    <FormModal<Values>
      drawer
      open={open}
      onClose={onClose}
      title={t("enterpriseChange.requestTitle")}
      width={760}
      okText={t("enterpriseChange.request")}
      submit={(values) => file.mutateAsync({ ...values, qualifications: values.qualifications ?? [] })}
      pending={file.isPending}
      fields={FIELDS}
      success={t("enterpriseChange.filed")}
      intro={<Alert type="info" showIcon message={t("enterpriseChange.requestHint")} style={{ marginBottom: 16 }} />}
      initialValues={{
        name: e.name,
        creditCode: e.creditCode,
        type: e.type,
        legalRep: e.legalRep,
        qualifications: e.qualifications.map(({ category, grade, certNo, issuedOn, expiresOn }) => ({ category, grade, certNo, issuedOn, expiresOn })),
      }}
    >
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
    </FormModal>
  );
}
