// `npm run bench:api`: the project list and detail endpoints under load, against a bare baseline running the
// same SQL, on a private PostgreSQL database seeded with the demo city; then the case board and a filtered case
// list over 100,000 seeded cases (BENCH_CASES), each against its own bare baseline; then the command center
// (/dashboard/city) against a bare replay of the statements one computation of its figures issues. The last
// line printed is one JSON object.
import { readFileSync } from "node:fs";
import { cpus } from "node:os";
import pg from "pg";
import { LIVE_PROJECT_STATUSES } from "@contracts/registry/enums";
import { buildApp } from "../server/src/app";
import { loadConfig } from "../server/src/config";
import { newToken } from "../server/src/platform/auth/secrets";
import { migrateDatabase } from "../server/src/platform/db/migrate";
import { seedDemoCity } from "../server/src/seed/demo-city";
import { buildBareApp } from "./bare-app";
import { isCasesQuery, seedCases } from "./cases.seed";
import { openBenchSides } from "./bench-db";
import { captureQueries, isRegistryQuery, type CapturedQuery } from "./capture";
import { runLoad, type LoadSpec, type LoadSummary } from "./load";
import { withCpuProfile } from "./cpu-profile";
import { ROLE_PERMISSIONS } from "@contracts/platform/auth";
import { cityDashboard } from "../server/src/modules/dashboard/index";
import { systemClock } from "../server/src/platform/clock";
import { systemContext } from "../server/src/platform/context";
import { EventBus } from "../server/src/platform/events/bus";
import { FileStore } from "../server/src/platform/files/store";

const CONNECTIONS = 50;
const DURATION_S = Number(process.env.BENCH_DURATION ?? 10);
const WARMUP_S = 2;
const DETAIL_IDS = 20;
const POOL_SIZE = 20; // the server's default pool (openDatabase); the baseline gets the same
const MS_PER_TICK = 10; // /proc/stat counts USER_HZ ticks, 100 per second on Linux
const CASES = Number(process.env.BENCH_CASES ?? 100_000);
const DASH_CONNECTIONS = 10;

const log = (m: string) => process.stderr.write(`${m}\n`);
const sides = await openBenchSides(POOL_SIZE);
const { benchDb, database, barePool } = sides;
const closers: (() => Promise<unknown>)[] = [];
let exitCode = 0;

try {
  await migrateDatabase(database);
  const password = newToken(); // the demo accounts' password, known only to this process
  const seeded = await seedDemoCity(database.db, { scale: 1, demoPassword: password });
  log(`seeded ${benchDb.name}: ${seeded.projects} projects, ${seeded.enterprises} enterprises, ${seeded.persons} persons in ${(seeded.ms / 1000).toFixed(1)} s`);

  const config = loadConfig({ NODE_ENV: "production", LOG_LEVEL: "silent", DATABASE_URL: benchDb.url, WEB_DIST: "./no-web-in-bench", SEED: "never" });
  const app = await buildApp({ config, database });
  const appUrl = await app.listen({ port: 0, host: "127.0.0.1" });
  closers.push(() => app.close());

  // A bureau user (city-wide scope) logs in through the real endpoint; a contractor (its own projects) too.
  const sessionOf = async (username: string) => {
    const login = await fetch(`${appUrl}/api/v1/auth/login`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ username, password }),
    });
    if (login.status !== 200) throw new Error(`login failed: ${login.status} ${await login.text()}`);
    return login.headers.getSetCookie()[0].split(";")[0];
  };
  const cookie = await sessionOf("leader");
  const contractorCookie = await sessionOf("contractor");

  const pool = database.raw.pool!;
  const [{ district, n }] = (
    await pool.query<{ district: string; n: number }>(
      "select district, count(*)::int as n from registry_projects where status = 'in_progress' group by district order by n desc, district limit 1",
    )
  ).rows;
  const ids = (await pool.query<{ id: string }>("select id from registry_projects where status = any($1) order by code limit $2", [LIVE_PROJECT_STATUSES, DETAIL_IDS])).rows.map((r) => r.id);
  const listPath = `/api/v1/projects?status=in_progress&district=${encodeURIComponent(district)}&page=2&pageSize=20&sort=-updatedAt`;
  const detailPath = (id: string) => `/api/v1/projects/${id}`;
  log(`list: ${district} (${n} projects in progress, page 2 of 20); detail: cycling over ${ids.length} live projects`);

  const get = async (path: string, as = cookie) => {
    const res = await fetch(appUrl + path, { headers: { cookie: as } });
    if (res.status !== 200) throw new Error(`GET ${path} answered ${res.status}: ${await res.text()}`);
    return res.json() as Promise<{ items?: unknown[] }>;
  };
  let listItems = 0;
  const listAll = await captureQueries(pool, async () => (listItems = (await get(listPath)).items?.length ?? 0));
  const detailAll = await captureQueries(pool, () => get(detailPath(ids[0])));
  const list = listAll.filter(isRegistryQuery);
  const detail = detailAll.filter(isRegistryQuery);

  const bare = await buildBareApp(barePool, list, detail, ids[0]);
  const bareUrl = await bare.listen({ port: 0, host: "127.0.0.1" });
  closers.push(() => bare.close());
  const bareList = (await (await fetch(`${bareUrl}/bare/projects`)).json()) as { items: unknown[] };
  if (bareList.items.length !== listItems) throw new Error(`baseline list returned ${bareList.items.length} rows, the API ${listItems}`);

  const spec = (url: string, list: string, detail: (id: string) => string, headers: Record<string, string>, seconds: number): LoadSpec => ({
    url,
    listPath: list,
    detailPaths: ids.map(detail),
    headers,
    connections: CONNECTIONS,
    durationSeconds: seconds,
  });
  const realSpec = (s: number) => spec(appUrl, listPath, detailPath, { cookie }, s);
  const bareSpec = (s: number) => spec(bareUrl, "/bare/projects", (id) => `/bare/projects/${id}`, {}, s);

  // Server, PostgreSQL and load generator share this machine; anything else running skews the figures.
  const background = await idleMachineBusyPct();
  if (background !== null && background > 10) log(`WARNING: the machine is ${background.toFixed(0)}% busy before the run — other work is competing for ${cpus().length} cores`);
  log(`warming up (${WARMUP_S} s each), then ${CONNECTIONS} connections for ${DURATION_S} s per app…`);
  await runLoad(realSpec(WARMUP_S));
  await runLoad(bareSpec(WARMUP_S));
  const real = await withCpuProfile(process.env.BENCH_CPU_PROFILE, () => measured(realSpec(DURATION_S)), log);
  const baseline = await measured(bareSpec(DURATION_S));

  printProfile(await profile(pool, { list: { all: listAll, kept: list }, detail: { all: detailAll, kept: detail } }));
  printTable(real, baseline);
  if (process.env.BENCH_DIAG === "1") {
    // Diagnosis: the baseline again, but also replaying the session look-up, to price that extra round trip.
    const withSession = await buildBareApp(barePool, listAll, detailAll, ids[0]);
    const withSessionUrl = await withSession.listen({ port: 0, host: "127.0.0.1" });
    closers.push(() => withSession.close());
    // …and the baseline with named prepared statements, to price the planning every request pays.
    const prepared = await buildBareApp(barePool, list, detail, ids[0], { prepared: true });
    const preparedUrl = await prepared.listen({ port: 0, host: "127.0.0.1" });
    closers.push(() => prepared.close());
    for (const [label, url] of [["bare + session statement", withSessionUrl], ["bare, prepared statements", preparedUrl]] as const) {
      const d = await measured(spec(url, "/bare/projects", (id) => `/bare/projects/${id}`, {}, DURATION_S));
      const cpu = `CPU ms/req server ${d.serverMsPerReq.toFixed(2)}, pg+rest ${d.restMsPerReq?.toFixed(2) ?? "n/a"}`;
      console.log(`  diagnosis, ${label}: ${d.reqPerSec.toFixed(0)} req/s, p50 ${d.p50Ms} ms, p99 ${d.p99Ms} ms, ${cpu}`);
    }
    console.log("");
  }
  // The case board over 100,000 cases: its grouped counts and one filtered list page, each alone, each against
  // a bare replay of the SQL it issued (the bare list answers its first row only, so it is the cheaper side).
  const seededCases = await seedCases(pool, CASES);
  log(`seeded ${seededCases.cases} cases in ${(seededCases.ms / 1000).toFixed(1)} s`);
  const boardPath = "/api/v1/cases/board";
  const caseListPath = "/api/v1/cases?state=rectifying&page=3&pageSize=20";
  const boardSql = (await captureQueries(pool, () => get(boardPath))).filter(isCasesQuery);
  const caseListSql = (await captureQueries(pool, () => get(caseListPath))).filter(isCasesQuery);
  // A contractor's board is never kept in memory (its scope moves with the registry): it sums its projects' counts.
  const contractorBoardSql = (await captureQueries(pool, () => get(boardPath, contractorCookie))).filter(isCasesQuery);
  const bareCases = await buildBareApp(barePool, boardSql, caseListSql, "no id to swap");
  const bareCasesUrl = await bareCases.listen({ port: 0, host: "127.0.0.1" });
  closers.push(() => bareCases.close());
  const bareContractor = await buildBareApp(barePool, contractorBoardSql, contractorBoardSql, "no id to swap");
  const bareContractorUrl = await bareContractor.listen({ port: 0, host: "127.0.0.1" });
  closers.push(() => bareContractor.close());
  const alone = (url: string, path: string, headers: Record<string, string>, seconds: number): LoadSpec => ({
    url,
    listPath: path,
    detailPaths: [path],
    headers,
    connections: CONNECTIONS,
    durationSeconds: seconds,
  });
  const caseRuns = [
    ["board", alone(appUrl, boardPath, { cookie }, DURATION_S), alone(bareCasesUrl, "/bare/projects", {}, DURATION_S)],
    ["list", alone(appUrl, caseListPath, { cookie }, DURATION_S), alone(bareCasesUrl, "/bare/projects/list", {}, DURATION_S)],
    ["board of a contractor", alone(appUrl, boardPath, { cookie: contractorCookie }, DURATION_S), alone(bareContractorUrl, "/bare/projects", {}, DURATION_S)],
  ] as const;
  const caseFigures: Record<string, { api: Measured; bare: Measured }> = {};
  for (const [name, api, bareSpecOf] of caseRuns) {
    await runLoad({ ...api, durationSeconds: WARMUP_S });
    await runLoad({ ...bareSpecOf, durationSeconds: WARMUP_S });
    caseFigures[name] = { api: await measured(api), bare: await measured(bareSpecOf) };
  }
  printProfile(
    await profile(pool, {
      board: { all: boardSql, kept: boardSql },
      list: { all: caseListSql, kept: caseListSql },
      "contractor board": { all: contractorBoardSql, kept: contractorBoardSql },
    }),
  );
  console.log(`\nCase board over ${seededCases.cases} cases: ${CONNECTIONS} connections, ${DURATION_S} s per endpoint (${caseListPath.slice(8)})`);
  for (const [name, { api, bare }] of Object.entries(caseFigures)) {
    console.log(`  ${name.padEnd(22)} SiteCloud ${api.reqPerSec.toFixed(0)} req/s, p50 ${api.p50Ms} ms, p99 ${api.p99Ms} ms | bare ${bare.reqPerSec.toFixed(0)} req/s, p50 ${bare.p50Ms} ms, p99 ${bare.p99Ms} ms`);
  }
  console.log("");

  // The command center over the same city and cases: the API serves a scope's figures from a few-second cache
  // (first paint from cached aggregates); the baseline replays, on every request, the statements one
  // computation issues (auth look-ups left out), side by side on the pool as the API runs them. Fewer
  // connections (DASH_CONNECTIONS, both sides): 50 requests of ~40 statements each would queue on the pool of
  // 20 past the load generator's timeout.
  const dashPath = "/api/v1/dashboard/city";
  const dashSql = (await captureQueries(pool, () => get(dashPath))).filter((q) => !/auth_(sessions|users|api_tokens)/.test(q.text));
  const bareDash = await buildBareApp(barePool, dashSql, dashSql, "no id to swap", { concurrent: true });
  const bareDashUrl = await bareDash.listen({ port: 0, host: "127.0.0.1" });
  closers.push(() => bareDash.close());
  const dashApi = { ...alone(appUrl, dashPath, { cookie }, DURATION_S), connections: DASH_CONNECTIONS };
  const dashBare = { ...alone(bareDashUrl, "/bare/projects", {}, DURATION_S), connections: DASH_CONNECTIONS };
  await runLoad({ ...dashApi, durationSeconds: WARMUP_S });
  await runLoad({ ...dashBare, durationSeconds: WARMUP_S });
  const dash = { api: await measured(dashApi), bare: await measured(dashBare) };
  // What a cache miss costs: the figures computed afresh, one at a time, with nothing else running.
  const leader = { userId: null, username: "bench", displayName: "bench", role: "leader", domain: null, enterpriseId: null, projectIds: [], permissions: new Set(ROLE_PERMISSIONS.leader) } as const;
  const system = systemContext({ db: database.db, events: new EventBus(), log: app.log, region: config.cityRegion, clock: systemClock, files: new FileStore(config.dataDir) });
  const missMs: number[] = [];
  for (let i = 0; i < 15; i++) {
    const t0 = performance.now();
    await cityDashboard({ ...system, actor: { ...leader, projectIds: [] } });
    missMs.push(performance.now() - t0);
  }
  missMs.sort((a, b) => a - b);
  const missP50 = Math.round(missMs[7] * 10) / 10;
  printProfile(await profile(pool, { dashboard: { all: dashSql, kept: dashSql } }));
  console.log(`\nCommand center (${dashPath.slice(8)}): ${dashSql.length} statements per computation, ${DASH_CONNECTIONS} connections, ${DURATION_S} s`);
  console.log(`  SiteCloud ${dash.api.reqPerSec.toFixed(0)} req/s, p50 ${dash.api.p50Ms} ms, p99 ${dash.api.p99Ms} ms | bare ${dash.bare.reqPerSec.toFixed(0)} req/s, p50 ${dash.bare.p50Ms} ms, p99 ${dash.bare.p99Ms} ms → ${((dash.api.reqPerSec / dash.bare.reqPerSec) * 100).toFixed(0)}% (goal ≥ 50%)`);
  console.log(`  a cache miss (figures computed afresh, alone): p50 ${missP50} ms over ${missMs.length} runs\n`);

  const runs = [
    ["api", real],
    ["bare", baseline],
    ...Object.entries(caseFigures).flatMap(([name, f]) => [[`cases ${name}`, f.api], [`cases ${name} bare`, f.bare]] as const),
    ["dashboard", dash.api],
    ["dashboard bare", dash.bare],
  ] as const;
  const failed = runs.filter(([, r]) => r.non2xx || r.errors);
  if (failed.length > 0) {
    log(`FAILED requests: ${failed.map(([name, r]) => `${name} non2xx=${r.non2xx} errors=${r.errors}`).join("; ")}`);
    exitCode = 1;
  }
  const round = (v: number) => Math.round(v * 10) / 10;
  const { board, list: caseList, "board of a contractor": contractorBoard } = caseFigures;
  console.log(
    JSON.stringify({
      bench: "api",
      reqPerSec: round(real.reqPerSec),
      bareReqPerSec: round(baseline.reqPerSec),
      p99Ms: real.p99Ms,
      bareP99Ms: baseline.p99Ms,
      cases: seededCases.cases,
      caseBoardReqPerSec: round(board.api.reqPerSec),
      caseBoardBareReqPerSec: round(board.bare.reqPerSec),
      caseBoardP99Ms: board.api.p99Ms,
      caseBoardBareP99Ms: board.bare.p99Ms,
      caseListReqPerSec: round(caseList.api.reqPerSec),
      caseListBareReqPerSec: round(caseList.bare.reqPerSec),
      caseListP99Ms: caseList.api.p99Ms,
      caseListBareP99Ms: caseList.bare.p99Ms,
      caseBoardContractorReqPerSec: round(contractorBoard.api.reqPerSec),
      caseBoardContractorBareReqPerSec: round(contractorBoard.bare.reqPerSec),
      caseBoardContractorP99Ms: contractorBoard.api.p99Ms,
      caseBoardContractorBareP99Ms: contractorBoard.bare.p99Ms,
      dashboardReqPerSec: round(dash.api.reqPerSec),
      dashboardBareReqPerSec: round(dash.bare.reqPerSec),
      dashboardP99Ms: dash.api.p99Ms,
      dashboardBareP99Ms: dash.bare.p99Ms,
      dashboardStatements: dashSql.length,
      dashboardMissP50Ms: missP50,
    }),
  );
} catch (err) {
  log(`benchmark failed: ${(err as Error).stack ?? String(err)}`);
  exitCode = 1;
} finally {
  for (const close of closers.reverse()) await close().catch(() => undefined);
  await sides.close();
}
process.exit(exitCode);

interface Measured extends LoadSummary {
  /** CPU time per request of this (server) process, user + system. */
  serverMsPerReq: number;
  /** CPU time per request of the load generator. */
  loadgenMsPerReq: number;
  /** CPU time per request of everything else on the machine: PostgreSQL, the kernel, other processes. */
  restMsPerReq: number | null;
  /** Busy share of all cores over the run. */
  machinePct: number | null;
}

/** Busy and total ticks of all cores (Linux /proc/stat); null elsewhere. */
function machineTicks(): { busy: number; total: number } | null {
  try {
    const cpu = readFileSync("/proc/stat", "utf8").split("\n")[0].trim().split(/\s+/).slice(1).map(Number);
    const idle = cpu[3] + (cpu[4] ?? 0);
    const total = cpu.reduce((a, b) => a + b, 0);
    return { busy: total - idle, total };
  } catch {
    return null;
  }
}

/** How busy the machine is while this process waits, so a run on a shared machine is flagged. */
async function idleMachineBusyPct(ms = 1000): Promise<number | null> {
  const m0 = machineTicks();
  await new Promise((r) => setTimeout(r, ms));
  const m1 = machineTicks();
  return m0 && m1 ? ((m1.busy - m0.busy) / Math.max(1, m1.total - m0.total)) * 100 : null;
}

/**
 * A load run with its CPU budget per request: the server process (both apps live here and run one at a
 * time), the load generator, and the rest of the machine (PostgreSQL, kernel) from /proc/stat.
 */
async function measured(s: LoadSpec): Promise<Measured> {
  const cpu0 = process.cpuUsage();
  const m0 = machineTicks();
  const r = await runLoad(s);
  const cpu = process.cpuUsage(cpu0);
  const m1 = machineTicks();
  const n = Math.max(1, r.requests);
  const serverMs = (cpu.user + cpu.system) / 1000;
  const machineMs = m0 && m1 ? (m1.busy - m0.busy) * MS_PER_TICK : null;
  return {
    ...r,
    serverMsPerReq: serverMs / n,
    loadgenMsPerReq: r.loadgenCpuMs / n,
    // The window includes the worker's start-up (~0.5 s of tsx), which lands in "rest"; small against 10 s of load.
    restMsPerReq: machineMs === null ? null : Math.max(0, machineMs - serverMs - r.loadgenCpuMs) / n,
    machinePct: m0 && m1 ? ((m1.busy - m0.busy) / Math.max(1, m1.total - m0.total)) * 100 : null,
  };
}

interface ProfiledQuery {
  endpoint: string;
  sql: string;
  planningMs: number;
  executionMs: number;
}

/** EXPLAIN ANALYZE of every registry statement each endpoint issued, plus how many statements a request costs. */
async function profile(pool: pg.Pool, captured: Record<string, { all: CapturedQuery[]; kept: CapturedQuery[] }>) {
  const queries: ProfiledQuery[] = [];
  const perRequest: string[] = [];
  for (const [endpoint, { all, kept }] of Object.entries(captured)) {
    perRequest.push(`${endpoint}: ${all.length} statements per request (${kept.length} registry, ${all.length - kept.length} session/auth)`);
    for (const q of kept) {
      const { rows } = await pool.query<{ "QUERY PLAN": [{ "Planning Time": number; "Execution Time": number }] }>(`explain (analyze, format json) ${q.text}`, q.values);
      const plan = rows[0]["QUERY PLAN"][0];
      queries.push({ endpoint, sql: q.text.replace(/\s+/g, " ").slice(0, 90), planningMs: plan["Planning Time"], executionMs: plan["Execution Time"] });
    }
  }
  return { perRequest, queries };
}

function printProfile(p: Awaited<ReturnType<typeof profile>>): void {
  console.log("\nProfile (one request of each kind, EXPLAIN ANALYZE on the same database):");
  for (const line of p.perRequest) console.log(`  ${line}`);
  for (const q of p.queries) console.log(`  ${q.endpoint.padEnd(6)} plan ${q.planningMs.toFixed(2)} ms, exec ${q.executionMs.toFixed(2)} ms  ${q.sql}…`);
}

function printTable(real: Measured, bare: Measured): void {
  const ratio = real.reqPerSec / bare.reqPerSec;
  const row = (label: string, a: string, b: string, c = "") => console.log(`  ${label.padEnd(12)}${a.padStart(12)}${b.padStart(18)}${c.padStart(10)}`);
  console.log(`\nAPI benchmark: ${CONNECTIONS} connections, ${DURATION_S} s, list + detail mix`);
  row("", "SiteCloud", "bare pg+Fastify", "API/bare");
  row("req/s", real.reqPerSec.toFixed(0), bare.reqPerSec.toFixed(0), `${(ratio * 100).toFixed(0)}%`);
  row("p50 ms", String(real.p50Ms), String(bare.p50Ms));
  row("p99 ms", String(real.p99Ms), String(bare.p99Ms));
  row("requests", String(real.requests), String(bare.requests));
  const ms = (v: number | null) => (v === null ? "n/a" : v.toFixed(2));
  row("CPU ms/req", "", "");
  row("  server", ms(real.serverMsPerReq), ms(bare.serverMsPerReq));
  row("  loadgen", ms(real.loadgenMsPerReq), ms(bare.loadgenMsPerReq));
  row("  pg+rest", ms(real.restMsPerReq), ms(bare.restMsPerReq));
  row("machine %", real.machinePct?.toFixed(0) ?? "n/a", bare.machinePct?.toFixed(0) ?? "n/a");
  console.log(`  goal: req/s ≥ 50% of bare → ${ratio >= 0.5 ? "met" : "MISSED"}; p99 < 50 ms → ${real.p99Ms < 50 ? "met" : "MISSED"}\n`);
}
