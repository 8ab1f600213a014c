import ExcelJS from "exceljs";
import { and, eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { TestUser } from "../../../../test/app";
import type { DeviceDto, DeviceWithSecretDto, TelemetrySeriesDto } from "@contracts/iot/devices";
import type { SiteMapItemDto } from "@contracts/iot/realtime";
import { auditLog } from "../../platform/audit/schema.js";
import { sha256 } from "../../platform/auth/secrets.js";
import { insertAlarm, insertDevice, insertSite, issuesOf, twoSites, type TwoSites } from "./device.test-fixtures.js";
import { iotReadings } from "./readings.schema.js";
import { iotDevices, iotLatest, iotRollup1h, iotRollup1m } from "./schema.js";

let { t, admin, leader, contractor, siteA, siteB } = {} as TwoSites;
beforeAll(async () => ({ t, admin, leader, contractor, siteA, siteB } = await twoSites()));
afterAll(() => t.close());

let seq = 0;
const newDevice = (over: Record<string, unknown> = {}) => ({ projectId: siteA.project.id, type: "env_monitor", code: `ENV-T${++seq}-${Date.now() % 100000}`, name: "1号扬尘监测仪", location: "南门", ...over });
const register = async (user: TestUser, over: Record<string, unknown> = {}) => {
  const res = await t.as(user, { method: "POST", url: "/api/v1/devices", payload: newDevice(over) });
  expect(res.statusCode, res.body).toBe(201);
  return res.json() as DeviceWithSecretDto;
};

describe("device registration and secrets", () => {
  it("answers the secret once, stores only its SHA-256, and never shows it again", async () => {
    const d = await register(contractor);
    expect(d.secret).toMatch(/^[A-Za-z0-9_-]{32}$/);
    expect(d).toMatchObject({ projectId: siteA.project.id, projectName: siteA.project.name, type: "env_monitor", enabled: true, online: false, rejectedCount: 0, rejections: {}, reportIntervalS: 60 });
    const [row] = await t.db.select().from(iotDevices).where(eq(iotDevices.id, d.id));
    expect(row.secretHash).toBe(sha256(d.secret));
    const one = await t.as(contractor, { method: "GET", url: `/api/v1/devices/${d.id}` });
    expect(one.statusCode).toBe(200);
    const list = await t.as(admin, { method: "GET", url: `/api/v1/devices?q=${d.code}` });
    for (const body of [one.body, list.body]) {
      expect(body).not.toContain(d.secret);
      expect(body).not.toContain(row.secretHash);
      expect(body).not.toContain("secret\"");
    }
    const audit = await t.db.select().from(auditLog).where(and(eq(auditLog.action, "iot.device.created"), eq(auditLog.entityId, d.id)));
    expect(audit).toHaveLength(1);
    expect(JSON.stringify(audit[0])).not.toContain(d.secret);
    expect(JSON.stringify(audit[0])).not.toContain(row.secretHash);
  });

  it("rotating the secret replaces the hash and answers the new secret", async () => {
    const d = await register(admin);
    const res = await t.as(contractor, { method: "POST", url: `/api/v1/devices/${d.id}/rotate-secret` });
    expect(res.statusCode, res.body).toBe(200);
    const rotated = res.json() as DeviceWithSecretDto;
    expect(rotated.secret).not.toBe(d.secret);
    expect(new Date(rotated.secretRotatedAt).getTime()).toBeGreaterThan(new Date(d.secretRotatedAt).getTime());
    const [row] = await t.db.select().from(iotDevices).where(eq(iotDevices.id, d.id));
    expect(row.secretHash).toBe(sha256(rotated.secret));
    const audit = await t.db.select().from(auditLog).where(and(eq(auditLog.action, "iot.device.secretRotated"), eq(auditLog.entityId, d.id)));
    expect(JSON.stringify(audit)).not.toContain(row.secretHash);
  });

  it("answers 409 naming code for a duplicate code, even from two requests at once", async () => {
    const d = await register(admin);
    const res = await t.as(admin, { method: "POST", url: "/api/v1/devices", payload: newDevice({ code: d.code }) });
    expect(res.statusCode).toBe(409);
    expect(issuesOf(res.body).map((i) => i.path)).toEqual(["code"]);
    const payload = newDevice();
    const both = await Promise.all([0, 1].map(() => t.as(admin, { method: "POST", url: "/api/v1/devices", payload })));
    expect(both.map((r) => r.statusCode).sort()).toEqual([201, 409]);
  });

  it("rejects a bad code naming code", async () => {
    const res = await t.as(admin, { method: "POST", url: "/api/v1/devices", payload: newDevice({ code: "a/b" }) });
    expect(res.statusCode).toBe(400);
    expect(res.body).toContain("code");
  });

  it("edits and disables a device, with audit", async () => {
    const d = await register(contractor);
    const patched = await t.as(contractor, { method: "PATCH", url: `/api/v1/devices/${d.id}`, payload: { name: "2号监测仪", reportIntervalS: 30 } });
    expect(patched.statusCode, patched.body).toBe(200);
    expect(patched.json()).toMatchObject({ name: "2号监测仪", reportIntervalS: 30 });
    const off = await t.as(contractor, { method: "POST", url: `/api/v1/devices/${d.id}/enabled`, payload: { enabled: false, reason: "维修" } });
    expect(off.statusCode).toBe(200);
    expect((off.json() as DeviceDto).enabled).toBe(false);
    const audit = await t.db.select().from(auditLog).where(and(eq(auditLog.action, "iot.device.disabled"), eq(auditLog.entityId, d.id)));
    expect(audit).toHaveLength(1);
  });
});

describe("data scope", () => {
  it("a contractor sees, changes and registers only on its own projects (404 elsewhere)", async () => {
    const mine = await register(admin);
    const other = await register(admin, { projectId: siteB.project.id });
    const list = (await t.as(contractor, { method: "GET", url: "/api/v1/devices?pageSize=200" })).json() as { items: DeviceDto[] };
    const ids = list.items.map((d) => d.id);
    expect(ids).toContain(mine.id);
    expect(ids).not.toContain(other.id);
    expect(list.items.every((d) => d.projectId === siteA.project.id)).toBe(true);
    for (const [method, url] of [
      ["GET", `/api/v1/devices/${other.id}`],
      ["GET", `/api/v1/devices/${other.id}/latest`],
      ["GET", `/api/v1/devices/${other.id}/telemetry?metric=pm10`],
      ["POST", `/api/v1/devices/${other.id}/rotate-secret`],
    ] as const) {
      expect((await t.as(contractor, { method, url })).statusCode, url).toBe(404);
    }
    const patch = await t.as(contractor, { method: "PATCH", url: `/api/v1/devices/${other.id}`, payload: { name: "x" } });
    expect(patch.statusCode).toBe(404);
    const create = await t.as(contractor, { method: "POST", url: "/api/v1/devices", payload: newDevice({ projectId: siteB.project.id }) });
    expect(create.statusCode).toBe(404);
    const [row] = await t.db.select().from(iotDevices).where(eq(iotDevices.id, other.id));
    expect(row.name).toBe(other.name);
  });

  it("a leader reads but may not register (403)", async () => {
    const res = await t.as(leader, { method: "POST", url: "/api/v1/devices", payload: newDevice() });
    expect(res.statusCode).toBe(403);
  });
});

describe("GET /devices filters", () => {
  it("filters by project, type, online, enabled and text, and sorts", async () => {
    const site = await insertSite(t.db);
    const crane = await insertDevice(t.db, site.project.id, { type: "tower_crane", code: "FLT-CRANE-1", name: "1号塔吊", online: true });
    const spray = await insertDevice(t.db, site.project.id, { type: "spray", code: "FLT-SPRAY-1", name: "喷淋", enabled: false, rejectedCount: 7 });
    const env = await insertDevice(t.db, site.project.id, { type: "env_monitor", code: "FLT-ENV-1", name: "扬尘", online: true, rejectedCount: 3 });
    const ids = async (qs: string) =>
      ((await t.as(admin, { method: "GET", url: `/api/v1/devices?projectId=${site.project.id}&${qs}` })).json() as { items: DeviceDto[] }).items.map((d) => d.id);
    expect(await ids("type=tower_crane")).toEqual([crane.id]);
    expect((await ids("online=true")).sort()).toEqual([crane.id, env.id].sort());
    expect(await ids("enabled=false")).toEqual([spray.id]);
    expect(await ids("q=flt-spray")).toEqual([spray.id]);
    expect(await ids("q=塔吊")).toEqual([crane.id]);
    expect(await ids("sort=-rejectedCount")).toEqual([spray.id, env.id, crane.id]);
    expect(await ids("sort=code")).toEqual([crane.id, env.id, spray.id]);
    const paged = (await t.as(admin, { method: "GET", url: `/api/v1/devices?projectId=${site.project.id}&pageSize=2&page=2&sort=code` })).json();
    expect(paged).toMatchObject({ total: 3, page: 2, pageSize: 2 });
    expect(paged.items.map((d: DeviceDto) => d.id)).toEqual([spray.id]);
  });

  it("exports the filtered list as xlsx with Chinese headers and no secret", async () => {
    const site = await insertSite(t.db);
    await insertDevice(t.db, site.project.id, { code: "EXP-DEV-1", name: "导出设备" });
    const res = await t.as(contractor, { method: "GET", url: `/api/v1/devices/export?projectId=${site.project.id}` });
    expect(res.statusCode).toBe(200);
    expect(res.headers["content-type"]).toContain("spreadsheetml");
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const ws = wb.worksheets[0];
    expect(ws.getRow(1).getCell(1).value).toBe("设备编号");
    // Out of the contractor's scope: headers only.
    expect(ws.rowCount).toBe(1);
    const all = await t.as(admin, { method: "GET", url: `/api/v1/devices/export?projectId=${site.project.id}` });
    const wb2 = new ExcelJS.Workbook();
    await wb2.xlsx.load(all.rawPayload as unknown as ArrayBuffer);
    expect(wb2.worksheets[0].getRow(2).getCell(1).value).toBe("EXP-DEV-1");
    expect(wb2.worksheets[0].getRow(2).getCell(3).value).toBe("扬尘噪声监测仪");
  });
});

describe("latest values and telemetry", () => {
  it("answers the latest values with units", async () => {
    const d = await insertDevice(t.db, siteA.project.id, { type: "tower_crane" });
    const ts = new Date("2025-06-01T02:00:00Z");
    await t.db.insert(iotLatest).values([
      { deviceId: d.id, metric: "moment_pct", ts, value: 72.5 },
      { deviceId: d.id, metric: "load_pct", ts, value: 60 },
    ]);
    const res = await t.as(contractor, { method: "GET", url: `/api/v1/devices/${d.id}/latest` });
    expect(res.statusCode).toBe(200);
    expect((res.json() as { values: unknown[] }).values).toEqual([
      { metric: "load_pct", value: 60, ts: ts.toISOString(), unit: "%" },
      { metric: "moment_pct", value: 72.5, ts: ts.toISOString(), unit: "%" },
    ]);
  });

  it("reads 1-minute and 1-hour rollups: avg = sum/count, leq from the energy sum", async () => {
    const d = await insertDevice(t.db, siteA.project.id);
    const to = new Date("2025-06-01T04:00:00Z");
    const m = (min: number) => new Date(to.getTime() - min * 60_000);
    const e = (db: number) => 10 ** (db / 10);
    await t.db.insert(iotRollup1m).values([
      { deviceId: d.id, metric: "noise_db", bucket: m(3), min: 60, max: 70, sum: 130, count: 2, energySum: e(60) + e(70) },
      { deviceId: d.id, metric: "noise_db", bucket: m(2), min: 65, max: 65, sum: 65, count: 1, energySum: e(65) },
      { deviceId: d.id, metric: "pm10", bucket: m(2), min: 80, max: 120, sum: 300, count: 3, energySum: null },
      // Outside the window.
      { deviceId: d.id, metric: "noise_db", bucket: m(400), min: 50, max: 50, sum: 50, count: 1, energySum: e(50) },
    ]);
    const res = await t.as(contractor, { method: "GET", url: `/api/v1/devices/${d.id}/telemetry?metric=noise_db&from=${m(60).toISOString()}&to=${to.toISOString()}` });
    expect(res.statusCode, res.body).toBe(200);
    const s = res.json() as TelemetrySeriesDto;
    expect(s).toMatchObject({ deviceId: d.id, metric: "noise_db", unit: "dB(A)", resolution: "1m" });
    expect(s.points.map((p) => p.ts)).toEqual([m(3).toISOString(), m(2).toISOString()]);
    expect(s.points[0]).toMatchObject({ min: 60, max: 70, avg: 65, count: 2 });
    expect(s.points[0].leq).toBeCloseTo(10 * Math.log10((e(60) + e(70)) / 2), 6);
    expect(s.points[0].leq).toBeCloseTo(67.4, 1);
    const pm = (await t.as(admin, { method: "GET", url: `/api/v1/devices/${d.id}/telemetry?metric=pm10&from=${m(60).toISOString()}&to=${to.toISOString()}` })).json() as TelemetrySeriesDto;
    expect(pm.points).toEqual([{ ts: m(2).toISOString(), min: 80, max: 120, avg: 100, count: 3, leq: null }]);

    await t.db.insert(iotRollup1h).values({ deviceId: d.id, metric: "pm10", bucket: new Date("2025-05-31T20:00:00Z"), min: 10, max: 90, sum: 1200, count: 30, energySum: null });
    const hourly = (await t.as(admin, { method: "GET", url: `/api/v1/devices/${d.id}/telemetry?metric=pm10&to=${to.toISOString()}` })).json() as TelemetrySeriesDto;
    expect(hourly.resolution).toBe("1h");
    expect(hourly.points).toEqual([{ ts: "2025-05-31T20:00:00.000Z", min: 10, max: 90, avg: 40, count: 30, leq: null }]);
  });

  it("reads raw readings as single-reading points", async () => {
    const d = await insertDevice(t.db, siteA.project.id);
    const now = new Date();
    const day = now.toISOString().slice(0, 10);
    await t.db.execute(sql`select iot_ensure_reading_partition(${day}::date)`);
    const ts = [3, 2, 1].map((s) => new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate(), 0, 0, s)));
    await t.db.insert(iotReadings).values(ts.map((at, i) => ({ deviceId: d.id, metric: "pm25", ts: at, value: 30 + i })));
    const from = new Date(ts[2].getTime() - 60_000).toISOString();
    const to = new Date(ts[0].getTime() + 60_000).toISOString();
    const res = await t.as(admin, { method: "GET", url: `/api/v1/devices/${d.id}/telemetry?metric=pm25&resolution=raw&from=${from}&to=${to}` });
    expect(res.statusCode, res.body).toBe(200);
    const s = res.json() as TelemetrySeriesDto;
    expect(s.resolution).toBe("raw");
    expect(s.points).toEqual([
      { ts: ts[2].toISOString(), min: 32, max: 32, avg: 32, count: 1, leq: null },
      { ts: ts[1].toISOString(), min: 31, max: 31, avg: 31, count: 1, leq: null },
      { ts: ts[0].toISOString(), min: 30, max: 30, avg: 30, count: 1, leq: null },
    ]);
  });

  it("names metric for a metric the device type does not have, and from for a span too long", async () => {
    const d = await insertDevice(t.db, siteA.project.id);
    const bad = await t.as(admin, { method: "GET", url: `/api/v1/devices/${d.id}/telemetry?metric=moment_pct` });
    expect(bad.statusCode).toBe(400);
    expect(issuesOf(bad.body).map((i) => i.path)).toEqual(["metric"]);
    const long = await t.as(admin, { method: "GET", url: `/api/v1/devices/${d.id}/telemetry?metric=pm10&resolution=raw&from=2025-06-01T00:00:00Z&to=2025-06-03T00:00:00Z` });
    expect(long.statusCode).toBe(400);
    expect(issuesOf(long.body).map((i) => i.path)).toEqual(["from"]);
  });
});

describe("GET /iot/map", () => {
  it("lists visible sites with coordinates, their worst active alarm and device counts", async () => {
    const busy = await insertSite(t.db, { enterpriseId: siteA.enterpriseId });
    const d1 = await insertDevice(t.db, busy.project.id, { online: true });
    await insertDevice(t.db, busy.project.id);
    await insertAlarm(t.db, d1, { severity: "minor", ruleCode: "r.minor" });
    await insertAlarm(t.db, d1, { severity: "critical", ruleCode: "r.crit" });
    await insertAlarm(t.db, d1, { severity: "critical", ruleCode: "r.old", clearedAt: new Date() });
    const quiet = await insertSite(t.db, { status: "approved" });
    const noCoords = await insertSite(t.db, { lng: null, lat: null });
    const approvedWithDevice = await insertSite(t.db, { status: "approved" });
    await insertDevice(t.db, approvedWithDevice.project.id);

    const all = (await t.as(admin, { method: "GET", url: "/api/v1/iot/map" })).json() as SiteMapItemDto[];
    const byId = new Map(all.map((s) => [s.projectId, s]));
    expect(byId.get(busy.project.id)).toMatchObject({ worstSeverity: "critical", activeAlarms: 2, devices: 2, onlineDevices: 1, lng: 120.03, lat: 28.89, status: "in_progress" });
    expect(byId.get(approvedWithDevice.project.id)).toMatchObject({ worstSeverity: null, activeAlarms: 0, devices: 1, onlineDevices: 0 });
    expect(byId.has(quiet.project.id)).toBe(false);
    expect(byId.has(noCoords.project.id)).toBe(false);

    const mine = (await t.as(contractor, { method: "GET", url: "/api/v1/iot/map" })).json() as SiteMapItemDto[];
    expect(mine.map((s) => s.projectId)).toContain(busy.project.id);
    expect(mine.map((s) => s.projectId)).not.toContain(approvedWithDevice.project.id);
  });
});
