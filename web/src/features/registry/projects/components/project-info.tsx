import { useTranslation } from "react-i18next";
import { PROJECT_TYPE_LABELS } from "@contracts/registry/enums";
import type { ProjectDto } from "@contracts/registry/project";
import { formatDate, formatDateTime, formatNumber, orDash } from "../../../../components/format";
import { InfoDescriptions } from "../../../../components/info-descriptions";
import { ProjectStatusTag } from "../../../../components/project-status-tag";
import { useLabels } from "../../../../i18n/labels";

/** 基本信息: every project field, dense, three per row. */
export function ProjectInfo({ project: p }: { project: ProjectDto }) {
  const { t } = useTranslation();
  const { label } = useLabels();
  return (
    <InfoDescriptions
      items={[
        { key: "code", label: t("project.code"), children: p.code },
        { key: "name", label: t("project.name"), children: p.name },
        { key: "status", label: t("project.status"), children: <ProjectStatusTag status={p.status} /> },
        { key: "type", label: t("project.type"), children: label(PROJECT_TYPE_LABELS, p.type) },
        { key: "district", label: t("project.district"), children: p.district },
        { key: "permitNo", label: t("project.permitNo"), children: orDash(p.permitNo) },
        { key: "address", label: t("project.address"), children: orDash(p.address), span: { xs: 1, md: 2, xl: 3 } },
        { key: "generalContractor", label: t("project.generalContractor"), children: orDash(p.generalContractor) },
        { key: "projectManager", label: t("project.projectManager"), children: orDash(p.projectManager) },
        { key: "coords", label: `${t("project.lng")} / ${t("project.lat")}`, children: p.lng != null && p.lat != null ? `${p.lng}, ${p.lat}` : "—" },
        { key: "areaM2", label: t("project.areaM2"), children: formatNumber(p.areaM2) },
        { key: "contractValueWan", label: t("project.contractValueWan"), children: formatNumber(p.contractValueWan) },
        { key: "plannedStart", label: t("project.plannedStart"), children: formatDate(p.plannedStart) },
        { key: "plannedEnd", label: t("project.plannedEnd"), children: formatDate(p.plannedEnd) },
        { key: "contractSignedOn", label: t("project.contractSignedOn"), children: formatDate(p.contractSignedOn) },
        { key: "actualStart", label: t("project.actualStart"), children: formatDate(p.actualStart) },
        { key: "actualEnd", label: t("project.actualEnd"), children: formatDate(p.actualEnd) },
        { key: "createdAt", label: t("project.createdAt"), children: formatDateTime(p.createdAt) },
        { key: "updatedAt", label: t("project.updatedAt"), children: formatDateTime(p.updatedAt) },
      ]}
    />
  );
}
