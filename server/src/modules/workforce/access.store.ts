import { sql } from "drizzle-orm";
import type { AccessResult } from "@contracts/workforce/attendance";
import { type Executor, rowsOf } from "../../platform/db/client.js";
import { personsView, projectPostsView } from "../registry/index.js";

/** One gate event ready to store (parallel arrays are built from these). */
export interface AccessRow {
  deviceId: string;
  projectId: string;
  idNumber: string | null;
  personId: string | null;
  workerNo: string | null;
  direction: "in" | "out";
  ts: number;
  /** Asia/Shanghai day of ts */
  day: string;
  similarity: number | null;
  subject: string | null;
  snapshotPath: string | null;
  dedupKey: string;
}

/** Refused passages of one batch, per gate and reason (they become access alarms). */
export interface AccessRefusal {
  deviceId: string;
  projectId: string;
  result: Exclude<AccessResult, "accepted">;
  count: number;
  lastMs: number;
}

/**
 * Stores a batch of gate events in one statement. Each event's person is resolved (personId, workerNo or
 * ID number) and judged: blacklisted (valid city-wide entry), admitted on this project (a worker 进场/在场,
 * or holding a key post here), a live worker of another project, not admitted, or unknown. New events
 * (the dedup key skips re-pushed ones) are kept with their result; accepted ones update the person's
 * attendance day (first in, last out, last direction) and move an admitted worker to 在场. Returns the
 * refusals, counted per gate and result.
 */
export async function storeAccessBatch(db: Executor, rows: AccessRow[]): Promise<{ inserted: number; refusals: AccessRefusal[] }> {
  const col = <K extends keyof AccessRow>(k: K) => sql.param(rows.map((r) => r[k]));
  const result = await db.execute(sql`
    with input as (
      select * from unnest(${col("deviceId")}::uuid[], ${col("projectId")}::uuid[], ${col("idNumber")}::text[], ${col("personId")}::uuid[],
        ${col("workerNo")}::text[], ${col("direction")}::text[], ${col("ts")}::float8[], ${col("day")}::date[], ${col("similarity")}::float8[],
        ${col("subject")}::text[], ${col("snapshotPath")}::text[], ${col("dedupKey")}::text[])
        as i(device_id, project_id, id_number, person_id, worker_no, direction, ms, day, similarity, subject, snapshot_path, dedup_key)
    ), who as (
      -- Scalar subqueries, so each event is an index lookup: as joins the planner hashed whole tables per batch.
      select i.*, coalesce(
        i.person_id,
        (select w.person_id from workforce_workers w where w.worker_no = i.worker_no),
        (select p.id from ${personsView("p")} where p.id_number = i.id_number)
      ) as pid
      from input i
    ), judged as (
      select who.*, w.id as worker_id, w.project_id as worker_project,
        case
          when who.pid is null then 'unknown_face'
          when exists (select 1 from workforce_blacklist b where b.person_id = who.pid and b.revoked_at is null
                       and b.valid_from <= who.day and (b.valid_to is null or b.valid_to >= who.day)) then 'blacklisted'
          when w.project_id = who.project_id and w.status in ('entered', 'on_site') then 'accepted'
          when exists (select 1 from ${projectPostsView("po")} where po.person_id = who.pid and po.project_id = who.project_id
                       and po.started_on <= who.day and (po.ended_on is null or po.ended_on >= who.day)) then 'accepted'
          when w.status in ('entered', 'on_site') then 'other_project'
          else 'not_admitted'
        end as result
      from who
      left join lateral (
        select w.id, w.project_id, w.status from workforce_workers w
        where w.person_id = who.pid and w.status <> 'exited'
        order by (w.project_id = who.project_id) desc, (w.status in ('entered', 'on_site')) desc limit 1
      ) w on true
    ), ins as (
      insert into workforce_access_events (device_id, project_id, person_id, worker_id, direction, ts, similarity, result, subject, snapshot_path, dedup_key)
      select device_id, project_id, pid, case when worker_project = project_id then worker_id end, direction, to_timestamp(ms / 1000.0),
        similarity, result, subject, snapshot_path, dedup_key
      from judged
      on conflict ((md5(dedup_key)::uuid)) do nothing
      returning device_id, project_id, person_id, worker_id, direction, ts, result
    ), accepted as (
      select *, ((ts at time zone 'UTC') + interval '8 hours')::date as day from ins where result = 'accepted'
    ), att as (
      insert into workforce_attendance_days as a (project_id, person_id, day, worker_id, first_in, last_out, last_ts, last_direction, passages)
      select project_id, person_id, day, (array_agg(worker_id) filter (where worker_id is not null))[1],
        min(ts) filter (where direction = 'in'), max(ts) filter (where direction = 'out'), max(ts),
        (array_agg(direction order by ts desc))[1], count(*)
      from accepted group by project_id, person_id, day order by project_id, person_id, day
      on conflict (project_id, person_id, day) do update set
        worker_id = coalesce(a.worker_id, excluded.worker_id),
        first_in = least(a.first_in, excluded.first_in),
        last_out = greatest(a.last_out, excluded.last_out),
        last_direction = case when excluded.last_ts >= a.last_ts then excluded.last_direction else a.last_direction end,
        last_ts = greatest(a.last_ts, excluded.last_ts),
        passages = a.passages + excluded.passages
    ), moved as (
      update workforce_workers w set status = 'on_site', updated_at = now()
      from (select distinct worker_id from accepted where worker_id is not null) x
      where w.id = x.worker_id and w.status = 'entered'
    )
    select device_id as "deviceId", project_id as "projectId", result, count(*)::int as count,
      (extract(epoch from max(ts)) * 1000)::float8 as "lastMs"
    from ins group by device_id, project_id, result`);
  const groups = rowsOf<(Omit<AccessRefusal, "result"> & { result: AccessResult })>(result);
  return {
    inserted: groups.reduce((n, g) => n + g.count, 0),
    refusals: groups.filter((g): g is AccessRefusal => g.result !== "accepted").map((g) => ({ ...g, lastMs: Number(g.lastMs) })),
  };
}
