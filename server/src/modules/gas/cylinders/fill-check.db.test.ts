import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { FillCheckDto } from "@contracts/gas/cylinder-check";
import { createTestApp, type TestApp, type TestUser } from "../../../../../test/app";
import { gasFillChecks } from "./schema.js";
import { daysFrom, errorOf, gasWorld, insertCylinder, type GasWorld } from "./cylinder.test-fixtures.js";

let t: TestApp;
let w: GasWorld;

beforeAll(async () => {
  t = await createTestApp();
  w = await gasWorld(t);
});
afterAll(() => t.close());

const check = (stationCode: string, cylinderCode: string, user: TestUser = w.users.gas_company) =>
  t.as(user, { method: "POST", url: "/api/v1/gas/fill-checks", payload: { stationCode, cylinderCode } });
const codesOf = async (stationCode: string, cylinderCode: string) => {
  const res = await check(stationCode, cylinderCode);
  expect(res.statusCode).toBe(200);
  return (res.json() as FillCheckDto).reasons.map((r) => r.code);
};

describe("POST /gas/fill-checks", () => {
  it("allows the station's own cylinder in date, with no reasons", async () => {
    const c = await insertCylinder(t.db, w.a1);
    const res = await check(w.a1.code, c.code);
    expect(res.json()).toEqual({ allowed: true, reasons: [] });
  });

  it("refuses each reason through the real look-up", async () => {
    const cases: [Parameters<typeof insertCylinder>[2], string[]][] = [
      [{ status: "filed" }, ["not_filed"]],
      [{ nextInspectionOn: daysFrom(0) }, ["inspection_overdue"]],
      [{ status: "inspection_due" }, ["inspection_overdue"]],
      [{ scrapOn: daysFrom(0), nextInspectionOn: daysFrom(-1) }, ["inspection_overdue", "scrap_date_passed"]],
      [{ status: "scrapped", voidedAt: new Date() }, ["scrapped"]],
      [{ status: "failed" }, ["scrapped"]],
      [{ lostAt: new Date() }, ["reported_lost"]],
      [{ type: "dual_phase" }, ["dual_phase"]],
      [{ status: "in_use" }, ["not_fillable"]],
    ];
    for (const [over, expected] of cases) {
      const c = await insertCylinder(t.db, w.a1, over);
      expect(await codesOf(w.a1.code, c.code), JSON.stringify(over)).toEqual(expected);
    }
  });

  it("refuses another station's cylinder, even of the same company", async () => {
    const c = await insertCylinder(t.db, w.a2);
    expect(await codesOf(w.a1.code, c.code)).toEqual(["not_own"]);
  });

  it("refuses another company's cylinder as not own and tells nothing else of it, bureau callers included", async () => {
    const c = await insertCylinder(t.db, w.b1, { type: "dual_phase", lostAt: new Date(), nextInspectionOn: daysFrom(-5), status: "in_use" });
    const res = await check(w.a1.code, c.code);
    expect(res.json()).toEqual({ allowed: false, reasons: [{ code: "not_own", message: expect.any(String) }] });
    expect(await codesOf(w.a1.code, c.code)).toEqual(["not_own"]);
    expect(((await check(w.a1.code, c.code, w.users.admin)).json() as FillCheckDto).reasons.map((r) => r.code)).toEqual(["not_own"]);
  });

  it("refuses an unknown cylinder code as not filed, with a zh (en) message", async () => {
    const res = await check(w.a1.code, "NO-SUCH-CYL");
    expect(res.json()).toEqual({ allowed: false, reasons: [{ code: "not_filed", message: expect.stringMatching(/未建档.* \(Cylinder not filed/) }] });
  });

  it("gives every reason at once", async () => {
    const c = await insertCylinder(t.db, w.a2, { type: "dual_phase", lostAt: new Date(), nextInspectionOn: daysFrom(-5) });
    expect(await codesOf(w.a1.code, c.code)).toEqual(["not_own", "inspection_overdue", "reported_lost", "dual_phase"]);
  });

  it("answers 404 naming the station code when it is unknown, or another company's for a gas company", async () => {
    const c = await insertCylinder(t.db, w.b1);
    const unknown = await check("NO-SUCH-STATION", c.code);
    expect(unknown.statusCode).toBe(404);
    expect(errorOf(unknown)).toMatchObject({ code: "NOT_FOUND", message: expect.stringContaining("NO-SUCH-STATION") });
    const foreign = await check(w.b1.code, c.code);
    expect(foreign.statusCode).toBe(404);
    expect(errorOf(foreign).message).toContain(w.b1.code);
    // The bureau's admin may ask for any station.
    expect((await check(w.b1.code, c.code, w.users.admin)).json()).toEqual({ allowed: true, reasons: [] });
  });

  it("refuses callers without gas.manage, and bad bodies with the field named", async () => {
    expect((await check(w.a1.code, "X", w.users.leader)).statusCode).toBe(403);
    expect((await check(w.a1.code, "X", w.users.inspector)).statusCode).toBe(403);
    const bad = await t.as(w.users.gas_company, { method: "POST", url: "/api/v1/gas/fill-checks", payload: { stationCode: "" } });
    expect(bad.statusCode).toBe(400);
  });

  it("keeps every check on record, written in batches behind the answer", async () => {
    const c = await insertCylinder(t.db, w.a1, { lostAt: new Date() });
    for (let i = 0; i < 3; i++) await check(w.a1.code, c.code);
    // The buffer is flushed at least every 200 ms.
    let rows: (typeof gasFillChecks.$inferSelect)[] = [];
    for (let i = 0; i < 40 && rows.length < 3; i++) {
      await new Promise((r) => setTimeout(r, 100));
      rows = await t.db.select().from(gasFillChecks).where(eq(gasFillChecks.cylinderCode, c.code));
    }
    expect(rows).toHaveLength(3);
    expect(rows[0]).toMatchObject({ stationId: w.a1.id, stationCode: w.a1.code, cylinderId: c.id, allowed: false, reasons: ["reported_lost"] });
  });
});
