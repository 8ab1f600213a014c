import ExcelJS from "exceljs";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, type TestApp } from "../../../../../test/app";
import type { DriveDto, LeakPointDto, VehicleDto } from "@contracts/gas/leak";
import { ensureRuleDefaults } from "../../../platform/rules/rules.js";
import type { Page } from "../../../platform/db/pagination.js";
import { casesCases } from "../../cases/schema.js";
import { insertDeviceWithSecret } from "../../iot/device.test-fixtures.js";
import { iotAlarms } from "../../iot/schema.js";
import { bboxOf, lineLengthM } from "../shared/index.js";
import { leakRuleList } from "./leak.rules.js";
import { gasDetectorReadings, gasLeakPoints } from "./schema.js";
import { pipelineWorld, type PipelineWorld } from "../pipelines/pipeline.test-fixtures.js";
import { gasPipelines } from "../pipelines/schema.js";

/** The detection vehicle end to end: HTTP ingest → readings with background → a suspect → re-check → an urgent case. */

let t: TestApp;
let w: PipelineWorld;
let vehicle: { id: string; code: string };
let secret: string;
let mainId: string;
const T0 = Date.now() - 10 * 60_000;

beforeAll(async () => {
  t = await createTestApp();
  w = await pipelineWorld(t, 61);
  await ensureRuleDefaults(t.db, leakRuleList);
  ({ device: vehicle, secret } = await insertDeviceWithSecret(t.db, null, "gas_detector", { enterpriseId: w.GAS }));
  const coordinates = w.line(0, 400).coordinates;
  const box = bboxOf(coordinates);
  [{ id: mainId }] = await t.db
    .insert(gasPipelines)
    .values({ enterpriseId: w.GAS, code: `LEAK-M-${Date.now() % 100000}`, name: "检测车测试中压主管", pressureClass: "medium", material: "pe", coordinates, lengthM: lineLengthM(coordinates), ...box })
    .returning({ id: gasPipelines.id });
});
afterAll(() => t.close());

/** Sends the vehicle's fixes: [seconds after T0, ppm, metres east, metres north]. */
async function drive(fixes: [number, number, number, number][]) {
  const payload = fixes.map(([s, ppm, east, north]) => {
    const [lng, lat] = w.pt(east, north);
    return { ts: new Date(T0 + s * 1000).toISOString(), values: { ch4_ppm: ppm, lat, lng } };
  });
  const res = await t.app.inject({ method: "POST", url: `/api/v1/ingest/${vehicle.code}/telemetry`, headers: { authorization: `Bearer ${secret}` }, payload });
  expect(res.statusCode, res.body).toBe(202);
  await t.app.iot.pipeline.drain();
}

const leaksOf = async (user: keyof PipelineWorld["users"], query = "") =>
  (await t.as(w.users[user], { method: "GET", url: `/api/v1/gas/leaks?pageSize=100${query}` })).json() as Page<LeakPointDto>;

describe("the detection vehicle", () => {
  let suspect: LeakPointDto;

  it("stores every reading with its rolling background and merges a rise into one suspect near the main", async () => {
    await drive([
      [0, 2, 100, 5],
      [1, 2.2, 105, 5],
      [2, 1.9, 110, 5],
      [3, 2.1, 115, 5],
      [4, 25, 120, 5],
      [5, 41, 125, 5],
      [6, 2, 130, 5],
    ]);
    const readings = await t.db.select().from(gasDetectorReadings).where(eq(gasDetectorReadings.deviceId, vehicle.id));
    expect(readings).toHaveLength(7);
    const byTs = new Map(readings.map((r) => [r.ts.getTime() - T0, r]));
    expect(byTs.get(4000)?.backgroundPpm).toBeCloseTo(2.05, 6);
    const points = await t.db.select().from(gasLeakPoints).where(eq(gasLeakPoints.deviceId, vehicle.id));
    expect(points).toHaveLength(1);
    expect(points[0]).toMatchObject({ state: "suspect", level: "suspect", readings: 2, ppm: 41, enterpriseId: w.GAS, pipelineId: mainId });
    expect(points[0].pipelineDistanceM).toBeCloseTo(5, 0);
    // The vehicle is judged by gas only: no site alarm, however high the reading.
    expect(await t.db.select().from(iotAlarms).where(eq(iotAlarms.deviceId, vehicle.id))).toHaveLength(0);
  });

  it("merges a later rise nearby into the same point, and a redelivered message changes nothing", async () => {
    await drive([[20, 60, 128, 5]]);
    await drive([[20, 60, 128, 5]]);
    const points = await t.db.select().from(gasLeakPoints).where(eq(gasLeakPoints.deviceId, vehicle.id));
    expect(points).toHaveLength(1);
    expect(points[0]).toMatchObject({ readings: 3, ppm: 60 });
    expect(await t.db.select().from(gasDetectorReadings).where(eq(gasDetectorReadings.deviceId, vehicle.id))).toHaveLength(8);
  });

  it("lists the point for the bureau and its company only, with filters", async () => {
    const mine = await leaksOf("gas", "&state=suspect");
    expect(mine.items.map((l) => l.deviceId)).toContain(vehicle.id);
    suspect = mine.items.find((l) => l.deviceId === vehicle.id)!;
    expect(suspect).toMatchObject({ enterpriseId: w.GAS, deviceCode: vehicle.code, pipelineId: mainId, caseId: null });
    expect((await leaksOf("gas2")).items).toHaveLength(0);
    expect((await leaksOf("admin", "&state=confirmed")).items.map((l) => l.id)).not.toContain(suspect.id);
    expect((await t.as(w.users.gas2, { method: "GET", url: `/api/v1/gas/leaks/${suspect.id}` })).statusCode).toBe(404);
  });

  it("answers the vehicle with its last position and the drive for the map", async () => {
    const vehicles = (await t.as(w.users.gas, { method: "GET", url: "/api/v1/gas/vehicles" })).json() as Page<VehicleDto>;
    const v = vehicles.items.find((x) => x.deviceId === vehicle.id)!;
    expect(v).toMatchObject({ enterpriseId: w.GAS, lastPpm: 60, openSuspects: 1 });
    expect(((await t.as(w.users.gas2, { method: "GET", url: "/api/v1/gas/vehicles" })).json() as Page<VehicleDto>).items).toHaveLength(0);
    const from = new Date(T0 - 1000).toISOString();
    const to = new Date(T0 + 60_000).toISOString();
    const res = await t.as(w.users.gas, { method: "GET", url: `/api/v1/gas/detector-readings?deviceId=${vehicle.id}&from=${from}&to=${to}&maxPoints=10` });
    expect(res.statusCode, res.body).toBe(200);
    const d = res.json() as DriveDto;
    expect(d.total).toBe(8);
    expect(d.points.filter((p) => p.suspect).map((p) => p.ppm)).toEqual([25, 41, 60]);
    const other = await t.as(w.users.gas2, { method: "GET", url: `/api/v1/gas/detector-readings?deviceId=${vehicle.id}&from=${from}&to=${to}` });
    expect(other.statusCode).toBe(404);
    const tooLong = await t.as(w.users.gas, { method: "GET", url: `/api/v1/gas/detector-readings?deviceId=${vehicle.id}&from=${new Date(T0 - 2 * 86_400_000).toISOString()}&to=${to}` });
    expect(tooLong.statusCode).toBe(400);
  });

  it("a re-check at 1 % LEL confirms the leak and opens one urgent gas case with no project", async () => {
    const bad = await t.as(w.users.gas, { method: "POST", url: `/api/v1/gas/leaks/${suspect.id}/recheck`, payload: { ppm: -1, enclosed: false } });
    expect(bad.statusCode).toBe(400);
    expect((await t.as(w.users.gas2, { method: "POST", url: `/api/v1/gas/leaks/${suspect.id}/recheck`, payload: { ppm: 600, enclosed: false } })).statusCode).toBe(404);
    expect((await t.as(w.users.inspector, { method: "POST", url: `/api/v1/gas/leaks/${suspect.id}/recheck`, payload: { ppm: 600, enclosed: false } })).statusCode).toBe(403);
    const res = await t.as(w.users.gas, { method: "POST", url: `/api/v1/gas/leaks/${suspect.id}/recheck`, payload: { ppm: 500, enclosed: false, note: "路面裂缝处" } });
    expect(res.statusCode, res.body).toBe(200);
    const leak = res.json() as LeakPointDto;
    expect(leak).toMatchObject({ state: "confirmed", level: "leak", recheckPpm: 500, recheckEnclosed: false, recheckNote: "路面裂缝处" });
    expect(leak.caseId).not.toBeNull();
    const [c] = await t.db.select().from(casesCases).where(eq(casesCases.id, leak.caseId!));
    expect(c).toMatchObject({ projectId: null, enterpriseId: w.GAS, source: "gas", sourceRef: `gas_leak:${suspect.id}`, category: "gas", grade: "major" });
    const hours = (c.deadline.getTime() - Date.now()) / 3600_000;
    expect(hours).toBeGreaterThan(23.9);
    expect(hours).toBeLessThanOrEqual(24);
    const again = await t.as(w.users.gas, { method: "POST", url: `/api/v1/gas/leaks/${suspect.id}/recheck`, payload: { ppm: 600, enclosed: false } });
    expect(again.statusCode).toBe(409);
  });

  it("a re-check below 1 % LEL clears the suspect without a case", async () => {
    await drive([
      [400, 2, 300, 5],
      [401, 2, 305, 5],
      [402, 2, 310, 5],
      [403, 30, 315, 5],
    ]);
    const fresh = (await leaksOf("gas", "&state=suspect")).items.find((l) => l.deviceId === vehicle.id)!;
    expect(fresh).toBeDefined();
    const res = await t.as(w.users.admin, { method: "POST", url: `/api/v1/gas/leaks/${fresh.id}/recheck`, payload: { ppm: 499, enclosed: true } });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ state: "cleared", level: "suspect", caseId: null });
    expect(await t.db.select().from(casesCases).where(eq(casesCases.sourceRef, `gas_leak:${fresh.id}`))).toHaveLength(0);
  });

  it("keeps a main its leak points name: deleting it is refused naming them, and it stays", async () => {
    const res = await t.as(w.users.gas, { method: "DELETE", url: `/api/v1/gas/pipelines/${mainId}` });
    expect(res.statusCode, res.body).toBe(409);
    expect(res.json().error.message).toContain("leak points");
    expect(await t.db.select({ id: gasPipelines.id }).from(gasPipelines).where(eq(gasPipelines.id, mainId))).toHaveLength(1);
  });

  it("exports the filtered leak points as xlsx", async () => {
    const res = await t.as(w.users.gas, { method: "GET", url: "/api/v1/gas/leaks/export?state=confirmed" });
    expect(res.statusCode).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const sheet = wb.worksheets[0];
    expect(sheet.getRow(1).getCell(1).value).toBe("发现时间");
    expect(sheet.rowCount).toBe(2);
  });
});
