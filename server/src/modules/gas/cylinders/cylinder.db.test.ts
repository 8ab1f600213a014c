import ExcelJS from "exceljs";
import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { CylinderDetailDto, CylinderDto } from "@contracts/gas/cylinder";
import type { JobDto } from "@contracts/platform/common";
import { createTestApp, type TestApp } from "../../../../../test/app";
import { auditLog } from "../../../platform/audit/schema.js";
import { SYSTEM_ACTOR } from "../../../platform/auth/actor.js";
import { multipartFile } from "../../registry/project.test-fixtures.js";
import { gasCylinders } from "./schema.js";
import { sweepInspectionDue } from "./cylinder.sweeps.js";
import { daysFrom, errorOf, gasWorld, insertCylinder, issuePaths, type GasWorld } from "./cylinder.test-fixtures.js";

let t: TestApp;
let w: GasWorld;

beforeAll(async () => {
  t = await createTestApp();
  w = await gasWorld(t);
});
afterAll(() => t.close());

let n = 0;
const code = () => `T${process.pid}C${++n}`;
const filing = (over: Record<string, unknown> = {}) => ({ code: code(), stationId: w.a1.id, type: "gas_phase", spec: "YSP35.5", nominalFillKg: 14.5, maker: "浙江某钢瓶厂", serialNo: "S1", manufacturedOn: "2024-03-10", ...over });
const file = (body: Record<string, unknown>, user = w.users.gas_company) => t.as(user, { method: "POST", url: "/api/v1/gas/cylinders", payload: body });
const act = (id: string, body: Record<string, unknown>, user = w.users.gas_company) => t.as(user, { method: "POST", url: `/api/v1/gas/cylinders/${id}/actions`, payload: body });

describe("filing (建档)", () => {
  it("files a cylinder with dates from the rule gas.cylinder_life, audited and on the timeline", async () => {
    const res = await file(filing());
    expect(res.statusCode).toBe(201);
    const c = res.json() as CylinderDetailDto;
    expect(c).toMatchObject({ status: "filed", designLifeYears: 8, nextInspectionOn: "2028-03-10", scrapOn: "2036-03-10", enterpriseId: w.companyA.id, stationCode: w.a1.code });
    expect(c.events).toHaveLength(1);
    expect(c.events[0]).toMatchObject({ action: "file", toStatus: "filed", data: { rule: { code: "gas.cylinder_life", version: 1 } } });
    const audits = await t.db.select().from(auditLog).where(and(eq(auditLog.entity, "gas_cylinder"), eq(auditLog.entityId, c.id)));
    expect(audits.map((a) => a.action)).toEqual(["gas.cylinder.filed"]);
  });

  it("refuses dual-phase with the GB 5842-2023 reason, and liquid-phase other than 50 kg", async () => {
    const dual = await file(filing({ type: "dual_phase" }));
    expect(dual.statusCode).toBe(400);
    expect(errorOf(dual).message).toMatch(/GB 5842-2023/);
    expect(issuePaths(dual)).toEqual(["type"]);
    expect(issuePaths(await file(filing({ type: "liquid_phase", spec: "YSP118", nominalFillKg: 49.5 })))).toEqual(["nominalFillKg"]);
    expect((await file(filing({ type: "liquid_phase", spec: "YSP118", nominalFillKg: 50 }))).statusCode).toBe(201);
  });

  it("refuses a cylinder already past its 12 years, and dates out of order", async () => {
    expect(issuePaths(await file(filing({ manufacturedOn: "2010-01-01" })))).toEqual(["manufacturedOn"]);
    expect(issuePaths(await file(filing({ manufacturedOn: daysFrom(3) })))).toContain("manufacturedOn");
    expect(issuePaths(await file(filing({ lastInspectedOn: "2020-01-01" })))).toEqual(["lastInspectedOn"]);
  });

  it("keeps a code taken city-wide for ever, a voided one too", async () => {
    const voided = await insertCylinder(t.db, w.b1, { status: "scrapped", voidedAt: new Date() });
    const res = await file(filing({ code: voided.code }));
    expect(res.statusCode).toBe(409);
    expect(errorOf(res).message).toMatch(/never reused/);
  });

  it("files only at the company's own stations", async () => {
    expect(issuePaths(await file(filing({ stationId: w.b1.id })))).toEqual(["stationId"]);
    expect((await file(filing({ stationId: w.b1.id }), w.users.admin)).statusCode).toBe(201);
    expect((await file(filing(), w.users.leader)).statusCode).toBe(403);
  });
});

describe("actions", () => {
  it("walks stock in → send to inspection → pass (next date + 4 y), each on the timeline and audited", async () => {
    const c = (await file(filing({ manufacturedOn: "2023-01-05" }))).json() as CylinderDetailDto;
    expect((await act(c.id, { action: "stock_in" })).json()).toMatchObject({ status: "in_stock" });
    expect((await act(c.id, { action: "send_inspection" })).json()).toMatchObject({ status: "at_inspection" });
    const inspectedOn = daysFrom(-1);
    const passed = (await act(c.id, { action: "pass_inspection", inspectedOn, note: "检验站甲" })).json() as CylinderDetailDto;
    expect(passed).toMatchObject({ status: "in_stock", lastInspectedOn: inspectedOn, scrapOn: "2035-01-05" });
    const plus4 = `${Number(inspectedOn.slice(0, 4)) + 4}${inspectedOn.slice(4)}`;
    expect(passed.nextInspectionOn).toBe(plus4 < "2035-01-05" ? plus4 : "2035-01-05");
    expect(passed.events.map((e) => e.action)).toEqual(["pass_inspection", "send_inspection", "stock_in", "file"]);
    expect(passed.events[0]).toMatchObject({ fromStatus: "at_inspection", toStatus: "in_stock", note: "检验站甲" });
    const audits = await t.db.select({ action: auditLog.action }).from(auditLog).where(eq(auditLog.entityId, c.id));
    expect(audits.map((a) => a.action).sort()).toEqual(["gas.cylinder.filed", "gas.cylinder.pass_inspection", "gas.cylinder.send_inspection", "gas.cylinder.stock_in"]);
  });

  it("fails and scraps (voided), after which nothing moves it", async () => {
    const c = (await file(filing())).json() as CylinderDetailDto;
    await act(c.id, { action: "send_inspection" });
    expect((await act(c.id, { action: "fail_inspection" })).json()).toMatchObject({ status: "failed" });
    expect((await act(c.id, { action: "scrap" })).json()).toMatchObject({ status: "scrapped", voided: true });
    const again = await act(c.id, { action: "stock_in" });
    expect(again.statusCode).toBe(409);
    expect(errorOf(again).message).toMatch(/报废.*cannot be/);
  });

  it("reports lost and found beside the status", async () => {
    const c = await insertCylinder(t.db, w.a1);
    expect((await act(c.id, { action: "report_lost" })).json()).toMatchObject({ lost: true, status: "in_stock" });
    expect((await act(c.id, { action: "report_lost" })).statusCode).toBe(409);
    expect((await act(c.id, { action: "report_found" })).json()).toMatchObject({ lost: false });
  });

  it("refuses a transition the machine does not allow, and another company's cylinder as absent", async () => {
    const c = await insertCylinder(t.db, w.a1, { status: "in_use" });
    expect((await act(c.id, { action: "scrap" })).statusCode).toBe(409);
    const foreign = await insertCylinder(t.db, w.b1);
    expect((await act(foreign.id, { action: "report_lost" })).statusCode).toBe(404);
    expect((await t.as(w.users.gas_company, { method: "GET", url: `/api/v1/gas/cylinders/${foreign.id}` })).statusCode).toBe(404);
  });
});

describe("list and export", () => {
  it("filters by status, station, type and overdue; the bureau sees all, a company its own", async () => {
    const overdue = await insertCylinder(t.db, w.a2, { nextInspectionOn: daysFrom(-2) });
    await insertCylinder(t.db, w.b1, { nextInspectionOn: daysFrom(-2) });
    const mine = (await t.as(w.users.gas_company, { method: "GET", url: `/api/v1/gas/cylinders?overdue=true&stationId=${w.a2.id}&pageSize=200` })).json() as { items: CylinderDto[]; total: number };
    expect(mine.items.map((c) => c.code)).toEqual([overdue.code]);
    expect(mine.items[0].overdue).toBe(true);
    const city = (await t.as(w.users.leader, { method: "GET", url: "/api/v1/gas/cylinders?overdue=true&pageSize=200" })).json() as { items: CylinderDto[] };
    expect(new Set(city.items.map((c) => c.enterpriseId))).toEqual(new Set([w.companyA.id, w.companyB.id]));
    const own = (await t.as(w.users.gas_company, { method: "GET", url: "/api/v1/gas/cylinders?pageSize=200" })).json() as { items: CylinderDto[] };
    expect(own.items.every((c) => c.enterpriseId === w.companyA.id)).toBe(true);
    const searched = (await t.as(w.users.gas_company, { method: "GET", url: `/api/v1/gas/cylinders?q=${overdue.code}` })).json() as { items: CylinderDto[] };
    expect(searched.items.map((c) => c.code)).toEqual([overdue.code]);
    const sorted = (await t.as(w.users.leader, { method: "GET", url: "/api/v1/gas/cylinders?sort=-nextInspectionOn&pageSize=50" })).json() as { items: CylinderDto[] };
    const dates = sorted.items.map((c) => c.nextInspectionOn);
    expect(dates).toEqual([...dates].sort().reverse());
    const xlsx = await t.as(w.users.gas_company, { method: "GET", url: "/api/v1/gas/cylinders/export?overdue=true" });
    expect(xlsx.statusCode).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
    expect(wb.worksheets[0].getRow(1).getCell(1).value).toBe("钢瓶编码");
    expect(wb.worksheets[0].rowCount).toBe(1 + (await t.as(w.users.gas_company, { method: "GET", url: "/api/v1/gas/cylinders?overdue=true" })).json().total);
  });
});

describe("the daily sweep", () => {
  it("marks shelf cylinders whose inspection day came as inspection_due, in one statement, with events", async () => {
    const due = await insertCylinder(t.db, w.a1, { nextInspectionOn: daysFrom(0) });
    const returned = await insertCylinder(t.db, w.a1, { nextInspectionOn: daysFrom(-10), status: "returned_empty" });
    const atCustomer = await insertCylinder(t.db, w.a1, { nextInspectionOn: daysFrom(-10), status: "in_use" });
    const notYet = await insertCylinder(t.db, w.a1, { nextInspectionOn: daysFrom(1) });
    expect(await sweepInspectionDue(t.context(SYSTEM_ACTOR))).toBeGreaterThanOrEqual(2);
    const status = async (id: string) => (await t.db.select({ s: gasCylinders.status }).from(gasCylinders).where(eq(gasCylinders.id, id)))[0].s;
    expect(await status(due.id)).toBe("inspection_due");
    expect(await status(returned.id)).toBe("inspection_due");
    expect(await status(atCustomer.id)).toBe("in_use");
    expect(await status(notYet.id)).toBe("in_stock");
    const detail = (await t.as(w.users.admin, { method: "GET", url: `/api/v1/gas/cylinders/${returned.id}` })).json() as CylinderDetailDto;
    expect(detail.events[0]).toMatchObject({ action: "inspection_due", fromStatus: "returned_empty", toStatus: "inspection_due" });
    expect(await sweepInspectionDue(t.context(SYSTEM_ACTOR))).toBe(0);
  });
});

describe("bulk filing by xlsx", () => {
  async function sheet(rows: (string | number | null)[][]) {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet("钢瓶");
    ws.addRow(["钢瓶编码", "产权站点编码", "类型", "规格型号", "允许充装量(kg)", "制造单位", "出厂编号", "制造日期", "上次检验日期"]);
    for (const r of rows) ws.addRow(r);
    return Buffer.from(await wb.xlsx.writeBuffer());
  }
  async function upload(buffer: Buffer) {
    const { payload, headers } = multipartFile("file", "cylinders.xlsx", buffer, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
    const res = await t.as(w.users.gas_company, { method: "POST", url: "/api/v1/gas/cylinders/import", payload, headers });
    expect(res.statusCode).toBe(202);
    const { jobId } = res.json() as { jobId: string };
    for (let i = 0; i < 100; i++) {
      const job = (await t.as(w.users.gas_company, { method: "GET", url: `/api/v1/jobs/${jobId}` })).json() as JobDto;
      if (job.status !== "running") return job;
      await new Promise((r) => setTimeout(r, 100));
    }
    throw new Error("import job did not finish");
  }

  it("refuses the whole sheet listing every bad row, then files a clean one", async () => {
    const [c1, c2] = [code(), code()];
    const bad = await upload(
      await sheet([
        [c1, w.a1.code, "气相瓶", "YSP35.5", 14.5, "厂", "1", "2024-01-01", null],
        [c1, w.a1.code, "气相瓶", "YSP35.5", 14.5, "厂", "2", "2024-01-01", null],
        [code(), w.a1.code, "气液双相瓶(禁用)", "YSP35.5", 14.5, "厂", "3", "2024-01-01", null],
        [code(), w.b1.code, "气相瓶", "YSP35.5", 14.5, "厂", "4", "2024-01-01", null],
        [code(), w.a1.code, "液相瓶", "YSP118", 49.5, "厂", "5", "2024-01-01", null],
        [code(), w.a1.code, "气相瓶", "YSP35.5", "x", "厂", "6", "2024-01-01", null],
      ]),
    );
    expect(bad.status).toBe("failed");
    const issues = (bad.error as { details: { issues: { row: number; column: string }[] } }).details.issues;
    expect([...new Set(issues.map((i) => i.row))]).toEqual([3, 4, 5, 6, 7]);
    expect(issues.find((i) => i.row === 4)?.column).toBe("类型");
    expect((await t.db.select().from(gasCylinders).where(eq(gasCylinders.code, c1))).length).toBe(0);

    const good = await upload(await sheet([[c1, w.a1.code, "气相瓶", "YSP35.5", 14.5, "厂", "1", "2024-01-01", null], [c2, w.a2.code, "液相瓶", "YSP118", 50, "厂", "2", "2023-06-01", "2025-06-01"]]));
    expect(good).toMatchObject({ status: "succeeded", result: { imported: 2 } });
    const [row] = await t.db.select().from(gasCylinders).where(eq(gasCylinders.code, c2));
    expect(row).toMatchObject({ stationId: w.a2.id, type: "liquid_phase", status: "filed", nextInspectionOn: "2029-06-01", scrapOn: "2035-06-01" });
  });
});
