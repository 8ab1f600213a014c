// `npm run bench:ingest`: simulated tower cranes publish a fixed number of telemetry messages over MQTT QoS 1 to
// the embedded broker of an IotRuntime on a private PostgreSQL database, rules on; side by side, in the same run,
// with (a) a bare broker, (b) a naive one-INSERT-per-message pipeline and (c) a raw COPY of the same rows, plus the
// same pipeline on PGlite. The last line printed is one JSON object.
import { readFileSync } from "node:fs";
import { loadavg } from "node:os";
import pino from "pino";
import pg from "pg";
import { sql } from "drizzle-orm";
import type { AlarmChangeDto } from "@contracts/iot/alarms";
import { loadConfig } from "../server/src/config";
import { openDatabase, type Database } from "../server/src/platform/db/client";
import { migrateDatabase } from "../server/src/platform/db/migrate";
import { EventBus } from "../server/src/platform/events/bus";
import { IotRuntime } from "../server/src/modules/iot/index";
import { rowsOf } from "../server/src/platform/db/client";
import { measureBareBroker, measureCopy, measureNaive, msgsPerSec, runPublisher } from "./ingest.baselines";
import { insertFleet, OVERLOAD_MOMENT_PCT, READINGS_PER_MESSAGE } from "./ingest.fleet";
import { createBenchDatabase } from "./bench-db";

const env = (name: string, fallback: number) => Number(process.env[name] ?? fallback);
const MESSAGES = env("BENCH_MESSAGES", 200_000);
const DEVICES = env("BENCH_DEVICES", 2_000);
const INFLIGHT = env("BENCH_INFLIGHT", 4);
const NAIVE_MESSAGES = env("BENCH_NAIVE_MESSAGES", 10_000);
const PGLITE_MESSAGES = env("BENCH_PGLITE_MESSAGES", 20_000);
const PACED_RATE = process.env.BENCH_ALARM_RATE ? Number(process.env.BENCH_ALARM_RATE) : null;
const PACED_S = env("BENCH_PACED_SECONDS", 10);
const OVERLOAD_ONE_IN = 200; // 0.5% of messages overload a crane: a critical alarm, cleared by the next message
const POOL_SIZE = 20; // the server's default pool

const say = (m: string) => process.stderr.write(`${m}\n`);

interface Latency {
  n: number;
  p50: number | null;
  p99: number | null;
  max: number | null;
}

interface PipelineRun {
  kind: string;
  messages: number;
  msgsPerSec: number;
  readingsPerSec: number;
  stored: number;
  expected: number;
  alarmEvents: number;
  overloads: number;
  /** Alarm latency in the closed-loop phase (includes queueing behind every message in flight). */
  saturated: Latency;
  pacedRate: number;
  pacedMsgsPerSec: number;
  /** Alarm latency in the open-loop phase at `pacedRate`. */
  steady: Latency;
  peakRssMiB: number;
  serverCpuPct: number;
  publisherCpuPct: number;
  machinePct: number | null;
  loadAvg: number[];
  batches: number;
  avgBatchReadings: number;
  errors: number;
}

function machineTicks(): { busy: number; total: number } | null {
  try {
    const cpu = readFileSync("/proc/stat", "utf8").split("\n")[0].trim().split(/\s+/).slice(1).map(Number);
    const total = cpu.reduce((a, b) => a + b, 0);
    return { busy: total - cpu[3] - (cpu[4] ?? 0), total };
  } catch {
    return null;
  }
}

const percentile = (sorted: number[], p: number) => (sorted.length === 0 ? null : sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]);

/** The real thing: IotRuntime (embedded Aedes → router → pipeline → rules → alarms → NOTIFY → realtime hub). */
async function runPipeline(kind: "postgres" | "pglite", database: Database, url: string | null, messages: number): Promise<PipelineRun> {
  const config = loadConfig({
    NODE_ENV: "production",
    LOG_LEVEL: "warn",
    HOST: "127.0.0.1",
    MQTT_PORT: "0",
    SIMULATE: "0",
    ...(url ? { DATABASE_URL: url } : {}),
  });
  const log = pino({ level: "warn" }, pino.destination(2));
  const fleet = await insertFleet(database.db, DEVICES);
  const runtime = await IotRuntime.create({ database, config, events: new EventBus((err) => log.error({ err }, "event handler failed")), log });
  await runtime.startNetwork({ ingest: true, port: 0 });
  runtime.startBackground();

  // Alarm latency: from the overloading message's publish (its ts) to the `alarm` frame on the realtime stream.
  let latencies: number[] = [];
  let alarmEvents = 0;
  const unsubscribe = runtime.hub.add({
    visibleProjects: null,
    watchedProject: null,
    write: (frame) => {
      if (!frame.startsWith("event: alarm\n")) return;
      const change = JSON.parse(frame.slice(frame.indexOf("data: ") + 6)) as AlarmChangeDto;
      alarmEvents++;
      if (change.ruleCode === "crane.moment" && (change.kind === "raised" || change.kind === "escalated") && change.value === OVERLOAD_MOMENT_PCT) {
        latencies.push(Date.now() - Date.parse(change.at));
      }
    },
  });
  const devices = fleet.map((d) => ({ code: d.code, secret: d.secret }));
  const publish = (n: number, ratePerSec?: number) =>
    runPublisher({ port: runtime.brokerPort!, devices, messages: n, inflightPerDevice: INFLIGHT, overloadOneIn: OVERLOAD_ONE_IN, ratePerSec });
  // Notifications of the last batches are still on their way through LISTEN/NOTIFY.
  const settle = () => new Promise((r) => setTimeout(r, 1000));

  let peakRss = process.memoryUsage().rss;
  const sampler = setInterval(() => (peakRss = Math.max(peakRss, process.memoryUsage().rss)), 50);
  const load0 = loadavg()[0];
  const cpu0 = process.cpuUsage();
  const m0 = machineTicks();
  // Phase 1, closed loop: as fast as the pipeline acknowledges — the throughput.
  const result = await publish(messages);
  const cpu = process.cpuUsage(cpu0);
  const m1 = machineTicks();
  await settle();
  const saturated = summarize(latencies);
  // Phase 2, open loop at a rate the pipeline sustains: alarm latency under steady load rather than queueing.
  latencies = [];
  const rate = PACED_RATE ?? Math.max(100, Math.min(20_000, Math.floor((msgsPerSec(result) * 0.8) / 100) * 100));
  const paced = await publish(Math.round(rate * PACED_S), rate);
  await settle();
  const steady = summarize(latencies);
  clearInterval(sampler);
  unsubscribe();
  const batches = runtime.pipeline.stats.batches ?? 0;
  await runtime.close();
  const stored = rowsOf<{ n: number }>(await database.db.execute(sql`select count(*)::int as n from iot_readings`))[0].n;

  const elapsedS = (result.lastAckAt - result.firstPublishAt) / 1000;
  const cpuMs = (cpu.user + cpu.system) / 1000;
  return {
    kind,
    messages: result.acked,
    msgsPerSec: msgsPerSec(result),
    readingsPerSec: (result.acked * READINGS_PER_MESSAGE) / elapsedS,
    stored,
    expected: (result.acked + paced.acked) * READINGS_PER_MESSAGE,
    alarmEvents,
    overloads: result.overloads + paced.overloads,
    saturated,
    pacedRate: rate,
    pacedMsgsPerSec: msgsPerSec(paced),
    steady,
    peakRssMiB: peakRss / 1024 / 1024,
    // The server's CPU covers the devices connecting too; divide by the whole phase.
    serverCpuPct: (cpuMs / (elapsedS * 1000 + result.connectMs)) * 100,
    publisherCpuPct: (result.cpuMs / (elapsedS * 1000)) * 100,
    machinePct: m0 && m1 ? ((m1.busy - m0.busy) / Math.max(1, m1.total - m0.total)) * 100 : null,
    loadAvg: [load0, loadavg()[0]],
    batches,
    avgBatchReadings: batches ? ((result.acked + paced.acked) * READINGS_PER_MESSAGE) / batches : 0,
    errors: result.errors + paced.errors,
  };
}

function summarize(latencies: number[]): Latency {
  const sorted = [...latencies].sort((a, b) => a - b);
  return { n: sorted.length, p50: percentile(sorted, 50), p99: percentile(sorted, 99), max: sorted.at(-1) ?? null };
}

const benchDb = await createBenchDatabase();
const closers: (() => Promise<unknown>)[] = [];
let exitCode = 0;

try {
  say(`ingest bench: ${MESSAGES} messages from ${DEVICES} cranes (QoS 1, ${INFLIGHT} in flight each) into ${benchDb.name}`);
  const database = await openDatabase({ kind: "postgres", url: benchDb.url, poolSize: POOL_SIZE });
  closers.push(() => database.close());
  await migrateDatabase(database);
  const real = await runPipeline("postgres", database, benchDb.url, MESSAGES);
  say(`SiteCloud on PostgreSQL: ${real.msgsPerSec.toFixed(0)} msg/s, ${real.stored} of ${real.expected} readings stored`);

  const lite = await openDatabase({ kind: "pglite" });
  closers.push(() => lite.close());
  await migrateDatabase(lite);
  const pglite = await runPipeline("pglite", lite, null, PGLITE_MESSAGES);
  say(`SiteCloud on PGlite: ${pglite.msgsPerSec.toFixed(0)} msg/s, ${pglite.stored} of ${pglite.expected} readings stored`);

  const pool = new pg.Pool({ connectionString: benchDb.url, max: POOL_SIZE });
  pool.on("error", () => undefined);
  closers.push(() => pool.end());
  const fleet = await insertFleet(database.db, DEVICES);
  const spec = { devices: fleet.map((d) => ({ code: d.code, secret: d.secret })), inflightPerDevice: INFLIGHT, overloadOneIn: OVERLOAD_ONE_IN };
  const broker = await measureBareBroker({ ...spec, messages: MESSAGES });
  say(`bare broker: ${msgsPerSec(broker).toFixed(0)} msg/s`);
  const naive = await measureNaive(pool, fleet, { ...spec, messages: NAIVE_MESSAGES });
  say(`naive INSERT per message: ${msgsPerSec(naive).toFixed(0)} msg/s`);
  const copy = await measureCopy(pool, fleet, MESSAGES);
  say(`COPY: ${copy.rowsPerSec.toFixed(0)} rows/s`);

  printTable(real, pglite, msgsPerSec(broker), msgsPerSec(naive), naive.acked, copy);
  const round = (v: number | null, digits = 0) => (v === null ? null : Number(v.toFixed(digits)));
  console.log(
    JSON.stringify({
      bench: "ingest",
      msgsPerSec: round(real.msgsPerSec),
      readingsPerSec: round(real.readingsPerSec),
      brokerMsgsPerSec: round(msgsPerSec(broker)),
      naiveMsgsPerSec: round(msgsPerSec(naive)),
      copyRowsPerSec: round(copy.rowsPerSec),
      alarmP50Ms: round(real.steady.p50),
      alarmP99Ms: round(real.steady.p99),
      peakRssMiB: round(real.peakRssMiB),
      pgliteMsgsPerSec: round(pglite.msgsPerSec),
      pgliteReadingsPerSec: round(pglite.readingsPerSec),
      pgliteAlarmP99Ms: round(pglite.steady.p99),
      alarmAtMsgsPerSec: real.pacedRate,
      saturatedAlarmP50Ms: round(real.saturated.p50),
      saturatedAlarmP99Ms: round(real.saturated.p99),
      messages: real.messages,
      readingsPerMessage: READINGS_PER_MESSAGE,
    }),
  );
} catch (err) {
  exitCode = 1;
  say(`ingest bench failed: ${(err as Error).stack ?? String(err)}`);
} finally {
  for (const close of closers.reverse()) await close().catch(() => undefined);
  await benchDb.drop().catch((err: unknown) => say(`could not drop ${benchDb.name}: ${String(err)}`));
}
process.exit(exitCode);

function printTable(real: PipelineRun, lite: PipelineRun, brokerMps: number, naiveMps: number, naiveMessages: number, copy: { rows: number; rowsPerSec: number }): void {
  const n = (v: number | null, digits = 0) => (v === null ? "n/a" : v.toLocaleString("en-US", { maximumFractionDigits: digits, minimumFractionDigits: digits }));
  const row = (label: string, ...cells: string[]) => console.log(`  ${label.padEnd(20)}${cells.map((c) => c.padStart(18)).join("")}`);
  console.log(`\nIngest benchmark: tower-crane telemetry, ${READINGS_PER_MESSAGE} readings per message, ${DEVICES} devices, MQTT QoS 1, ${INFLIGHT} in flight per device`);
  row("", "SiteCloud/PG", "SiteCloud/lite", "(a) broker", "(b) naive", "(c) COPY");
  row("messages", n(real.messages), n(lite.messages), n(real.messages), n(naiveMessages), n(copy.rows / READINGS_PER_MESSAGE));
  row("messages/s", n(real.msgsPerSec), n(lite.msgsPerSec), n(brokerMps), n(naiveMps), n(copy.rowsPerSec / READINGS_PER_MESSAGE));
  row("readings/s", n(real.readingsPerSec), n(lite.readingsPerSec), "", n(naiveMps * READINGS_PER_MESSAGE), n(copy.rowsPerSec));
  row("readings stored", n(real.stored), n(lite.stored), "", "", n(copy.rows));
  row("  of expected", n(real.expected), n(lite.expected));
  const lat = (l: Latency) => `${n(l.p50)}/${n(l.p99)}/${n(l.max)}`;
  row("alarm ms, saturated", lat(real.saturated), lat(lite.saturated));
  row("  (p50/p99/max)", `n=${real.saturated.n}`, `n=${lite.saturated.n}`);
  row("paced at msg/s", n(real.pacedRate), n(lite.pacedRate));
  row("  achieved msg/s", n(real.pacedMsgsPerSec), n(lite.pacedMsgsPerSec));
  row("alarm ms, paced", lat(real.steady), lat(lite.steady));
  row("  (p50/p99/max)", `n=${real.steady.n}`, `n=${lite.steady.n}`);
  row("overloads/alarm ev.", `${real.overloads}/${real.alarmEvents}`, `${lite.overloads}/${lite.alarmEvents}`);
  row("peak RSS MiB", n(real.peakRssMiB), n(lite.peakRssMiB));
  row("batches", n(real.batches), n(lite.batches));
  row("readings/batch", n(real.avgBatchReadings), n(lite.avgBatchReadings));
  row("server CPU %", n(real.serverCpuPct), n(lite.serverCpuPct));
  row("publisher CPU %", n(real.publisherCpuPct), n(lite.publisherCpuPct));
  row("machine busy %", n(real.machinePct), n(lite.machinePct));
  row("load avg (1 min)", real.loadAvg.map((v) => v.toFixed(1)).join("→"), lite.loadAvg.map((v) => v.toFixed(1)).join("→"));
  row("publish errors", n(real.errors), n(lite.errors));
  const goal = (ok: boolean) => (ok ? "met" : "MISSED");
  console.log(
    `  goals: ≥ 20,000 msg/s → ${goal(real.msgsPerSec >= 20_000)}; ≥ 50% of (a) (${((real.msgsPerSec / brokerMps) * 100).toFixed(0)}%) → ${goal(real.msgsPerSec >= brokerMps / 2)}; ` +
      `≥ 10× (b) (${(real.msgsPerSec / naiveMps).toFixed(1)}×) → ${goal(real.msgsPerSec >= 10 * naiveMps)}; alarm p99 < 200 ms at ${n(real.pacedRate)} msg/s → ${goal((real.steady.p99 ?? Infinity) < 200)}; ` +
      `RSS < 1 GiB → ${goal(real.peakRssMiB < 1024)}; every reading stored → ${goal(real.stored === real.expected)}\n`,
  );
}
