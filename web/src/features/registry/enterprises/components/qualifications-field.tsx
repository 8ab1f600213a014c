import { Button, Col, Form, Input, Row } from "antd";
import { PlusOutlined } from "@ant-design/icons";
import { useTranslation } from "react-i18next";
import { QualificationInput } from "@contracts/registry/enterprise";
import { DocumentValidityCols } from "../../../../components/document-validity-cols";
import { zodRule } from "../../../../components/form-utils";

/** The editable list of 资质 inside the enterprise form; the whole list replaces the stored one on save. */
export function QualificationsField() {
  const { t } = useTranslation();
  const shape = QualificationInput.shape;
  const required = { required: true, message: t("common.required") };
  return (
    <Form.List name="qualifications">
      {(fields, { add, remove }) => (
        <>
          {fields.map(({ key, name }) => (
            <Row key={key} gutter={8} align="top" wrap={false}>
              <Col flex="1 1 28%">
                <Form.Item name={[name, "category"]} label={t("qualification.category")} rules={[required, zodRule(shape.category)]}>
                  <Input placeholder="建筑工程施工总承包" />
                </Form.Item>
              </Col>
              <Col flex="0 0 90px">
                <Form.Item name={[name, "grade"]} label={t("qualification.grade")} rules={[required, zodRule(shape.grade)]}>
                  <Input placeholder="一级" />
                </Form.Item>
              </Col>
              <DocumentValidityCols name={name} labels="qualification" certNoRule={zodRule(shape.certNo)} onRemove={() => remove(name)} />
            </Row>
          ))}
          <Button type="dashed" block icon={<PlusOutlined />} onClick={() => add({ category: "", grade: "", certNo: "", issuedOn: null, expiresOn: null })}>
            {t("qualification.add")}
          </Button>
        </>
      )}
    </Form.List>
  );
}
