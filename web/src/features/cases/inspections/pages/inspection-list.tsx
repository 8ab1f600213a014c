import { FormOutlined } from "@ant-design/icons";
import { useTranslation } from "react-i18next";
import { useNavigate } from "react-router";
import { INSPECTION_KIND_LABELS } from "@contracts/cases/enums";
import { DOMAINS } from "@contracts/platform/auth";
import type { InspectionDto } from "@contracts/cases/inspections";
import { useCan } from "../../../../auth/use-can";
import { ListPage } from "../../../../components/list-page";
import { projectColumn } from "../../../../components/project-column";
import { useProjectFilter } from "../../../registry/projects/project-filter";
import "../../cases.css";
import { useInspections } from "../api";
import { useInspectionColumns, useOpenInspection } from "../components/inspection-columns";

/** 监督检查: every inspection in scope by project, kind, domain and date, with its score and the cases it opened. */
export default function InspectionListPage() {
  const { t } = useTranslation();
  const can = useCan();
  const navigate = useNavigate();
  return (
    <ListPage<InspectionDto>
      title={t("inspection.list")}
      permission="cases.read"
      create={can("cases.inspect") && { label: t("inspection.new"), icon: <FormOutlined />, inHeader: true, onClick: () => void navigate("/inspections/new") }}
      useRows={useInspections}
      exportPath="/inspections"
      filters={[
        useProjectFilter(220),
        { key: "kind", label: t("inspection.kind"), labels: INSPECTION_KIND_LABELS, multiple: true, width: 140 },
        { key: "domain", label: t("inspection.domain"), options: DOMAINS.map((d) => ({ value: d, label: t(`domains.${d}`) })), width: 110 },
        { kind: "dateRange", label: t("inspection.inspectedOn") },
      ]}
      columns={[{ title: t("inspection.inspectedOn"), dataIndex: "inspectedOn", width: 110, sorter: true }, projectColumn<InspectionDto>(t("inspection.project"), "cases"), ...useInspectionColumns()]}
      emptyText={t("inspection.empty")}
      table={useOpenInspection()}
    />
  );
}
