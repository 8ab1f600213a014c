import { z } from "zod";
import { csvEnum, PageQuery, sortParam } from "../platform/common";
import { DeviceType } from "./devices";

/** 提示 / 一般 / 严重 / 紧急, in rising order. */
export const SEVERITIES = ["info", "minor", "major", "critical"] as const;
export const Severity = z.enum(SEVERITIES);
export type Severity = z.infer<typeof Severity>;
export const severityRank = (s: Severity) => SEVERITIES.indexOf(s);

/**
 * Alarm status as ThingsBoard has it: active or cleared, each acknowledged or not.
 * A cleared and acknowledged alarm is history.
 */
export const ALARM_STATUSES = ["active_unack", "active_ack", "cleared_unack", "cleared_ack"] as const;
export const AlarmStatus = z.enum(ALARM_STATUSES);
export type AlarmStatus = z.infer<typeof AlarmStatus>;

export const alarmStatusOf = (a: { clearedAt: unknown; ackedAt: unknown }): AlarmStatus =>
  `${a.clearedAt ? "cleared" : "active"}_${a.ackedAt ? "ack" : "unack"}` as AlarmStatus;

export const AlarmDto = z.object({
  id: z.uuid(),
  projectId: z.uuid(),
  projectName: z.string(),
  deviceId: z.uuid(),
  deviceCode: z.string(),
  deviceName: z.string(),
  deviceType: DeviceType,
  ruleCode: z.string(),
  ruleName: z.string(),
  metric: z.string().nullable(),
  severity: Severity,
  status: AlarmStatus,
  /** The value that last raised or repeated the alarm, and the worst seen while active. */
  value: z.number().nullable(),
  peakValue: z.number().nullable(),
  threshold: z.number().nullable(),
  count: z.number().int(),
  startedAt: z.string(),
  lastAt: z.string(),
  ackedAt: z.string().nullable(),
  ackedBy: z.string().nullable(),
  clearedAt: z.string().nullable(),
  clearedBy: z.string().nullable(),
  assigneeId: z.uuid().nullable(),
  assigneeName: z.string().nullable(),
});
export type AlarmDto = z.infer<typeof AlarmDto>;

export const ALARM_EVENT_KINDS = ["raised", "escalated", "acknowledged", "cleared", "assigned", "commented"] as const;

export const AlarmEventDto = z.object({
  id: z.number().int(),
  kind: z.enum(ALARM_EVENT_KINDS),
  at: z.string(),
  actorName: z.string().nullable(),
  severity: Severity.nullable(),
  value: z.number().nullable(),
  note: z.string().nullable(),
});
export type AlarmEventDto = z.infer<typeof AlarmEventDto>;

export const AlarmDetailDto = AlarmDto.extend({ history: z.array(AlarmEventDto) });
export type AlarmDetailDto = z.infer<typeof AlarmDetailDto>;

export const ALARM_SORT = ["startedAt", "lastAt", "severity", "count"] as const;

export const ListAlarmsQuery = PageQuery.extend({
  projectId: z.uuid().optional(),
  deviceId: z.uuid().optional(),
  severity: csvEnum(SEVERITIES),
  status: csvEnum(ALARM_STATUSES),
  ruleCode: z.string().trim().max(60).optional(),
  /** Rules of one family: `dust` keeps dust.pm10, dust.pm25 … (the part of the code before the first dot). */
  rulePrefix: z.string().trim().regex(/^[a-z_]+$/, "a rule family, e.g. dust").max(30).optional(),
  from: z.iso.datetime({ offset: true }).optional(),
  to: z.iso.datetime({ offset: true }).optional(),
  sort: sortParam(ALARM_SORT),
});
export type ListAlarmsQuery = z.infer<typeof ListAlarmsQuery>;

export const AlarmNoteInput = z.object({ note: z.string().trim().max(500).optional() });
export const AssignAlarmInput = z.object({ assigneeId: z.uuid().nullable() });
export const CommentAlarmInput = z.object({ text: z.string().trim().min(1).max(1000) });

export const AlarmStatsDto = z.object({
  active: z.record(Severity, z.number().int()),
  unacknowledged: z.number().int(),
});
export type AlarmStatsDto = z.infer<typeof AlarmStatsDto>;

/** What the realtime stream pushes when an alarm changes. */
export const AlarmChangeDto = z.object({
  alarmId: z.uuid(),
  projectId: z.uuid(),
  deviceId: z.uuid(),
  deviceCode: z.string(),
  ruleCode: z.string(),
  kind: z.enum(ALARM_EVENT_KINDS),
  severity: Severity,
  status: AlarmStatus,
  value: z.number().nullable(),
  at: z.string(),
});
export type AlarmChangeDto = z.infer<typeof AlarmChangeDto>;
