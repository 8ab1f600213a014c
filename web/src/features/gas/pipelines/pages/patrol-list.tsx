import { useState } from "react";
import { Button, Card, Progress, Select, Table, Tabs, Tag } from "antd";
import { PlusOutlined } from "@ant-design/icons";
import { useTranslation } from "react-i18next";
import { PRESSURE_CLASS_LABELS } from "@contracts/gas/pipeline";
import type { PatrolDto, PatrolPlanDto } from "@contracts/gas/patrol";
import { useCan } from "../../../../auth/use-can";
import { formatDateTime } from "../../../../components/format";
import { ListError } from "../../../../components/list-error";
import { ListToolbar } from "../../../../components/list-toolbar";
import { PageHeader } from "../../../../components/page-header";
import { RequirePermission } from "../../../../components/require-permission";
import { useListParams } from "../../../../components/use-list-params";
import { useLabels } from "../../../../i18n/labels";
import { usePatrolPlans, usePatrols } from "../api";
import { coverageHex } from "../components/map-option";
import { PatrolDrawer } from "../components/patrol-drawer";
import { PlanForm } from "../components/plan-form";
import "../i18n";

/** Plans, overdue first, with their latest coverage; a click on one lists its patrols. */
function Plans({ onPick }: { onPick: (id: string) => void }) {
  const { t } = useTranslation();
  const { label } = useLabels();
  const manage = useCan()("gas.manage");
  const lp = useListParams();
  const { data, isFetching, error } = usePatrolPlans(lp.query);
  const [editing, setEditing] = useState<PatrolPlanDto | null | undefined>(undefined);
  return (
    <>
      <ListToolbar
        q={lp.q}
        onSearch={(q) => lp.set({ q })}
        onReset={lp.reset}
        filters={
          <Select
            allowClear
            aria-label={t("gasPipelines.overdue")}
            placeholder={t("gasPipelines.overdue")}
            style={{ width: 120 }}
            value={lp.get("overdue")}
            options={[
              { value: "true", label: t("gasPipelines.overdue") },
              { value: "false", label: t("gasPipelines.onTime") },
            ]}
            onChange={(overdue?: string) => lp.set({ overdue })}
          />
        }
        actions={
          manage && (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing(null)}>
              {t("gasPipelines.newPlan")}
            </Button>
          )
        }
      />
      <ListError error={error} />
      <Table<PatrolPlanDto>
        rowKey="id"
        size="small"
        loading={isFetching}
        dataSource={data?.items}
        pagination={lp.pagination(data?.total)}
        onChange={lp.onTableChange}
        onRow={(r) => ({ onClick: () => onPick(r.id), style: { cursor: "pointer" } })}
        columns={[
          { title: t("gasPipelines.planName"), dataIndex: "name", ellipsis: true },
          { title: t("gasPipelines.owner"), dataIndex: "enterpriseName", ellipsis: true },
          { title: t("gasPipelines.pressureClasses"), dataIndex: "pressureClasses", render: (v: string[]) => v.map((c) => <Tag key={c}>{label(PRESSURE_CLASS_LABELS, c)}</Tag>) },
          { title: t("gasPipelines.planLines"), dataIndex: "plannedLines", width: 90, align: "right" },
          { title: t("gasPipelines.plannedLength"), dataIndex: "plannedLengthM", width: 110, align: "right" },
          { title: t("gasPipelines.intervalDays"), dataIndex: "intervalDays", width: 100, align: "right" },
          { title: t("gasPipelines.lastPatrol"), dataIndex: "lastPatrolAt", width: 150, render: (v: string | null) => (v ? formatDateTime(v) : t("gasPipelines.neverPatrolled")) },
          { title: t("gasPipelines.coverage"), dataIndex: "lastCoveragePct", width: 150, render: (v: number | null) => (v === null ? "—" : <Progress size="small" percent={v} strokeColor={coverageHex(v)} />) },
          {
            title: t("gasPipelines.state"),
            key: "state",
            width: 90,
            render: (_: unknown, r) => (!r.active ? <Tag>{t("gasPipelines.no")}</Tag> : r.overdue ? <Tag color="error">{t("gasPipelines.overdue")}</Tag> : <Tag color="success">{t("gasPipelines.onTime")}</Tag>),
          },
          ...(manage
            ? [
                {
                  title: t("common.actions"),
                  key: "actions",
                  width: 70,
                  render: (_: unknown, r: PatrolPlanDto) => (
                    <Button size="small" type="link" onClick={(e) => (e.stopPropagation(), setEditing(r))}>
                      {t("common.edit")}
                    </Button>
                  ),
                },
              ]
            : []),
        ]}
      />
      {editing !== undefined && <PlanForm initial={editing} onClose={() => setEditing(undefined)} />}
    </>
  );
}

/** Patrols, newest first, with coverage; a click draws the track. */
function Patrols({ planId }: { planId?: string }) {
  const { t } = useTranslation();
  const lp = useListParams();
  const { data, isFetching, error } = usePatrols({ ...lp.query, planId });
  const [open, setOpen] = useState<string | null>(null);
  return (
    <>
      <ListToolbar q={lp.q} onSearch={(q) => lp.set({ q })} onReset={lp.reset} />
      <ListError error={error} />
      <Table<PatrolDto>
        rowKey="id"
        size="small"
        loading={isFetching}
        dataSource={data?.items}
        pagination={lp.pagination(data?.total)}
        onChange={lp.onTableChange}
        onRow={(r) => ({ onClick: () => setOpen(r.id), style: { cursor: "pointer" } })}
        columns={[
          { title: t("gasPipelines.startedAt"), dataIndex: "startedAt", key: "startedAt", width: 150, sorter: true, sortOrder: lp.sortOrder("startedAt"), render: formatDateTime },
          { title: t("gasPipelines.plan"), dataIndex: "planName", ellipsis: true },
          { title: t("gasPipelines.patroller"), dataIndex: "patrollerName", width: 110 },
          { title: t("gasPipelines.points"), dataIndex: "points", width: 90, align: "right" },
          { title: t("gasPipelines.plannedLength"), dataIndex: "plannedLengthM", width: 110, align: "right" },
          { title: t("gasPipelines.coveredLength"), dataIndex: "coveredLengthM", width: 110, align: "right" },
          { title: t("gasPipelines.coveragePct"), dataIndex: "coveragePct", key: "coveragePct", width: 160, sorter: true, sortOrder: lp.sortOrder("coveragePct"), render: (v: number) => <Progress size="small" percent={v} strokeColor={coverageHex(v)} /> },
          { title: t("gasPipelines.hazard"), dataIndex: "hazards", width: 70, align: "right", render: (n: number) => (n ? <Tag color="warning">{n}</Tag> : 0) },
        ]}
      />
      {open && <PatrolDrawer id={open} onClose={() => setOpen(null)} />}
    </>
  );
}

/** 巡线管理: plans (overdue first) and the patrols with their coverage and tracks. */
function PatrolPage() {
  const { t } = useTranslation();
  const [tab, setTab] = useState("plans");
  const [planId, setPlanId] = useState<string | undefined>(undefined);
  return (
    <>
      <PageHeader title={t("gasPipelines.menu.patrols")} />
      <Card size="small">
        <Tabs
          activeKey={tab}
          onChange={(k) => (setTab(k), k === "plans" && setPlanId(undefined))}
          items={[
            { key: "plans", label: t("gasPipelines.plans"), children: <Plans onPick={(id) => (setPlanId(id), setTab("patrols"))} /> },
            { key: "patrols", label: t("gasPipelines.patrols"), children: <Patrols planId={planId} /> },
          ]}
        />
      </Card>
    </>
  );
}

export default function PatrolListPage() {
  return (
    <RequirePermission permission="gas.read">
      <PatrolPage />
    </RequirePermission>
  );
}
