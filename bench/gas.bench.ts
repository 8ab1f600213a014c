// `npm run bench:gas`: the pre-fill check `POST /api/v1/gas/fill-checks` over BENCH_CYLINDERS (1,000,000)
// cylinders on a private PostgreSQL database, answered by the real app (bearer token of a gas-company user,
// zod, the prepared look-up, the judge, the batched check log) under closed-loop load; side by side, in the same
// run, a bare pg + Fastify app doing the same indexed look-up. The last line printed is one JSON object.
import { loadavg } from "node:os";
import Fastify from "fastify";
import { buildApp } from "../server/src/app";
import { loadConfig } from "../server/src/config";
import { newToken, sha256 } from "../server/src/platform/auth/secrets";
import { migrateDatabase } from "../server/src/platform/db/migrate";
import { openBenchSides } from "./bench-db";
import { runGasLoad, type GasLoadSpec } from "./gas.load";
import type { LoadSummary } from "./load";
import { withCpuProfile } from "./cpu-profile";

const env = (name: string, fallback: number) => Number(process.env[name] ?? fallback);
const CYLINDERS = env("BENCH_CYLINDERS", 1_000_000);
const STATIONS = env("BENCH_STATIONS", 100);
/** Scales asking at once; each asks again as soon as it has its answer (closed loop). */
const CONNECTIONS = env("BENCH_CONNECTIONS", 32);
const DURATION_S = env("BENCH_DURATION", 10);
const WARMUP_S = 2;
const POOL_SIZE = 20; // the server's default pool; the baseline gets the same

const say = (m: string) => process.stderr.write(`${m}\n`);
const sides = await openBenchSides(POOL_SIZE);
const { benchDb, database, barePool } = sides;
const closers: (() => Promise<unknown>)[] = [];
let exitCode = 0;

/**
 * One gas company, STATIONS filling stations and CYLINDERS cylinders filed round-robin over them, generated
 * inside PostgreSQL (one INSERT … SELECT over generate_series: no rows cross the wire). Ages spread over 13
 * years; one in twenty is overdue, one in two hundred dual-phase, one in a thousand lost, one in 500 scrapped.
 */
async function loadCity(): Promise<{ token: string; ms: number }> {
  const pool = database.raw.pool!;
  const t0 = performance.now();
  const [{ id: enterpriseId }] = (
    await pool.query<{ id: string }>(
      `insert into registry_enterprises (name, credit_code, type, legal_rep) values ('永康燃气 (bench)', '913307840000000GAS', 'gas', '法人') returning id`,
    )
  ).rows;
  await pool.query(
    `insert into gas_stations (enterprise_id, code, name, kind)
     select $1, 'ST' || lpad(i::text, 4, '0'), '充装站 ' || i, 'filling' from generate_series(0, $2 - 1) i`,
    [enterpriseId, STATIONS],
  );
  await pool.query(
    `with st as (select array_agg(id order by code) ids from gas_stations),
     g as (select i, current_date - ((i::bigint * 7919) % (13 * 365))::int as m from generate_series(0, $2 - 1) i)
     insert into gas_cylinders (code, enterprise_id, station_id, type, spec, nominal_fill_kg, manufactured_on,
       next_inspection_on, scrap_on, status, lost_at, voided_at)
     select 'YK' || lpad(i::text, 8, '0'), $1, st.ids[(i % $3) + 1],
       case when i % 200 = 7 then 'dual_phase' when i % 50 = 3 then 'liquid_phase' else 'gas_phase' end,
       case when i % 50 = 3 then 'YSP118' else 'YSP35.5' end, case when i % 50 = 3 then 50 else 14.5 end, m,
       case when i % 20 = 0 then current_date - 30
            else least(m + make_interval(years => ((current_date - m) / 1461 + 1) * 4), m + interval '12 years')::date end,
       (m + interval '12 years')::date,
       case when i % 500 = 1 then 'scrapped' else (array['in_stock','in_stock','in_stock','in_stock','filled','filled','dispatched','in_use','in_use','returned_empty'])[(i % 10) + 1] end,
       case when i % 1000 = 11 then now() end, case when i % 500 = 1 then now() end
     from g, st`,
    [enterpriseId, CYLINDERS, STATIONS],
  );
  await pool.query("analyze gas_stations, gas_cylinders");
  // The station system's credential: an API token of a gas-company user, as the scales use.
  const [{ id: userId }] = (
    await pool.query<{ id: string }>(`insert into auth_users (username, display_name, password_hash, role, enterprise_id) values ('gas_bench', '充装站系统', 'x', 'gas_company', $1) returning id`, [enterpriseId])
  ).rows;
  const token = newToken("sc_");
  await pool.query(`insert into auth_api_tokens (name, user_id, token_hash, prefix) values ('scales', $1, $2, $3)`, [userId, sha256(token), token.slice(0, 8)]);
  return { token, ms: performance.now() - t0 };
}

/** The baseline: no auth, no zod, no drizzle — the same look-up through pg as a named prepared statement. */
async function buildBare() {
  const app = Fastify({ logger: false });
  const text = `select s.id as station_id, c.station_id as owner_id, c.type, c.status, c.next_inspection_on::text as next, c.scrap_on::text as scrap,
    c.lost_at is not null as lost, c.voided_at is not null as voided
    from gas_stations s left join gas_cylinders c on c.code = $2 where s.code = $1`;
  app.post<{ Body: { stationCode: string; cylinderCode: string } }>("/bare/fill-checks", async (req, reply) => {
    const { rows } = await barePool.query({ name: "bare_fill_check", text, values: [req.body.stationCode, req.body.cylinderCode] });
    if (rows.length === 0) return reply.code(404).send({ error: "no station" });
    const r = rows[0] as { station_id: string; owner_id: string | null };
    return { allowed: r.owner_id === r.station_id, row: rows[0] as unknown };
  });
  return app;
}

const round = (v: number) => Math.round(v * 10) / 10;

try {
  say(`gas bench: ${CYLINDERS} cylinders over ${STATIONS} stations into ${benchDb.name}; load average ${loadavg().map((v) => v.toFixed(1)).join(" ")}`);
  await migrateDatabase(database);
  const city = await loadCity();
  say(`loaded ${CYLINDERS} cylinders in ${(city.ms / 1000).toFixed(1)} s`);

  const config = loadConfig({ NODE_ENV: "production", LOG_LEVEL: "silent", DATABASE_URL: benchDb.url, WEB_DIST: "./no-web-in-bench", SEED: "never", MQTT_PORT: "0", SIMULATE: "0" });
  const app = await buildApp({ config, database });
  const appUrl = await app.listen({ port: 0, host: "127.0.0.1" });
  closers.push(() => app.close());
  const bare = await buildBare();
  const bareUrl = await bare.listen({ port: 0, host: "127.0.0.1" });
  closers.push(() => bare.close());

  // Both sides answer the same question before they are timed.
  const probe = { stationCode: "ST0005", cylinderCode: `YK${String(5 + STATIONS).padStart(8, "0")}` };
  const real = await fetch(`${appUrl}/api/v1/gas/fill-checks`, { method: "POST", headers: { authorization: `Bearer ${city.token}`, "content-type": "application/json" }, body: JSON.stringify(probe) });
  if (real.status !== 200) throw new Error(`the app answered ${real.status}: ${await real.text()}`);
  say(`probe ${JSON.stringify(probe)} → ${await real.text()}`);

  const spec = (url: string, path: string, headers: Record<string, string>, durationSeconds: number): GasLoadSpec => ({ url, path, headers, stations: STATIONS, cylinders: CYLINDERS, connections: CONNECTIONS, durationSeconds });
  const realSpec = (s: number) => spec(appUrl, "/api/v1/gas/fill-checks", { authorization: `Bearer ${city.token}` }, s);
  const bareSpec = (s: number) => spec(bareUrl, "/bare/fill-checks", {}, s);
  say(`warming up (${WARMUP_S} s each), then ${CONNECTIONS} connections for ${DURATION_S} s per app…`);
  await runGasLoad(realSpec(WARMUP_S));
  await runGasLoad(bareSpec(WARMUP_S));
  const measured = async (s: GasLoadSpec) => {
    const cpu0 = process.cpuUsage();
    const r = await runGasLoad(s);
    const cpu = process.cpuUsage(cpu0);
    return { ...r, serverMsPerReq: (cpu.user + cpu.system) / 1000 / Math.max(1, r.requests) };
  };
  const api = await withCpuProfile(process.env.BENCH_CPU_PROFILE, () => measured(realSpec(DURATION_S)), say);
  const baseline = await measured(bareSpec(DURATION_S));

  // Every answered check is on record once the buffer is flushed (it is flushed on close).
  await app.close();
  closers.shift();
  const logged = (await database.raw.pool!.query<{ n: number; refused: number }>("select count(*)::int n, count(*) filter (where not allowed)::int refused from gas_fill_checks")).rows[0];

  const line = (name: string, r: LoadSummary & { serverMsPerReq: number }) =>
    `  ${name.padEnd(10)} ${r.reqPerSec.toFixed(0).padStart(7)} checks/s  p50 ${String(r.p50Ms).padStart(3)} ms  p99 ${String(r.p99Ms).padStart(3)} ms  server CPU ${r.serverMsPerReq.toFixed(3)} ms/check  non2xx ${r.non2xx} errors ${r.errors}`;
  console.log(`\nPre-fill check over ${CYLINDERS} cylinders, ${CONNECTIONS} connections closed-loop, ${DURATION_S} s each (PostgreSQL, pool ${POOL_SIZE}):`);
  console.log(line("SiteCloud", api));
  console.log(line("bare", baseline));
  console.log(`  check log: ${logged.n} rows written (${logged.refused} refused): the probe, the warm-up and the ${api.requests} timed checks\n`);

  // 404s are part of neither mix (every station exists); any non-2xx is a failure.
  const failed = [["api", api], ["bare", baseline]].filter(([, r]) => (r as LoadSummary).non2xx || (r as LoadSummary).errors);
  if (failed.length > 0) {
    say(`FAILED requests: ${failed.map(([n, r]) => `${n as string} non2xx=${(r as LoadSummary).non2xx} errors=${(r as LoadSummary).errors}`).join("; ")}`);
    exitCode = 1;
  }
  console.log(JSON.stringify({ bench: "gas", checksPerSec: round(api.reqPerSec), bareChecksPerSec: round(baseline.reqPerSec), p99Ms: api.p99Ms }));
} catch (err) {
  say(`benchmark failed: ${(err as Error).stack ?? String(err)}`);
  exitCode = 1;
} finally {
  for (const close of closers.reverse()) await close().catch(() => undefined);
  await sides.close();
}
process.exit(exitCode);
