import { Flex, Progress, Tag, Tooltip, Typography } from "antd";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { POST_LABELS, POSTS } from "@contracts/registry/enums";
import { addMonths, shanghaiDay, shanghaiMonth, type KeyPersonDto } from "@contracts/workforce/presence";
import type { QueryParams } from "../../../api/client";
import { ListPage } from "../../../components/list-page";
import { useLabels } from "../../../i18n/labels";
import { useKeyPersonnelAbsences } from "../api";
import { MonthPicker } from "../components/month-picker";

/** Early in a month its rates rest on a few days and flag almost everyone: show the last full month then. */
const EARLY_IN_MONTH_DAYS = 10;
const defaultMonth = () => (Number(shanghaiDay().slice(8, 10)) <= EARLY_IN_MONTH_DAYS ? addMonths(shanghaiMonth(), -1) : shanghaiMonth());
const pct = (r: number) => `${Math.round(r * 100)}%`;

/** The presence rate as a bar, red below the required rate, with the required rate marked beside it. */
function RateBar({ row }: { row: KeyPersonDto }) {
  const { t } = useTranslation();
  if (row.rate == null) return <Typography.Text type="secondary">{t("workforce.noConstructionDays")}</Typography.Text>;
  return (
    <Tooltip title={`${t("workforce.required", { rate: pct(row.requiredRate) })} · ${row.requiredRateSource}`}>
      <Flex align="center" gap={8}>
        <Progress percent={Math.round(row.rate * 100)} success={{ percent: 0 }} status={row.belowRate ? "exception" : "success"} format={() => pct(row.rate ?? 0)} size="small" style={{ width: 120, margin: 0 }} />
        <Typography.Text type="secondary" style={{ fontSize: 12, whiteSpace: "nowrap" }}>
          {t("workforce.required", { rate: pct(row.requiredRate) })}
        </Typography.Text>
      </Flex>
    </Tooltip>
  );
}

/** The month asked for, or the default one. */
const withMonth = (q: QueryParams) => ({ ...q, month: q.month ?? defaultMonth() });

/** 关键岗位到岗: key-post holders by presence rate, worst first (the server's order), for a month and post. */
export default function KeyPersonnelPage() {
  const { t } = useTranslation();
  const { label, options } = useLabels();
  return (
    <ListPage<KeyPersonDto>
      title={t("menu.wfKeyPersonnel")}
      permission="workforce.read"
      useRows={useKeyPersonnelAbsences}
      query={withMonth}
      rowKey={(r) => `${r.postId}-${r.from}`}
      filters={[
        { kind: "custom", key: "month", render: (lp) => <MonthPicker value={lp.get("month") ?? defaultMonth()} onChange={(m) => lp.set({ month: m })} /> },
        { key: "post", label: t("workforce.post"), options: options(POST_LABELS).filter((o) => POSTS.includes(o.value)), width: 140 },
      ]}
      columns={[
        {
          title: t("workforce.project"),
          dataIndex: "projectName",
          width: 210,
          ellipsis: true,
          render: (v: string, r) => (
            <Link to={`/projects/${r.projectId}?tab=workforce`}>
              {v} <Typography.Text type="secondary">{r.projectCode}</Typography.Text>
            </Link>
          ),
        },
        { title: t("workforce.name"), dataIndex: "name", width: 80, render: (v: string, r) => <Link to={`/persons/${r.personId}`}>{v}</Link> },
        { title: t("workforce.post"), dataIndex: "post", width: 100, render: (v: KeyPersonDto["post"]) => label(POST_LABELS, v) },
        { title: t("workforce.employer"), dataIndex: "enterpriseName", width: 170, ellipsis: true },
        { title: t("workforce.rate"), key: "rate", width: 220, render: (_, r) => <RateBar row={r} /> },
        { title: t("workforce.presentDays"), key: "days", width: 130, align: "right", render: (_, r) => `${r.presentDays} / ${r.constructionDays}` },
        { title: t("workforce.period"), key: "period", width: 185, render: (_, r) => `${r.from} ~ ${r.to}` },
        { title: t("workforce.status"), key: "flag", width: 80, render: (_, r) => (r.belowRate ? <Tag color="red">{t("workforce.belowRate")}</Tag> : null) },
      ]}
    />
  );
}
