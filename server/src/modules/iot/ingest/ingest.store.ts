import { sql, type SQL } from "drizzle-orm";
import { type Executor, rowsOf } from "../../../platform/db/client.js";

/** Column arrays of one batch of readings (parallel arrays: one statement, four bind values). */
export interface ReadingColumns {
  deviceIds: string[];
  metrics: string[];
  /** epoch ms */
  ts: number[];
  values: number[];
}

/** Metrics measured in decibels roll up their sound energy too, so windows can report Leq. */
const DB_METRIC_LIKE = "%\\_db";

/** Adds the batch's new rows (`ins`) to one rollup table, bucket by bucket, in key order. */
function rollupUpsert(table: "iot_rollup_1m" | "iot_rollup_1h", unit: "minute" | "hour"): SQL {
  return sql`insert into ${sql.raw(table)} as r (device_id, metric, bucket, min, max, sum, count, energy_sum)
      select device_id, metric, date_trunc(${unit}, ts, 'UTC'), min(value), max(value), sum(value), count(*),
        -- The condition inside the aggregate: an aggregate in a CASE branch is computed for every group, and
        -- 10^(v/10) overflows for any value above ~3,080 (a methane reading of 12,500 ppm failed the batch).
        sum(case when metric like ${DB_METRIC_LIKE} then power(10, value / 10) end)
      from ins group by 1, 2, 3 order by 1, 2, 3
      on conflict (device_id, metric, bucket) do update set
        min = least(r.min, excluded.min), max = greatest(r.max, excluded.max), sum = r.sum + excluded.sum,
        count = r.count + excluded.count, energy_sum = r.energy_sum + excluded.energy_sum`;
}

/**
 * Stores a batch in one statement: the raw readings (a redelivered reading — same device, metric, ts —
 * conflicts and is skipped), and from exactly the rows that were new, the 1-minute and 1-hour rollups
 * and the latest values. So rollups count every reading once however often it is delivered, and a
 * crash leaves either all of a batch or none of it. Rollup upserts run in key order so two ingest
 * processes writing the same buckets lock them in the same order. Returns how many readings were new.
 */
export async function storeReadings(db: Executor, batch: ReadingColumns): Promise<number> {
  const result = await db.execute(sql`
    with input as (
      select device_id, metric, to_timestamp(ms / 1000.0) as ts, value
      from unnest(${sql.param(batch.deviceIds)}::uuid[], ${sql.param(batch.metrics)}::text[], ${sql.param(batch.ts)}::float8[], ${sql.param(batch.values)}::float8[]) as r(device_id, metric, ms, value)
    ), ins as (
      insert into iot_readings (device_id, metric, ts, value)
      select device_id, metric, ts, value from input
      on conflict do nothing
      returning device_id, metric, ts, value
    ), m as (
      ${rollupUpsert("iot_rollup_1m", "minute")}
    ), h as (
      ${rollupUpsert("iot_rollup_1h", "hour")}
    ), l as (
      insert into iot_latest as l (device_id, metric, ts, value)
      select distinct on (device_id, metric) device_id, metric, ts, value from ins order by device_id, metric, ts desc
      on conflict (device_id, metric) do update set ts = excluded.ts, value = excluded.value where excluded.ts >= l.ts
    )
    select count(*)::int as inserted from ins`);
  return (rowsOf<{ inserted: number }>(result)[0]?.inserted ?? 0) as number;
}

/** Makes sure a daily partition exists for every UTC day in `days` (yyyy-mm-dd). */
export async function ensurePartitions(db: Executor, days: Iterable<string>): Promise<void> {
  const list = [...days];
  if (list.length > 0) await db.execute(sql`select iot_ensure_reading_partition(d::date) from unnest(${sql.param(list)}::text[]) as d`);
}

/** Drops raw-reading partitions that lie wholly before the retention cut-off; returns their names. */
export async function dropExpiredPartitions(db: Executor, retentionDays: number, now = Date.now()): Promise<string[]> {
  const cutoff = utcDay(now - retentionDays * 86_400_000);
  const rows = rowsOf<{ name: string }>(await db.execute(sql`select iot_drop_reading_partitions(${cutoff}::date) as name`));
  return rows.map((r) => r.name);
}

/** Devices seen in a batch: the newest reading time of each. Marks them online; returns those that were offline. */
export async function markSeen(db: Executor, deviceIds: string[], lastTs: number[]): Promise<{ id: string; projectId: string | null; code: string; lastSeenAt: string }[]> {
  const result = await db.execute(sql`
    with seen as (
      select s.id, to_timestamp(s.ms / 1000.0) as ts, d.online as was_online
      from unnest(${sql.param(deviceIds)}::uuid[], ${sql.param(lastTs)}::float8[]) as s(id, ms) join iot_devices d on d.id = s.id
    ), upd as (
      update iot_devices d set last_seen_at = greatest(d.last_seen_at, seen.ts), online = true
      from seen where d.id = seen.id
      returning d.id, d.project_id, d.code, d.last_seen_at, seen.was_online
    )
    select id, project_id as "projectId", code, to_char(last_seen_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') as "lastSeenAt"
    from upd where not was_online order by id`);
  return rowsOf(result);
}

/** Adds rejection counts per device and reason in one statement. */
export async function addRejections(db: Executor, deviceIds: string[], reasons: string[], counts: number[]): Promise<void> {
  if (deviceIds.length === 0) return;
  await db.execute(sql`
    with r as (
      select id, reason, n from unnest(${sql.param(deviceIds)}::uuid[], ${sql.param(reasons)}::text[], ${sql.param(counts)}::int[]) as r(id, reason, n)
    ), per_device as (
      select id, sum(n)::bigint as total, jsonb_object_agg(reason, n) as by_reason, (array_agg(reason order by n desc))[1] as last_reason
      from r group by id
    )
    update iot_devices d set
      rejected_count = d.rejected_count + p.total,
      rejections = (select coalesce(jsonb_object_agg(k, coalesce((d.rejections ->> k)::bigint, 0) + coalesce((p.by_reason ->> k)::bigint, 0)), '{}'::jsonb)
                    from (select jsonb_object_keys(d.rejections) union select jsonb_object_keys(p.by_reason)) as keys(k)),
      last_rejected_at = now(), last_rejected_reason = p.last_reason
    from per_device p where d.id = p.id`);
}

export const utcDay = (ms: number) => new Date(ms).toISOString().slice(0, 10);

/** `db.execute` answers `{rows}` on both drivers. */

/**
 * Window aggregates from the 1-minute rollups, one row per request in request order: the buckets that
 * start inside (end − window, end]. Minute resolution is what the rules need (15-min means, 20-min Leq).
 */
export async function windowAggregates(
  db: Executor,
  reqs: { deviceId: string; metric: string; windowS: number; endMs: number }[],
): Promise<{ sum: number; count: number; max: number; min: number; energySum: number | null }[]> {
  if (reqs.length === 0) return [];
  const result = await db.execute(sql`
    select w.i, coalesce(sum(r.sum), 0)::float8 as sum, coalesce(sum(r.count), 0)::int as count, max(r.max) as max, min(r.min) as min, sum(r.energy_sum) as "energySum"
    from unnest(${sql.param(reqs.map((r) => r.deviceId))}::uuid[], ${sql.param(reqs.map((r) => r.metric))}::text[], ${sql.param(reqs.map((r) => r.windowS))}::int[], ${sql.param(reqs.map((r) => r.endMs))}::float8[])
      with ordinality as w(device_id, metric, window_s, ms, i)
    left join iot_rollup_1m r on r.device_id = w.device_id and r.metric = w.metric
      and r.bucket > to_timestamp(w.ms / 1000.0) - make_interval(secs => w.window_s) and r.bucket <= to_timestamp(w.ms / 1000.0)
    group by w.i order by w.i`);
  return rowsOf<{ sum: number; count: number; max: number; min: number; energySum: number | null }>(result).map((r) => ({
    sum: Number(r.sum),
    count: Number(r.count),
    max: Number(r.max),
    min: Number(r.min),
    energySum: r.energySum === null ? null : Number(r.energySum),
  }));
}
