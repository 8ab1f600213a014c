import { useState } from "react";
import { Tag } from "antd";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { CASE_GRADE_LABELS, CASE_STATE_LABELS } from "@contracts/cases/enums";
import { HAZARD_KIND_LABELS, type HazardDto } from "@contracts/gas/patrol";
import { PRESSURE_CLASS_LABELS } from "@contracts/gas/pipeline";
import { useCan } from "../../../../auth/use-can";
import { formatDateTime } from "../../../../components/format";
import { ListPage } from "../../../../components/list-page";
import { useLabels } from "../../../../i18n/labels";
import { useHazards } from "../api";
import { HazardForm } from "../components/hazard-form";

/** 巡查隐患: hazards found on patrol, each linking to the case it opened in the one loop. */
export default function HazardListPage() {
  const { t } = useTranslation();
  const { label } = useLabels();
  const manage = useCan()("gas.manage");
  const [reporting, setReporting] = useState(false);
  return (
    <ListPage<HazardDto>
      title={t("gasPipelines.menu.hazards")}
      permission="gas.read"
      useRows={useHazards}
      create={manage && { label: t("gasPipelines.reportHazard"), onClick: () => setReporting(true) }}
      filters={[{ key: "kind", label: t("gasPipelines.hazardKind"), labels: HAZARD_KIND_LABELS, multiple: true, width: 180 }]}
      columns={[
        { title: t("gasPipelines.foundAt"), dataIndex: "foundAt", width: 150, sorter: true, render: formatDateTime },
        { title: t("gasPipelines.hazardKind"), dataIndex: "kind", width: 120, render: (v: string) => <Tag color={v === "leak_smell" ? "red" : v === "third_party_digging" ? "orange" : undefined}>{label(HAZARD_KIND_LABELS, v)}</Tag> },
        { title: t("gasPipelines.pipeline"), dataIndex: "pipelineCode", width: 130, render: (v: string | null, r) => (v ? `${v} · ${label(PRESSURE_CLASS_LABELS, r.pressureClass ?? "")}` : "—") },
        { title: t("gasPipelines.owner"), dataIndex: "enterpriseName", ellipsis: true },
        { title: t("gasPipelines.description"), dataIndex: "description", ellipsis: true },
        { title: t("gasPipelines.location"), key: "loc", width: 170, render: (_: unknown, r) => `${r.lng.toFixed(5)}, ${r.lat.toFixed(5)}` },
        { title: t("gasPipelines.case"), dataIndex: "caseNo", width: 150, render: (v: string | null, r) => (r.caseId ? <Link to={`/cases/${r.caseId}`}>{v}</Link> : "—") },
        { title: t("gasPipelines.grade"), dataIndex: "caseGrade", width: 70, render: (v: string | null) => (v ? <Tag color={v === "major" ? "red" : "default"}>{label(CASE_GRADE_LABELS, v)}</Tag> : "—") },
        { title: t("gasPipelines.caseState"), dataIndex: "caseState", width: 90, render: (v: string | null) => (v ? label(CASE_STATE_LABELS, v) : "—") },
      ]}
    >
      {reporting && <HazardForm onClose={() => setReporting(false)} />}
    </ListPage>
  );
}
