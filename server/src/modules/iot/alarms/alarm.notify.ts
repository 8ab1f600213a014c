import { sql, type SQL } from "drizzle-orm";
import type { Executor } from "../../../platform/db/client.js";

/** NOTIFY channel of alarm changes (payload: AlarmChangeDto as JSON); every process's realtime hub listens. */
export const ALARM_CHANNEL = "sc_iot_alarm";

/**
 * The AlarmChangeDto JSON of alarm row `a` (columns of iot_alarms) with device code `code`.
 * Shared by the ingest batch statement and the operators' actions so both announce changes the same way.
 */
export function alarmChangeJson(kind: SQL, at: SQL): SQL {
  return sql`json_build_object(
    'alarmId', a.id, 'projectId', a.project_id, 'deviceId', a.device_id, 'deviceCode', d.code,
    'ruleCode', a.rule_code, 'kind', ${kind}, 'severity', a.severity,
    'status', (case when a.cleared_at is null then 'active' else 'cleared' end) || '_' || (case when a.acked_at is null then 'unack' else 'ack' end),
    'value', a.value, 'at', to_char(${at} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'))::text`;
}

export interface AlarmEventInput {
  alarmId: string;
  kind: "raised" | "escalated" | "acknowledged" | "cleared" | "assigned" | "commented";
  actorId?: string | null;
  actorName?: string | null;
  severity?: string | null;
  value?: number | null;
  note?: string | null;
}

/**
 * Appends one entry to an alarm's history and announces the alarm's current state, inside the
 * caller's transaction (so the notification goes out only if the change commits). Call it after
 * the statement that changed the alarm.
 */
export async function recordAlarmEvent(tx: Executor, e: AlarmEventInput): Promise<void> {
  await tx.execute(sql`
    with ev as (
      insert into iot_alarm_events (alarm_id, kind, actor_id, actor_name, severity, value, note)
      values (${e.alarmId}, ${e.kind}, ${e.actorId ?? null}, ${e.actorName ?? null}, ${e.severity ?? null}, ${e.value ?? null}, ${e.note ?? null})
      returning alarm_id, at
    )
    select pg_notify(${ALARM_CHANNEL}, ${alarmChangeJson(sql`${e.kind}::text`, sql`ev.at`)})
    from ev join iot_alarms a on a.id = ev.alarm_id join iot_devices d on d.id = a.device_id`);
}
