// `npm run bench:attendance`: a city of BENCH_WORKERS workers (60,000) and BENCH_DAYS days (30) of gate events
// (two passages per worker and day: ≈ 3.6 million) through the real gate-event path (attachWorkforce's
// AccessPipeline → storeAccessBatch, alarms through the IoT runtime), fed from an in-process loop, on a private
// PostgreSQL database; side by side, in the same run, a naive one-statement-per-step baseline (look-up, INSERT,
// attendance upsert per event) on the same tables. Then the live headcount query's p99 and the monthly
// attendance sheet (xlsx) of a project with 1,000 workers. The last line printed is one JSON object.
import { loadavg } from "node:os";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import pino from "pino";
import pg from "pg";
import { sql } from "drizzle-orm";
import { loadConfig } from "../server/src/config";
import { openDatabase } from "../server/src/platform/db/client";
import { migrateDatabase } from "../server/src/platform/db/migrate";
import { systemClock } from "../server/src/platform/clock";
import { systemContext } from "../server/src/platform/context";
import { EventBus } from "../server/src/platform/events/bus";
import { FileStore } from "../server/src/platform/files/store";
import { IotRuntime } from "../server/src/modules/iot/index";
import { attachWorkforce } from "../server/src/modules/workforce/index";
import { shanghaiDay } from "../contracts/platform/time";
import type { AccessInput } from "../server/src/modules/workforce/access.parse";
import { projectHeadcount } from "../server/src/modules/workforce/headcount.queries";
import { monthlySheet } from "../server/src/modules/workforce/attendance.sheet";
import { buildCity, dayEvents, gateOfWorker, naiveIngest } from "./attendance.city";
import { createBenchDatabase } from "./bench-db";

const env = (name: string, fallback: number) => Number(process.env[name] ?? fallback);
const WORKERS = env("BENCH_WORKERS", 60_000);
const DAYS = env("BENCH_DAYS", 30);
/** Caps the events of the real run (the last days are dropped); default: all of them. */
const EVENTS = env("BENCH_EVENTS", Infinity);
const NAIVE_EVENTS = env("BENCH_NAIVE_EVENTS", 20_000);
const SHEET_WORKERS = Math.min(1_000, WORKERS);
const PROJECTS = Math.max(2, Math.round(WORKERS / 150));
const HEADCOUNT_SAMPLES = env("BENCH_HEADCOUNT_SAMPLES", 400);
const POOL_SIZE = 20; // the server's default pool
/** Events submitted and not yet stored: enough to keep three 5,000-row batches in flight. */
const WINDOW = 30_000;
const DAY_MS = 86_400_000;

const say = (m: string) => process.stderr.write(`${m}\n`);
const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];

const benchDb = await createBenchDatabase();
const closers: (() => Promise<unknown>)[] = [];
const scratch = mkdtempSync(path.join(tmpdir(), "sc-attendance-bench-"));
let exitCode = 0;

try {
  say(`attendance bench: ${WORKERS} workers on ${PROJECTS} projects, ${DAYS} days into ${benchDb.name}; load average ${loadavg().map((v) => v.toFixed(1)).join(" ")}`);
  const database = await openDatabase({ kind: "postgres", url: benchDb.url, poolSize: POOL_SIZE });
  closers.push(() => database.close());
  await migrateDatabase(database);
  let t0 = performance.now();
  const city = await buildCity(database.db, { workers: WORKERS, projects: PROJECTS, sheetWorkers: SHEET_WORKERS });
  say(`city built in ${Math.round(performance.now() - t0)} ms`);

  const config = loadConfig({ NODE_ENV: "production", LOG_LEVEL: "warn", HOST: "127.0.0.1", MQTT_PORT: "0", SIMULATE: "0", DATABASE_URL: benchDb.url, DATA_DIR: scratch });
  const log = pino({ level: "warn" }, pino.destination(2));
  const runtime = await IotRuntime.create({ database, config, events: new EventBus((err) => log.error({ err }, "event handler failed")), log });
  closers.push(() => runtime.close());
  const access = attachWorkforce(runtime, { db: database.db, files: new FileStore(scratch), log });

  // The days end today (Asia/Shanghai); on the last one half the workers have not gone out yet.
  const today = shanghaiDay(Date.now());
  const firstDayMs = Date.parse(`${today}T00:00:00+08:00`) - (DAYS - 1) * DAY_MS;
  let submitted = 0;
  let stored = 0;
  let failed = 0;
  let wake: (() => void) | null = null;
  const done = () => {
    stored++;
    if (wake && submitted - stored <= WINDOW / 2) {
      wake();
      wake = null;
    }
  };
  const fail = (err: unknown) => {
    failed++;
    if (failed === 1) say(`event failed: ${String(err)}`);
    done();
  };
  const cpu0 = process.cpuUsage();
  t0 = performance.now();
  outer: for (let d = 0; d < DAYS; d++) {
    for (const { n, input } of dayEvents(firstDayMs + d * DAY_MS, d, WORKERS, { partial: d === DAYS - 1 })) {
      if (submitted >= EVENTS) break outer;
      submitted++;
      access.submit(gateOfWorker(city, n, PROJECTS, SHEET_WORKERS), input).then(done, fail);
      if (submitted - stored >= WINDOW) await new Promise<void>((r) => (wake = r));
    }
    say(`  day ${d + 1}/${DAYS}: ${submitted} events submitted, ${stored} stored (${Math.round(stored / ((performance.now() - t0) / 1000))} events/s)`);
  }
  await access.drain();
  const ingestS = (performance.now() - t0) / 1000;
  const cpu = process.cpuUsage(cpu0);
  const eventsPerSec = submitted / ingestS;
  const counts = (await database.db.execute(sql`
    select (select count(*) from workforce_access_events)::int as events, (select count(*) from workforce_attendance_days)::int as days,
      (select count(*) from workforce_access_events where result <> 'accepted')::int as refused`)) as unknown as { rows: { events: number; days: number; refused: number }[] };
  const real = { events: submitted, stored: counts.rows[0].events, days: counts.rows[0].days, refused: counts.rows[0].refused, seconds: ingestS, eventsPerSec, failed, cpuPct: ((cpu.user + cpu.system) / 1000 / (ingestS * 1000)) * 100, batches: access.stats };
  say(`SiteCloud: ${submitted} events in ${ingestS.toFixed(1)} s = ${eventsPerSec.toFixed(0)} events/s; ${real.stored} stored, ${real.days} attendance days`);

  // The naive baseline on the same, now full, tables: events of days before the benchmark's window.
  const pool = new pg.Pool({ connectionString: benchDb.url, max: POOL_SIZE });
  pool.on("error", () => undefined);
  closers.push(() => pool.end());
  const naiveEvents: { gate: { id: string; projectId: string }; input: AccessInput }[] = [];
  for (let d = 1; naiveEvents.length < NAIVE_EVENTS; d++) {
    for (const { n, input } of dayEvents(firstDayMs - d * DAY_MS, -d, WORKERS, { partial: false })) {
      if (naiveEvents.length >= NAIVE_EVENTS) break;
      naiveEvents.push({ gate: gateOfWorker(city, n, PROJECTS, SHEET_WORKERS), input });
    }
  }
  const naiveEventsPerSec = await naiveIngest(pool, naiveEvents, POOL_SIZE);
  say(`naive: ${naiveEvents.length} events = ${naiveEventsPerSec.toFixed(0)} events/s`);

  // Queries after the bulk load: statistics as autovacuum would leave them.
  await database.db.execute(sql`analyze workforce_access_events, workforce_attendance_days`);
  const system = systemContext({ db: database.db, events: new EventBus(), log, region: config.cityRegion, clock: systemClock, files: new FileStore(scratch) });
  const headcount: number[] = [];
  let onSiteSum = 0;
  for (let i = 0; i < HEADCOUNT_SAMPLES; i++) {
    const projectId = city.projects[i % city.projects.length];
    const s = performance.now();
    const h = await projectHeadcount(system, projectId);
    headcount.push(performance.now() - s);
    onSiteSum += h.onSite;
  }
  headcount.sort((a, b) => a - b);
  const headcountP50 = percentile(headcount, 50);
  const headcountP99 = percentile(headcount, 99);
  say(`headcount: p50 ${headcountP50.toFixed(1)} ms, p99 ${headcountP99.toFixed(1)} ms over ${HEADCOUNT_SAMPLES} samples (mean on site ${(onSiteSum / HEADCOUNT_SAMPLES).toFixed(0)})`);

  // The month with the most days of the window (the last 30 days may straddle two months).
  const month = shanghaiDay(firstDayMs + Math.floor(DAYS / 2) * DAY_MS).slice(0, 7);
  const sheetRuns: number[] = [];
  let sheetBytes = 0;
  for (let i = 0; i < 5; i++) {
    const s = performance.now();
    sheetBytes = (await monthlySheet(database.db, city.sheetProject, month)).length;
    sheetRuns.push(performance.now() - s);
  }
  const sheetSorted = [...sheetRuns].sort((a, b) => a - b);
  const monthlySheetMs = sheetSorted[2];
  say(`monthly sheet ${month} of ${SHEET_WORKERS} workers: ${sheetRuns.map((v) => v.toFixed(0)).join(", ")} ms (${sheetBytes} bytes)`);

  printTable({ ...real, naiveEvents: naiveEvents.length, naiveEventsPerSec, headcountP50, headcountP99, headcountMax: headcount.at(-1)!, monthlySheetMs, sheetRuns, month });
  console.log(
    JSON.stringify({
      bench: "attendance",
      eventsPerSec: Math.round(eventsPerSec),
      naiveEventsPerSec: Math.round(naiveEventsPerSec),
      headcountP99Ms: Number(headcountP99.toFixed(1)),
      monthlySheetMs: Math.round(monthlySheetMs),
    }),
  );
} catch (err) {
  exitCode = 1;
  say(`attendance bench failed: ${(err as Error).stack ?? String(err)}`);
} finally {
  for (const close of closers.reverse()) await close().catch(() => undefined);
  await benchDb.drop().catch((err: unknown) => say(`could not drop ${benchDb.name}: ${String(err)}`));
  rmSync(scratch, { recursive: true, force: true });
}
process.exit(exitCode);

function printTable(r: {
  events: number;
  stored: number;
  days: number;
  refused: number;
  seconds: number;
  eventsPerSec: number;
  failed: number;
  cpuPct: number;
  naiveEvents: number;
  naiveEventsPerSec: number;
  headcountP50: number;
  headcountP99: number;
  headcountMax: number;
  monthlySheetMs: number;
  sheetRuns: number[];
  month: string;
}): void {
  const n = (v: number, digits = 0) => v.toLocaleString("en-US", { maximumFractionDigits: digits, minimumFractionDigits: digits });
  const row = (label: string, ...cells: string[]) => console.log(`  ${label.padEnd(26)}${cells.map((c) => c.padStart(18)).join("")}`);
  console.log(`\nAttendance benchmark: ${n(WORKERS)} workers on ${PROJECTS} projects, ${DAYS} days of gate events, PostgreSQL, fed in-process`);
  row("", "SiteCloud", "naive");
  row("events", n(r.events), n(r.naiveEvents));
  row("events/s", n(r.eventsPerSec), n(r.naiveEventsPerSec));
  row("events stored", n(r.stored));
  row("  of which refused", n(r.refused));
  row("attendance days", n(r.days));
  row("ingest seconds", n(r.seconds, 1));
  row("ingest process CPU %", n(r.cpuPct));
  row("failed submits", n(r.failed));
  row("headcount ms p50/p99/max", `${n(r.headcountP50, 1)}/${n(r.headcountP99, 1)}/${n(r.headcountMax, 1)}`);
  row(`monthly sheet ms (${r.month})`, `${n(r.monthlySheetMs)} (median of 5)`);
  row("  runs", r.sheetRuns.map((v) => n(v)).join("/"));
  row("load avg (1/5/15 min)", loadavg().map((v) => v.toFixed(1)).join(" "));
  const goal = (ok: boolean) => (ok ? "met" : "MISSED");
  console.log(
    `  goals: ≥ 20,000 events/s → ${goal(r.eventsPerSec >= 20_000)}; ≥ 10× naive (${(r.eventsPerSec / r.naiveEventsPerSec).toFixed(1)}×) → ${goal(r.eventsPerSec >= 10 * r.naiveEventsPerSec)}; ` +
      `headcount p99 < 50 ms → ${goal(r.headcountP99 < 50)}; monthly sheet < 2 s → ${goal(r.monthlySheetMs < 2000)}; every event stored → ${goal(r.stored === r.events)}\n`,
  );
}
