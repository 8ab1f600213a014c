import { Tooltip, Typography } from "antd";
import type { ColumnsType } from "antd/es/table";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import type { AlarmDto } from "@contracts/iot/alarms";
import { formatDateTime, orDash } from "../../../../components/format";
import { AlarmStatusBadge, SeverityTag } from "../../components/tags";
import { alarmUnit, formatValue } from "../../iot-format";

/** The value an alarm last saw against its threshold, with the unit of its metric. */
export function AlarmValue({ alarm: a }: { alarm: AlarmDto }) {
  const unit = alarmUnit(a);
  if (a.value == null) return <span>—</span>;
  return (
    <Tooltip title={a.peakValue != null ? `peak ${formatValue(a.peakValue, 2)} ${unit}` : undefined}>
      <span>
        <b>{formatValue(a.value, 2)}</b>
        {a.threshold != null && <Typography.Text type="secondary"> / {formatValue(a.threshold, 2)}</Typography.Text>} <Typography.Text type="secondary" style={{ fontSize: 12 }}>{unit}</Typography.Text>
      </span>
    </Tooltip>
  );
}

/** The columns the API sorts alarms by (their keys are its sort keys). */
export const ALARM_SORT_KEYS = ["severity", "count", "startedAt", "lastAt"] as const;

/** Columns of the alarm console and a project's alarms. */
export function useAlarmColumns(opts: { hideProject?: boolean } = {}): ColumnsType<AlarmDto> {
  const { t } = useTranslation();
  return [
    { title: t("alarm.severity"), dataIndex: "severity", width: 96, key: "severity", render: (v: AlarmDto["severity"]) => <SeverityTag severity={v} /> },
    { title: t("alarm.status"), dataIndex: "status", width: 130, render: (v: AlarmDto["status"]) => <AlarmStatusBadge status={v} /> },
    { title: t("alarm.rule"), dataIndex: "ruleName", minWidth: 190, ellipsis: true, render: (v: string, r) => <Tooltip title={r.ruleCode}>{v}</Tooltip> },
    {
      title: t("alarm.device"),
      dataIndex: "deviceCode",
      width: 250,
      ellipsis: true,
      render: (v: string, r) => (
        <Tooltip title={r.deviceName}>
          <Link to={`/iot/devices/${r.deviceId}`} onClick={(e) => e.stopPropagation()}>
            <span className="sc-mono">{v}</span> <Typography.Text type="secondary">{r.deviceName}</Typography.Text>
          </Link>
        </Tooltip>
      ),
    },
    ...(opts.hideProject
      ? []
      : [
          {
            title: t("alarm.project"),
            dataIndex: "projectName",
            minWidth: 200,
            ellipsis: true,
            render: (v: string, r: AlarmDto) => (
              <Link to={`/projects/${r.projectId}?tab=iot`} onClick={(e) => e.stopPropagation()}>
                {v}
              </Link>
            ),
          },
        ]),
    { title: t("alarm.valueThreshold"), key: "value", width: 140, align: "right", render: (_: unknown, r) => <AlarmValue alarm={r} /> },
    { title: t("alarm.count"), dataIndex: "count", width: 80, align: "right", key: "count" },
    { title: t("alarm.startedAt"), dataIndex: "startedAt", width: 140, key: "startedAt", render: formatDateTime },
    { title: t("alarm.lastAt"), dataIndex: "lastAt", width: 140, key: "lastAt", render: formatDateTime },
    { title: t("alarm.assignee"), dataIndex: "assigneeName", width: 84, ellipsis: true, render: orDash },
  ];
}
