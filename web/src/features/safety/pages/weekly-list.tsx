import { DatePicker, Tag } from "antd";
import type { UseQueryResult } from "@tanstack/react-query";
import dayjs from "dayjs";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { DANGEROUS_WORK_CATEGORY_LABELS, WEEKLY_REASON_LABELS, type WeeklyItemDto } from "@contracts/safety/dangerous-works";
import type { QueryParams } from "../../../api/client";
import { formatDate } from "../../../components/format";
import { ListPage } from "../../../components/list-page";
import { projectColumn } from "../../../components/project-column";
import { useListParams } from "../../../components/use-list-params";
import { useLabels } from "../../../i18n/labels";
import { useWeekly } from "../api";
import { paramsText } from "../components/params-text";
import { LevelTag, WorkStateTag } from "../components/work-tags";

/** The week's works as list rows (the answer also names the week). */
function useWeeklyRows(query: QueryParams) {
  const weekly = useWeekly(query.day as string | undefined);
  return { ...weekly, data: weekly.data?.items } as UseQueryResult<WeeklyItemDto[]>;
}

/** 危大工程周报: works in progress, starting or accepted in the chosen week, 超危大 first, with its export. */
export default function WeeklyList() {
  const { t } = useTranslation();
  const { label, lang } = useLabels();
  const lp = useListParams();
  const { data } = useWeekly(lp.get("day"));

  return (
    <ListPage<WeeklyItemDto>
      title={data ? t("safety.weeklyTitle", { from: data.from, to: data.to }) : t("safety.menu.weekly")}
      permission="safety.read"
      lp={lp}
      search={false}
      useRows={useWeeklyRows}
      exportPath="/dangerous-works/weekly"
      filters={[
        {
          kind: "custom",
          key: "day",
          render: () => <DatePicker picker="week" aria-label={t("safety.day")} value={lp.get("day") ? dayjs(lp.get("day")) : null} onChange={(d) => lp.set({ day: d ? d.format("YYYY-MM-DD") : null })} />,
        },
      ]}
      columns={[
        { title: t("safety.level"), dataIndex: "level", width: 80, render: (v: WeeklyItemDto["level"]) => <LevelTag level={v} /> },
        { title: t("safety.name"), dataIndex: "name", ellipsis: true, render: (v: string, r) => <Link to={`/safety/works/${r.id}`}>{v}</Link> },
        projectColumn<WeeklyItemDto>(t("safety.project"), "safety"),
        { title: t("safety.district"), dataIndex: "district", width: 100 },
        { title: t("safety.category"), dataIndex: "category", width: 160, render: (v: string) => label(DANGEROUS_WORK_CATEGORY_LABELS, v) },
        { title: t("safety.params"), key: "params", ellipsis: true, render: (_: unknown, r) => paramsText(r.category, r.params, lang) || "—" },
        { title: t("safety.state"), dataIndex: "state", width: 100, render: (v: WeeklyItemDto["state"]) => <WorkStateTag state={v} /> },
        { title: t("safety.plannedStart"), dataIndex: "plannedStart", width: 110, render: formatDate },
        { title: t("safety.reasons"), dataIndex: "reasons", width: 150, render: (v: WeeklyItemDto["reasons"]) => v.map((r) => <Tag key={r}>{label(WEEKLY_REASON_LABELS, r)}</Tag>) },
      ]}
    />
  );
}
