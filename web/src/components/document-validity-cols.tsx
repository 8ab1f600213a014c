import { Button, Col, Form, Input } from "antd";
import type { Rule } from "antd/es/form";
import { DeleteOutlined } from "@ant-design/icons";
import { useTranslation } from "react-i18next";
import { DateInput } from "./date-input";

/**
 * The columns every certificate-like row ends with (资质 and 证书 alike): number, issue date, expiry date,
 * and the remove button. `labels` is the i18n prefix ("qualification" or "certificate").
 */
export function DocumentValidityCols({ name, labels, certNoRule, onRemove }: { name: number; labels: string; certNoRule: Rule; onRemove: () => void }) {
  const { t } = useTranslation();
  const required = { required: true, message: t("common.required") };
  return (
    <>
      <Col flex="1 1 22%">
        <Form.Item name={[name, "certNo"]} label={t(`${labels}.certNo`)} rules={[required, certNoRule]}>
          <Input />
        </Form.Item>
      </Col>
      <Col flex="0 0 128px">
        <Form.Item name={[name, "issuedOn"]} label={t(`${labels}.issuedOn`)}>
          <DateInput />
        </Form.Item>
      </Col>
      <Col flex="0 0 128px">
        <Form.Item name={[name, "expiresOn"]} label={t(`${labels}.expiresOn`)} rules={[required]}>
          <DateInput />
        </Form.Item>
      </Col>
      <Col flex="0 0 32px" style={{ paddingTop: 30 }}>
        <Button type="text" danger icon={<DeleteOutlined />} aria-label={t("common.remove")} onClick={onRemove} />
      </Col>
    </>
  );
}
