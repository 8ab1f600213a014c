import { mkdtempSync, readFileSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { sql, type SQL } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase } from "../../../test/setup/db";
import { sha256 } from "../platform/auth/secrets.js";
import type { Database } from "../platform/db/client.js";
import { seedDemoCity, type SeedCounts } from "./demo-city.js";
import type { CredentialsFile } from "./iot-devices.js";

let database: Database;
let counts: SeedCounts;
let dir: string;
let file: string;
let startedAt: number;

beforeAll(async () => {
  database = await createTestDatabase();
  dir = mkdtempSync(path.join(tmpdir(), "sc-seed-"));
  file = path.join(dir, "nested", "demo-device-credentials.json");
  startedAt = Date.now();
  counts = await seedDemoCity(database.db, { scale: 0.02, credentialsFile: file });
});
afterAll(async () => {
  await database?.close();
  rmSync(dir, { recursive: true, force: true });
});

/** The site devices this seed makes; the gas seed adds the detection vehicles, which stand on no project. */
const ON_SITE = sql`project_id is not null`;

const query = async <T>(q: SQL) => ((await database.db.execute(q)) as unknown as { rows: T[] }).rows;

describe("demo devices on a database", () => {
  it("stores the devices it reports, each 在建 project with its kit", async () => {
    expect(counts.devices).toBeGreaterThan(0);
    const [{ n }] = await query<{ n: number }>(sql`select count(*)::int as n from iot_devices where ${ON_SITE}`);
    expect(n).toBe(counts.devices);
    const wrong = await query<{ id: string }>(sql`
      select p.id from registry_projects p
      where (p.status = 'in_progress') <> exists (select 1 from iot_devices d where d.project_id = p.id and d.type = 'env_monitor')`);
    expect(wrong).toEqual([]);
  });

  it("writes every secret to the credentials file (mode 0600) and stores only its SHA-256", async () => {
    expect(statSync(file).mode & 0o777).toBe(0o600);
    const body = JSON.parse(readFileSync(file, "utf8")) as CredentialsFile;
    expect(Date.parse(body.generatedAt)).toBeGreaterThanOrEqual(startedAt - 1000);
    expect(body.devices).toHaveLength(counts.devices);
    const rows = await query<{ code: string; secret_hash: string; project_id: string; type: string; code2: string }>(
      sql`select d.code, d.secret_hash, d.project_id, d.type, p.code as code2 from iot_devices d join registry_projects p on p.id = d.project_id`,
    );
    const byCode = new Map(rows.map((r) => [r.code, r]));
    for (const c of body.devices) {
      const row = byCode.get(c.code)!;
      expect(c.secret).toMatch(/^[A-Za-z0-9_-]{32}$/);
      expect(row.secret_hash).toBe(sha256(c.secret));
      expect(row.secret_hash).not.toContain(c.secret);
      expect({ projectId: c.projectId, type: c.type, projectCode: c.projectCode }).toEqual({ projectId: row.project_id, type: row.type, projectCode: row.code2 });
    }
    // Sites are contiguous in the file, so the simulator can take the first N of them.
    const order = body.devices.map((d) => d.projectId).filter((p, i, all) => i === 0 || all[i - 1] !== p);
    expect(new Set(order).size).toBe(order.length);
  });

  it("marks every device online, last seen within one reporting interval", async () => {
    const stale = await query<{ code: string }>(sql`
      select code from iot_devices
      where ${ON_SITE} and (not online or last_seen_at is null or last_seen_at < now() - make_interval(secs => report_interval_s) - interval '1 minute' or last_seen_at > now())`);
    expect(stale).toEqual([]);
  });

  it("fills a week of hourly rollups and recent minute rollups for the charted metrics", async () => {
    const series = await query<{ type: string; metric: string; hours: number; first: string; last: string }>(sql`
      select d.type, r.metric, count(*)::int as hours, min(r.bucket)::text as first, max(r.bucket)::text as last
      from iot_rollup_1h r join iot_devices d on d.id = r.device_id group by d.id, d.type, r.metric`);
    expect(new Set(series.map((s) => `${s.type}.${s.metric}`))).toEqual(
      new Set(["env_monitor.pm10", "env_monitor.pm25", "env_monitor.noise_db", "tower_crane.moment_pct", "hoist.load_kg", "spray.state"]),
    );
    for (const s of series) {
      expect(s.hours).toBeGreaterThanOrEqual(167);
      expect(s.hours).toBeLessThanOrEqual(168);
      expect(Date.parse(s.last.replace(" ", "T").replace(/\+00$/, "Z"))).toBeGreaterThan(startedAt - 2 * 3_600_000);
    }
    const [minutes] = await query<{ n: number; newest: string }>(sql`select count(*)::int as n, max(bucket)::text as newest from iot_rollup_1m`);
    expect(minutes.n).toBeGreaterThan(0);
    const [noise] = await query<{ bad: number }>(sql`
      select count(*)::int as bad from iot_rollup_1h
      where metric = 'noise_db' and (energy_sum is null or 10 * log(energy_sum / count) < sum / count - 1e-6 or 10 * log(energy_sum / count) > max + 1e-6)`);
    expect(noise.bad).toBe(0);
  });

  it("keeps a latest value for every metric of every device", async () => {
    const [row] = await query<{ missing: number }>(sql`
      select count(*)::int as missing from iot_devices d
      where d.project_id is not null and (select count(*) from iot_latest l where l.device_id = d.id) <> case d.type when 'env_monitor' then 7 when 'tower_crane' then 8 when 'hoist' then 8 else 1 end`);
    expect(row.missing).toBe(0);
  });

  it("seeds no devices the second time", async () => {
    const again = await seedDemoCity(database.db, { scale: 0.02, credentialsFile: file });
    expect(again).toMatchObject({ seeded: false, devices: 0 });
    const [{ n }] = await query<{ n: number }>(sql`select count(*)::int as n from iot_devices where ${ON_SITE}`);
    expect(n).toBe(counts.devices);
  });
});
