import { sql } from "drizzle-orm";
import type pg from "pg";
import type { Db } from "../server/src/platform/db/client";
import type { AccessInput } from "../server/src/modules/workforce/access.parse";

/** A city for the attendance benchmark, built in SQL (generate_series): what the gate events need. */
export interface BenchCity {
  projects: string[];
  gates: { id: string; projectId: string }[];
  /** The project with `sheetWorkers` workers (the monthly sheet's project). */
  sheetProject: string;
  workers: number;
}

const rowsOf = <T>(r: unknown) => (r as { rows: T[] }).rows;

/**
 * `workers` workers on `projects` projects (150 each on average; the first project has `sheetWorkers`),
 * four teams per project, two key-post holders per project, one gate per project, three blacklisted people (not workers).
 * Worker n is person n, worker number W000000000+n, on project (n mod projects) unless in the first block.
 */
export async function buildCity(db: Db, opts: { workers: number; projects: number; sheetWorkers: number }): Promise<BenchCity> {
  const { workers, projects, sheetWorkers } = opts;
  await db.execute(sql`
    insert into registry_enterprises (id, name, credit_code, type, legal_rep)
    select ('00000000-0000-4000-8000-' || lpad(to_hex(g), 12, '0'))::uuid, '永康市基准建设' || g || '有限公司', '91330784BENCH' || lpad(g::text, 5, '0'), 'contractor', '张三'
    from generate_series(1, 40) g`);
  await db.execute(sql`
    insert into registry_projects (id, code, name, type, district, status, actual_start)
    select ('00000000-0000-4000-9000-' || lpad(to_hex(g), 12, '0'))::uuid, '2025-330784-47-01-' || lpad(g::text, 6, '0'), '基准项目' || g, 'building', '东城街道', 'in_progress', '2025-01-01'
    from generate_series(1, ${projects}) g`);
  await db.execute(sql`
    insert into registry_project_participants (project_id, enterprise_id, role)
    select ('00000000-0000-4000-9000-' || lpad(to_hex(g), 12, '0'))::uuid, ('00000000-0000-4000-8000-' || lpad(to_hex(1 + g % 40), 12, '0'))::uuid, 'general_contractor'
    from generate_series(1, ${projects}) g`);
  // Persons 1..workers are the workers, then two key-post holders per project.
  await db.execute(sql`
    insert into registry_persons (id, name, id_number, gender, birth_date, employer_id)
    select ('00000000-0000-4000-a000-' || lpad(to_hex(g), 12, '0'))::uuid, '工人' || g, '330784198001' || lpad(g::text, 6, '0'), 'M', '1980-01-01',
      ('00000000-0000-4000-8000-' || lpad(to_hex(1 + g % 40), 12, '0'))::uuid
    from generate_series(1, ${workers + 2 * projects + 3}) g`);
  await db.execute(sql`
    insert into workforce_teams (id, project_id, employer_id, name, trade)
    select ('00000000-0000-4000-b000-' || lpad(to_hex(p * 4 + t), 12, '0'))::uuid, ('00000000-0000-4000-9000-' || lpad(to_hex(p), 12, '0'))::uuid,
      ('00000000-0000-4000-8000-' || lpad(to_hex(1 + p % 40), 12, '0'))::uuid, (array['钢筋班组', '木工班组', '混凝土班组', '架子工班组'])[t + 1],
      (array['rebar_worker', 'carpenter', 'concrete_worker', 'scaffolder'])[t + 1]
    from generate_series(1, ${projects}) p cross join generate_series(0, 3) t`);
  // Workers 1..sheetWorkers on project 1, the rest spread over the others.
  await db.execute(sql`
    insert into workforce_workers (id, worker_no, person_id, project_id, employer_id, team_id, trade, status, contract_signed_on, entered_on)
    select ('00000000-0000-4000-c000-' || lpad(to_hex(g), 12, '0'))::uuid, 'W' || lpad(g::text, 9, '0'), ('00000000-0000-4000-a000-' || lpad(to_hex(g), 12, '0'))::uuid,
      ('00000000-0000-4000-9000-' || lpad(to_hex(x.p), 12, '0'))::uuid, ('00000000-0000-4000-8000-' || lpad(to_hex(1 + x.p % 40), 12, '0'))::uuid,
      ('00000000-0000-4000-b000-' || lpad(to_hex(x.p * 4 + g % 4), 12, '0'))::uuid,
      (array['rebar_worker', 'carpenter', 'concrete_worker', 'scaffolder'])[g % 4 + 1], 'on_site', '2025-01-01', '2025-01-02'
    from generate_series(1, ${workers}) g
    cross join lateral (select case when g <= ${sheetWorkers} then 1 else 2 + (g % ${Math.max(1, projects - 1)}) end as p) x`);
  await db.execute(sql`
    insert into registry_project_posts (project_id, person_id, enterprise_id, post, started_on)
    select ('00000000-0000-4000-9000-' || lpad(to_hex(p), 12, '0'))::uuid, ('00000000-0000-4000-a000-' || lpad(to_hex(${workers} + 2 * p - k), 12, '0'))::uuid,
      ('00000000-0000-4000-8000-' || lpad(to_hex(1 + p % 40), 12, '0'))::uuid, (array['project_manager', 'safety_officer'])[k + 1], '2025-01-01'
    from generate_series(1, ${projects}) p cross join generate_series(0, 1) k`);
  await db.execute(sql`
    insert into iot_devices (id, project_id, type, code, name, secret_hash)
    select ('00000000-0000-4000-d000-' || lpad(to_hex(p), 12, '0'))::uuid, ('00000000-0000-4000-9000-' || lpad(to_hex(p), 12, '0'))::uuid, 'gate',
      'BENCH-GATE-' || p, '大门人脸识别闸机', md5(p::text)
    from generate_series(1, ${projects}) p`);
  await db.execute(sql`
    insert into workforce_blacklist (person_id, reason, valid_from)
    select ('00000000-0000-4000-a000-' || lpad(to_hex(g), 12, '0'))::uuid, '基准测试', '2025-01-01' from generate_series(${workers + 2 * projects + 1}::int, ${workers + 2 * projects + 3}::int) g`);
  await db.execute(sql`analyze`);
  const gates = rowsOf<{ id: string; projectId: string }>(await db.execute(sql`select id, project_id as "projectId" from iot_devices order by project_id`));
  return { projects: gates.map((g) => g.projectId), gates, sheetProject: "00000000-0000-4000-9000-000000000001", workers };
}

/** Gate of worker n (1-based), matching buildCity's placement. */
export function gateOfWorker(city: BenchCity, n: number, projects: number, sheetWorkers: number) {
  const p = n <= sheetWorkers ? 1 : 2 + (n % Math.max(1, projects - 1));
  return city.gates[p - 1];
}

export const workerNo = (n: number) => `W${String(n).padStart(9, "0")}`;

/** Small deterministic hash → [0, 1), so the timestamps are the same on every run. */
const unit = (a: number, b: number) => {
  let h = Math.imul(a ^ 0x9e3779b9, 0x85ebca6b) ^ Math.imul(b + 0x632be5ab, 0xc2b2ae35);
  h ^= h >>> 13;
  h = Math.imul(h, 0x27d4eb2f);
  h ^= h >>> 16;
  return (h >>> 0) / 4294967296;
};

/**
 * The events of one Asia/Shanghai day: every worker in between 07:00 and 08:00, out between 17:00 and
 * 18:30 (on the last day only half have gone out: they are the live headcount); one in 500 passages is an
 * unknown face. Workers identify by employee number (as the Hikvision push does).
 */
export function* dayEvents(dayStartMs: number, dayIndex: number, workers: number, opts: { partial: boolean }): Generator<{ n: number; input: AccessInput }> {
  for (const direction of ["in", "out"] as const) {
    for (let n = 1; n <= workers; n++) {
      if (direction === "out" && opts.partial && n % 2 === 0) continue;
      const r = unit(n, dayIndex * 2 + (direction === "in" ? 0 : 1));
      const ts = dayStartMs + (direction === "in" ? 7 * 3600_000 + r * 3600_000 : 17 * 3600_000 + r * 5400_000);
      const unknown = (n * 31 + dayIndex) % 500 === 0;
      yield {
        n,
        input: {
          direction,
          ts: Math.floor(ts),
          // A face the gate matched to an ID number nobody registered (unique per worker slot, so never deduplicated away).
          idNumber: unknown ? `110101199001${String(n).padStart(6, "0")}` : null,
          personId: null,
          workerNo: unknown ? null : workerNo(n),
          similarity: 90 + r * 9,
          photo: null,
        },
      };
    }
  }
}

/**
 * The one-INSERT-per-event baseline: for each event a worker look-up, an INSERT of the event (dedup by
 * key) and an upsert of the attendance day, each its own autocommitted statement, `concurrency` events
 * at a time on the pool.
 */
export async function naiveIngest(pool: pg.Pool, events: { gate: { id: string; projectId: string }; input: AccessInput }[], concurrency: number): Promise<number> {
  let next = 0;
  const started = performance.now();
  const lane = async () => {
    for (let i = next++; i < events.length; i = next++) {
      const { gate, input } = events[i];
      const w = await pool.query<{ id: string; person_id: string; project_id: string; status: string }>(
        "select id, person_id, project_id, status from workforce_workers where worker_no = $1 and status <> 'exited'",
        [input.workerNo],
      );
      const worker = w.rows[0];
      const accepted = worker && worker.project_id === gate.projectId && (worker.status === "on_site" || worker.status === "entered");
      const ins = await pool.query(
        `insert into workforce_access_events (device_id, project_id, person_id, worker_id, direction, ts, similarity, result, subject, dedup_key)
         values ($1, $2, $3, $4, $5, to_timestamp($6 / 1000.0), $7, $8, $9, $10) on conflict ((md5(dedup_key)::uuid)) do nothing`,
        [gate.id, gate.projectId, worker?.person_id ?? null, accepted ? worker.id : null, input.direction, input.ts, input.similarity, accepted ? "accepted" : "unknown_face", input.workerNo,
          `${gate.id}|${input.workerNo}|${input.direction}|${Math.floor(input.ts / 1000)}`],
      );
      if (!accepted || ins.rowCount === 0) continue;
      await pool.query(
        `insert into workforce_attendance_days as a (project_id, person_id, day, worker_id, first_in, last_out, last_ts, last_direction, passages)
         values ($1, $2, (to_timestamp($3 / 1000.0) at time zone 'Asia/Shanghai')::date, $4,
           case when $5 = 'in' then to_timestamp($3 / 1000.0) end, case when $5 = 'out' then to_timestamp($3 / 1000.0) end, to_timestamp($3 / 1000.0), $5, 1)
         on conflict (project_id, person_id, day) do update set
           first_in = least(a.first_in, excluded.first_in), last_out = greatest(a.last_out, excluded.last_out),
           last_direction = case when excluded.last_ts >= a.last_ts then excluded.last_direction else a.last_direction end,
           last_ts = greatest(a.last_ts, excluded.last_ts), passages = a.passages + 1`,
        [gate.projectId, worker.person_id, input.ts, worker.id, input.direction],
      );
    }
  };
  await Promise.all(Array.from({ length: concurrency }, lane));
  return events.length / ((performance.now() - started) / 1000);
}
