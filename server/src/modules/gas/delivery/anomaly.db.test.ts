import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { AnomalyCaseResultDto, AnomalyDto } from "@contracts/gas/anomaly";
import { createTestApp, type TestApp, type TestUser } from "../../../../../test/app";
import { auditLog } from "../../../platform/audit/schema.js";
import { SYSTEM_ACTOR } from "../../../platform/auth/actor.js";
import { casesCases } from "../../cases/schema.js";
import { sweepAnomalies } from "./anomaly.sweeps.js";
import { gasAnomalies as A } from "./schema.js";
import { gasFills } from "../cylinders/schema.js";
import { gasWorld, insertCustomer, insertCylinder, insertOutsider, insertStaff, insertStation, type GasWorld } from "./delivery.test-fixtures.js";

let t: TestApp;
let w: GasWorld;

beforeAll(async () => {
  t = await createTestApp();
  w = await gasWorld(t);
});
afterAll(() => t.close());

const post = (records: Record<string, unknown>[], user: TestUser = w.users.gasA) => t.as(user, { method: "POST", url: "/api/v1/gas/deliveries", payload: { records } });
const anomaliesOf = (where: { kind: string; cylinderId?: string; customerId?: string }) =>
  t.db
    .select()
    .from(A)
    .where(and(eq(A.kind, where.kind), where.cylinderId ? eq(A.cylinderId, where.cylinderId) : undefined, where.customerId ? eq(A.customerId, where.customerId) : undefined));
let minute = 0;
const time = (gapMin = 1) => new Date(Date.parse("2026-07-01T00:00:00Z") + (minute += gapMin) * 60_000).toISOString();
const KM = 1 / 111.195;

describe("anomalies raised by delivery batches", () => {
  it("flags a cylinder seen at two places at once, once", async () => {
    const cyl = await insertCylinder(t.db, w.gasA.id, w.stationA.id);
    const customer = await insertCustomer(t.db, w.gasA.id);
    const records = [
      { cylinderCode: cyl.code, step: "stock_out", at: time(), stationCode: w.stationA.code, staffIdNumber: w.courierA.idNumber, lat: 28.9, lng: 120.05 },
      { cylinderCode: cyl.code, step: "delivered", at: time(5), staffIdNumber: w.courierA.idNumber, customerCode: customer.code, lat: 28.9 + 4 * KM, lng: 120.05 },
    ];
    expect((await post(records)).json()).toMatchObject({ recorded: 2, anomalies: 1 });
    expect((await post(records)).json()).toMatchObject({ recorded: 0, duplicates: 2, anomalies: 0 });
    const rows = await anomaliesOf({ kind: "two_places", cylinderId: cyl.id });
    expect(rows).toHaveLength(1);
    expect(rows[0].detail).toMatchObject({ distanceKm: 4, minutes: 5 });
    // The earlier scan may be one already on file: a return far away a minute later is judged against it.
    expect((await post([{ cylinderCode: cyl.code, step: "returned", at: time(1), lat: 28.9 + 10 * KM, lng: 120.05 }])).json()).toMatchObject({ anomalies: 1 });
    expect(await anomaliesOf({ kind: "two_places", cylinderId: cyl.id })).toHaveLength(2);
  });

  it("accepts a delivery to an unregistered customer and flags it once a day", async () => {
    const [c1, c2] = [await insertCylinder(t.db, w.gasA.id, w.stationA.id), await insertCylinder(t.db, w.gasA.id, w.stationA.id)];
    const round = (code: string) => [
      { cylinderCode: code, step: "stock_out", at: time(), stationCode: w.stationA.code, staffIdNumber: w.courierA.idNumber },
      { cylinderCode: code, step: "delivered", at: time(), staffIdNumber: w.courierA.idNumber, customerCode: "GHOST-1" },
    ];
    expect((await post([...round(c1.code), ...round(c2.code)])).json()).toMatchObject({ recorded: 4, anomalies: 1 });
    const rows = await t.db.select().from(A).where(eq(A.kind, "unregistered_customer"));
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ enterpriseId: w.gasA.id, state: "open" });
    expect(rows[0].detail).toMatchObject({ customerCode: "GHOST-1", reason: "not_on_file" });
  });

  it("flags a delivery by someone who is not certified staff, or whose certificate expired", async () => {
    const expired = await insertStaff(t.db, w.gasA.id, w.stationA.id, { validTo: "2026-06-30" });
    const outsider = await insertOutsider(t.db);
    const customer = await insertCustomer(t.db, w.gasA.id);
    const [c1, c2] = [await insertCylinder(t.db, w.gasA.id, w.stationA.id), await insertCylinder(t.db, w.gasA.id, w.stationA.id)];
    const res = await post([
      { cylinderCode: c1.code, step: "stock_out", at: time(), stationCode: w.stationA.code, staffIdNumber: expired.idNumber },
      { cylinderCode: c2.code, step: "stock_out", at: time(), stationCode: w.stationA.code, staffIdNumber: w.courierA.idNumber },
      { cylinderCode: c2.code, step: "delivered", at: time(), staffIdNumber: outsider, customerCode: customer.code },
    ]);
    expect(res.json()).toMatchObject({ recorded: 3, anomalies: 2 });
    const rows = await t.db.select().from(A).where(eq(A.kind, "uncertified_staff"));
    const byReason = new Map(rows.map((r) => [(r.detail as { reason: string }).reason, r]));
    expect(byReason.get("certificate_expired")).toMatchObject({ staffId: expired.id, cylinderId: c1.id });
    expect(byReason.get("not_staff")).toMatchObject({ staffId: null, cylinderId: c2.id });
    // The detail never carries the whole ID number.
    expect(JSON.stringify(rows.map((r) => [r.detail, r.dedupKey]))).not.toContain(outsider);
  });
});

describe("the sweep", () => {
  it("flags a fill at a foreign station once, and not again after it is resolved", async () => {
    const otherStation = await insertStation(t.db, w.gasB.id);
    const cyl = await insertCylinder(t.db, w.gasA.id, w.stationA.id, "in_stock");
    const [fill] = await t.db
      .insert(gasFills)
      .values({ cylinderId: cyl.id, stationId: otherStation.id, enterpriseId: w.gasB.id, filledAt: new Date(), netWeightKg: 14.5, allowedFillKg: 14.5, preCheckOk: true, postCheckOk: true, source: "api" })
      .returning();
    await t.db.insert(gasFills).values({ cylinderId: cyl.id, stationId: w.stationA.id, enterpriseId: w.gasA.id, filledAt: new Date(Date.now() - 60_000), netWeightKg: 14.5, allowedFillKg: 14.5, preCheckOk: true, postCheckOk: true, source: "api" });
    const first = await sweepAnomalies(t.context(SYSTEM_ACTOR));
    expect(first.foreignFills).toBe(1);
    const [row] = await anomaliesOf({ kind: "foreign_fill", cylinderId: cyl.id });
    expect(row).toMatchObject({ enterpriseId: w.gasB.id, stationId: otherStation.id, dedupKey: `foreign_fill:${fill.id}` });
    expect((await sweepAnomalies(t.context(SYSTEM_ACTOR), { since: first.judgedUntil })).foreignFills).toBe(0);

    const resolved = await t.as(w.users.gasB, { method: "POST", url: `/api/v1/gas/anomalies/${row.id}/resolve`, payload: { note: "已约谈充装站" } });
    expect(resolved.statusCode, resolved.body).toBe(200);
    expect(resolved.json()).toMatchObject({ state: "resolved", resolvedNote: "已约谈充装站" });
    expect((await sweepAnomalies(t.context(SYSTEM_ACTOR))).foreignFills).toBe(0);
    expect(await anomaliesOf({ kind: "foreign_fill", cylinderId: cyl.id })).toHaveLength(1);
  });

  it("flags a customer overdue for a safety check once per due date", async () => {
    const overdue = await insertCustomer(t.db, w.gasA.id, { lastCheckOn: "2020-01-01", nextCheckDue: "2022-01-01" });
    const fine = await insertCustomer(t.db, w.gasA.id, { lastCheckOn: "2026-01-01", nextCheckDue: "2099-01-01" });
    const closed = await insertCustomer(t.db, w.gasA.id, { nextCheckDue: "2022-01-01", active: false });
    await sweepAnomalies(t.context(SYSTEM_ACTOR));
    await sweepAnomalies(t.context(SYSTEM_ACTOR));
    expect(await anomaliesOf({ kind: "check_overdue", customerId: overdue.id })).toHaveLength(1);
    expect(await anomaliesOf({ kind: "check_overdue", customerId: fine.id })).toHaveLength(0);
    expect(await anomaliesOf({ kind: "check_overdue", customerId: closed.id })).toHaveLength(0);
    const audits = await t.db.select().from(auditLog).where(eq(auditLog.action, "gas.anomaly.swept"));
    expect(audits.length).toBeGreaterThanOrEqual(1);
  });
});

describe("handling anomalies", () => {
  async function overdueAnomaly() {
    const customer = await insertCustomer(t.db, w.gasA.id, { nextCheckDue: "2021-01-01" });
    await sweepAnomalies(t.context(SYSTEM_ACTOR));
    const [row] = await anomaliesOf({ kind: "check_overdue", customerId: customer.id });
    return row;
  }

  it("lists with filters and keeps other companies' anomalies out of sight (404)", async () => {
    const a = await overdueAnomaly();
    const list = (await t.as(w.users.gasA, { method: "GET", url: `/api/v1/gas/anomalies?kind=check_overdue&state=open&customerId=${a.customerId}` })).json() as { items: AnomalyDto[] };
    expect(list.items.map((i) => i.id)).toEqual([a.id]);
    expect(list.items[0]).toMatchObject({ kind: "check_overdue", enterpriseId: w.gasA.id, state: "open" });
    const theirs = (await t.as(w.users.gasB, { method: "GET", url: `/api/v1/gas/anomalies?customerId=${a.customerId}` })).json() as { total: number };
    expect(theirs.total).toBe(0);
    expect((await t.as(w.users.gasB, { method: "GET", url: `/api/v1/gas/anomalies/${a.id}` })).statusCode).toBe(404);
    expect((await t.as(w.users.gasB, { method: "POST", url: `/api/v1/gas/anomalies/${a.id}/resolve`, payload: { note: "x" } })).statusCode).toBe(404);
    expect((await t.as(w.users.leader, { method: "GET", url: `/api/v1/gas/anomalies/${a.id}` })).statusCode).toBe(200);
    expect((await t.as(w.users.inspector, { method: "GET", url: "/api/v1/gas/anomalies/export?kind=check_overdue" })).statusCode).toBe(200);
  });

  it("resolves with a note once, audited", async () => {
    const a = await overdueAnomaly();
    const url = `/api/v1/gas/anomalies/${a.id}/resolve`;
    expect((await t.as(w.users.gasA, { method: "POST", url, payload: { note: " " } })).statusCode).toBe(400);
    expect((await t.as(w.users.gasA, { method: "POST", url, payload: { note: "已上门安检" } })).statusCode).toBe(200);
    expect((await t.as(w.users.gasA, { method: "POST", url, payload: { note: "again" } })).statusCode).toBe(409);
    const audits = await t.db.select().from(auditLog).where(and(eq(auditLog.action, "gas.anomaly.resolved"), eq(auditLog.entityId, a.id)));
    expect(audits).toHaveLength(1);
  });

  it("turns an anomaly into a project-less case for the gas company, once", async () => {
    const a = await overdueAnomaly();
    const url = `/api/v1/gas/anomalies/${a.id}/case`;
    expect((await t.as(w.users.gasA, { method: "POST", url, payload: {} })).statusCode).toBe(403);
    const res = await t.as(w.users.inspector, { method: "POST", url, payload: { grade: "general" } });
    expect(res.statusCode, res.body).toBe(201);
    const opened = res.json() as AnomalyCaseResultDto;
    const [c] = await t.db.select().from(casesCases).where(eq(casesCases.id, opened.caseId));
    expect(c).toMatchObject({ projectId: null, enterpriseId: w.gasA.id, source: "gas", sourceRef: `gas_anomaly:${a.id}`, category: "gas" });
    const again = await t.as(w.users.inspector, { method: "POST", url, payload: {} });
    expect(again.statusCode).toBe(200);
    expect(again.json()).toMatchObject({ caseId: opened.caseId, created: false });
    expect((await t.as(w.users.leader, { method: "GET", url: `/api/v1/gas/anomalies/${a.id}` })).json()).toMatchObject({ caseId: opened.caseId });
  });
});
