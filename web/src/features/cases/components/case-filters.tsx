import { useTranslation } from "react-i18next";
import { CASE_CATEGORY_LABELS, CASE_GRADE_LABELS, CASE_SOURCE_LABELS, CASE_STATE_LABELS } from "@contracts/cases/enums";
import type { ListFilters } from "../../../components/list-page";
import { useProjectFilter } from "../../registry/projects/project-filter";

/** 项目 / 状态 (multi) / 等级 / 类别 / 来源 / 逾期: the case list's filters, all kept in the URL. */
export function useCaseFilters({ withProject = true } = {}): ListFilters {
  const { t } = useTranslation();
  const projectFilter = useProjectFilter(200);
  return [
    withProject && projectFilter,
    { key: "state", label: t("cases.state"), labels: CASE_STATE_LABELS, multiple: true, width: 140 },
    { key: "grade", label: t("cases.grade"), labels: CASE_GRADE_LABELS, width: 90 },
    { key: "category", label: t("cases.category"), labels: CASE_CATEGORY_LABELS, width: 110 },
    { key: "source", label: t("cases.source"), labels: CASE_SOURCE_LABELS, width: 120 },
    { key: "overdue", label: t("cases.overdue"), bool: [t("cases.overdueOnly"), t("cases.notOverdue")], width: 100 },
  ];
}
