import { useState } from "react";
import { App, Button, Space, Tag, Typography } from "antd";
import { FileExcelOutlined, FilePdfOutlined, ThunderboltOutlined } from "@ant-design/icons";
import { useSearchParams } from "react-router";
import { useTranslation } from "react-i18next";
import { HEADLINE_LABELS, REPORT_KIND_LABELS, type HeadlineKey, type ReportDto } from "@contracts/reports/reports";
import { useCan } from "../../../auth/use-can";
import { formatDateTime } from "../../../components/format";
import { ListPage } from "../../../components/list-page";
import { useLabels } from "../../../i18n/labels";
import { reportPdfUrl, reportXlsxUrl, useReports } from "../api";
import { GenerateReportForm } from "../components/generate-report-form";
import { SubscriptionsCard } from "../components/subscriptions-card";

const KIND_COLORS = { daily: "blue", weekly: "geekblue", monthly: "purple" } as const;
/** The figures the list shows beside each briefing (the PDF has them all). */
const SHOWN: HeadlineKey[] = ["casesOpened", "majorCasesOpened", "alarmsRaised", "failedTests"];

/** 监管简报: the archive of 日报/周报/月报 with downloads, 立即生成 and the caller's subscriptions. */
export default function ReportListPage() {
  const { t } = useTranslation();
  const { label } = useLabels();
  const { message } = App.useApp();
  const can = useCan();
  const [params] = useSearchParams();
  const [generating, setGenerating] = useState(false);
  const [highlight, setHighlight] = useState<string | null>(params.get("id"));

  return (
    <ListPage<ReportDto>
      title={t("reports.title")}
      permission="reports.read"
      useRows={useReports}
      search={false}
      before={<SubscriptionsCard />}
      create={
        can("reports.generate") && {
          label: t("reports.generate"),
          icon: <ThunderboltOutlined />,
          inHeader: true,
          onClick: () => setGenerating(true),
        }
      }
      filters={[
        { key: "kind", label: t("reports.kind"), labels: REPORT_KIND_LABELS, multiple: true, width: 160 },
        { kind: "dateRange", label: t("reports.period"), from: "from", to: "to", value: "date" },
      ]}
      table={{ rowClassName: (r) => (r.id === highlight ? "ant-table-row-selected" : "") }}
      columns={[
        {
          title: t("reports.name"),
          key: "title",
          width: 300,
          render: (_: unknown, r) => (
            <Space direction="vertical" size={0}>
              <Space size={4}>
                <Tag color={KIND_COLORS[r.kind]}>{label(REPORT_KIND_LABELS, r.kind)}</Tag>
                <Typography.Text strong>{r.title}</Typography.Text>
              </Space>
              <Typography.Text type="secondary">{r.from === r.to ? r.from : `${r.from} ~ ${r.to}`}</Typography.Text>
            </Space>
          ),
        },
        {
          title: t("reports.headline"),
          key: "headline",
          width: 320,
          render: (_: unknown, r) => (
            <Space wrap size={[12, 0]}>
              {SHOWN.map((key) => {
                const h = r.headline.find((x) => x.key === key);
                if (!h) return null;
                const up = h.previous !== null && h.value > h.previous;
                const down = h.previous !== null && h.value < h.previous;
                return (
                  <span key={key}>
                    <Typography.Text type="secondary">{label(HEADLINE_LABELS, key)} </Typography.Text>
                    <Typography.Text strong>{h.value}</Typography.Text>
                    {up && <Typography.Text type="danger"> ↑</Typography.Text>}
                    {down && <Typography.Text type="success"> ↓</Typography.Text>}
                  </span>
                );
              })}
            </Space>
          ),
        },
        { title: t("reports.trigger"), dataIndex: "trigger", width: 100, render: (v: ReportDto["trigger"]) => t(`reports.triggers.${v}`) },
        { title: t("reports.createdAt"), dataIndex: "createdAt", width: 150, render: formatDateTime },
        {
          title: t("reports.download"),
          key: "download",
          width: 170,
          fixed: "right",
          render: (_: unknown, r) => (
            <Space size={4}>
              <Button size="small" icon={<FilePdfOutlined />} href={reportPdfUrl(r.id)} target="_blank" rel="noopener">
                {t("reports.pdf")}
              </Button>
              <Button size="small" icon={<FileExcelOutlined />} href={reportXlsxUrl(r.id)} download>
                {t("reports.xlsx")}
              </Button>
            </Space>
          ),
        },
      ]}
    >
      {generating && (
        <GenerateReportForm
          onClose={() => setGenerating(false)}
          onDone={(r) => {
            setHighlight(r.id);
            message.success(r.created ? t("reports.generated") : t("reports.existed"));
          }}
        />
      )}
    </ListPage>
  );
}
