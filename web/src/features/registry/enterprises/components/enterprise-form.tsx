import { Alert, Col, Form, Input, Row, Select, Typography } from "antd";
import { useTranslation } from "react-i18next";
import { useNavigate } from "react-router";
import { CreateEnterpriseInput, type EnterpriseDto } from "@contracts/registry/enterprise";
import { ENTERPRISE_STATUS_LABELS, ENTERPRISE_TYPE_LABELS, YONGKANG_DISTRICTS } from "@contracts/registry/enums";
import { CreditCode, Mobile } from "@contracts/registry/fields";
import { FormModal } from "../../../../components/form-modal";
import { nullIfEmpty, zodRule } from "../../../../components/form-utils";
import { useLabels } from "../../../../i18n/labels";
import { useSaveEnterprise } from "../api";
import { QualificationsField } from "./qualifications-field";

type Values = CreateEnterpriseInput;

const FIELDS = ["name", "creditCode", "type", "legalRep", "address", "district", "contactName", "contactPhone", "status", "qualifications"] as const;
/** What an enterprise's own user edits directly; identity fields go through a change request, status stays with the bureau. */
const SELF_SERVICE_FIELDS = ["address", "district", "contactName", "contactPhone"] as const;

/** Only the input fields of a qualification (the DTO also carries id and the derived expiry). */
const toInput = (e: EnterpriseDto): Values => ({
  ...e,
  qualifications: e.qualifications.map(({ category, grade, certNo, issuedOn, expiresOn }) => ({ category, grade, certNo, issuedOn, expiresOn })),
});

/**
 * 新建 / 编辑企业 with its qualifications; the credit code is checked (GB 32100) before sending. With
 * `selfService` (the enterprise's own user) identity fields and status are shown read-only and not sent.
 */
export function EnterpriseForm({ open, onClose, enterprise, selfService = false }: { open: boolean; onClose: () => void; enterprise?: EnterpriseDto; selfService?: boolean }) {
  const { t } = useTranslation();
  const { options } = useLabels();
  const navigate = useNavigate();
  const save = useSaveEnterprise(enterprise?.id);

  const submit = (values: Values) => {
    const all = nullIfEmpty({ ...values, qualifications: values.qualifications ?? [] }, ["district", "contactName", "contactPhone"]);
    return save.mutateAsync(selfService ? Object.fromEntries(SELF_SERVICE_FIELDS.map((f) => [f, all[f]])) : all);
  };

  const shape = CreateEnterpriseInput.shape;
  const required = { required: true, message: t("common.required") };
  return (
    <FormModal<Values, EnterpriseDto>
      drawer
      open={open}
      onClose={onClose}
      title={t(enterprise ? "enterprise.editTitle" : "enterprise.createTitle")}
      width={760}
      submit={submit}
      pending={save.isPending}
      fields={FIELDS}
      success={t(enterprise ? "common.saved" : "common.created")}
      onSaved={(saved) => !enterprise && navigate(`/enterprises/${saved.id}`)}
      intro={selfService && <Alert type="info" showIcon message={t("enterpriseChange.identityReadOnly")} style={{ marginBottom: 16 }} />}
      initialValues={enterprise ? toInput(enterprise) : { status: "normal", address: "", qualifications: [] }}
    >
      <Form.Item name="name" label={t("enterprise.name")} rules={[required, zodRule(shape.name)]}>
        <Input disabled={selfService} />
      </Form.Item>
      <Row gutter={16}>
        <Col span={12}>
          <Form.Item name="creditCode" label={t("enterprise.creditCode")} rules={[required, zodRule(CreditCode)]} normalize={(v: string) => v?.toUpperCase()}>
            <Input className="sc-mono" maxLength={18} placeholder="91330784XXXXXXXXXX" disabled={selfService} />
          </Form.Item>
        </Col>
        <Col span={12}>
          <Form.Item name="type" label={t("enterprise.type")} rules={[required]}>
            <Select options={options(ENTERPRISE_TYPE_LABELS)} disabled={selfService} />
          </Form.Item>
        </Col>
        <Col span={12}>
          <Form.Item name="legalRep" label={t("enterprise.legalRep")} rules={[required, zodRule(shape.legalRep)]}>
            <Input disabled={selfService} />
          </Form.Item>
        </Col>
        <Col span={12}>
          <Form.Item name="status" label={t("enterprise.status")}>
            <Select options={options(ENTERPRISE_STATUS_LABELS)} disabled={selfService} />
          </Form.Item>
        </Col>
        <Col span={12}>
          <Form.Item name="district" label={t("enterprise.district")}>
            <Select allowClear showSearch options={YONGKANG_DISTRICTS.map((d) => ({ value: d, label: d }))} />
          </Form.Item>
        </Col>
        <Col span={12}>
          <Form.Item name="address" label={t("enterprise.address")} rules={[zodRule(shape.address)]}>
            <Input />
          </Form.Item>
        </Col>
        <Col span={12}>
          <Form.Item name="contactName" label={t("enterprise.contactName")}>
            <Input />
          </Form.Item>
        </Col>
        <Col span={12}>
          <Form.Item name="contactPhone" label={t("enterprise.contactPhone")} rules={[zodRule(Mobile)]}>
            <Input maxLength={11} />
          </Form.Item>
        </Col>
      </Row>
      {!selfService && (
        <>
          <Typography.Title level={5}>{t("enterprise.tabQualifications")}</Typography.Title>
          <QualificationsField />
        </>
      )}
    </FormModal>
  );
}
