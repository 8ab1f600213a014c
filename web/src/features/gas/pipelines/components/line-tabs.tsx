import { useState } from "react";
import { Empty, Progress, Space, Table, Tag, Typography } from "antd";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { CASE_GRADE_LABELS, CASE_STATE_LABELS } from "@contracts/cases/enums";
import { HAZARD_KIND_LABELS, type HazardDto, type PatrolDto } from "@contracts/gas/patrol";
import type { PipelineDto } from "@contracts/gas/pipeline";
import type { SiteLinkDto } from "@contracts/gas/site-link";
import { DANGEROUS_WORK_CATEGORY_LABELS, type DangerousWorkDto } from "@contracts/safety/dangerous-works";
import { useCan } from "../../../../auth/use-can";
import { formatDateTime } from "../../../../components/format";
import { ListPage } from "../../../../components/list-page";
import { ProjectStatusTag } from "../../../../components/project-status-tag";
import { useLocalListParams } from "../../../../components/use-list-params";
import { useLabels } from "../../../../i18n/labels";
import { useDangerousWorks } from "../../../safety/api";
import { LevelTag, WorkStateTag } from "../../../safety/components/work-tags";
import { useHazards, usePatrols, useSiteLinks } from "../api";
import { coverageHex } from "./map-option";
import { PatrolDrawer } from "./patrol-drawer";

/** The tabs of one line's page: lists of the whole area filtered by `pipelineId`, each scoped by the server as its list is. */

const pct = (m: number | null, lengthM: number) => (m === null || lengthM <= 0 ? null : Math.min(100, Math.round((1000 * m) / lengthM) / 10));

/** Patrols whose plan covered the line, with the share of this line each walked; a click draws the track. */
export function LinePatrols({ line }: { line: PipelineDto }) {
  const { t } = useTranslation();
  const lp = useLocalListParams(10);
  const [open, setOpen] = useState<string | null>(null);
  return (
    <ListPage<PatrolDto>
      bare
      lp={lp}
      search={false}
      useRows={usePatrols}
      query={{ pipelineId: line.id }}
      emptyText={<Empty description={t("gasPipelines.lineNoPatrols")} />}
      table={{ onRow: (r) => ({ onClick: () => setOpen(r.id), style: { cursor: "pointer" } }) }}
      columns={[
        { title: t("gasPipelines.startedAt"), dataIndex: "startedAt", width: 150, sorter: true, render: formatDateTime },
        { title: t("gasPipelines.plan"), dataIndex: "planName", ellipsis: true },
        { title: t("gasPipelines.patroller"), dataIndex: "patrollerName", width: 110 },
        { title: t("gasPipelines.lineCovered"), dataIndex: "lineCoveredM", width: 120, align: "right", render: (v: number | null) => v ?? "—" },
        {
          title: t("gasPipelines.lineCoveragePct"),
          key: "linePct",
          width: 160,
          render: (_: unknown, r) => {
            const p = pct(r.lineCoveredM, line.lengthM);
            return p === null ? "—" : <Progress size="small" percent={p} strokeColor={coverageHex(p)} />;
          },
        },
        { title: t("gasPipelines.planCoverage"), dataIndex: "coveragePct", width: 100, align: "right", sorter: true, render: (v: number) => `${v}%` },
        { title: t("gasPipelines.hazard"), dataIndex: "hazards", width: 70, align: "right", render: (n: number) => (n ? <Tag color="warning">{n}</Tag> : 0) },
      ]}
    >
      {open && <PatrolDrawer id={open} onClose={() => setOpen(null)} />}
    </ListPage>
  );
}

/** Hazards on the line, each with the case it opened in the one loop; open ones first by the filter. */
export function LineHazards({ line }: { line: PipelineDto }) {
  const { t } = useTranslation();
  const { label } = useLabels();
  const lp = useLocalListParams(10);
  return (
    <ListPage<HazardDto>
      bare
      lp={lp}
      useRows={useHazards}
      query={{ pipelineId: line.id }}
      filters={[
        { key: "kind", label: t("gasPipelines.hazardKind"), labels: HAZARD_KIND_LABELS, multiple: true, width: 180 },
        { key: "open", label: t("gasPipelines.caseState"), bool: [t("gasPipelines.caseOpen"), t("gasPipelines.caseClosed")] },
      ]}
      emptyText={<Empty description={t("gasPipelines.lineNoHazards")} />}
      columns={[
        { title: t("gasPipelines.foundAt"), dataIndex: "foundAt", width: 150, sorter: true, render: formatDateTime },
        { title: t("gasPipelines.hazardKind"), dataIndex: "kind", width: 120, render: (v: string) => <Tag color={v === "leak_smell" ? "red" : v === "third_party_digging" ? "orange" : undefined}>{label(HAZARD_KIND_LABELS, v)}</Tag> },
        { title: t("gasPipelines.description"), dataIndex: "description", ellipsis: true },
        { title: t("gasPipelines.case"), dataIndex: "caseNo", width: 160, render: (v: string | null, r) => (r.caseId ? <Link to={`/cases/${r.caseId}`}>{v}</Link> : "—") },
        { title: t("gasPipelines.grade"), dataIndex: "caseGrade", width: 70, render: (v: string | null) => (v ? <Tag color={v === "major" ? "red" : "default"}>{label(CASE_GRADE_LABELS, v)}</Tag> : "—") },
        { title: t("gasPipelines.caseState"), dataIndex: "caseState", width: 90, render: (v: string | null) => (v ? <Tag color={v === "closed" ? "success" : "processing"}>{label(CASE_STATE_LABELS, v)}</Tag> : "—") },
      ]}
    />
  );
}

const EXCAVATIONS = "foundation_pit,underground_excavation";

/** A linked site's excavation 危大 works with their state and gas clearance (for those who may read safety). */
function SiteExcavations({ projectId }: { projectId: string }) {
  const { t } = useTranslation();
  const { label } = useLabels();
  const works = useDangerousWorks({ category: EXCAVATIONS, pageSize: 50 }, projectId);
  return (
    <Table<DangerousWorkDto>
      size="small"
      rowKey="id"
      pagination={false}
      loading={works.isLoading}
      dataSource={works.data?.items ?? []}
      locale={{ emptyText: t("gasPipelines.noExcavations") }}
      columns={[
        { title: t("gasPipelines.work"), dataIndex: "name", render: (v: string, r) => <Link to={`/safety/works/${r.id}`}>{v}</Link> },
        { title: t("gasPipelines.workCategory"), dataIndex: "category", width: 120, render: (v: string) => label(DANGEROUS_WORK_CATEGORY_LABELS, v) },
        { title: t("gasPipelines.workLevel"), dataIndex: "level", width: 90, render: (v: DangerousWorkDto["level"]) => <LevelTag level={v} /> },
        { title: t("gasPipelines.workState"), dataIndex: "state", width: 110, render: (v: DangerousWorkDto["state"]) => <WorkStateTag state={v} /> },
        {
          title: t("gasPipelines.gasClearance"),
          dataIndex: "gasClearance",
          width: 200,
          render: (v: DangerousWorkDto["gasClearance"]) => (v ? <Tag color="success">{v.refNo}</Tag> : <Tag color="error">{t("gasPipelines.uncleared")}</Tag>),
        },
      ]}
    />
  );
}

/** Construction sites within the linkage distance, with their excavation works still to dig and whether cleared. */
export function LineSites({ line }: { line: PipelineDto }) {
  const { t } = useTranslation();
  const safety = useCan()("safety.read");
  const lp = useLocalListParams(10);
  return (
    <ListPage<SiteLinkDto>
      bare
      lp={lp}
      search={false}
      useRows={useSiteLinks}
      query={{ pipelineId: line.id }}
      rowKey={(r) => r.projectId}
      emptyText={<Empty description={t("gasPipelines.lineNoSites")} />}
      table={safety ? { expandable: { expandedRowRender: (r) => <SiteExcavations projectId={r.projectId} />, rowExpandable: (r) => r.excavations > 0 } } : undefined}
      columns={[
        { title: t("gasPipelines.project"), dataIndex: "projectName", ellipsis: true, sorter: true, render: (v: string, r) => <Link to={`/projects/${r.projectId}?tab=safety`}>{v}</Link> },
        { title: t("gasPipelines.projectStatus"), dataIndex: "projectStatus", width: 100, render: (v: string) => <ProjectStatusTag status={v} /> },
        { title: t("gasPipelines.distance"), dataIndex: "distanceM", width: 90, align: "right", sorter: true },
        { title: t("gasPipelines.excavations"), dataIndex: "excavations", width: 120, align: "right" },
        {
          title: t("gasPipelines.uncleared"),
          dataIndex: "excavationsUncleared",
          width: 130,
          render: (n: number, r) => (r.excavations === 0 ? "—" : n > 0 ? <Tag color="error">{n}</Tag> : <Tag color="success">{t("gasPipelines.allCleared")}</Tag>),
        },
        { title: t("gasPipelines.computedAt"), dataIndex: "computedAt", width: 150, render: formatDateTime },
      ]}
      notice={
        !safety && (
          <Typography.Text type="secondary" style={{ display: "block", marginBottom: 8 }}>
            <Space>{t("gasPipelines.sitesHint")}</Space>
          </Typography.Text>
        )
      }
    />
  );
}
