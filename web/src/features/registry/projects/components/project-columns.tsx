import type { ColumnsType } from "antd/es/table";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { PROJECT_TYPE_LABELS } from "@contracts/registry/enums";
import type { ProjectSummaryDto } from "@contracts/registry/project";
import { formatDate, formatNumber, orDash } from "../../../../components/format";
import { ProjectStatusTag } from "../../../../components/project-status-tag";
import { useLabels } from "../../../../i18n/labels";

/** Columns of the project list; sortable ones are the server's sort keys. */
export function useProjectColumns(): ColumnsType<ProjectSummaryDto> {
  const { t } = useTranslation();
  const { label } = useLabels();
  return [
    { title: t("project.code"), dataIndex: "code", width: 205, sorter: true, render: (v: string, r) => <Link to={`/projects/${r.id}`} className="sc-mono">{v}</Link> },
    { title: t("project.name"), dataIndex: "name", ellipsis: true, minWidth: 220, sorter: true, render: (v: string, r) => <Link to={`/projects/${r.id}`}>{v}</Link> },
    { title: t("project.type"), dataIndex: "type", width: 90, render: (v: string) => label(PROJECT_TYPE_LABELS, v) },
    { title: t("list.filterDistrict"), dataIndex: "district", width: 100 },
    { title: t("project.status"), dataIndex: "status", width: 90, sorter: true, render: (v: string) => <ProjectStatusTag status={v} /> },
    { title: t("project.generalContractor"), dataIndex: "generalContractor", width: 170, ellipsis: true, render: orDash },
    { title: t("project.projectManager"), dataIndex: "projectManager", width: 90, render: orDash },
    { title: t("project.contractValueWan"), dataIndex: "contractValueWan", width: 130, align: "right", sorter: true, render: (v: number | null) => formatNumber(v) },
    { title: t("project.plannedStart"), dataIndex: "plannedStart", width: 105, sorter: true, render: formatDate },
  ];
}
