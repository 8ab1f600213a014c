import { useState } from "react";
import { Col, Form, Input, InputNumber, Row, Select, Tag, Typography } from "antd";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import type { CylinderDto, FileCylinderInput } from "@contracts/gas/cylinder";
import { CYLINDER_STATUS_LABELS, CYLINDER_TYPE_LABELS } from "@contracts/gas/cylinder-status";
import { useCan } from "../../../../auth/use-can";
import { DateInput } from "../../../../components/date-input";
import { FormModal, useRequired } from "../../../../components/form-modal";
import { formatDateTime } from "../../../../components/format";
import { ListPage } from "../../../../components/list-page";
import { RemoteSelect } from "../../../../components/remote-select";
import { useLabels } from "../../../../i18n/labels";
import { searchStations, stationName, useCylinders, useFileCylinder } from "../api";
import { gasCylinderKeys } from "../keys";
import { CylinderStatusTag } from "../components/cylinder-status-tag";

const FIELDS = ["code", "stationId", "type", "spec", "nominalFillKg", "maker", "serialNo", "manufacturedOn", "lastInspectedOn"] as const;

/** 钢瓶建档: dual-phase is not offered (GB 5842-2023); liquid-phase is fixed at 50 kg. */
function FileCylinderForm({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation();
  const { options } = useLabels();
  const [form] = Form.useForm<FileCylinderInput>();
  const file = useFileCylinder();
  const type = Form.useWatch("type", form);
  const required = useRequired();
  return (
    <FormModal<FileCylinderInput>
      form={form}
      title={t("gasCyl.newCylinder")}
      width={640}
      onClose={onClose}
      submit={file.mutateAsync}
      pending={file.isPending}
      fields={FIELDS}
      success={t("common.created")}
      intro={<Typography.Paragraph type="secondary">{t("gasCyl.dualPhaseBanned")}</Typography.Paragraph>}
      initialValues={{ type: "gas_phase", spec: "YSP35.5", nominalFillKg: 14.5 }}
    >
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
            <Select options={options(CYLINDER_TYPE_LABELS).filter((o) => o.value !== "dual_phase")} onChange={(v) => v === "liquid_phase" && form.setFieldsValue({ nominalFillKg: 50, spec: "YSP118" })} />
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
    </FormModal>
  );
}

/** 钢瓶档案: every cylinder in scope with its dates and status; filing one by one or by sheet, export. */
export default function CylinderListPage() {
  const { t } = useTranslation();
  const { label } = useLabels();
  const manage = useCan()("gas.manage");
  const [filing, setFiling] = useState(false);
  return (
    <ListPage<CylinderDto>
      title={t("gasCyl.menu.cylinders")}
      permission="gas.read"
      useRows={useCylinders}
      exportPath="/gas/cylinders"
      create={manage && { label: t("gasCyl.newCylinder"), onClick: () => setFiling(true) }}
      importer={manage && { entity: t("gasCyl.menu.cylinders"), invalidate: gasCylinderKeys.cylinders.all }}
      filters={[
        { key: "status", label: t("gasCyl.status"), labels: CYLINDER_STATUS_LABELS, width: 130 },
        { key: "type", label: t("gasCyl.type"), labels: CYLINDER_TYPE_LABELS, width: 140 },
        { kind: "remote", key: "stationId", label: t("gasCyl.station"), scope: gasCylinderKeys.stations.all, fetchOptions: searchStations, nameOf: stationName },
        { key: "overdue", label: t("gasCyl.overdue"), bool: [t("gasCyl.overdue"), t("common.no")], width: 120 },
      ]}
      columns={[
        { title: t("gasCyl.code"), dataIndex: "code", sorter: true, render: (v: string, r) => <Link to={`/gas/cylinders/${r.id}`}>{v}</Link> },
        { title: t("gasCyl.station"), dataIndex: "stationName", ellipsis: true },
        { title: t("gasCyl.type"), dataIndex: "type", width: 110, render: (v: string) => label(CYLINDER_TYPE_LABELS, v) },
        { title: t("gasCyl.spec"), dataIndex: "spec", width: 90 },
        { title: t("gasCyl.manufacturedOn"), dataIndex: "manufacturedOn", sorter: true, width: 110 },
        { title: t("gasCyl.nextInspectionOn"), dataIndex: "nextInspectionOn", sorter: true, width: 120, render: (v: string, r) => (r.overdue ? <Tag color="error">{v}</Tag> : v) },
        { title: t("gasCyl.scrapOn"), dataIndex: "scrapOn", sorter: true, width: 110 },
        { title: t("gasCyl.status"), dataIndex: "status", width: 150, render: (_: string, r) => <CylinderStatusTag cylinder={r} /> },
        { title: t("gasCyl.lastFillAt"), dataIndex: "lastFillAt", sorter: true, width: 140, render: formatDateTime },
      ]}
    >
      {filing && <FileCylinderForm onClose={() => setFiling(false)} />}
    </ListPage>
  );
}
