import { and, asc, desc, eq, gte, ilike, isNotNull, isNull, lt, or, sql, type SQL } from "drizzle-orm";
import { alarmStatusOf, SEVERITIES, type AlarmDetailDto, type AlarmDto, type AlarmStatsDto, type AlarmStatus, type ListAlarmsQuery, type Severity } from "@contracts/iot/alarms";
import type { DeviceType } from "@contracts/iot/devices";
import { requirePermission } from "../../../platform/auth/actor.js";
import type { Actor } from "../../../platform/context.js";
import type { Executor } from "../../../platform/db/client.js";
import { andAll, likePattern, offsetOf, toPage, totalOver, type Page } from "../../../platform/db/pagination.js";
import { notFound } from "../../../platform/errors.js";
import { projectScope, projectsView } from "../../registry/index.js";
import { iotAlarmEvents, iotAlarms as A, iotDevices as D } from "../schema.js";
import { severityRankSql } from "../site-map.queries.js";

const P = projectsView();

/** Read side of the alarm console: list, stats, detail with history. */

export const ALARM_EXPORT_LIMIT = 100_000;

export const alarmColumns = {
  id: A.id,
  projectId: A.projectId,
  projectName: P.name,
  deviceId: A.deviceId,
  deviceCode: D.code,
  deviceName: D.name,
  deviceType: D.type,
  ruleCode: A.ruleCode,
  ruleName: A.ruleName,
  metric: A.metric,
  severity: A.severity,
  value: A.value,
  peakValue: A.peakValue,
  threshold: A.threshold,
  count: A.count,
  startedAt: A.startedAt,
  lastAt: A.lastAt,
  ackedAt: A.ackedAt,
  ackedBy: A.ackedBy,
  clearedAt: A.clearedAt,
  clearedBy: A.clearedBy,
  assigneeId: A.assigneeId,
  assigneeName: A.assigneeName,
};

/** Alarms joined with their device and project (inner joins: both are foreign keys). */
export const selectAlarms = (db: Executor) =>
  db.select(alarmColumns).from(A).innerJoin(D, eq(D.id, A.deviceId)).innerJoin(P, eq(P.id, A.projectId));
export type AlarmRow = Awaited<ReturnType<typeof selectAlarms>>[number];

const iso = (d: Date | null) => (d ? d.toISOString() : null);

export function toAlarmDto(r: AlarmRow): AlarmDto {
  return {
    ...r,
    deviceType: r.deviceType as DeviceType,
    severity: r.severity as Severity,
    status: alarmStatusOf(r),
    startedAt: r.startedAt.toISOString(),
    lastAt: r.lastAt.toISOString(),
    ackedAt: iso(r.ackedAt),
    clearedAt: iso(r.clearedAt),
  };
}

/** Each status as the null-ness of cleared_at and acked_at. */
const STATUS_CONDITION: Record<AlarmStatus, SQL> = {
  active_unack: and(isNull(A.clearedAt), isNull(A.ackedAt)) as SQL,
  active_ack: and(isNull(A.clearedAt), isNotNull(A.ackedAt)) as SQL,
  cleared_unack: and(isNotNull(A.clearedAt), isNull(A.ackedAt)) as SQL,
  cleared_ack: and(isNotNull(A.clearedAt), isNotNull(A.ackedAt)) as SQL,
};

/** List and export filters with the scope; `from`/`to` bound the start time. */
export function alarmFilters(actor: Actor, q: Partial<ListAlarmsQuery>): SQL | undefined {
  const pattern = q.q ? likePattern(q.q) : undefined;
  return andAll([
    projectScope(actor, A.projectId),
    q.projectId ? eq(A.projectId, q.projectId) : undefined,
    q.deviceId ? eq(A.deviceId, q.deviceId) : undefined,
    q.severity?.length ? sql`${A.severity} = any(${sql.param(q.severity)}::text[])` : undefined,
    q.status?.length ? or(...q.status.map((s) => STATUS_CONDITION[s])) : undefined,
    q.ruleCode ? eq(A.ruleCode, q.ruleCode) : undefined,
    q.rulePrefix ? sql`split_part(${A.ruleCode}, '.', 1) = ${q.rulePrefix}` : undefined,
    q.from ? gte(A.startedAt, new Date(q.from)) : undefined,
    q.to ? lt(A.startedAt, new Date(q.to)) : undefined,
    pattern ? or(ilike(D.code, pattern), ilike(D.name, pattern), ilike(A.ruleName, pattern), ilike(P.name, pattern)) : undefined,
  ]);
}

const SORTABLE: Record<string, SQL> = {
  startedAt: sql`${A.startedAt}`,
  lastAt: sql`${A.lastAt}`,
  severity: severityRankSql(A.severity),
  count: sql`${A.count}`,
};

/** `field` or `-field`, default `-lastAt` (most recent activity first); severity sorts by rank, not by name. */
export function alarmOrder(sort: string | undefined): SQL[] {
  const s = sort ?? "-lastAt";
  const isDesc = s.startsWith("-");
  const expr = SORTABLE[isDesc ? s.slice(1) : s] ?? SORTABLE.lastAt;
  return [isDesc ? sql`${expr} desc` : sql`${expr} asc`, desc(A.lastAt), desc(A.id)];
}

export async function listAlarms(db: Executor, actor: Actor, q: ListAlarmsQuery): Promise<Page<AlarmDto>> {
  requirePermission(actor, "iot.read");
  const rows = await db
    .select({ ...alarmColumns, total: totalOver })
    .from(A)
    .innerJoin(D, eq(D.id, A.deviceId))
    .innerJoin(P, eq(P.id, A.projectId))
    .where(alarmFilters(actor, q))
    .orderBy(...alarmOrder(q.sort))
    .limit(q.pageSize)
    .offset(offsetOf(q));
  return toPage(rows, q, toAlarmDto);
}

/**
 * One alarm with its full history (oldest first). `scoped: false` is for a verb that has already authorised it.
 * @throws AppError NOT_FOUND when absent or outside the actor's scope.
 */
export async function getAlarm(db: Executor, actor: Actor, id: string, opts: { scoped?: boolean } = {}): Promise<AlarmDetailDto> {
  requirePermission(actor, "iot.read");
  const [row] = await selectAlarms(db).where(and(eq(A.id, id), opts.scoped === false ? undefined : projectScope(actor, A.projectId)));
  if (!row) throw notFound("alarm", id);
  const events = await db.select().from(iotAlarmEvents).where(eq(iotAlarmEvents.alarmId, id)).orderBy(asc(iotAlarmEvents.id));
  return {
    ...toAlarmDto(row),
    history: events.map((e) => ({
      id: e.id,
      kind: e.kind as AlarmDetailDto["history"][number]["kind"],
      at: e.at.toISOString(),
      actorName: e.actorName,
      severity: e.severity as Severity | null,
      value: e.value,
      note: e.note,
    })),
  };
}

/** Active alarms by severity and the alarms nobody has acknowledged yet (active or cleared), within scope. */
export async function alarmStats(db: Executor, actor: Actor): Promise<AlarmStatsDto> {
  requirePermission(actor, "iot.read");
  const rows = await db
    .select({
      severity: A.severity,
      active: sql<number>`(count(*) filter (where ${A.clearedAt} is null))::int`,
      unacked: sql<number>`(count(*) filter (where ${A.ackedAt} is null))::int`,
    })
    .from(A)
    // The open-alarms partial index covers exactly this condition.
    .where(and(or(isNull(A.clearedAt), isNull(A.ackedAt)), projectScope(actor, A.projectId)))
    .groupBy(A.severity);
  const active = Object.fromEntries(SEVERITIES.map((s) => [s, 0])) as Record<Severity, number>;
  let unacknowledged = 0;
  for (const r of rows) {
    if (r.severity in active) active[r.severity as Severity] = r.active;
    unacknowledged += r.unacked;
  }
  return { active, unacknowledged };
}
