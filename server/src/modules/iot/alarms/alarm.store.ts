import { sql } from "drizzle-orm";
import type { AlarmChangeDto, Severity } from "@contracts/iot/alarms";
import { type Executor, rowsOf } from "../../../platform/db/client.js";
import { ALARM_CHANNEL, alarmChangeJson } from "./alarm.notify.js";

/** What the rules concluded for one device and rule: be active at `severity`, or clear (`normal`). */
export interface AlarmVerdict {
  deviceId: string;
  projectId: string;
  ruleId: string | null;
  ruleCode: string;
  ruleName: string;
  metric: string | null;
  severity: Severity | "normal";
  value: number | null;
  threshold: number | null;
  /** epoch ms of the reading (or check) behind the verdict */
  at: number;
  /** How many readings of the batch raised it (added to the alarm's count). */
  repeats: number;
}

const SEVERITY_ORDER = sql.raw(`array['info','minor','major','critical']`);

/**
 * Applies a batch of verdicts in one statement: raises new alarms, updates active ones (count, latest
 * value, peak, escalation — severity never drops while active), clears those whose condition ended,
 * writes their history and announces every raise, escalation and clear on ALARM_CHANNEL. Verdicts must
 * hold at most one entry per (device, rule). Returns the changes.
 */
export async function applyVerdicts(db: Executor, verdicts: AlarmVerdict[]): Promise<AlarmChangeDto[]> {
  if (verdicts.length === 0) return [];
  const sorted = [...verdicts].sort((a, b) => (a.deviceId === b.deviceId ? (a.ruleCode < b.ruleCode ? -1 : 1) : a.deviceId < b.deviceId ? -1 : 1));
  const col = <K extends keyof AlarmVerdict>(k: K) => sorted.map((v) => v[k]);
  const result = await db.execute(sql`
    with v as (
      select * from unnest(${sql.param(col("deviceId"))}::uuid[], ${sql.param(col("projectId"))}::uuid[], ${sql.param(col("ruleId"))}::uuid[], ${sql.param(col("ruleCode"))}::text[],
        ${sql.param(col("ruleName"))}::text[], ${sql.param(col("metric"))}::text[], ${sql.param(col("severity"))}::text[], ${sql.param(col("value"))}::float8[], ${sql.param(col("threshold"))}::float8[], ${sql.param(col("at"))}::float8[], ${sql.param(col("repeats"))}::int[])
        as v(device_id, project_id, rule_id, rule_code, rule_name, metric, severity, value, threshold, ms, repeats)
    ), prior as (
      select a.id, a.severity from iot_alarms a join v on a.device_id = v.device_id and a.rule_code = v.rule_code where a.cleared_at is null
    ), up as (
      insert into iot_alarms as a (project_id, device_id, rule_id, rule_code, rule_name, metric, severity, value, peak_value, threshold, count, started_at, last_at)
      select project_id, device_id, rule_id, rule_code, rule_name, metric, severity, value, value, threshold, repeats, to_timestamp(ms / 1000.0), to_timestamp(ms / 1000.0)
      from v where severity <> 'normal'
      on conflict (device_id, rule_code) where cleared_at is null do update set
        count = a.count + excluded.count,
        value = excluded.value,
        last_at = greatest(a.last_at, excluded.last_at),
        rule_id = excluded.rule_id,
        rule_name = excluded.rule_name,
        -- A breach of an "above" rule has value ≥ threshold, of a "below" rule value ≤ threshold: the peak is the furthest one.
        peak_value = case when excluded.value is null then a.peak_value
                          when excluded.value >= excluded.threshold then greatest(a.peak_value, excluded.value)
                          else least(a.peak_value, excluded.value) end,
        threshold = case when array_position(${SEVERITY_ORDER}, excluded.severity) > array_position(${SEVERITY_ORDER}, a.severity) then excluded.threshold else a.threshold end,
        severity = case when array_position(${SEVERITY_ORDER}, excluded.severity) > array_position(${SEVERITY_ORDER}, a.severity) then excluded.severity else a.severity end
      returning a.id, a.project_id, a.device_id, a.rule_code, a.severity, a.value, a.cleared_at, a.acked_at, a.last_at, (a.xmax = 0) as inserted
    ), cl as (
      update iot_alarms a set cleared_at = to_timestamp(v.ms / 1000.0), cleared_by = '系统 (auto)'
      from v where v.severity = 'normal' and a.device_id = v.device_id and a.rule_code = v.rule_code and a.cleared_at is null
      returning a.id, a.project_id, a.device_id, a.rule_code, a.severity, a.value, a.cleared_at, a.acked_at, a.cleared_at as at
    ), changes as (
      select up.id, up.project_id, up.device_id, up.rule_code, up.severity, up.value, up.cleared_at, up.acked_at, up.last_at as at,
        case when up.inserted then 'raised'
             when array_position(${SEVERITY_ORDER}, up.severity) > array_position(${SEVERITY_ORDER}, prior.severity) then 'escalated' end as kind
      from up left join prior on prior.id = up.id
      union all
      select cl.id, cl.project_id, cl.device_id, cl.rule_code, cl.severity, cl.value, cl.cleared_at, cl.acked_at, cl.at, 'cleared' from cl
    ), ev as (
      insert into iot_alarm_events (alarm_id, kind, at, severity, value, actor_name)
      select id, kind, at, severity, value, '系统 (auto)' from changes where kind is not null
    )
    select pg_notify(${ALARM_CHANNEL}, ${alarmChangeJson(sql`a.kind`, sql`a.at`)}) as ignored, ${alarmChangeJson(sql`a.kind`, sql`a.at`)} as change
    from changes a join iot_devices d on d.id = a.device_id
    where a.kind is not null`);
  return rowsOf<{ change: string }>(result).map((r) => JSON.parse(r.change) as AlarmChangeDto);
}
