import { and, eq, like } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { EquipmentDto } from "@contracts/safety/equipment";
import { createTestApp, type TestApp, type TestUser } from "../../../../test/app";
import type { Page } from "../../platform/db/pagination.js";
import { SYSTEM_ACTOR } from "../../platform/auth/actor.js";
import { casesCases } from "../cases/schema.js";
import { sweepEquipment } from "./equipment.sweeps.js";
import { safetyWorld, type SafetyWorld } from "./safety.test-fixtures.js";
import { safetyEquipment } from "./schema.js";

let t: TestApp;
let w: SafetyWorld;

beforeAll(async () => {
  t = await createTestApp();
  w = await safetyWorld(t);
});
afterAll(() => t.close());

const api = (user: TestUser, method: "GET" | "POST" | "PUT" | "DELETE", url: string, payload?: unknown) => t.as(user, { method, url: `/api/v1${url}`, ...(payload === undefined ? {} : { payload: payload as object }) });
const issues = (body: string) => (JSON.parse(body).error.details?.issues ?? []) as { path: string; message: string }[];
let n = 0;
const crane = (over: Record<string, unknown> = {}) => ({
  kind: "tower_crane",
  recordNo: `浙G-T2025${String(++n).padStart(4, "0")}`,
  model: "QTZ80(TC5610)",
  manufacturer: "浙江建机",
  ratedCapacityT: 6,
  ownerEnterpriseId: w.GC,
  installedOn: "2025-03-01",
  inspectionValidTo: "2099-03-01",
  useRegistrationNo: `浙G-SY${n}`,
  operators: [{ personId: w.certified, role: "driver" }],
  ...over,
});
const casesOf = (equipmentId: string) => t.db.select().from(casesCases).where(and(eq(casesCases.source, "equipment"), like(casesCases.sourceRef, `${equipmentId}:%`)));

describe("lifting machinery", () => {
  it("registers a compliant crane linked to its monitor without findings", async () => {
    const res = await api(w.users.gc, "POST", `/projects/${w.P}/equipment`, crane({ deviceId: w.crane }));
    expect(res.statusCode, res.body).toBe(201);
    const e = res.json() as EquipmentDto;
    expect(e).toMatchObject({ inspectionState: "valid", problems: [], deviceId: w.crane });
    expect(e.operators).toEqual([expect.objectContaining({ personId: w.certified, certified: true })]);
    expect(await casesOf(e.id)).toEqual([]);
  });

  it("opens one case per failed gate on save, major for registration and inspection, general for the operator, and none again on re-save", async () => {
    const res = await api(w.users.gc, "POST", `/projects/${w.P}/equipment`, crane({ inspectionValidTo: "2020-01-01", useRegistrationNo: null, operators: [{ personId: w.expired, role: "driver" }] }));
    expect(res.statusCode, res.body).toBe(201);
    const e = res.json() as EquipmentDto;
    expect(e.problems.sort()).toEqual(["inspection_expired", "no_use_registration", "operator_uncertified"]);
    expect(e.operators[0]).toMatchObject({ certified: false, certExpiresOn: "2020-01-01" });
    const cases = await casesOf(e.id);
    expect(cases.map((c) => [c.sourceRef, c.grade, c.category, c.enterpriseId]).sort()).toEqual(
      [
        [`${e.id}:inspection_expired`, "major", "equipment", w.GC],
        [`${e.id}:no_use_registration`, "major", "equipment", w.GC],
        [`${e.id}:operator_uncertified:${w.expired}`, "general", "equipment", w.GC],
      ].sort(),
    );
    expect(cases.every((c) => c.issuerId === null)).toBe(true);
    const again = await api(w.users.gc, "PUT", `/equipment/${e.id}`, { model: "QTZ80" });
    expect(again.statusCode).toBe(200);
    expect(await casesOf(e.id)).toHaveLength(3);
  });

  it("refuses a monitor of another project, a duplicate record number and unknown operators", async () => {
    expect(issues((await api(w.users.gc, "POST", `/projects/${w.P}/equipment`, crane({ deviceId: w.craneQ }))).body)[0].path).toBe("deviceId");
    const first = crane();
    expect((await api(w.users.gc, "POST", `/projects/${w.P}/equipment`, first)).statusCode).toBe(201);
    const dup = await api(w.users.gc, "POST", `/projects/${w.P}/equipment`, { ...crane(), recordNo: first.recordNo });
    expect(dup.statusCode).toBe(409);
    expect(issues(dup.body)[0].path).toBe("recordNo");
    const ghost = await api(w.users.gc, "POST", `/projects/${w.P}/equipment`, crane({ operators: [{ personId: w.GC, role: "driver" }] }));
    expect(issues(ghost.body)[0].path).toBe("operators.0.personId");
  });

  it("keeps each contractor to its own projects; the bureau lists and filters the city", async () => {
    const mine = (await api(w.users.gc, "POST", `/projects/${w.P}/equipment`, crane({ kind: "hoist", ratedCapacityT: 2, operators: [] }))).json() as EquipmentDto;
    expect((await api(w.users.other, "GET", `/equipment/${mine.id}`)).statusCode).toBe(404);
    expect((await api(w.users.other, "PUT", `/equipment/${mine.id}`, { model: "x" })).statusCode).toBe(404);
    expect((await api(w.users.other, "POST", `/projects/${w.P}/equipment`, crane())).statusCode).toBe(404);
    expect((await api(w.users.inspector, "POST", `/projects/${w.P}/equipment`, crane())).statusCode).toBe(403);
    const otherList = (await api(w.users.other, "GET", "/equipment?pageSize=200")).json() as Page<EquipmentDto>;
    expect(otherList.items).toEqual([]);
    const expired = (await api(w.users.inspector, "GET", "/equipment?inspection=expired&pageSize=200")).json() as Page<EquipmentDto>;
    expect(expired.items.length).toBeGreaterThan(0);
    expect(expired.items.every((i) => i.inspectionState === "expired")).toBe(true);
    const hoists = (await api(w.users.project, "GET", `/projects/${w.P}/equipment?kind=hoist`)).json() as Page<EquipmentDto>;
    expect(hoists.items.map((i) => i.id)).toEqual([mine.id]);
    const xlsx = await api(w.users.leader, "GET", "/equipment/export");
    expect(xlsx.statusCode).toBe(200);
    expect(xlsx.rawPayload.subarray(0, 2).toString()).toBe("PK");
  });

  it("counts only a certificate of the specialty the post needs: a tower-crane driver's does not drive a hoist", async () => {
    const res = await api(w.users.gc, "POST", `/projects/${w.P}/equipment`, crane({ kind: "hoist", ratedCapacityT: 2, operators: [{ personId: w.certified, role: "driver" }] }));
    expect(res.statusCode, res.body).toBe(201);
    const e = res.json() as EquipmentDto;
    expect(e.operators[0]).toMatchObject({ certified: false, requiredSpecialty: "施工升降机司机", certNo: null });
    expect(e.problems).toContain("operator_uncertified");
  });

  it("the daily sweep opens the case of an inspection that ran out, once", async () => {
    const e = (await api(w.users.gc, "POST", `/projects/${w.P}/equipment`, crane())).json() as EquipmentDto;
    await t.db.update(safetyEquipment).set({ inspectionValidTo: "2021-06-30" }).where(eq(safetyEquipment.id, e.id));
    const ctx = t.context(SYSTEM_ACTOR);
    const first = await sweepEquipment(ctx);
    expect(first.opened).toBeGreaterThanOrEqual(1);
    expect((await casesOf(e.id)).map((c) => c.sourceRef)).toEqual([`${e.id}:inspection_expired`]);
    expect((await sweepEquipment(ctx)).opened).toBe(0);
  });

  it("deletes a record entered in error", async () => {
    const e = (await api(w.users.gc, "POST", `/projects/${w.P}/equipment`, crane())).json() as EquipmentDto;
    expect((await api(w.users.other, "DELETE", `/equipment/${e.id}`)).statusCode).toBe(404);
    expect((await api(w.users.gc, "DELETE", `/equipment/${e.id}`)).statusCode).toBe(204);
    expect((await api(w.users.gc, "GET", `/equipment/${e.id}`)).statusCode).toBe(404);
  });
});
