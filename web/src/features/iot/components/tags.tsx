import { Badge, Tag, Tooltip } from "antd";
import { useTranslation } from "react-i18next";
import type { AlarmStatus, Severity } from "@contracts/iot/alarms";
import type { CommandStatus } from "@contracts/iot/commands";
import { formatDateTime } from "../../../components/format";
import { useLabels } from "../../../i18n/labels";
import { relativeTime } from "../iot-format";
import { ALARM_STATUS_LABELS, COMMAND_STATUS_LABELS, SEVERITY_LABELS } from "@contracts/iot/labels";
import { SEVERITY_TAG_COLOR } from "../severity";
import { useNow } from "./use-now";

/** 提示 / 一般 / 严重 / 紧急 in their colours. */
export function SeverityTag({ severity }: { severity: Severity }) {
  const { label } = useLabels();
  return (
    <Tag color={SEVERITY_TAG_COLOR[severity]} style={{ marginInlineEnd: 0 }}>
      {label(SEVERITY_LABELS, severity)}
    </Tag>
  );
}

const ALARM_STATUS_BADGE: Record<AlarmStatus, "error" | "warning" | "processing" | "default"> = {
  active_unack: "error",
  active_ack: "warning",
  cleared_unack: "processing",
  cleared_ack: "default",
};

/** 未确认 red dot, 已确认 amber, 已清除未确认 blue, 已处理 grey. */
export function AlarmStatusBadge({ status }: { status: AlarmStatus }) {
  const { label } = useLabels();
  return <Badge status={ALARM_STATUS_BADGE[status]} text={label(ALARM_STATUS_LABELS, status)} style={{ whiteSpace: "nowrap" }} />;
}

const COMMAND_COLOR: Record<CommandStatus, string> = { pending: "default", sent: "processing", acked: "success", failed: "error", expired: "warning" };

export function CommandStatusTag({ status }: { status: CommandStatus }) {
  const { label } = useLabels();
  return <Tag color={COMMAND_COLOR[status]}>{label(COMMAND_STATUS_LABELS, status)}</Tag>;
}

/** 在线 / 离线 with the last report as "3 分钟前" (exact time in the tooltip); 停用 for a disabled device. */
export function OnlineStatus({ online, lastSeenAt, enabled = true }: { online: boolean; lastSeenAt: string | null; enabled?: boolean }) {
  const { t, i18n } = useTranslation();
  const now = useNow();
  if (!enabled) return <Badge status="default" text={t("device.disabled")} />;
  return (
    <Tooltip title={lastSeenAt ? `${t("device.lastSeenAt")}: ${formatDateTime(lastSeenAt)}` : t("device.neverSeen")}>
      <span style={{ whiteSpace: "nowrap" }}>
        <Badge status={online ? "success" : "default"} text={online ? t("device.online") : t("device.offline")} />
        <span style={{ color: "#8c8c8c", fontSize: 12, marginInlineStart: 6 }}>{relativeTime(lastSeenAt, now, i18n.language)}</span>
      </span>
    </Tooltip>
  );
}
