import { useState } from "react";
import { App, Button, Card, Col, Form, Input, InputNumber, Modal, Row, Select, Space, Switch, Table, Tag } from "antd";
import { PlusOutlined } from "@ant-design/icons";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { STATION_KIND_LABELS, type StationDto, type StationInput } from "@contracts/gas/station";
import { keys } from "../../../../api/query-keys";
import { useCan, useMe } from "../../../../auth/use-can";
import { ExportButton } from "../../../../components/export-button";
import { showSaveError } from "../../../../components/form-utils";
import { ListError } from "../../../../components/list-error";
import { ListToolbar } from "../../../../components/list-toolbar";
import { PageHeader } from "../../../../components/page-header";
import { RemoteSelect } from "../../../../components/remote-select";
import { RequirePermission } from "../../../../components/require-permission";
import { useListParams } from "../../../../components/use-list-params";
import { useLabels } from "../../../../i18n/labels";
import { searchEnterprises } from "../../../registry/enterprises/api";
import { useSaveStation, useStations } from "../api";
import "../i18n";

const FIELDS = ["enterpriseId", "code", "name", "kind", "licenceNo", "address", "lat", "lng", "active"] as const;

function StationForm({ initial, onClose }: { initial: StationDto | null; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const { options } = useLabels();
  const me = useMe();
  const [form] = Form.useForm<StationInput>();
  const save = useSaveStation(initial?.id);
  const submit = async () => {
    const v = await form.validateFields();
    try {
      await save.mutateAsync(v);
      message.success(t("common.saved"));
      onClose();
    } catch (e) {
      showSaveError(form, e, FIELDS, message);
    }
  };
  const required = [{ required: true, message: t("common.required") }];
  return (
    <Modal open title={initial ? t("gasCyl.editStation") : t("gasCyl.newStation")} width={640} okText={t("common.save")} okButtonProps={{ loading: save.isPending }} onOk={() => void submit()} onCancel={onClose} destroyOnHidden>
      <Form form={form} layout="vertical" initialValues={initial ?? { kind: "filling", active: true, address: "" }}>
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
      </Form>
    </Modal>
  );
}

/** 充装站/供应站: the gas companies' stations with their cylinder counts. */
function StationList() {
  const { t } = useTranslation();
  const { label, options } = useLabels();
  const can = useCan();
  const lp = useListParams();
  const { data, isFetching, error } = useStations(lp.query);
  const [editing, setEditing] = useState<StationDto | null | undefined>(undefined);
  return (
    <>
      <PageHeader title={t("gasCyl.menu.stations")} />
      <Card size="small">
        <ListToolbar
          q={lp.q}
          onSearch={(q) => lp.set({ q })}
          onReset={lp.reset}
          filters={
            <>
              <Select allowClear aria-label={t("gasCyl.kind")} placeholder={t("gasCyl.kind")} style={{ width: 130 }} value={lp.get("kind")} options={options(STATION_KIND_LABELS)} onChange={(kind?: string) => lp.set({ kind })} />
              <Select
                allowClear
                aria-label={t("gasCyl.active")}
                placeholder={t("gasCyl.active")}
                style={{ width: 100 }}
                value={lp.get("active")}
                options={[
                  { value: "true", label: t("gasCyl.active") },
                  { value: "false", label: t("gasCyl.inactive") },
                ]}
                onChange={(active?: string) => lp.set({ active })}
              />
            </>
          }
          actions={
            <Space>
              <ExportButton basePath="/gas/stations" query={lp.query} />
              {can("gas.manage") && (
                <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing(null)}>
                  {t("gasCyl.newStation")}
                </Button>
              )}
            </Space>
          }
        />
        <ListError error={error} />
        <Table<StationDto>
          rowKey="id"
          size="small"
          loading={isFetching}
          dataSource={data?.items}
          pagination={lp.pagination(data?.total)}
          onChange={lp.onTableChange}
          columns={[
            { title: t("gasCyl.stationCode"), dataIndex: "code", key: "code", sorter: true, sortOrder: lp.sortOrder("code"), width: 130 },
            { title: t("gasCyl.stationName"), dataIndex: "name", key: "name", sorter: true, sortOrder: lp.sortOrder("name"), ellipsis: true },
            { title: t("gasCyl.kind"), dataIndex: "kind", width: 110, render: (v: string) => label(STATION_KIND_LABELS, v) },
            { title: t("gasCyl.enterprise"), dataIndex: "enterpriseName", ellipsis: true },
            { title: t("gasCyl.address"), dataIndex: "address", ellipsis: true },
            {
              title: t("gasCyl.cylindersCount"),
              dataIndex: "cylinders",
              key: "cylinders",
              sorter: true,
              sortOrder: lp.sortOrder("cylinders"),
              width: 100,
              align: "right",
              render: (n: number, r) => <Link to={`/gas/cylinders?stationId=${r.id}`}>{n}</Link>,
            },
            { title: t("gasCyl.active"), dataIndex: "active", width: 80, render: (v: boolean) => (v ? <Tag color="success">{t("gasCyl.active")}</Tag> : <Tag>{t("gasCyl.inactive")}</Tag>) },
            ...(can("gas.manage")
              ? [
                  {
                    title: t("common.actions"),
                    key: "actions",
                    width: 80,
                    render: (_: unknown, r: StationDto) => (
                      <Button size="small" type="link" onClick={() => setEditing(r)}>
                        {t("common.edit")}
                      </Button>
                    ),
                  },
                ]
              : []),
          ]}
        />
      </Card>
      {editing !== undefined && <StationForm initial={editing} onClose={() => setEditing(undefined)} />}
    </>
  );
}

export default function StationListPage() {
  return (
    <RequirePermission permission="gas.read">
      <StationList />
    </RequirePermission>
  );
}
