import { Col, Form, Input, InputNumber, Row, Select, Space, Switch, Tag } from "antd";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { STATION_KIND_LABELS, type StationDto, type StationInput } from "@contracts/gas/station";
import { keys } from "../../../../api/query-keys";
import { useCan, useMe } from "../../../../auth/use-can";
import { FormModal, useRequired } from "../../../../components/form-modal";
import { ListPage } from "../../../../components/list-page";
import { RemoteSelect } from "../../../../components/remote-select";
import { useLabels } from "../../../../i18n/labels";
import { searchEnterprises } from "../../../registry/enterprises/api";
import { useSaveStation, useStations } from "../api";

const FIELDS = ["enterpriseId", "code", "name", "kind", "licenceNo", "address", "lat", "lng", "active"] as const;

function StationForm({ initial, onClose }: { initial: StationDto | null; onClose: () => void }) {
  const { t } = useTranslation();
  const { options } = useLabels();
  const me = useMe();
  const save = useSaveStation(initial?.id);
  const required = useRequired();
  return (
    <FormModal<StationInput>
      title={initial ? t("gasCyl.editStation") : t("gasCyl.newStation")}
      width={640}
      onClose={onClose}
      submit={save.mutateAsync}
      pending={save.isPending}
      fields={FIELDS}
      initialValues={initial ?? { kind: "filling", active: true, address: "" }}
    >
      {me.data?.role !== "gas_company" && !initial && (
        <Form.Item name="enterpriseId" label={t("gasCyl.enterprise")} extra={t("gasCyl.enterpriseHint")} rules={required}>
          <RemoteSelect scope={keys.enterprises.all} fetchOptions={searchEnterprises} />
        </Form.Item>
      )}
      <Row gutter={12}>
        <Col span={8}>
          <Form.Item name="code" label={t("gasCyl.stationCode")} rules={required}>
            <Input maxLength={40} />
          </Form.Item>
        </Col>
        <Col span={16}>
          <Form.Item name="name" label={t("gasCyl.stationName")} rules={required}>
            <Input maxLength={100} />
          </Form.Item>
        </Col>
        <Col span={8}>
          <Form.Item name="kind" label={t("gasCyl.kind")} rules={required}>
            <Select options={options(STATION_KIND_LABELS)} />
          </Form.Item>
        </Col>
        <Col span={16}>
          <Form.Item name="licenceNo" label={t("gasCyl.licenceNo")}>
            <Input maxLength={60} />
          </Form.Item>
        </Col>
      </Row>
      <Form.Item name="address" label={t("gasCyl.address")}>
        <Input maxLength={200} />
      </Form.Item>
      <Space>
        <Form.Item name="lat" label="纬度 / lat">
          <InputNumber min={-90} max={90} step={0.0001} />
        </Form.Item>
        <Form.Item name="lng" label="经度 / lng">
          <InputNumber min={-180} max={180} step={0.0001} />
        </Form.Item>
        <Form.Item name="active" label={t("gasCyl.active")} valuePropName="checked">
          <Switch />
        </Form.Item>
      </Space>
    </FormModal>
  );
}

/** 充装站/供应站: the gas companies' stations with their cylinder counts. */
export default function StationListPage() {
  const { t } = useTranslation();
  const { label } = useLabels();
  const manage = useCan()("gas.manage");
  return (
    <ListPage<StationDto>
      title={t("gasCyl.menu.stations")}
      permission="gas.read"
      useRows={useStations}
      exportPath="/gas/stations"
      edit={{ allowed: manage, createLabel: t("gasCyl.newStation"), form: (row, close) => <StationForm initial={row} onClose={close} /> }}
      filters={[
        { key: "kind", label: t("gasCyl.kind"), labels: STATION_KIND_LABELS, width: 130 },
        { key: "active", label: t("gasCyl.active"), bool: [t("gasCyl.active"), t("gasCyl.inactive")], width: 100 },
      ]}
      columns={[
        { title: t("gasCyl.stationCode"), dataIndex: "code", sorter: true, width: 130 },
        { title: t("gasCyl.stationName"), dataIndex: "name", sorter: true, ellipsis: true },
        { title: t("gasCyl.kind"), dataIndex: "kind", width: 110, render: (v: string) => label(STATION_KIND_LABELS, v) },
        { title: t("gasCyl.enterprise"), dataIndex: "enterpriseName", ellipsis: true },
        { title: t("gasCyl.address"), dataIndex: "address", ellipsis: true },
        { title: t("gasCyl.cylindersCount"), dataIndex: "cylinders", sorter: true, width: 100, align: "right", render: (n: number, r) => <Link to={`/gas/cylinders?stationId=${r.id}`}>{n}</Link> },
        { title: t("gasCyl.active"), dataIndex: "active", width: 80, render: (v: boolean) => (v ? <Tag color="success">{t("gasCyl.active")}</Tag> : <Tag>{t("gasCyl.inactive")}</Tag>) },
      ]}
    />
  );
}
