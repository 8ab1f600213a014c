import ExcelJS from "exceljs";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { CylinderDetailDto, PublicCylinderDto } from "@contracts/gas/cylinder";
import type { FillDto } from "@contracts/gas/fill";
import { createTestApp, type TestApp } from "../../../../../test/app";
import { multipartFile } from "../../registry/project.test-fixtures.js";
import { gasCylinders, gasFills } from "./schema.js";
import { daysFrom, errorOf, gasWorld, insertCylinder, insertFiller, type GasWorld } from "./cylinder.test-fixtures.js";

let t: TestApp;
let w: GasWorld;
let filler: Awaited<ReturnType<typeof insertFiller>>;

beforeAll(async () => {
  t = await createTestApp();
  w = await gasWorld(t);
  filler = await insertFiller(t.db, w.a1);
});
afterAll(() => t.close());

const minutesAgo = (m: number) => new Date(Date.now() - m * 60_000).toISOString();
const fill = (cylinderCode: string, over: Record<string, unknown> = {}) => ({
  stationCode: w.a1.code,
  cylinderCode,
  filledAt: minutesAgo(1),
  netWeightKg: 14.4,
  fillerPersonId: filler.person.id,
  preCheckOk: true,
  postCheckOk: true,
  checks: { leakOk: true },
  ...over,
});
const post = (body: unknown, user = w.users.gas_company) => t.as(user, { method: "POST", url: "/api/v1/gas/fills", payload: body as object });
type Issue = { path: string; message: string };
const issuesOf = (res: { json(): unknown }) => (errorOf(res).details?.issues ?? []) as Issue[];

describe("POST /gas/fills", () => {
  it("stores fills in one batch: cylinder → filled with its last fill, a fill event on the timeline", async () => {
    const a = await insertCylinder(t.db, w.a1, { updatedAt: new Date(Date.now() - 3600_000) });
    const b = await insertCylinder(t.db, w.a1, { status: "returned_empty", updatedAt: new Date(Date.now() - 3600_000) });
    const res = await post([fill(a.code), fill(b.code, { certificateNo: filler.staff.certificateNo, fillerPersonId: undefined })]);
    expect(res.json()).toEqual({ stored: 2, duplicates: 0 });
    const detail = (await t.as(w.users.gas_company, { method: "GET", url: `/api/v1/gas/cylinders/${a.id}` })).json() as CylinderDetailDto;
    expect(detail.status).toBe("filled");
    expect(detail.lastFillAt).not.toBeNull();
    expect(detail.events[0]).toMatchObject({ action: "fill", toStatus: "filled", data: { netWeightKg: 14.4 } });
    const [stored] = await t.db.select().from(gasFills).where(eq(gasFills.cylinderId, a.id));
    expect(stored).toMatchObject({ stationId: w.a1.id, fillerId: filler.staff.id, allowedFillKg: 14.5, source: "api", checks: { leakOk: true } });
  });

  it("is idempotent on (cylinder, filledAt)", async () => {
    const c = await insertCylinder(t.db, w.a1, { updatedAt: new Date(Date.now() - 3600_000) });
    const body = [fill(c.code, { filledAt: minutesAgo(2) })];
    expect((await post(body)).json()).toEqual({ stored: 1, duplicates: 0 });
    expect((await post(body)).json()).toEqual({ stored: 0, duplicates: 1 });
    expect(await t.db.select().from(gasFills).where(eq(gasFills.cylinderId, c.id))).toHaveLength(1);
  });

  it("refuses another company's cylinder as not this station's own, saying nothing of its state", async () => {
    const theirs = await insertCylinder(t.db, w.b1, { lostAt: new Date(Date.now() - 3600_000), nextInspectionOn: daysFrom(-3), type: "dual_phase" });
    const res = await post([fill(theirs.code)]);
    expect(res.statusCode).toBe(400);
    const [issue] = issuesOf(res);
    expect(issue.path).toBe("rows.0.cylinderCode");
    expect(issue.message).toMatch(/非本站/);
    expect(issue.message).not.toMatch(/超期|挂失|双相|inspection|lost|dual/i);
  });

  it("refuses the whole batch listing every bad row: refused cylinder, overweight, failed pre-check, uncertified filler", async () => {
    const ok = await insertCylinder(t.db, w.a1);
    const overdue = await insertCylinder(t.db, w.a1, { nextInspectionOn: daysFrom(-1) });
    const foreign = await insertCylinder(t.db, w.a2);
    // Expired days before the fills (a day before would still cover a fill made late the evening before, Shanghai time).
    const expired = await insertFiller(t.db, w.a1, daysFrom(-3));
    const delivery = await insertFiller(t.db, w.a1, undefined, "delivery");
    const res = await post([
      fill(ok.code),
      fill(overdue.code),
      fill(ok.code, { filledAt: minutesAgo(30), netWeightKg: 15 }),
      fill(ok.code, { filledAt: minutesAgo(40), preCheckOk: false }),
      fill(foreign.code),
      fill(ok.code, { filledAt: minutesAgo(50), fillerPersonId: expired.person.id }),
      fill(ok.code, { filledAt: minutesAgo(60), fillerPersonId: delivery.person.id }),
      fill("NO-SUCH", { filledAt: minutesAgo(70) }),
      fill(ok.code, { stationCode: w.b1.code }),
    ]);
    expect(res.statusCode).toBe(400);
    const issues = issuesOf(res);
    expect(issues.map((i) => i.path)).toEqual([
      "rows.1.cylinderCode",
      "rows.2.netWeightKg",
      "rows.3.preCheckOk",
      "rows.4.cylinderCode",
      "rows.5.fillerPersonId",
      "rows.6.fillerPersonId",
      "rows.7.cylinderCode",
      "rows.8.stationCode",
    ]);
    expect(issues[0].message).toMatch(/超期未检验/);
    expect(issues[3].message).toMatch(/非本站/);
    expect(await t.db.select().from(gasFills).where(eq(gasFills.cylinderId, ok.id))).toHaveLength(0);
  });

  it("judges a fill recorded after the fact as of its own time", async () => {
    // Filled three days ago, delivered two hours ago (in_use now): the fill was fine then.
    const c = await insertCylinder(t.db, w.a1, { status: "in_use", updatedAt: new Date(Date.now() - 2 * 3600_000) });
    expect((await post([fill(c.code, { filledAt: new Date(Date.now() - 3 * 86_400_000).toISOString() })])).json()).toEqual({ stored: 1, duplicates: 0 });
    const [row] = await t.db.select().from(gasCylinders).where(eq(gasCylinders.id, c.id));
    expect(row.status).toBe("in_use");
    // A fill since the delivery, of a cylinder that is with a customer, is refused.
    const now = await post([fill(c.code)]);
    expect(issuesOf(now).map((i) => i.message)).toEqual([expect.stringMatching(/状态不可充装/)]);
  });

  it("takes at most 5,000 fills per request and needs gas.manage", async () => {
    const c = await insertCylinder(t.db, w.a1);
    expect((await post(Array.from({ length: 5001 }, () => fill(c.code)))).statusCode).toBe(400);
    expect((await post([fill(c.code)], w.users.leader)).statusCode).toBe(403);
  });

  it("uploads fills by xlsx, all or nothing, and lists and exports them", async () => {
    const c = await insertCylinder(t.db, w.a1, { updatedAt: new Date(Date.now() - 3600_000) });
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet("充装记录");
    ws.addRow(["充装站编码", "钢瓶编码", "充装时间", "充装净重(kg)", "充装工人员ID", "充装工证书编号", "充装前检查合格", "充装后检查合格", "检漏合格"]);
    const at = new Date(Date.now() - 10 * 60_000);
    const local = new Date(at.getTime() + 8 * 3600_000).toISOString().slice(0, 16).replace("T", " ");
    ws.addRow([w.a1.code, c.code, local, 14, null, filler.staff.certificateNo, "是", "是", "是"]);
    ws.addRow([w.a1.code, c.code, "not a time", 14, null, filler.staff.certificateNo, "是", "是", null]);
    const upload = async (buf: Buffer) => {
      const { payload, headers } = multipartFile("file", "fills.xlsx", buf, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
      return t.as(w.users.gas_company, { method: "POST", url: "/api/v1/gas/fills/import", payload, headers });
    };
    const bad = await upload(Buffer.from(await wb.xlsx.writeBuffer()));
    expect(bad.statusCode).toBe(400);
    expect(issuesOf(bad).map((i) => i.path)).toEqual(["rows.3.充装时间"]);
    ws.spliceRows(3, 1);
    expect((await upload(Buffer.from(await wb.xlsx.writeBuffer()))).json()).toEqual({ stored: 1, duplicates: 0 });
    const [stored] = await t.db.select().from(gasFills).where(eq(gasFills.cylinderId, c.id));
    expect(Math.abs(stored.filledAt.getTime() - at.getTime())).toBeLessThan(60_000);
    expect(stored.source).toBe("xlsx");

    const list = (await t.as(w.users.gas_company, { method: "GET", url: `/api/v1/gas/fills?stationId=${w.a1.id}&q=${c.code}` })).json() as { items: FillDto[] };
    expect(list.items).toHaveLength(1);
    expect(list.items[0]).toMatchObject({ cylinderCode: c.code, fillerName: filler.person.name, netWeightKg: 14 });
    expect((await t.as(w.users.gasB, { method: "GET", url: `/api/v1/gas/fills?q=${c.code}` })).json()).toMatchObject({ total: 0 });
    const xlsx = await t.as(w.users.leader, { method: "GET", url: `/api/v1/gas/fills/export?from=${daysFrom(-1)}` });
    expect(xlsx.statusCode).toBe(200);
    expect(xlsx.headers["content-type"]).toMatch(/spreadsheetml/);
  });
});

describe("GET /public/cylinders/:code", () => {
  it("answers without login: owner, type, dates, last fill and a safe verdict, never the customer", async () => {
    const c = await insertCylinder(t.db, w.a1, { status: "in_use", customerId: "00000000-0000-4000-8000-000000000001" });
    await t.db.insert(gasFills).values({ cylinderId: c.id, stationId: w.a1.id, enterpriseId: w.companyA.id, filledAt: new Date(), netWeightKg: 14, allowedFillKg: 14.5, preCheckOk: true, postCheckOk: true, source: "api" });
    const res = await t.as(null, { method: "GET", url: `/api/v1/public/cylinders/${c.code}` });
    expect(res.statusCode).toBe(200);
    const body = res.json() as PublicCylinderDto;
    expect(body).toMatchObject({ code: c.code, enterpriseName: w.companyA.name, stationName: w.a1.name, safe: true, reasons: [], lastFill: { stationName: w.a1.name } });
    expect(JSON.stringify(body)).not.toMatch(/customer|00000000-0000-4000-8000-000000000001/);
  });

  it("says not safe with the reasons for an overdue or lost cylinder", async () => {
    const c = await insertCylinder(t.db, w.a1, { nextInspectionOn: daysFrom(-3), lostAt: new Date() });
    const body = (await t.as(null, { method: "GET", url: `/api/v1/public/cylinders/${c.code}` })).json() as PublicCylinderDto;
    expect(body.safe).toBe(false);
    expect(body.reasons.map((r) => r.code)).toEqual(["inspection_overdue", "reported_lost"]);
  });

  it("answers 404 查无此瓶 for an unknown code", async () => {
    const res = await t.as(null, { method: "GET", url: "/api/v1/public/cylinders/NOPE-123" });
    expect(res.statusCode).toBe(404);
    expect(errorOf(res).message).toBe("查无此瓶 (no such cylinder)");
  });
});
