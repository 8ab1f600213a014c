import { Col, Form, Input, InputNumber, Row, Select } from "antd";
import { useTranslation } from "react-i18next";
import { CUSTOMER_KIND_LABELS, type CustomerDto, type CustomerInput } from "@contracts/gas/customer";
import { useMe } from "../../../../auth/use-can";
import { nullIfEmpty } from "../../../../components/form-utils";
import { RemoteSelect } from "../../../../components/remote-select";
import { FormModal, useRequired } from "../../../../components/form-modal";
import { useLabels } from "../../../../i18n/labels";
import { searchGasCompanies, useSaveCustomer } from "../api";
import { gasDeliveryKeys } from "../keys";

const FIELDS = ["enterpriseId", "code", "kind", "name", "idNumber", "phone", "address", "lat", "lng", "contractNo"] as const;

/**
 * New or edit customer. Editing shows the ID masked, so the field starts empty and must be typed again:
 * a masked value can never be saved back over the real one.
 */
export function CustomerForm({ customer, onClose }: { customer: CustomerDto | null; onClose: () => void }) {
  const { t } = useTranslation();
  const { options } = useLabels();
  const me = useMe();
  const save = useSaveCustomer(customer?.id);
  const admin = me.data?.role === "admin";
  const required = useRequired();
  const initial: Partial<CustomerInput> = customer
    ? { code: customer.code, kind: customer.kind, name: customer.name, phone: customer.phone, address: customer.address, lat: customer.lat, lng: customer.lng, contractNo: customer.contractNo }
    : { kind: "resident" };
  return (
    <FormModal<CustomerInput>
      title={t(customer ? "gasDelivery.editCustomer" : "gasDelivery.newCustomer")}
      width={680}
      onClose={onClose}
      submit={(v) => save.mutateAsync(nullIfEmpty(v, ["contractNo", "lat", "lng"]))}
      pending={save.isPending}
      fields={FIELDS}
      initialValues={initial}
    >
      {admin && !customer && (
        <Form.Item name="enterpriseId" label={t("gasDelivery.enterprise")} rules={required} extra={t("gasDelivery.enterpriseHint")}>
          <RemoteSelect scope={gasDeliveryKeys.customers.all} fetchOptions={searchGasCompanies} />
        </Form.Item>
      )}
      <Row gutter={12}>
        <Col span={8}>
          <Form.Item name="code" label={t("gasDelivery.code")} rules={required}>
            <Input maxLength={40} />
          </Form.Item>
        </Col>
        <Col span={8}>
          <Form.Item name="kind" label={t("gasDelivery.kind")} rules={required}>
            <Select options={options(CUSTOMER_KIND_LABELS)} />
          </Form.Item>
        </Col>
        <Col span={8}>
          <Form.Item name="name" label={t("gasDelivery.name")} rules={required}>
            <Input maxLength={100} />
          </Form.Item>
        </Col>
      </Row>
      <Row gutter={12}>
        <Col span={12}>
          <Form.Item name="idNumber" label={t("gasDelivery.idNumber")} rules={required} extra={customer ? `${t("gasDelivery.idNumberHint")}（${customer.idNumber}）` : t("gasDelivery.idNumberHint")}>
            <Input maxLength={18} autoComplete="off" />
          </Form.Item>
        </Col>
        <Col span={12}>
          <Form.Item name="phone" label={t("gasDelivery.phone")} rules={required}>
            <Input maxLength={20} />
          </Form.Item>
        </Col>
      </Row>
      <Form.Item name="address" label={t("gasDelivery.address")} rules={required}>
        <Input maxLength={200} />
      </Form.Item>
      <Row gutter={12}>
        <Col span={8}>
          <Form.Item name="lat" label={t("gasDelivery.lat")}>
            <InputNumber style={{ width: "100%" }} min={-90} max={90} step={0.0001} />
          </Form.Item>
        </Col>
        <Col span={8}>
          <Form.Item name="lng" label={t("gasDelivery.lng")}>
            <InputNumber style={{ width: "100%" }} min={-180} max={180} step={0.0001} />
          </Form.Item>
        </Col>
        <Col span={8}>
          <Form.Item name="contractNo" label={t("gasDelivery.contractNo")}>
            <Input maxLength={60} />
          </Form.Item>
        </Col>
      </Row>
    </FormModal>
  );
}
