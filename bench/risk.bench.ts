// `npm run bench:risk`: the project risk index on a private PostgreSQL database seeded with the demo city at
// BENCH_SCALE (default 5: about 2,000 projects). (1) Scoring the whole city set-based — one statement per factor
// — against scoring it project by project with the same statements (the issue wants ≥ 5×); (2) the ranking
// endpoint GET /risk/projects under load against a bare server replaying the statement it runs on the stored
// snapshot (the issue wants ≥ 50 %). The last line printed is one JSON object.
import { cpus } from "node:os";
import { LIVE_PROJECT_STATUSES } from "@contracts/registry/enums";
import { buildApp } from "../server/src/app";
import { loadConfig } from "../server/src/config";
import { newToken } from "../server/src/platform/auth/secrets";
import { systemClock } from "../server/src/platform/clock";
import { migrateDatabase } from "../server/src/platform/db/migrate";
import { seedDemoCity } from "../server/src/seed/demo-city";
import { recomputeRisk, scoreProjects } from "../server/src/modules/risk/index";
import { buildBareApp } from "./bare-app";
import { openBenchSides } from "./bench-db";
import { captureQueries } from "./capture";
import { runLoad } from "./load";

const SCALE = Number(process.env.BENCH_SCALE ?? 5);
const RUNS = 3;
const POOL_SIZE = 20;
const CONNECTIONS = 20;
const DURATION_S = Number(process.env.BENCH_DURATION ?? 10);
const REGION = "330784";

const log = (m: string) => process.stderr.write(`${m}\n`);
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const sides = await openBenchSides(POOL_SIZE);
const { benchDb, database, barePool } = sides;
const closers: (() => Promise<unknown>)[] = [];
let exitCode = 0;

try {
  await migrateDatabase(database);
  const password = newToken();
  const seeded = await seedDemoCity(database.db, { scale: SCALE, demoPassword: password });
  log(`seeded ${benchDb.name} at scale ${SCALE}: ${seeded.projects} projects in ${(seeded.ms / 1000).toFixed(1)} s`);
  // The app files the rules' national defaults (risk.index, the presence rates) before anything is scored.
  const config = loadConfig({ NODE_ENV: "production", LOG_LEVEL: "silent", DATABASE_URL: benchDb.url, WEB_DIST: "./no-web-in-bench", SEED: "never" });
  const app = await buildApp({ config, database });
  const appUrl = await app.listen({ port: 0, host: "127.0.0.1" });
  closers.push(() => app.close());
  const db = database.db;
  const pool = database.raw.pool!;
  const live = (await pool.query<{ id: string }>("select id from registry_projects where status = any($1) order by id", [LIVE_PROJECT_STATUSES])).rows.map((r) => r.id);
  const at = new Date();

  // (1) The whole city in one pass, against project by project with the same statements.
  const city: number[] = [];
  let scored = 0;
  let sample = new Map<string, number>();
  for (let i = 0; i < RUNS; i++) {
    const t0 = performance.now();
    const { scores } = await scoreProjects(db, REGION, at);
    city.push(performance.now() - t0);
    scored = scores.length;
    sample = new Map(scores.map((s) => [s.projectId, s.score]));
  }
  const t1 = performance.now();
  let mismatches = 0;
  for (const id of live) {
    const { scores } = await scoreProjects(db, REGION, at, [id]);
    if ((scores[0]?.score ?? 0) !== (sample.get(id) ?? 0)) mismatches++;
  }
  const perProjectMs = performance.now() - t1;
  const cityMs = median(city);
  log(`whole city: ${scored} live projects scored in ${cityMs.toFixed(0)} ms (median of ${RUNS}); project by project: ${perProjectMs.toFixed(0)} ms — ${(perProjectMs / cityMs).toFixed(1)}×; ${mismatches} scores differ`);
  if (mismatches > 0) exitCode = 1;

  const w0 = performance.now();
  await recomputeRisk({ db, region: REGION, clock: systemClock });
  const writeMs = performance.now() - w0;
  log(`recompute with today's snapshot written: ${writeMs.toFixed(0)} ms`);

  // (2) The ranking endpoint against a bare replay of its statement on the snapshot.
  const login = await fetch(`${appUrl}/api/v1/auth/login`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ username: "leader", password }) });
  if (login.status !== 200) throw new Error(`login failed: ${login.status}`);
  const cookie = login.headers.getSetCookie()[0].split(";")[0];
  const listPath = "/api/v1/risk/projects?pageSize=20";
  const captured = await captureQueries(pool, async () => {
    const res = await fetch(appUrl + listPath, { headers: { cookie } });
    if (res.status !== 200) throw new Error(`ranking answered ${res.status}: ${await res.text()}`);
  });
  const ranking = captured.filter((q) => /risk_snapshots/.test(q.text));
  const bare = await buildBareApp(barePool, ranking, ranking, "no id to swap");
  const bareUrl = await bare.listen({ port: 0, host: "127.0.0.1" });
  closers.push(() => bare.close());
  const api = await runLoad({ url: appUrl, listPath, detailPaths: [listPath], headers: { cookie }, connections: CONNECTIONS, durationSeconds: DURATION_S });
  const base = await runLoad({ url: bareUrl, listPath: "/bare/projects", detailPaths: ["/bare/projects"], headers: {}, connections: CONNECTIONS, durationSeconds: DURATION_S });
  const ratio = api.reqPerSec / base.reqPerSec;
  log(`ranking: API ${api.reqPerSec.toFixed(0)} req/s (p50 ${api.p50Ms} ms, p99 ${api.p99Ms} ms) vs bare ${base.reqPerSec.toFixed(0)} req/s — ${(ratio * 100).toFixed(0)} %`);
  if (api.non2xx + api.errors > 0) exitCode = 1;

  console.log(
    JSON.stringify({
      bench: "risk",
      scale: SCALE,
      cpus: cpus().length,
      liveProjects: scored,
      cityMs: Math.round(cityMs),
      perProjectMs: Math.round(perProjectMs),
      speedup: Number((perProjectMs / cityMs).toFixed(1)),
      recomputeWithSnapshotMs: Math.round(writeMs),
      scoreMismatches: mismatches,
      rankingReqPerSec: Math.round(api.reqPerSec),
      bareReqPerSec: Math.round(base.reqPerSec),
      rankingShareOfBare: Number(ratio.toFixed(2)),
      rankingP50Ms: api.p50Ms,
      rankingP99Ms: api.p99Ms,
    }),
  );
} catch (err) {
  log(String(err instanceof Error ? (err.stack ?? err.message) : err));
  exitCode = 1;
} finally {
  for (const close of closers.reverse()) await close().catch(() => undefined);
  await sides.close().catch(() => undefined);
  process.exit(exitCode);
}
