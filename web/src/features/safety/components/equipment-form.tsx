import { Button, Col, Form, Input, InputNumber, Row, Select, Space, Tag } from "antd";
import { MinusCircleOutlined, PlusOutlined } from "@ant-design/icons";
import { useTranslation } from "react-i18next";
import { EQUIPMENT_KIND_LABELS, EQUIPMENT_STATUS_LABELS, OPERATOR_ROLE_LABELS, type EquipmentDto, type EquipmentKind } from "@contracts/safety/equipment";
import { keys } from "../../../api/query-keys";
import { DateInput } from "../../../components/date-input";
import { FormModal, useRequired } from "../../../components/form-modal";
import { RemoteSelect } from "../../../components/remote-select";
import { useLabels } from "../../../i18n/labels";
import { searchEnterprises } from "../../registry/enterprises/api";
import { searchPersons } from "../../registry/persons/api";
import { useLiftMonitors, useSaveEquipment } from "../api";

const FIELDS = ["kind", "recordNo", "model", "manufacturer", "ratedCapacityT", "ownerEnterpriseId", "installerEnterpriseId", "installedOn", "inspectionValidTo", "useRegistrationNo", "deviceId", "status", "operators"] as const;

interface Values {
  kind: EquipmentKind;
  recordNo: string;
  model: string;
  manufacturer?: string;
  ratedCapacityT: number;
  ownerEnterpriseId?: string | null;
  installerEnterpriseId?: string | null;
  installedOn?: string | null;
  inspectionValidTo?: string | null;
  useRegistrationNo?: string | null;
  deviceId?: string | null;
  status?: EquipmentDto["status"];
  operators?: { personId: string; role: "driver" | "signalman" }[];
}

/**
 * 登记/修改起重机械: registration data, the IoT monitor of this project it is watched by, and its operators.
 * An operator without a valid certificate may be recorded; the server flags it and opens a finding.
 */
export function EquipmentForm({ projectId, equipment, onClose }: { projectId: string; equipment?: EquipmentDto; onClose: () => void }) {
  const { t } = useTranslation();
  const { options } = useLabels();
  const [form] = Form.useForm<Values>();
  const save = useSaveEquipment(projectId, equipment?.id);
  const kind = (Form.useWatch("kind", form) as EquipmentKind | undefined) ?? equipment?.kind ?? "tower_crane";
  const monitors = useLiftMonitors(projectId, kind);

  const submit = (v: Values) => {
    const body = { ...v, operators: v.operators ?? [], useRegistrationNo: v.useRegistrationNo || null };
    const { kind: _kind, ...update } = body;
    const { status: _status, ...create } = body;
    return save.mutateAsync(equipment ? update : create);
  };
  const required = useRequired();
  const known = (id: string | null | undefined, name: string | null | undefined) => (id && name ? [{ value: id, label: name }] : []);

  return (
    <FormModal<Values>
      form={form}
      title={t(equipment ? "safety.editEquipment" : "safety.newEquipment")}
      width={760}
      onClose={onClose}
      submit={submit}
      pending={save.isPending}
      fields={FIELDS}
      success={t(equipment ? "common.saved" : "common.created")}
      initialValues={equipment ? { ...equipment, operators: equipment.operators.map((o) => ({ personId: o.personId, role: o.role })) } : { kind: "tower_crane", operators: [] }}
    >
      <Row gutter={12}>
        <Col span={8}>
          <Form.Item name="kind" label={t("safety.kind")} rules={required}>
            <Select disabled={!!equipment} options={options(EQUIPMENT_KIND_LABELS)} onChange={() => form.setFieldsValue({ deviceId: null })} />
          </Form.Item>
        </Col>
        <Col span={8}>
          <Form.Item name="recordNo" label={t("safety.recordNo")} rules={required}>
            <Input maxLength={40} />
          </Form.Item>
        </Col>
        <Col span={8}>
          <Form.Item name="useRegistrationNo" label={t("safety.useRegistrationNo")}>
            <Input maxLength={40} />
          </Form.Item>
        </Col>
      </Row>
      <Row gutter={12}>
        <Col span={8}>
          <Form.Item name="model" label={t("safety.model")} rules={required}>
            <Input maxLength={60} />
          </Form.Item>
        </Col>
        <Col span={8}>
          <Form.Item name="manufacturer" label={t("safety.manufacturer")}>
            <Input maxLength={100} />
          </Form.Item>
        </Col>
        <Col span={8}>
          <Form.Item name="ratedCapacityT" label={t("safety.ratedCapacityT")} rules={required}>
            <InputNumber min={0.1} max={1000} style={{ width: "100%" }} />
          </Form.Item>
        </Col>
      </Row>
      <Row gutter={12}>
        <Col span={12}>
          <Form.Item name="ownerEnterpriseId" label={t("safety.owner")}>
            <RemoteSelect scope={keys.enterprises.all} fetchOptions={searchEnterprises} knownOptions={known(equipment?.ownerEnterpriseId, equipment?.ownerEnterpriseName)} />
          </Form.Item>
        </Col>
        <Col span={12}>
          <Form.Item name="installerEnterpriseId" label={t("safety.installer")}>
            <RemoteSelect scope={keys.enterprises.all} fetchOptions={searchEnterprises} knownOptions={known(equipment?.installerEnterpriseId, equipment?.installerEnterpriseName)} />
          </Form.Item>
        </Col>
      </Row>
      <Row gutter={12}>
        <Col span={8}>
          <Form.Item name="installedOn" label={t("safety.installedOn")}>
            <DateInput />
          </Form.Item>
        </Col>
        <Col span={8}>
          <Form.Item name="inspectionValidTo" label={t("safety.inspectionValidTo")}>
            <DateInput />
          </Form.Item>
        </Col>
        <Col span={8}>
          <Form.Item name="deviceId" label={t("safety.device")} extra={t("safety.deviceHint")}>
            <Select allowClear loading={monitors.isLoading} options={(monitors.data?.items ?? []).map((d) => ({ value: d.id, label: `${d.name}（${d.code}）` }))} />
          </Form.Item>
        </Col>
      </Row>
      {equipment && (
        <Form.Item name="status" label={t("safety.status")}>
          <Select options={options(EQUIPMENT_STATUS_LABELS)} style={{ width: 200 }} />
        </Form.Item>
      )}
      <Form.Item label={t("safety.operators")} extra={t("safety.uncertifiedHint")}>
        <Form.List name="operators">
          {(fields, { add, remove }) => (
            <>
              {fields.map((f) => {
                const current = equipment?.operators[f.name];
                return (
                  <Space key={f.key} align="baseline" style={{ display: "flex", marginBottom: 4 }}>
                    <Form.Item name={[f.name, "personId"]} rules={required} style={{ width: 380, marginBottom: 0 }}>
                      <RemoteSelect scope={keys.persons.all} fetchOptions={searchPersons} knownOptions={known(current?.personId, current?.name)} placeholder={t("safety.operator")} />
                    </Form.Item>
                    <Form.Item name={[f.name, "role"]} rules={required} style={{ width: 140, marginBottom: 0 }}>
                      <Select options={options(OPERATOR_ROLE_LABELS)} placeholder={t("safety.role")} />
                    </Form.Item>
                    {current && !current.certified && <Tag color="error">{t("safety.uncertified")}</Tag>}
                    <MinusCircleOutlined aria-label={t("safety.delete")} onClick={() => remove(f.name)} />
                  </Space>
                );
              })}
              <Button type="dashed" icon={<PlusOutlined />} onClick={() => add({ role: "driver" })}>
                {t("safety.addOperator")}
              </Button>
            </>
          )}
        </Form.List>
      </Form.Item>
    </FormModal>
  );
}
