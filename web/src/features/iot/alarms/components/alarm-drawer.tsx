import { useState } from "react";
import { App, Button, Descriptions, Drawer, Empty, Flex, Input, Skeleton, Timeline, Typography } from "antd";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import type { AlarmDetailDto, AlarmEventDto } from "@contracts/iot/alarms";
import { useCan } from "../../../../auth/use-can";
import { formatDateTime, orDash } from "../../../../components/format";
import { QueryState } from "../../../../components/query-state";
import { useLabels } from "../../../../i18n/labels";
import { AlarmStatusBadge, SeverityTag } from "../../components/tags";
import { alarmUnit, formatValue } from "../../iot-format";
import { ALARM_EVENT_LABELS, DEVICE_TYPE_LABELS, METRIC_LABELS, SEVERITY_LABELS } from "@contracts/iot/labels";
import { SEVERITY_HEX } from "../../severity";
import { useAlarm, useAlarmAction } from "../api";
import { AlarmActions } from "./alarm-actions";
import { errorText } from "../../../../components/form-utils";

const EVENT_COLOR: Record<AlarmEventDto["kind"], string> = { raised: "red", escalated: "red", acknowledged: "blue", cleared: "green", assigned: "gray", commented: "gray" };

/** 告警详情: the alarm's facts, its actions, a comment box and the full history as a timeline. */
export function AlarmDrawer({ alarmId, onClose }: { alarmId: string | null; onClose: () => void }) {
  const { t } = useTranslation();
  const alarm = useAlarm(alarmId);
  const a = alarm.data;
  return (
    <Drawer open={!!alarmId} onClose={onClose} size={560} title={t("alarm.detail")} extra={a && <AlarmActions alarm={a} size="middle" />} destroyOnHidden>
      {a ? <AlarmDetail alarm={a} /> : alarm.isLoading ? <Skeleton active /> : <QueryState isLoading={false} error={alarm.error} onRetry={() => void alarm.refetch()} />}
    </Drawer>
  );
}

function AlarmDetail({ alarm: a }: { alarm: AlarmDetailDto }) {
  const { t } = useTranslation();
  const { label } = useLabels();
  const can = useCan();
  const { message } = App.useApp();
  const act = useAlarmAction();
  const [text, setText] = useState("");
  const unit = alarmUnit(a);
  const withUnit = (v: number | null) => (v == null ? "—" : `${formatValue(v, 2)} ${unit}`.trim());

  const comment = async () => {
    try {
      await act.mutateAsync({ id: a.id, action: "comments", text: text.trim() });
      setText("");
    } catch (e) {
      message.error(errorText(e));
    }
  };

  return (
    <Flex vertical gap={16}>
      <Descriptions
        bordered
        size="small"
        column={2}
        styles={{ label: { whiteSpace: "nowrap" } }}
        items={[
          { key: "sev", label: t("alarm.severity"), children: <SeverityTag severity={a.severity} /> },
          { key: "status", label: t("alarm.status"), children: <AlarmStatusBadge status={a.status} /> },
          { key: "rule", label: t("alarm.rule"), children: <span>{a.ruleName} <Typography.Text type="secondary" className="sc-mono">{a.ruleCode}</Typography.Text></span>, span: 2 },
          { key: "project", label: t("alarm.project"), children: <Link to={`/projects/${a.projectId}?tab=iot`}>{a.projectName}</Link>, span: 2 },
          { key: "device", label: t("alarm.device"), children: <Link to={`/iot/devices/${a.deviceId}`}><span className="sc-mono">{a.deviceCode}</span> {a.deviceName}</Link> },
          { key: "type", label: t("device.type"), children: label(DEVICE_TYPE_LABELS, a.deviceType) },
          { key: "metric", label: t("alarm.metric"), children: a.metric ? label(METRIC_LABELS, a.metric) : "—" },
          { key: "threshold", label: t("alarm.threshold"), children: withUnit(a.threshold) },
          { key: "value", label: t("alarm.value"), children: withUnit(a.value) },
          { key: "peak", label: t("alarm.peak"), children: withUnit(a.peakValue) },
          { key: "count", label: t("alarm.count"), children: a.count },
          { key: "assignee", label: t("alarm.assignee"), children: orDash(a.assigneeName) },
          { key: "started", label: t("alarm.startedAt"), children: formatDateTime(a.startedAt) },
          { key: "last", label: t("alarm.lastAt"), children: formatDateTime(a.lastAt) },
          { key: "acked", label: t("alarm.ackedAt"), children: a.ackedAt ? `${formatDateTime(a.ackedAt)} ${a.ackedBy ?? ""}` : "—" },
          { key: "cleared", label: t("alarm.clearedAt"), children: a.clearedAt ? `${formatDateTime(a.clearedAt)} ${a.clearedBy ?? ""}` : "—" },
        ]}
      />
      <div>
        <Typography.Title level={5} style={{ marginTop: 0 }}>
          {t("alarm.history")}
        </Typography.Title>
        {a.history.length ? (
          <Timeline
            items={a.history.map((e) => ({
              key: e.id,
              color: e.severity && (e.kind === "raised" || e.kind === "escalated") ? SEVERITY_HEX[e.severity] : EVENT_COLOR[e.kind],
              content: (
                <div>
                  <Typography.Text strong>{label(ALARM_EVENT_LABELS, e.kind)}</Typography.Text>
                  {e.severity && (e.kind === "raised" || e.kind === "escalated") && <span> · {label(SEVERITY_LABELS, e.severity)}</span>}
                  {e.value != null && <span> · {withUnit(e.value)}</span>}
                  <Typography.Text type="secondary" style={{ marginInlineStart: 8, fontSize: 12 }}>
                    {formatDateTime(e.at)} {e.actorName ?? t("alarm.system")}
                  </Typography.Text>
                  {e.note && <div style={{ whiteSpace: "pre-wrap", color: "#595959" }}>{e.note}</div>}
                </div>
              ),
            }))}
          />
        ) : (
          <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} />
        )}
      </div>
      {can("iot.alarm.handle") && (
        <Flex gap={8} align="flex-start">
          <Input.TextArea rows={2} maxLength={1000} value={text} onChange={(e) => setText(e.target.value)} placeholder={t("alarm.commentPlaceholder")} aria-label={t("alarm.comment")} />
          <Button type="primary" disabled={!text.trim()} loading={act.isPending} onClick={() => void comment()}>
            {t("alarm.comment")}
          </Button>
        </Flex>
      )}
    </Flex>
  );
}
