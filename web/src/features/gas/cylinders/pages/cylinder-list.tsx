import { useState } from "react";
import { App, Button, Card, Col, Form, Input, InputNumber, Modal, Row, Select, Space, Table, Tag, Typography } from "antd";
import { PlusOutlined, UploadOutlined } from "@ant-design/icons";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import type { CylinderDto, FileCylinderInput } from "@contracts/gas/cylinder";
import { CYLINDER_STATUS_LABELS, CYLINDER_TYPE_LABELS } from "@contracts/gas/cylinder-status";
import { useCan } from "../../../../auth/use-can";
import { DateInput } from "../../../../components/date-input";
import { ExportButton } from "../../../../components/export-button";
import { showSaveError } from "../../../../components/form-utils";
import { formatDateTime } from "../../../../components/format";
import { ImportModal } from "../../../../components/import-modal";
import { ListError } from "../../../../components/list-error";
import { ListToolbar } from "../../../../components/list-toolbar";
import { PageHeader } from "../../../../components/page-header";
import { RemoteSelect } from "../../../../components/remote-select";
import { RequirePermission } from "../../../../components/require-permission";
import { useListParams } from "../../../../components/use-list-params";
import { useLabels } from "../../../../i18n/labels";
import { searchStations, useCylinders, useFileCylinder } from "../api";
import { gasCylinderKeys } from "../keys";
import { CylinderStatusTag } from "./cylinder-status-tag";
import "../i18n";

const FIELDS = ["code", "stationId", "type", "spec", "nominalFillKg", "maker", "serialNo", "manufacturedOn", "lastInspectedOn"] as const;

/** 钢瓶建档: dual-phase is not offered (GB 5842-2023); liquid-phase is fixed at 50 kg. */
function FileCylinderForm({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const { options } = useLabels();
  const [form] = Form.useForm<FileCylinderInput>();
  const file = useFileCylinder();
  const type = Form.useWatch("type", form);
  const submit = async () => {
    const v = await form.validateFields();
    try {
      await file.mutateAsync(v);
      message.success(t("common.created"));
      onClose();
    } catch (e) {
      showSaveError(form, e, FIELDS, message);
    }
  };
  const required = [{ required: true, message: t("common.required") }];
  return (
    <Modal open title={t("gasCyl.newCylinder")} width={640} okText={t("common.save")} okButtonProps={{ loading: file.isPending }} onOk={() => void submit()} onCancel={onClose} destroyOnHidden>
      <Typography.Paragraph type="secondary">{t("gasCyl.dualPhaseBanned")}</Typography.Paragraph>
      <Form form={form} layout="vertical" initialValues={{ type: "gas_phase", spec: "YSP35.5", nominalFillKg: 14.5 }}>
        <Row gutter={12}>
          <Col span={12}>
            <Form.Item name="code" label={t("gasCyl.code")} extra={t("gasCyl.codeHint")} rules={required}>
              <Input maxLength={40} />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item name="stationId" label={t("gasCyl.station")} rules={required}>
              <RemoteSelect scope={gasCylinderKeys.stations.all} fetchOptions={searchStations} />
            </Form.Item>
          </Col>
          <Col span={8}>
            <Form.Item name="type" label={t("gasCyl.type")} rules={required}>
              <Select
                options={options(CYLINDER_TYPE_LABELS).filter((o) => o.value !== "dual_phase")}
                onChange={(v) => v === "liquid_phase" && form.setFieldsValue({ nominalFillKg: 50, spec: "YSP118" })}
              />
            </Form.Item>
          </Col>
          <Col span={8}>
            <Form.Item name="spec" label={t("gasCyl.spec")} rules={required}>
              <Input maxLength={20} />
            </Form.Item>
          </Col>
          <Col span={8}>
            <Form.Item name="nominalFillKg" label={t("gasCyl.nominalFillKg")} rules={required}>
              <InputNumber min={0.1} max={500} step={0.5} style={{ width: "100%" }} disabled={type === "liquid_phase"} />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item name="maker" label={t("gasCyl.maker")}>
              <Input maxLength={100} />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item name="serialNo" label={t("gasCyl.serialNo")}>
              <Input maxLength={60} />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item name="manufacturedOn" label={t("gasCyl.manufacturedOn")} rules={required}>
              <DateInput />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item name="lastInspectedOn" label={t("gasCyl.lastInspectedOn")}>
              <DateInput />
            </Form.Item>
          </Col>
        </Row>
      </Form>
    </Modal>
  );
}

/** 钢瓶档案: every cylinder in scope with its dates and status; filing one by one or by sheet, export. */
function CylinderList() {
  const { t } = useTranslation();
  const { label, options } = useLabels();
  const can = useCan();
  const manage = can("gas.manage");
  const lp = useListParams();
  const { data, isFetching, error } = useCylinders(lp.query);
  const [filing, setFiling] = useState(false);
  const [importing, setImporting] = useState(false);
  return (
    <>
      <PageHeader title={t("gasCyl.menu.cylinders")} />
      <Card size="small">
        <ListToolbar
          q={lp.q}
          onSearch={(q) => lp.set({ q })}
          onReset={lp.reset}
          filters={
            <>
              <Select allowClear aria-label={t("gasCyl.status")} placeholder={t("gasCyl.status")} style={{ width: 130 }} value={lp.get("status")} options={options(CYLINDER_STATUS_LABELS)} onChange={(status?: string) => lp.set({ status })} />
              <Select allowClear aria-label={t("gasCyl.type")} placeholder={t("gasCyl.type")} style={{ width: 140 }} value={lp.get("type")} options={options(CYLINDER_TYPE_LABELS)} onChange={(type?: string) => lp.set({ type })} />
              <RemoteSelect
                aria-label={t("gasCyl.station")}
                placeholder={t("gasCyl.station")}
                style={{ width: 200 }}
                scope={gasCylinderKeys.stations.all}
                fetchOptions={searchStations}
                value={lp.get("stationId") ?? null}
                onChange={(v) => lp.set({ stationId: (v as string | null) ?? undefined })}
              />
              <Select
                allowClear
                aria-label={t("gasCyl.overdue")}
                placeholder={t("gasCyl.overdue")}
                style={{ width: 120 }}
                value={lp.get("overdue")}
                options={[
                  { value: "true", label: t("gasCyl.overdue") },
                  { value: "false", label: t("common.no") },
                ]}
                onChange={(overdue?: string) => lp.set({ overdue })}
              />
            </>
          }
          actions={
            <Space>
              <ExportButton basePath="/gas/cylinders" query={lp.query} />
              {manage && (
                <>
                  <Button icon={<UploadOutlined />} onClick={() => setImporting(true)}>
                    {t("common.import")}
                  </Button>
                  <Button type="primary" icon={<PlusOutlined />} onClick={() => setFiling(true)}>
                    {t("gasCyl.newCylinder")}
                  </Button>
                </>
              )}
            </Space>
          }
        />
        <ListError error={error} />
        <Table<CylinderDto>
          rowKey="id"
          size="small"
          loading={isFetching}
          dataSource={data?.items}
          pagination={lp.pagination(data?.total)}
          onChange={lp.onTableChange}
          columns={[
            { title: t("gasCyl.code"), dataIndex: "code", key: "code", sorter: true, sortOrder: lp.sortOrder("code"), render: (v: string, r) => <Link to={`/gas/cylinders/${r.id}`}>{v}</Link> },
            { title: t("gasCyl.station"), dataIndex: "stationName", ellipsis: true },
            { title: t("gasCyl.type"), dataIndex: "type", width: 110, render: (v: string) => label(CYLINDER_TYPE_LABELS, v) },
            { title: t("gasCyl.spec"), dataIndex: "spec", width: 90 },
            { title: t("gasCyl.manufacturedOn"), dataIndex: "manufacturedOn", key: "manufacturedOn", sorter: true, sortOrder: lp.sortOrder("manufacturedOn"), width: 110 },
            {
              title: t("gasCyl.nextInspectionOn"),
              dataIndex: "nextInspectionOn",
              key: "nextInspectionOn",
              sorter: true,
              sortOrder: lp.sortOrder("nextInspectionOn"),
              width: 120,
              render: (v: string, r) => (r.overdue ? <Tag color="error">{v}</Tag> : v),
            },
            { title: t("gasCyl.scrapOn"), dataIndex: "scrapOn", key: "scrapOn", sorter: true, sortOrder: lp.sortOrder("scrapOn"), width: 110 },
            { title: t("gasCyl.status"), dataIndex: "status", width: 150, render: (_: string, r) => <CylinderStatusTag cylinder={r} /> },
            { title: t("gasCyl.lastFillAt"), dataIndex: "lastFillAt", key: "lastFillAt", sorter: true, sortOrder: lp.sortOrder("lastFillAt"), width: 140, render: formatDateTime },
          ]}
        />
      </Card>
      {filing && <FileCylinderForm onClose={() => setFiling(false)} />}
      <ImportModal open={importing} onClose={() => setImporting(false)} basePath="/gas/cylinders" entity={t("gasCyl.menu.cylinders")} invalidate={gasCylinderKeys.cylinders.all} />
    </>
  );
}

export default function CylinderListPage() {
  return (
    <RequirePermission permission="gas.read">
      <CylinderList />
    </RequirePermission>
  );
}
