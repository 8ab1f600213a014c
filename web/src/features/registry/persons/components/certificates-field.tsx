import { Button, Col, Form, Input, Row, Select } from "antd";
import { PlusOutlined } from "@ant-design/icons";
import { useTranslation } from "react-i18next";
import { CERTIFICATE_KIND_LABELS } from "@contracts/registry/enums";
import { CertificateInput } from "@contracts/registry/person";
import { DocumentValidityCols } from "../../../../components/document-validity-cols";
import { zodRule } from "../../../../components/form-utils";
import { useLabels } from "../../../../i18n/labels";

/** The editable list of 证书 inside the person form; the whole list replaces the stored one on save. */
export function CertificatesField() {
  const { t } = useTranslation();
  const { options } = useLabels();
  const shape = CertificateInput.shape;
  const required = { required: true, message: t("common.required") };
  return (
    <Form.List name="certificates">
      {(fields, { add, remove }) => (
        <>
          {fields.map(({ key, name }) => (
            <Row key={key} gutter={8} align="top" wrap={false}>
              <Col flex="1 1 26%">
                <Form.Item name={[name, "kind"]} label={t("certificate.kind")} rules={[required]}>
                  <Select options={options(CERTIFICATE_KIND_LABELS)} popupMatchSelectWidth={false} />
                </Form.Item>
              </Col>
              <Col flex="0 0 90px">
                <Form.Item name={[name, "specialty"]} label={t("certificate.specialty")} rules={[zodRule(shape.specialty)]}>
                  <Input />
                </Form.Item>
              </Col>
              <Col flex="0 0 70px">
                <Form.Item name={[name, "level"]} label={t("certificate.level")} rules={[zodRule(shape.level)]}>
                  <Input />
                </Form.Item>
              </Col>
              <DocumentValidityCols name={name} labels="certificate" certNoRule={zodRule(shape.certNo)} onRemove={() => remove(name)} />
            </Row>
          ))}
          <Button type="dashed" block icon={<PlusOutlined />} onClick={() => add({ kind: undefined, certNo: "", issuedOn: null, expiresOn: null })}>
            {t("certificate.add")}
          </Button>
        </>
      )}
    </Form.List>
  );
}
