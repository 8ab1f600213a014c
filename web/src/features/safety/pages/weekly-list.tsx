import { useState } from "react";
import { Button, Card, DatePicker, Flex, Table, Tag } from "antd";
import { DownloadOutlined } from "@ant-design/icons";
import dayjs from "dayjs";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { DANGEROUS_WORK_CATEGORY_LABELS, WEEKLY_REASON_LABELS, type WeeklyItemDto } from "@contracts/safety/dangerous-works";
import { apiUrl } from "../../../api/client";
import { formatDate } from "../../../components/format";
import { ListError } from "../../../components/list-error";
import { PageHeader } from "../../../components/page-header";
import { RequirePermission } from "../../../components/require-permission";
import { useLabels } from "../../../i18n/labels";
import { useWeekly } from "../api";
import { paramsText } from "../components/params-text";
import { LevelTag, WorkStateTag } from "../components/work-tags";
import "../i18n";
import { projectColumn } from "../../../components/project-column";

/** 危大工程周报: works in progress, starting or accepted in the chosen week, 超危大 first, with its export. */
export default function WeeklyList() {
  const { t } = useTranslation();
  const { label, lang } = useLabels();
  const [day, setDay] = useState<string | undefined>(undefined);
  const { data, isFetching, error } = useWeekly(day);

  return (
    <RequirePermission permission="safety.read">
      <PageHeader title={data ? t("safety.weeklyTitle", { from: data.from, to: data.to }) : t("safety.menu.weekly")} />
      <Card size="small">
        <Flex justify="space-between" style={{ marginBottom: 12 }}>
          <DatePicker picker="week" aria-label={t("safety.day")} value={day ? dayjs(day) : null} onChange={(d) => setDay(d ? d.format("YYYY-MM-DD") : undefined)} />
          <Button icon={<DownloadOutlined />} href={apiUrl("/dangerous-works/weekly/export", { day })} download>
            {t("common.export")}
          </Button>
        </Flex>
        <ListError error={error} />
        <Table<WeeklyItemDto>
          rowKey="id"
          size="small"
          loading={isFetching}
          dataSource={data?.items}
          pagination={{ pageSize: 50, size: "small", showSizeChanger: false }}
          scroll={{ x: 1100 }}
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
      </Card>
    </RequirePermission>
  );
}
