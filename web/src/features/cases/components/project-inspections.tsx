import { useTranslation } from "react-i18next";
import type { InspectionDto } from "@contracts/cases/inspections";
import { ListPage } from "../../../components/list-page";
import { useLocalListParams } from "../../../components/use-list-params";
import { useInspections } from "../inspections/api";
import { useInspectionColumns, useOpenInspection } from "../inspections/components/inspection-columns";

/** 检查记录 of one project, newest first. */
export function ProjectInspections({ projectId }: { projectId: string }) {
  const { t } = useTranslation();
  return (
    <ListPage<InspectionDto>
      bare
      lp={useLocalListParams()}
      search={false}
      useRows={useInspections}
      query={(q) => ({ sort: "-inspectedOn", ...q, projectId })}
      columns={[{ title: t("inspection.inspectedOn"), dataIndex: "inspectedOn", width: 110 }, ...useInspectionColumns().filter((c) => c.key !== "domain" && c.key !== "checkedCount")]}
      emptyText={t("inspection.empty")}
      table={useOpenInspection()}
    />
  );
}
