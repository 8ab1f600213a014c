import pg from "pg";
import { Session } from "node:inspector/promises";
import { writeFileSync, mkdirSync } from "node:fs";
import { buildApp } from "../server/src/app";
import { loadConfig } from "../server/src/config";
import { openDatabase } from "../server/src/platform/db/client";
import { migrateDatabase } from "../server/src/platform/db/migrate";
import { seedDemoCity } from "../server/src/seed/demo-city";
import { createBenchDatabase } from "./bench-db";
import { captureQueries } from "./capture";
const b = await createBenchDatabase();
const database = await openDatabase({ kind: "postgres", url: b.url });
try {
  await migrateDatabase(database);
  await seedDemoCity(database.db, { scale: 1, demoPassword: "bench-pass-123" });
  const app = await buildApp({ config: loadConfig({ LOG_LEVEL: "silent", DATABASE_URL: b.url, SEED: "never" }), database });
  const login = await app.inject({ method: "POST", url: "/api/v1/auth/login", payload: { username: "leader", password: "bench-pass-123" } });
  const cookie = String(login.headers["set-cookie"]).split(";")[0];
  const pool = database.raw.pool as pg.Pool;
  const id = (await pool.query("select id from registry_projects where status='in_progress' order by code limit 1")).rows[0].id;
  for (const url of ["/api/v1/projects?status=in_progress&district=%E4%B8%9C%E5%9F%8E%E8%A1%97%E9%81%93&page=2&pageSize=20&sort=-updatedAt", `/api/v1/projects/${id}`]) {
    const qs = await captureQueries(pool, () => app.inject({ method: "GET", url, headers: { cookie } }));
    for (const q of qs) {
      console.log("----", q.text, JSON.stringify(q.values));
      const r = await pool.query(`explain (analyze, verbose, buffers) ${q.text}`, q.values);
      console.log(r.rows.map((x) => x["QUERY PLAN"]).join("\n"));
    }
    const session = new Session(); session.connect(); await session.post("Profiler.enable"); await session.post("Profiler.start");
    const t = performance.now();
    for (let i = 0; i < Number(process.env.N ?? 200); i++) await app.inject({ method: "GET", url, headers: { cookie } });
    console.log("inject avg ms", (performance.now() - t) / Number(process.env.N ?? 200));
    const { profile } = await session.post("Profiler.stop"); mkdirSync("/tmp/prof", { recursive: true }); writeFileSync(`/tmp/prof/${url.length > 60 ? "list" : "detail"}.cpuprofile`, JSON.stringify(profile));
  }
  await app.close();
} finally {
  await database.close();
  await b.drop();
}
