import { and, asc, eq } from "drizzle-orm";
import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DeliveryBatchResultDto, DeliveryDto } from "@contracts/gas/delivery";
import { createTestApp, type TestApp, type TestUser } from "../../../../../test/app";
import { auditLog } from "../../../platform/audit/schema.js";
import { multipartFile } from "../../registry/project.test-fixtures.js";
import { gasAnomalies, gasDeliveries } from "./schema.js";
import { gasCylinderEvents, gasCylinders } from "../cylinders/schema.js";
import { DELIVERY_IMPORT_COLUMNS } from "./delivery.sheet.js";
import { gasWorld, insertCustomer, insertCylinder, type GasWorld } from "./delivery.test-fixtures.js";

let t: TestApp;
let w: GasWorld;

beforeAll(async () => {
  t = await createTestApp();
  w = await gasWorld(t);
});
afterAll(() => t.close());

const post = (records: Record<string, unknown>[], user: TestUser = w.users.gasA, extra: Record<string, unknown> = {}) =>
  t.as(user, { method: "POST", url: "/api/v1/gas/deliveries", payload: { records, ...extra } });
const issues = (res: { json(): unknown }) => ((res.json() as { error: { details?: { issues?: { path: string; message: string }[] } } }).error.details?.issues ?? []).map((i) => i.path);
const cylinder = async (id: string) => (await t.db.select().from(gasCylinders).where(eq(gasCylinders.id, id)))[0];
let minute = 0;
/** Distinct, increasing scan times in the past. */
const time = () => new Date(Date.parse("2026-06-01T00:00:00Z") + ++minute * 60_000).toISOString();

async function round(cylinderCode: string, customerCode: string) {
  return [
    { cylinderCode, step: "stock_out", at: time(), stationCode: w.stationA.code, staffIdNumber: w.courierA.idNumber },
    { cylinderCode, step: "delivered", at: time(), staffIdNumber: w.courierA.idNumber, customerCode },
    { cylinderCode, step: "returned", at: time() },
  ];
}

describe("the delivery chain", () => {
  it("walks a cylinder through stock_out → delivered → returned, one event per change, audited once", async () => {
    const cyl = await insertCylinder(t.db, w.gasA.id, w.stationA.id);
    const customer = await insertCustomer(t.db, w.gasA.id);
    const records = await round(cyl.code, customer.code);
    const first = await post(records.slice(0, 2));
    expect(first.statusCode, first.body).toBe(200);
    expect(first.json()).toEqual({ recorded: 2, duplicates: 0, anomalies: 0 } satisfies DeliveryBatchResultDto);
    expect(await cylinder(cyl.id)).toMatchObject({ status: "in_use", customerId: customer.id, version: 2 });

    const last = await post(records.slice(2));
    expect(last.json()).toMatchObject({ recorded: 1 });
    expect(await cylinder(cyl.id)).toMatchObject({ status: "returned_empty", customerId: null });
    const events = await t.db.select().from(gasCylinderEvents).where(eq(gasCylinderEvents.cylinderId, cyl.id)).orderBy(asc(gasCylinderEvents.at));
    expect(events.map((e) => [e.action, e.fromStatus, e.toStatus])).toEqual([
      ["stock_out", "filled", "dispatched"],
      ["deliver", "dispatched", "in_use"],
      ["return_empty", "in_use", "returned_empty"],
    ]);
    expect(events[0]).toMatchObject({ stationId: w.stationA.id, staffId: w.courierA.id });
    expect(events[1].customerId).toBe(customer.id);
    // The return is the customer's too, though the scan named none.
    const rows = await t.db.select().from(gasDeliveries).where(eq(gasDeliveries.cylinderId, cyl.id)).orderBy(asc(gasDeliveries.at));
    expect(rows.map((r) => [r.step, r.customerId, r.source])).toEqual([
      ["stock_out", null, "api"],
      ["delivered", customer.id, "api"],
      ["returned", customer.id, "api"],
    ]);
    const audits = await t.db.select().from(auditLog).where(eq(auditLog.action, "gas.delivery.recorded"));
    expect(audits.length).toBeGreaterThanOrEqual(2);
  });

  it("is idempotent on (cylinder, step, at): a re-sent batch records nothing twice", async () => {
    const cyl = await insertCylinder(t.db, w.gasA.id, w.stationA.id);
    const customer = await insertCustomer(t.db, w.gasA.id);
    const records = await round(cyl.code, customer.code);
    expect((await post(records)).json()).toMatchObject({ recorded: 3, duplicates: 0 });
    const again = await post(records);
    expect(again.statusCode).toBe(200);
    expect(again.json()).toMatchObject({ recorded: 0, duplicates: 3 });
    expect(await t.db.select().from(gasDeliveries).where(eq(gasDeliveries.cylinderId, cyl.id))).toHaveLength(3);
    expect(await t.db.select().from(gasCylinderEvents).where(eq(gasCylinderEvents.cylinderId, cyl.id))).toHaveLength(3);
  });

  it("refuses the whole batch listing every bad row, and writes nothing", async () => {
    const good = await insertCylinder(t.db, w.gasA.id, w.stationA.id);
    const inStock = await insertCylinder(t.db, w.gasA.id, w.stationA.id, "in_stock");
    const foreign = await insertCylinder(t.db, w.gasB.id, w.stationB.id);
    const res = await post([
      { cylinderCode: good.code, step: "stock_out", at: time(), stationCode: w.stationA.code, staffIdNumber: w.courierA.idNumber },
      { cylinderCode: inStock.code, step: "stock_out", at: time(), stationCode: w.stationA.code, staffIdNumber: w.courierA.idNumber },
      { cylinderCode: foreign.code, step: "returned", at: time() },
      { cylinderCode: good.code, step: "stock_out", at: time(), stationCode: w.stationB.code, staffIdNumber: w.courierA.idNumber },
      { cylinderCode: good.code, step: "delivered", at: time(), staffIdNumber: w.courierA.idNumber, customerCode: "ANYONE" },
    ]);
    expect(res.statusCode).toBe(400);
    expect(issues(res)).toEqual(["records.1.step", "records.2.cylinderCode", "records.3.step"]);
    expect((res.json() as { error: { details: { issues: { message: string }[] } } }).error.details.issues[0].message).toContain("在库");
    expect(await cylinder(good.id)).toMatchObject({ status: "filled", version: 1 });
    expect(await t.db.select().from(gasDeliveries).where(eq(gasDeliveries.cylinderId, good.id))).toEqual([]);
  });

  it("refuses a step older than the cylinder's last one, and a scrapped cylinder", async () => {
    const cyl = await insertCylinder(t.db, w.gasA.id, w.stationA.id);
    const later = time();
    const earlier = new Date(Date.parse(later) - 3_600_000).toISOString();
    expect((await post([{ cylinderCode: cyl.code, step: "stock_out", at: later, stationCode: w.stationA.code, staffIdNumber: w.courierA.idNumber }])).statusCode).toBe(200);
    expect(issues(await post([{ cylinderCode: cyl.code, step: "returned_full", at: earlier }]))).toEqual(["records.0.at"]);
    const scrapped = await insertCylinder(t.db, w.gasA.id, w.stationA.id, "scrapped");
    await t.db.update(gasCylinders).set({ voidedAt: new Date() }).where(eq(gasCylinders.id, scrapped.id));
    expect(issues(await post([{ cylinderCode: scrapped.code, step: "returned", at: time() }]))).toEqual(["records.0.cylinderCode"]);
  });

  it("validates the payload shape: required fields per step, at most 5,000 records", async () => {
    const res = await post([{ cylinderCode: "X", step: "stock_out", at: "yesterday" }, { cylinderCode: "X", step: "delivered", at: time(), staffIdNumber: "123" }]);
    expect(res.statusCode).toBe(400);
    expect(issues(res)).toEqual(expect.arrayContaining(["records.0.at", "records.0.stationCode", "records.0.staffIdNumber", "records.1.staffIdNumber", "records.1.customerCode"]));
    const tooMany = Array.from({ length: 5001 }, () => ({ cylinderCode: "X", step: "returned", at: time() }));
    expect((await post(tooMany)).statusCode).toBe(400);
  });

  it("lets the bureau's admin record for a named company, and only for it", async () => {
    const cyl = await insertCylinder(t.db, w.gasA.id, w.stationA.id);
    const rec = { cylinderCode: cyl.code, step: "stock_out", at: time(), stationCode: w.stationA.code, staffIdNumber: w.courierA.idNumber };
    expect(issues(await post([rec], w.users.admin))).toEqual(["enterpriseId"]);
    expect(issues(await post([rec], w.users.admin, { enterpriseId: w.gasB.id }))).toEqual(["records.0.cylinderCode"]);
    expect((await post([rec], w.users.admin, { enterpriseId: w.gasA.id })).json()).toMatchObject({ recorded: 1 });
    // A gas company writes for itself whatever it names.
    expect(issues(await post([{ ...rec, at: time() }], w.users.gasB, { enterpriseId: w.gasA.id }))).toEqual(["records.0.cylinderCode"]);
  });

  it("records a batch of 1,000 cylinders' full rounds in one call", async () => {
    const n = 1000;
    const cylinders = await t.db
      .insert(gasCylinders)
      .values(Array.from({ length: n }, (_, i) => ({ code: `BULK${process.pid}${i}`, enterpriseId: w.gasA.id, stationId: w.stationA.id, type: "gas_phase", spec: "YSP15", nominalFillKg: 14.5, manufacturedOn: "2022-01-01", nextInspectionOn: "2026-01-01", scrapOn: "2034-01-01", status: "filled" })))
      .returning();
    const customer = await insertCustomer(t.db, w.gasA.id);
    const [t0, t1] = [time(), time()];
    const records = cylinders.flatMap((c) => [
      { cylinderCode: c.code, step: "stock_out", at: t0, stationCode: w.stationA.code, staffIdNumber: w.courierA.idNumber },
      { cylinderCode: c.code, step: "delivered", at: t1, staffIdNumber: w.courierA.idNumber, customerCode: customer.code },
    ]);
    const started = Date.now();
    const res = await post(records);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ recorded: 2 * n, duplicates: 0 });
    expect(Date.now() - started).toBeLessThan(30_000);
    const held = await t.db.select({ id: gasCylinders.id }).from(gasCylinders).where(and(eq(gasCylinders.customerId, customer.id), eq(gasCylinders.status, "in_use")));
    expect(held).toHaveLength(n);
  });
});

describe("the xlsx upload", () => {
  async function sheet(rows: Record<string, string | number>[]): Promise<Buffer> {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet("配送记录");
    ws.addRow(DELIVERY_IMPORT_COLUMNS.map((c) => c.header));
    for (const r of rows) ws.addRow(DELIVERY_IMPORT_COLUMNS.map((c) => r[c.key] ?? null));
    return Buffer.from(await wb.xlsx.writeBuffer());
  }
  const upload = (file: Buffer, user: TestUser = w.users.gasA) =>
    t.as(user, { method: "POST", url: "/api/v1/gas/deliveries/import", ...multipartFile("file", "配送.xlsx", file, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet") });
  const beijing = (iso: string) => new Date(Date.parse(iso) + 8 * 3600_000).toISOString().slice(0, 19).replace("T", " ");

  it("lists shape and chain errors by sheet row and column together, then records a good sheet", async () => {
    const cyl = await insertCylinder(t.db, w.gasA.id, w.stationA.id);
    const customer = await insertCustomer(t.db, w.gasA.id);
    const [a, b, c] = [time(), time(), time()];
    const bad = await upload(
      await sheet([
        { cylinderCode: cyl.code, step: "出库交接", at: beijing(a), stationCode: w.stationA.code, staffIdNumber: w.courierA.idNumber },
        { cylinderCode: cyl.code, step: "回收空瓶", at: beijing(b) },
        { cylinderCode: cyl.code, step: "送气", at: beijing(c) },
      ]),
    );
    expect(bad.statusCode).toBe(400);
    const rows = (bad.json() as { error: { details: { issues: { row: number; column: string }[] } } }).error.details.issues.map((i) => [i.row, i.column]);
    // Row 3 returns an empty that was only dispatched — allowed by the machine (dispatched → returned_empty); row 4 names no step.
    expect(rows).toEqual([[4, "环节"]]);
    expect(await cylinder(cyl.id)).toMatchObject({ status: "filled" });

    const good = await upload(
      await sheet([
        { cylinderCode: cyl.code, step: "出库交接", at: beijing(a), stationCode: w.stationA.code, staffIdNumber: w.courierA.idNumber },
        { cylinderCode: cyl.code, step: "入户送达", at: beijing(b), staffIdNumber: w.courierA.idNumber, customerCode: customer.code },
        { cylinderCode: cyl.code, step: "入户送达", at: beijing(c), staffIdNumber: w.courierA.idNumber, customerCode: customer.code },
      ]),
    );
    expect(good.statusCode).toBe(400);
    expect((good.json() as { error: { details: { issues: { row: number; column: string }[] } } }).error.details.issues.map((i) => [i.row, i.column])).toEqual([[4, "环节"]]);

    const ok = await upload(
      await sheet([
        { cylinderCode: cyl.code, step: "出库交接", at: beijing(a), stationCode: w.stationA.code, staffIdNumber: w.courierA.idNumber },
        { cylinderCode: cyl.code, step: "入户送达", at: beijing(b), staffIdNumber: w.courierA.idNumber, customerCode: customer.code },
      ]),
    );
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json()).toMatchObject({ recorded: 2 });
    const list = (await t.as(w.users.gasA, { method: "GET", url: `/api/v1/gas/customers/${customer.id}/deliveries` })).json() as { items: DeliveryDto[] };
    expect(list.items.map((d) => [d.step, d.source, d.cylinderCode])).toEqual([["delivered", "xlsx", cyl.code]]);
  });

  it("lists, filters and exports deliveries within the company's scope", async () => {
    const cyl = await insertCylinder(t.db, w.gasA.id, w.stationA.id);
    await post([{ cylinderCode: cyl.code, step: "stock_out", at: time(), stationCode: w.stationA.code, staffIdNumber: w.courierA.idNumber }]);
    const mine = (await t.as(w.users.gasA, { method: "GET", url: `/api/v1/gas/deliveries?cylinderCode=${cyl.code}` })).json() as { items: DeliveryDto[]; total: number };
    expect(mine.items).toHaveLength(1);
    expect(mine.items[0]).toMatchObject({ stationName: w.stationA.name, staffName: w.courierA.name, step: "stock_out" });
    const theirs = (await t.as(w.users.gasB, { method: "GET", url: `/api/v1/gas/deliveries?cylinderCode=${cyl.code}` })).json() as { total: number };
    expect(theirs.total).toBe(0);
    const byStep = (await t.as(w.users.leader, { method: "GET", url: `/api/v1/gas/deliveries?step=delivered&q=${cyl.code}` })).json() as { total: number };
    expect(byStep.total).toBe(0);
    const exported = await t.as(w.users.inspector, { method: "GET", url: `/api/v1/gas/deliveries/export?cylinderCode=${cyl.code}` });
    expect(exported.statusCode).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(exported.rawPayload as unknown as ArrayBuffer);
    expect(wb.worksheets[0].getRow(2).getCell(1).value).toBe(cyl.code);
    expect(await t.db.select().from(gasAnomalies).where(eq(gasAnomalies.cylinderId, cyl.id))).toEqual([]);
  });
});
