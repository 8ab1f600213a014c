import { Alert, Typography } from "antd";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { addMonths, shanghaiMonth } from "@contracts/workforce/presence";
import type { ArrearsPageDto, ArrearsRowDto } from "@contracts/workforce/wages";
import { orDash } from "../../../components/format";
import type { QueryParams } from "../../../api/client";
import { ListPage } from "../../../components/list-page";
import { useArrears } from "../api";
import { formatMoney as money } from "../format";
import { MonthPicker } from "../components/month-picker";

/** Last month by default: the one just due. */
const defaultMonth = () => addMonths(shanghaiMonth(), -1);
const withMonth = (q: QueryParams) => ({ ...q, month: q.month ?? defaultMonth() });

/** 欠薪预警: projects owing wages past the pay day, up to a month (last month by default, the one just due). */
export default function ArrearsPage() {
  const { t } = useTranslation();
  return (
    <ListPage<ArrearsRowDto>
      title={t("menu.wfArrears")}
      permission="workforce.read"
      useRows={useArrears}
      query={withMonth}
      rowKey="projectId"
      filters={[{ kind: "custom", key: "month", render: (lp) => <MonthPicker value={lp.get("month") ?? defaultMonth()} onChange={(m) => lp.set({ month: m })} /> }]}
      notice={(data) => {
        const a = data as ArrearsPageDto | undefined;
        return a && !a.monthPastDeadline && <Alert type="info" showIcon style={{ marginBottom: 12 }} title={t("workforce.monthNotDue", { month: a.month })} />;
      }}
      columns={[
        {
          title: t("workforce.project"),
          dataIndex: "projectName",
          width: 260,
          ellipsis: true,
          render: (v: string, r) => (
            <Link to={`/projects/${r.projectId}?tab=workforce`}>
              {v} <Typography.Text type="secondary">{r.projectCode}</Typography.Text>
            </Link>
          ),
        },
        { title: t("workforce.district"), dataIndex: "district", width: 120 },
        { title: t("workforce.unpaidWorkers"), dataIndex: "unpaidWorkers", width: 100, align: "right" },
        { title: t("workforce.unpaidPayrolls"), dataIndex: "unpaidPayrolls", width: 100, align: "right" },
        { title: t("workforce.unpaidGross"), dataIndex: "unpaidGross", width: 130, align: "right", render: money },
        {
          title: t("workforce.unpaidNet"),
          dataIndex: "unpaidNet",
          width: 130,
          align: "right",
          render: (n: number) => (
            <Typography.Text type={n > 0 ? "danger" : undefined} strong={n > 0}>
              {money(n)}
            </Typography.Text>
          ),
        },
        { title: t("workforce.oldestMonth"), dataIndex: "oldestMonth", width: 120, render: orDash },
        {
          title: t("workforce.unrecordedWorkers"),
          dataIndex: "unrecordedWorkers",
          width: 150,
          align: "right",
          render: (n: number) => (n > 0 ? <Typography.Text type="warning">{n}</Typography.Text> : n),
        },
      ]}
    />
  );
}
