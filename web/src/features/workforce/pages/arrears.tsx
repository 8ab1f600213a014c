import { Alert, Card, Table, Typography } from "antd";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { addMonths, shanghaiMonth } from "@contracts/workforce/presence";
import type { ArrearsRowDto } from "@contracts/workforce/wages";
import { orDash } from "../../../components/format";
import { ListError } from "../../../components/list-error";
import { ListToolbar } from "../../../components/list-toolbar";
import { PageHeader } from "../../../components/page-header";
import { RequirePermission } from "../../../components/require-permission";
import { useListParams } from "../../../components/use-list-params";
import { useArrears } from "../api";
import { formatMoney as money } from "../format";
import { MonthPicker } from "../components/month-picker";

/** 欠薪预警: projects owing wages past the pay day, up to a month (last month by default, the one just due). */
function Arrears() {
  const { t } = useTranslation();
  const lp = useListParams();
  const month = lp.get("month") ?? addMonths(shanghaiMonth(), -1);
  const { data, isFetching, error } = useArrears({ ...lp.query, month });
  return (
    <>
      <PageHeader title={t("menu.wfArrears")} />
      <Card size="small">
        <ListToolbar q={lp.q} onSearch={(q) => lp.set({ q })} onReset={lp.reset} filters={<MonthPicker value={month} onChange={(m) => lp.set({ month: m })} />} />
        {data && !data.monthPastDeadline && <Alert type="info" showIcon style={{ marginBottom: 12 }} title={t("workforce.monthNotDue", { month: data.month })} />}
        <ListError error={error} />
        <Table<ArrearsRowDto>
          rowKey="projectId"
          size="small"
          loading={isFetching}
          dataSource={data?.items}
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
          pagination={{ ...lp.pagination(data?.total), showTotal: (n) => t("common.total", { count: n }) }}
          onChange={lp.onTableChange}
          scroll={{ x: 1110 }}
        />
      </Card>
    </>
  );
}

export default function ArrearsPage() {
  return (
    <RequirePermission permission="workforce.read">
      <Arrears />
    </RequirePermission>
  );
}
