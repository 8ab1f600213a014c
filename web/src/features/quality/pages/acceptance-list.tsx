import { Tag } from "antd";
import { useTranslation } from "react-i18next";
import { ACCEPTANCE_STATE_LABELS, MILESTONE_LABELS, type AcceptanceDto } from "@contracts/quality/acceptance";
import { formatDateTime, orDash } from "../../../components/format";
import { ListPage } from "../../../components/list-page";
import { projectColumn } from "../../../components/project-column";
import { useLabels } from "../../../i18n/labels";
import { useProjectFilter } from "../../registry/projects/project-filter";
import { useAcceptances } from "../api";
import { Signoffs } from "../components/signoffs";

/** 质量验收: every milestone acceptance in the city by project, milestone and state, with each party's sign-off. */
export default function AcceptanceListPage() {
  const { t } = useTranslation();
  const { label } = useLabels();
  return (
    <ListPage<AcceptanceDto>
      title={t("acceptance.title")}
      permission="cases.read"
      useRows={useAcceptances}
      filters={[useProjectFilter(220), { key: "milestone", label: t("acceptance.milestone"), labels: MILESTONE_LABELS, multiple: true }, { key: "state", label: t("acceptance.state"), labels: ACCEPTANCE_STATE_LABELS, multiple: true, width: 130 }]}
      emptyText={t("acceptance.empty")}
      columns={[
        projectColumn<AcceptanceDto>(t("acceptance.project"), "acceptance", 240),
        { title: t("acceptance.milestone"), dataIndex: "milestone", width: 110, render: (m: AcceptanceDto["milestone"]) => label(MILESTONE_LABELS, m) },
        { title: t("acceptance.state"), dataIndex: "state", width: 90, render: (s: AcceptanceDto["state"]) => <Tag color={s === "accepted" ? "green" : "blue"}>{label(ACCEPTANCE_STATE_LABELS, s)}</Tag> },
        { title: t("acceptance.parties"), key: "parties", render: (_: unknown, a) => <Signoffs a={a} /> },
        { title: t("acceptance.plannedOn"), dataIndex: "plannedOn", width: 110, sorter: true, render: orDash },
        { title: t("acceptance.acceptedAt"), dataIndex: "acceptedAt", width: 140, sorter: true, render: formatDateTime },
      ]}
    />
  );
}
