import { useState } from "react";
import { Button, DatePicker, Tag } from "antd";
import { DownloadOutlined } from "@ant-design/icons";
import dayjs from "dayjs";
import { useTranslation } from "react-i18next";
import type { AttendanceDayDto } from "@contracts/workforce/attendance";
import { shanghaiDay, shanghaiMonth } from "@contracts/workforce/presence";
import { TRADE_LABELS } from "@contracts/workforce/workers";
import { apiUrl } from "../../../api/client";
import { formatNumber, orDash } from "../../../components/format";
import { ListPage } from "../../../components/list-page";
import { useLocalListParams } from "../../../components/use-list-params";
import { useLabels } from "../../../i18n/labels";
import { useDailyAttendance } from "../api";
import { shanghaiTime } from "../format";

/** 考勤: one day's first in / last out / hours per person (today by default), and the monthly 考勤表 download. */
export function ProjectAttendance({ projectId }: { projectId: string }) {
  const { t } = useTranslation();
  const { label } = useLabels();
  const lp = useLocalListParams();
  const [month, setMonth] = useState(shanghaiMonth());

  return (
    <ListPage<AttendanceDayDto>
      bare
      lp={lp}
      search={false}
      useRows={(q) => useDailyAttendance(projectId, q)}
      query={(q) => ({ ...q, day: q.day ?? shanghaiDay() })}
      rowKey="personId"
      filters={[
        {
          kind: "custom",
          key: "day",
          render: () => <DatePicker aria-label={t("workforce.day")} allowClear={false} value={dayjs(lp.get("day") ?? shanghaiDay())} disabledDate={(d) => d.isAfter(dayjs(), "day")} onChange={(d) => d && lp.set({ day: d.format("YYYY-MM-DD") })} />,
        },
      ]}
      actions={
        <>
          <DatePicker picker="month" aria-label={t("workforce.month")} allowClear={false} value={dayjs(`${month}-01`)} onChange={(d) => d && setMonth(d.format("YYYY-MM"))} />
          <Button icon={<DownloadOutlined />} href={apiUrl(`/projects/${projectId}/attendance/monthly.xlsx`, { month })} download>
            {t("workforce.monthlySheet")} xlsx
          </Button>
        </>
      }
      columns={[
        { title: t("workforce.workerNo"), dataIndex: "workerNo", width: 130, render: orDash },
        { title: t("workforce.name"), dataIndex: "name", width: 100 },
        { title: t("workforce.team"), dataIndex: "teamName", width: 140, render: orDash },
        { title: t("workforce.trade"), dataIndex: "trade", width: 110, render: (v: string | null) => (v ? label(TRADE_LABELS, v) : "—") },
        { title: t("workforce.firstIn"), dataIndex: "firstIn", width: 90, render: shanghaiTime },
        { title: t("workforce.lastOut"), dataIndex: "lastOut", width: 90, render: shanghaiTime },
        { title: t("workforce.hours"), dataIndex: "hours", width: 80, align: "right", render: (h: number | null) => formatNumber(h, 1) },
        { title: t("workforce.passages"), dataIndex: "passages", width: 80, align: "right" },
        {
          title: t("workforce.status"),
          dataIndex: "lastDirection",
          width: 80,
          render: (d: AttendanceDayDto["lastDirection"]) => (d === "in" ? <Tag color="green">{t("workforce.stillOnSite")}</Tag> : d === "out" ? <Tag>{t("workforce.left")}</Tag> : null),
        },
      ]}
    />
  );
}
