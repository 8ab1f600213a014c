// `npm run bench:first-start`: how long a first start takes to a working login — the server `npm start` runs
// (scripts/start.mjs, minus its one-time web build), on an empty database, from process start to the first
// successful POST /api/v1/auth/login. Embedded PGlite in a fresh DATA_DIR by default; `-- --pg` runs it on a
// private PostgreSQL database instead (BENCH_DATABASE_URL, default the local server). Free ports are picked
// for HTTP and MQTT. Baseline, same run: the same start with SEED=never (migrations, admin, app; no demo city).
// The last line printed is one JSON object.
import { spawn } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import { loadavg, tmpdir } from "node:os";
import path from "node:path";
import { createBenchDatabase, type BenchDatabase } from "./bench-db";

const engine = process.argv.includes("--pg") ? "postgres" : "pglite";
const TIMEOUT_MS = Number(process.env.BENCH_TIMEOUT_S ?? 600) * 1000;
const PASSWORD = "First-start-bench-1";
const log = (m: string) => process.stderr.write(`${m}\n`);

/** A port nothing listens on right now (the kernel's pick for port 0). */
const freePort = () =>
  new Promise<number>((resolve, reject) => {
    const s = createServer();
    s.once("error", reject);
    s.listen(0, "127.0.0.1", () => {
      const { port } = s.address() as { port: number };
      s.close(() => resolve(port));
    });
  });

/** CPU seconds (user + system) a live process has used, from /proc (Linux; null elsewhere). */
function cpuSecondsOf(pid: number): number | null {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1].split(" ");
    return (Number(fields[11]) + Number(fields[12])) / 100;
  } catch {
    return null;
  }
}

interface StartRun {
  seconds: number;
  cpuSeconds: number | null;
  marks: Record<string, number>;
}

/** One start of the server on an empty database (a fresh DATA_DIR, or a private PostgreSQL database) to its first working login. */
async function firstStart(seed: "auto" | "never"): Promise<StartRun> {
  const dataDir = mkdtempSync(path.join(tmpdir(), "sc-first-start-"));
  const pg: BenchDatabase | null = engine === "postgres" ? await createBenchDatabase() : null;
  const [port, mqttPort] = [await freePort(), await freePort()];
  const env = {
    ...process.env,
    NODE_ENV: "production",
    DATA_DIR: dataDir,
    PORT: String(port),
    MQTT_PORT: String(mqttPort),
    HOST: "127.0.0.1",
    ADMIN_PASSWORD: PASSWORD,
    SEED: seed,
    SEED_SCALE: "1",
    // The demo devices' simulator starts after the server listens; it would only add load to the measurement.
    SIMULATE: "0",
    LOG_LEVEL: "info",
    ...(pg ? { DATABASE_URL: pg.url } : {}),
  };
  if (!pg) delete env.DATABASE_URL;

  const started = performance.now();
  // What scripts/start.mjs spawns once the web app is built.
  const server = spawn(process.execPath, ["--import", "tsx", "server/src/main.ts"], { env, stdio: ["ignore", "pipe", "pipe"] });
  const spawnedAt = Date.now();
  const output: string[] = [];
  // Seconds after the spawn at which the server logged the start and the end of its seed, and its listening.
  const marks: Record<string, number> = {};
  let pending = "";
  server.stdout.setEncoding("utf8").on("data", (chunk: string) => {
    output.push(chunk);
    const lines = (pending + chunk).split("\n");
    pending = lines.pop() ?? "";
    for (const line of lines) {
      for (const [name, re] of MARKS) {
        const at = /"time":(\d+)/.exec(line);
        if (!(name in marks) && at && re.test(line)) marks[name] = (Number(at[1]) - spawnedAt) / 1000;
      }
    }
  });
  server.stderr.setEncoding("utf8").on("data", (chunk: string) => output.push(chunk));
  let exited: number | null = null;
  server.on("exit", (code) => (exited = code ?? 1));

  try {
    for (;;) {
      if (exited !== null) throw new Error(`the server exited (${exited}) before a login worked:\n${output.join("").slice(-3000)}`);
      if (performance.now() - started > TIMEOUT_MS) throw new Error(`no working login after ${TIMEOUT_MS / 1000} s`);
      const res = await fetch(`http://127.0.0.1:${port}/api/v1/auth/login`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ username: "admin", password: PASSWORD }),
      }).catch(() => null);
      if (res?.status === 200) return { seconds: (performance.now() - started) / 1000, cpuSeconds: cpuSecondsOf(server.pid!), marks };
      await new Promise((r) => setTimeout(r, 200));
    }
  } finally {
    if (exited === null) {
      server.kill("SIGTERM");
      await new Promise((r) => server.once("exit", r));
    }
    rmSync(dataDir, { recursive: true, force: true });
    await pg?.drop();
  }
}

const MARKS: [string, RegExp][] = [
  ["seedStart", /"msg":"empty database: seeding/],
  ["seedEnd", /"msg":"demo city seeded"/],
  ["listening", /"msg":"Server listening/],
];

const load = loadavg()[0];
// Baseline, same run: the same server started with SEED=never — migrations, the admin account, the app, no demo city.
const bare = await firstStart("never");
log(`baseline (SEED=never): login after ${bare.seconds.toFixed(1)} s, server CPU ${bare.cpuSeconds ?? "?"} s`);
const run = await firstStart("auto");
const at = (name: string) => run.marks[name] ?? null;
const seedSeconds = at("seedEnd") !== null && at("seedStart") !== null ? Math.round((at("seedEnd")! - at("seedStart")!) * 10) / 10 : null;
const round1 = (n: number | null) => (n === null ? null : Math.round(n * 10) / 10);
log(`first start to a working login: ${run.seconds.toFixed(1)} s on ${engine} (seed ${seedSeconds ?? "?"} s from ${at("seedStart") ?? "?"} s; listening at ${at("listening") ?? "?"} s; server CPU ${run.cpuSeconds ?? "?"} s; 1-min load average ${load.toFixed(1)} at start)`);
console.log(
  JSON.stringify({
    seconds: round1(run.seconds),
    engine,
    seedStartS: at("seedStart"),
    seedSeconds,
    listeningS: at("listening"),
    serverCpuSeconds: run.cpuSeconds,
    baselineSeconds: round1(bare.seconds),
    baselineCpuSeconds: bare.cpuSeconds,
    ratioToBaseline: round1(run.seconds / bare.seconds),
    loadAverage: round1(load),
  }),
);
