import { useEffect } from "react";
import { App, Button, Col, Drawer, Form, Input, Row, Select, Space, Typography } from "antd";
import { useTranslation } from "react-i18next";
import { useNavigate } from "react-router";
import { CreateEnterpriseInput, type EnterpriseDto } from "@contracts/registry/enterprise";
import { ENTERPRISE_STATUS_LABELS, ENTERPRISE_TYPE_LABELS, YONGKANG_DISTRICTS } from "@contracts/registry/enums";
import { CreditCode, Mobile } from "@contracts/registry/fields";
import { nullIfEmpty, zodRule, showSaveError } from "../../../../components/form-utils";
import { useLabels } from "../../../../i18n/labels";
import { useSaveEnterprise } from "../api";
import { QualificationsField } from "./qualifications-field";

type Values = CreateEnterpriseInput;

const FIELDS = ["name", "creditCode", "type", "legalRep", "address", "district", "contactName", "contactPhone", "status", "qualifications"] as const;

/** Only the input fields of a qualification (the DTO also carries id and the derived expiry). */
const toInput = (e: EnterpriseDto): Values => ({
  ...e,
  qualifications: e.qualifications.map(({ category, grade, certNo, issuedOn, expiresOn }) => ({ category, grade, certNo, issuedOn, expiresOn })),
});

/** 新建 / 编辑企业 with its qualifications; the credit code is checked (GB 32100) before sending. */
export function EnterpriseForm({ open, onClose, enterprise }: { open: boolean; onClose: () => void; enterprise?: EnterpriseDto }) {
  const { t } = useTranslation();
  const { options } = useLabels();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const [form] = Form.useForm<Values>();
  const save = useSaveEnterprise(enterprise?.id);

  useEffect(() => {
    if (!open) return;
    form.resetFields();
    if (enterprise) form.setFieldsValue(toInput(enterprise));
  }, [open, enterprise, form]);

  const submit = async (values: Values) => {
    const body = nullIfEmpty({ ...values, qualifications: values.qualifications ?? [] }, ["district", "contactName", "contactPhone"]);
    try {
      const saved = await save.mutateAsync(body);
      message.success(t(enterprise ? "common.saved" : "common.created"));
      onClose();
      if (!enterprise) navigate(`/enterprises/${saved.id}`);
    } catch (e) {
      showSaveError(form, e, FIELDS, message);
    }
  };

  const shape = CreateEnterpriseInput.shape;
  const required = { required: true, message: t("common.required") };
  return (
    <Drawer
      open={open}
      onClose={onClose}
      title={t(enterprise ? "enterprise.editTitle" : "enterprise.createTitle")}
      size={760}
      destroyOnHidden
      extra={
        <Space>
          <Button onClick={onClose}>{t("common.cancel")}</Button>
          <Button type="primary" loading={save.isPending} onClick={() => form.submit()}>
            {t("common.save")}
          </Button>
        </Space>
      }
    >
      <Form<Values> form={form} layout="vertical" onFinish={submit} initialValues={{ status: "normal", address: "", qualifications: [] }}>
        <Form.Item name="name" label={t("enterprise.name")} rules={[required, zodRule(shape.name)]}>
          <Input />
        </Form.Item>
        <Row gutter={16}>
          <Col span={12}>
            <Form.Item name="creditCode" label={t("enterprise.creditCode")} rules={[required, zodRule(CreditCode)]} normalize={(v: string) => v?.toUpperCase()}>
              <Input className="sc-mono" maxLength={18} placeholder="91330784XXXXXXXXXX" />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item name="type" label={t("enterprise.type")} rules={[required]}>
              <Select options={options(ENTERPRISE_TYPE_LABELS)} />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item name="legalRep" label={t("enterprise.legalRep")} rules={[required, zodRule(shape.legalRep)]}>
              <Input />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item name="status" label={t("enterprise.status")}>
              <Select options={options(ENTERPRISE_STATUS_LABELS)} />
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
        <Typography.Title level={5}>{t("enterprise.tabQualifications")}</Typography.Title>
        <QualificationsField />
      </Form>
    </Drawer>
  );
}
