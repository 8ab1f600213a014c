import { Select } from "antd";
import { useTranslation } from "react-i18next";
import { CASE_CATEGORY_LABELS, CASE_GRADE_LABELS, CASE_SOURCE_LABELS, CASE_STATE_LABELS } from "@contracts/cases/enums";
import type { ListParams } from "../../../components/use-list-params";
import { useLabels } from "../../../i18n/labels";
import { ProjectFilter } from "../../iot/components/project-filter";

/** 项目 / 状态 (multi) / 等级 / 类别 / 来源 / 逾期: the case list's filters, all kept in the URL. */
export function CaseFilters({ lp, withProject = true }: { lp: ListParams; withProject?: boolean }) {
  const { t } = useTranslation();
  const { options } = useLabels();
  return (
    <>
      {withProject && <ProjectFilter value={lp.get("projectId")} onChange={(projectId) => lp.set({ projectId })} width={200} />}
      <Select
        mode="multiple"
        allowClear
        maxTagCount="responsive"
        aria-label={t("cases.state")}
        placeholder={t("cases.state")}
        style={{ minWidth: 140 }}
        value={lp.getList("state")}
        options={options(CASE_STATE_LABELS)}
        onChange={(state: string[]) => lp.set({ state })}
      />
      <Select allowClear aria-label={t("cases.grade")} placeholder={t("cases.grade")} style={{ width: 90 }} value={lp.get("grade")} options={options(CASE_GRADE_LABELS)} onChange={(grade?: string) => lp.set({ grade })} />
      <Select allowClear aria-label={t("cases.category")} placeholder={t("cases.category")} style={{ width: 110 }} value={lp.get("category")} options={options(CASE_CATEGORY_LABELS)} onChange={(category?: string) => lp.set({ category })} />
      <Select allowClear aria-label={t("cases.source")} placeholder={t("cases.source")} style={{ width: 120 }} value={lp.get("source")} options={options(CASE_SOURCE_LABELS)} onChange={(source?: string) => lp.set({ source })} />
      <Select
        allowClear
        aria-label={t("cases.overdue")}
        placeholder={t("cases.overdue")}
        style={{ width: 100 }}
        value={lp.get("overdue")}
        options={[
          { value: "true", label: t("cases.overdueOnly") },
          { value: "false", label: t("cases.notOverdue") },
        ]}
        onChange={(overdue?: string) => lp.set({ overdue })}
      />
    </>
  );
}
