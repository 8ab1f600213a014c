import { useState } from "react";
import { Button, Card, Progress, Tabs, Tag } from "antd";
import { useTranslation } from "react-i18next";
import { PRESSURE_CLASS_LABELS } from "@contracts/gas/pipeline";
import type { PatrolDto, PatrolPlanDto } from "@contracts/gas/patrol";
import { useCan } from "../../../../auth/use-can";
import { formatDateTime } from "../../../../components/format";
import { actionColumn, ListPage } from "../../../../components/list-page";
import { PageHeader } from "../../../../components/page-header";
import { RequirePermission } from "../../../../components/require-permission";
import { useLabels } from "../../../../i18n/labels";
import { usePatrolPlans, usePatrols } from "../api";
import { coverageHex } from "../components/map-option";
import { PatrolDrawer } from "../components/patrol-drawer";
import { PlanForm } from "../components/plan-form";

/** Plans, overdue first, with their latest coverage; a click on one lists its patrols. */
function Plans({ onPick }: { onPick: (id: string) => void }) {
  const { t } = useTranslation();
  const { label } = useLabels();
  const manage = useCan()("gas.manage");
  const [editing, setEditing] = useState<PatrolPlanDto | null | undefined>(undefined);
  return (
    <ListPage<PatrolPlanDto>
      bare
      useRows={usePatrolPlans}
      create={manage && { label: t("gasPipelines.newPlan"), onClick: () => setEditing(null) }}
      filters={[{ key: "overdue", label: t("gasPipelines.overdue"), bool: [t("gasPipelines.overdue"), t("gasPipelines.onTime")] }]}
      table={{ onRow: (r) => ({ onClick: () => onPick(r.id), style: { cursor: "pointer" } }) }}
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
        ...actionColumn<PatrolPlanDto>(manage, t, (r) => (
          <Button size="small" type="link" onClick={(e) => (e.stopPropagation(), setEditing(r))}>
            {t("common.edit")}
          </Button>
        )),
      ]}
    >
      {editing !== undefined && <PlanForm initial={editing} onClose={() => setEditing(undefined)} />}
    </ListPage>
  );
}

/** Patrols, newest first, with coverage; a click draws the track. */
function Patrols({ planId }: { planId?: string }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState<string | null>(null);
  return (
    <ListPage<PatrolDto>
      bare
      useRows={usePatrols}
      query={{ planId }}
      table={{ onRow: (r) => ({ onClick: () => setOpen(r.id), style: { cursor: "pointer" } }) }}
      columns={[
        { title: t("gasPipelines.startedAt"), dataIndex: "startedAt", width: 150, sorter: true, render: formatDateTime },
        { title: t("gasPipelines.plan"), dataIndex: "planName", ellipsis: true },
        { title: t("gasPipelines.patroller"), dataIndex: "patrollerName", width: 110 },
        { title: t("gasPipelines.points"), dataIndex: "points", width: 90, align: "right" },
        { title: t("gasPipelines.plannedLength"), dataIndex: "plannedLengthM", width: 110, align: "right" },
        { title: t("gasPipelines.coveredLength"), dataIndex: "coveredLengthM", width: 110, align: "right" },
        { title: t("gasPipelines.coveragePct"), dataIndex: "coveragePct", width: 160, sorter: true, render: (v: number) => <Progress size="small" percent={v} strokeColor={coverageHex(v)} /> },
        { title: t("gasPipelines.hazard"), dataIndex: "hazards", width: 70, align: "right", render: (n: number) => (n ? <Tag color="warning">{n}</Tag> : 0) },
      ]}
    >
      {open && <PatrolDrawer id={open} onClose={() => setOpen(null)} />}
    </ListPage>
  );
}

/** 巡线管理: plans (overdue first) and the patrols with their coverage and tracks. */
export default function PatrolListPage() {
  const { t } = useTranslation();
  const [tab, setTab] = useState("plans");
  const [planId, setPlanId] = useState<string | undefined>(undefined);
  return (
    <RequirePermission permission="gas.read">
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
    </RequirePermission>
  );
}
