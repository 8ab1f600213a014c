import { and, eq } from "drizzle-orm";
import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { HazardDto, PatrolDetailDto, PatrolPlanDto } from "@contracts/gas/patrol";
import type { PipelineDto, PipelineFeatureCollection } from "@contracts/gas/pipeline";
import type { SiteLinkDto } from "@contracts/gas/site-link";
import { createTestApp, type TestApp, type TestUser } from "../../../../../test/app";
import { auditLog } from "../../../platform/audit/schema.js";
import type { Page } from "../../../platform/db/pagination.js";
import { platformRules } from "../../../platform/rules/schema.js";
import { casesCases } from "../../cases/schema.js";
import { registryProjects } from "../../registry/schema.js";
import { SYSTEM_ACTOR } from "../../../platform/auth/actor.js";
import { openMissingHazardCases } from "./hazard.service.js";
import { gasPatrolHazards, gasSiteLinks } from "./schema.js";
import { pipelineWorld, type PipelineWorld } from "./pipeline.test-fixtures.js";
import { relinkAll } from "./site-link.service.js";
import { nearGasMain } from "./site-link.reads.js";

let t: TestApp;
let w: PipelineWorld;

beforeAll(async () => {
  t = await createTestApp();
  w = await pipelineWorld(t);
});
afterAll(() => t.close());

const api = (user: TestUser, method: "GET" | "POST" | "PUT" | "PATCH" | "DELETE", url: string, payload?: unknown) =>
  t.as(user, { method, url: `/api/v1${url}`, ...(payload === undefined ? {} : { payload: payload as object }) });
const issues = (body: string) => (JSON.parse(body).error.details?.issues ?? []) as { path: string; message: string }[];
let codeSeq = 0;
const nextCode = () => `GX-${++codeSeq}`;

async function file(user: TestUser, body: Record<string, unknown>): Promise<PipelineDto> {
  const res = await api(user, "POST", "/gas/pipelines", { code: nextCode(), name: "测试管线", pressureClass: "medium", material: "pe", geometry: w.line(0, 1000), ...body });
  expect(res.statusCode, res.body).toBe(201);
  return res.json();
}

describe("pipelines", () => {
  it("files a line with length and bbox computed server-side, audited", async () => {
    const p = await file(w.users.gas, { diameterMm: 160, laidOn: "2010-06-01" });
    expect(p.enterpriseId).toBe(w.GAS);
    expect(p.lengthM).toBeCloseTo(1000, -1);
    expect(p.bbox[0]).toBeCloseTo(w.pt(0, 0)[0], 6);
    expect(p.bbox[2]).toBeCloseTo(w.pt(1000, 0)[0], 6);
    expect(p.ageYears).toBeGreaterThanOrEqual(15);
    const audit = await t.db.select().from(auditLog).where(eq(auditLog.entityId, p.id));
    expect(audit.map((a) => a.action)).toEqual(["gas.pipeline.created"]);
  });

  it("refuses bad geometry, a foreign owner, a non-gas owner and a duplicate code, naming the field", async () => {
    const onePoint = await api(w.users.gas, "POST", "/gas/pipelines", { code: nextCode(), name: "x", pressureClass: "low", material: "pe", geometry: { type: "LineString", coordinates: [w.pt(0, 0)] } });
    expect(onePoint.statusCode).toBe(400);
    expect(issues(onePoint.body)[0].path).toContain("geometry");
    const badLat = await api(w.users.gas, "POST", "/gas/pipelines", { code: nextCode(), name: "x", pressureClass: "low", material: "pe", geometry: { type: "LineString", coordinates: [[120, 95], [120.1, 28]] } });
    expect(badLat.statusCode).toBe(400);
    const admin = await api(w.users.admin, "POST", "/gas/pipelines", { code: nextCode(), name: "x", pressureClass: "low", material: "pe", geometry: w.line(0, 10) });
    expect(issues(admin.body)[0].path).toBe("enterpriseId");
    const notGas = await api(w.users.admin, "POST", "/gas/pipelines", { code: nextCode(), name: "x", pressureClass: "low", material: "pe", geometry: w.line(0, 10), enterpriseId: w.GC });
    expect(issues(notGas.body)[0].path).toBe("enterpriseId");
    // A gas company always files for itself, whatever it names.
    const own = await file(w.users.gas2, { pressureClass: "low", enterpriseId: w.GAS });
    expect(own.enterpriseId).toBe(w.GAS2);
    const dup = await api(w.users.gas, "POST", "/gas/pipelines", { code: own.code, name: "x", pressureClass: "low", material: "pe", geometry: w.line(0, 10) });
    expect(dup.statusCode).toBe(409);
  });

  it("lists within scope with filters, search and sort; exports xlsx; serves GeoJSON", async () => {
    const mine = await file(w.users.gas, { pressureClass: "high", name: "高压主干线A", geometry: w.line(2000, 2100) });
    const theirs = await file(w.users.gas2, { pressureClass: "high", name: "高压主干线B", geometry: w.line(2000, 2100) });
    const ownList = (await api(w.users.gas, "GET", "/gas/pipelines?pressureClass=high&pageSize=200")).json() as Page<PipelineDto>;
    expect(ownList.items.map((i) => i.id)).toContain(mine.id);
    expect(ownList.items.map((i) => i.id)).not.toContain(theirs.id);
    expect(ownList.items.every((i) => i.pressureClass === "high")).toBe(true);
    const city = (await api(w.users.inspector, "GET", "/gas/pipelines?q=高压主干线&sort=-name")).json() as Page<PipelineDto>;
    expect(city.items.map((i) => i.name)).toEqual(["高压主干线B", "高压主干线A"]);
    expect((await api(w.users.gas, "GET", `/gas/pipelines/${theirs.id}`)).statusCode).toBe(404);
    const xlsx = await api(w.users.gas, "GET", "/gas/pipelines/export?pressureClass=high");
    expect(xlsx.headers["content-type"]).toContain("spreadsheetml");
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
    const codes = wb.worksheets[0].getColumn(1).values.slice(2);
    expect(codes).toContain(mine.code);
    expect(codes).not.toContain(theirs.code);
    const box = [w.pt(1900, -10), w.pt(2200, 10)].flat();
    const geo = (await api(w.users.gas, "GET", `/gas/pipelines/geojson?bbox=${box[0]},${box[1]},${box[2]},${box[3]}`)).json() as PipelineFeatureCollection;
    expect(geo.features.map((f) => f.id)).toEqual([mine.id]);
    expect(geo.features[0].properties).toMatchObject({ pressureClass: "high", coveragePct: null });
  });

  it("imports a FeatureCollection all or nothing, listing every bad feature", async () => {
    const good = (code: string) => ({ type: "Feature", geometry: w.line(3000, 3100), properties: { code, name: "导入管线", pressureClass: "low", material: "steel" } });
    const bad = await api(w.users.gas, "POST", "/gas/pipelines/import", {
      type: "FeatureCollection",
      features: [
        good("IMP-1"),
        { type: "Feature", geometry: { type: "LineString", coordinates: [[200, 28]] }, properties: { code: "IMP-2", name: "坏", pressureClass: "low", material: "pe" } },
        { type: "Feature", geometry: w.line(0, 10), properties: { code: "IMP-3", name: "坏", pressureClass: "ultra", material: "pe" } },
        good("IMP-1"),
      ],
    });
    expect(bad.statusCode).toBe(400);
    const paths = issues(bad.body).map((i) => i.path);
    expect(paths.some((p) => p.startsWith("features.1.geometry"))).toBe(true);
    expect(paths).toContain("features.2.properties.pressureClass");
    expect(paths).toContain("features.3.properties.code");
    expect(paths.some((p) => p.startsWith("features.0"))).toBe(false);
    expect(((await api(w.users.gas, "GET", "/gas/pipelines?q=IMP-1")).json() as Page<PipelineDto>).total).toBe(0);
    const ok = await api(w.users.gas, "POST", "/gas/pipelines/import", { type: "FeatureCollection", features: [good("IMP-1"), good("IMP-4")] });
    expect(ok.json()).toMatchObject({ created: 2, updated: 0 });
    const again = await api(w.users.gas, "POST", "/gas/pipelines/import", { type: "FeatureCollection", features: [good("IMP-1")] });
    expect(again.json()).toMatchObject({ created: 0, updated: 1 });
    const stolen = await api(w.users.gas2, "POST", "/gas/pipelines/import", { type: "FeatureCollection", features: [good("IMP-4")] });
    expect(issues(stolen.body).map((i) => i.path)).toEqual(["features.0.properties.code"]);
  });
});

describe("site ↔ pipeline linkage", () => {
  it("links a site within 50 m of a medium+ main, not one 80 m off, nor a low-pressure line; both sides see it", async () => {
    const main = await file(w.users.gas, { pressureClass: "medium", geometry: w.line(0, 1000) });
    const low = await file(w.users.gas, { pressureClass: "low", geometry: w.line(0, 1000) });
    expect(main.siteLinks).toBe(1);
    expect(low.siteLinks).toBe(0);
    const near = await nearGasMain(t.db, w.NEAR);
    expect(near.find((n) => n.pipelineId === main.id)).toMatchObject({ code: main.code, enterpriseId: w.GAS });
    expect(near.find((n) => n.pipelineId === main.id)!.distanceM).toBeCloseTo(20, 0);
    expect(await nearGasMain(t.db, w.FAR)).toEqual([]);
    const projectSide = (await api(w.users.project, "GET", `/gas/site-links?projectId=${w.NEAR}`)).json() as Page<SiteLinkDto>;
    expect(projectSide.items.map((i) => i.pipelineId)).toContain(main.id);
    expect(projectSide.items[0]).toMatchObject({ projectId: w.NEAR, pressureClass: "medium", excavations: 0 });
    expect((await api(w.users.other, "GET", `/gas/site-links?projectId=${w.NEAR}`)).statusCode).toBe(404);
    const ownerSide = (await api(w.users.gas, "GET", `/gas/site-links?pipelineId=${main.id}`)).json() as Page<SiteLinkDto>;
    expect(ownerSide.total).toBe(1);
    expect(((await api(w.users.gas2, "GET", `/gas/site-links?pipelineId=${main.id}`)).json() as Page<SiteLinkDto>).total).toBe(0);
  });

  it("relinks when a line moves or goes, and the full recompute follows a moved site and the distance rule", async () => {
    const main = await file(w.users.gas, { pressureClass: "sub_high", geometry: w.line(400, 600) });
    expect(main.siteLinks).toBe(1);
    const moved = await api(w.users.gas, "PATCH", `/gas/pipelines/${main.id}`, { geometry: w.line(4000, 4100) });
    expect(moved.json().siteLinks).toBe(0);
    await api(w.users.gas, "PATCH", `/gas/pipelines/${main.id}`, { geometry: w.line(400, 600) });
    expect((await api(w.users.gas, "DELETE", `/gas/pipelines/${main.id}`)).statusCode).toBe(204);
    expect(await t.db.select().from(gasSiteLinks).where(eq(gasSiteLinks.pipelineId, main.id))).toEqual([]);

    const far = await file(w.users.gas, { pressureClass: "high", geometry: w.line(5000, 5200) });
    expect(far.siteLinks).toBe(0);
    // The registry publishes no location change: the site moves, and the sweep (here: the endpoint) catches it.
    const [lng, lat] = w.pt(5100, -30);
    await t.db.update(registryProjects).set({ lng, lat }).where(eq(registryProjects.id, w.FAR));
    expect((await api(w.users.gas, "POST", "/gas/site-links/recompute")).statusCode).toBe(403);
    const recomputed = await api(w.users.admin, "POST", "/gas/site-links/recompute");
    expect(recomputed.statusCode, recomputed.body).toBe(200);
    expect(recomputed.json().distanceM).toBe(50);
    expect((await nearGasMain(t.db, w.FAR)).map((n) => n.pipelineId)).toEqual([far.id]);
    // A city files a tighter distance: 25 m unlinks the 30 m site.
    await t.db.insert(platformRules).values({ code: "gas.site_pipeline_distance", region: "330784", version: 2, name: "永康", value: { distanceM: 25, minPressureClass: "medium" }, source: "test", effectiveFrom: new Date("2020-01-01T00:00:00+08:00"), createdBy: "test" });
    try {
      expect((await relinkAll(t.context(SYSTEM_ACTOR))).distanceM).toBe(25);
      expect(await nearGasMain(t.db, w.FAR)).toEqual([]);
    } finally {
      await t.db.delete(platformRules).where(and(eq(platformRules.code, "gas.site_pipeline_distance"), eq(platformRules.region, "330784")));
      await relinkAll(t.context(SYSTEM_ACTOR));
    }
  });
});

describe("patrols", () => {
  it("computes coverage of the planned lines and keeps the plan's latest coverage and overdue state", async () => {
    const a = await file(w.users.gas2, { pressureClass: "medium", geometry: w.line(10_000, 11_000) });
    const b = await file(w.users.gas2, { pressureClass: "medium", geometry: w.line(20_000, 21_000) });
    const planRes = await api(w.users.gas2, "POST", "/gas/patrol-plans", { name: "中压巡线", pressureClasses: ["medium"], intervalDays: 1 });
    expect(planRes.statusCode, planRes.body).toBe(201);
    const plan = planRes.json() as PatrolPlanDto;
    expect(plan).toMatchObject({ overdue: true, lastPatrolAt: null });
    expect(plan.pipelineIds).toEqual([]);
    const start = Date.now() - 3600_000;
    // Walks the first half of line a, 10 m beside it; line b is not walked.
    const track = Array.from({ length: 51 }, (_, i) => [...w.pt(10_000 + i * 10, 10), start + i * 10_000]);
    const res = await api(w.users.gas2, "POST", "/gas/patrols", { planId: plan.id, patrollerName: "巡线员甲", track });
    expect(res.statusCode, res.body).toBe(201);
    const patrol = res.json() as PatrolDetailDto;
    const onA = patrol.coverage.find((c) => c.pipelineId === a.id)!;
    expect(onA.coveredM).toBeGreaterThan(500);
    expect(onA.coveredM).toBeLessThan(560);
    expect(patrol.coverage.find((c) => c.pipelineId === b.id)!.coveredM).toBe(0);
    expect(patrol.coveragePct).toBeCloseTo((100 * patrol.coveredLengthM) / patrol.plannedLengthM, 0);
    expect(patrol.coverageRule.radiusM).toBe(30);
    const after = (await api(w.users.gas2, "GET", `/gas/patrol-plans/${plan.id}`)).json() as PatrolPlanDto;
    expect(after).toMatchObject({ overdue: false, lastCoveragePct: patrol.coveragePct });
    const geo = (await api(w.users.gas2, "GET", "/gas/pipelines/geojson")).json() as PipelineFeatureCollection;
    expect(geo.features.find((f) => f.id === a.id)!.properties.coveragePct).toBeGreaterThan(50);
    // Another company's plan is out of reach, and so are lines of another company in a plan.
    expect((await api(w.users.gas, "POST", "/gas/patrols", { planId: plan.id, patrollerName: "x", track })).statusCode).toBe(404);
    const foreign = await api(w.users.gas, "POST", "/gas/patrol-plans", { name: "x", pipelineIds: [a.id], intervalDays: 7 });
    expect(issues(foreign.body).map((i) => i.path)).toEqual(["pipelineIds.0"]);
    const unordered = await api(w.users.gas2, "POST", "/gas/patrols", { planId: plan.id, patrollerName: "x", track: [track[1], track[0]] });
    expect(unordered.statusCode).toBe(400);
  });

  it("lists overdue plans: an old patrol does not count", async () => {
    const planRes = await api(w.users.gas, "POST", "/gas/patrol-plans", { name: "高压周巡", pressureClasses: ["high"], intervalDays: 7 });
    const plan = planRes.json() as PatrolPlanDto;
    const old = Date.now() - 10 * 86_400_000;
    await api(w.users.gas, "POST", "/gas/patrols", { planId: plan.id, patrollerName: "巡线员乙", track: [[...w.pt(0, 0), old], [...w.pt(50, 0), old + 60_000]] });
    const overdue = (await api(w.users.gas, "GET", "/gas/patrol-plans?overdue=true&pageSize=200")).json() as Page<PatrolPlanDto>;
    expect(overdue.items.map((p) => p.id)).toContain(plan.id);
  });
});

describe("hazards", () => {
  it("opens a case per hazard through the one loop, graded by kind and pressure", async () => {
    const main = await file(w.users.gas, { pressureClass: "medium", geometry: w.line(30_000, 31_000) });
    const [lng, lat] = w.pt(30_500, 15);
    const dig = await api(w.users.gas, "POST", "/gas/hazards", { kind: "third_party_digging", lng, lat, description: "挖掘机在管位上方作业", foundAt: new Date().toISOString() });
    expect(dig.statusCode, dig.body).toBe(201);
    const hazard = dig.json() as HazardDto;
    // No line was named: the nearest one of the company within 200 m is taken.
    expect(hazard).toMatchObject({ pipelineId: main.id, enterpriseId: w.GAS, caseGrade: "major", caseState: "pending" });
    const [c] = await t.db.select().from(casesCases).where(eq(casesCases.id, hazard.caseId!));
    expect(c).toMatchObject({ projectId: null, enterpriseId: w.GAS, source: "gas", category: "gas", grade: "major", sourceRef: `gas_hazard:${hazard.id}` });
    const low = await file(w.users.gas, { pressureClass: "low", geometry: w.line(40_000, 41_000) });
    const exposed = (await api(w.users.gas, "POST", "/gas/hazards", { pipelineId: low.id, kind: "exposed_pipe", lng, lat, foundAt: new Date().toISOString() })).json() as HazardDto;
    expect(exposed.caseGrade).toBe("general");
    const smell = (await api(w.users.gas, "POST", "/gas/hazards", { pipelineId: low.id, kind: "leak_smell", lng, lat, foundAt: new Date().toISOString() })).json() as HazardDto;
    expect(smell.caseGrade).toBe("major");
    const list = (await api(w.users.gas, "GET", "/gas/hazards?kind=leak_smell,exposed_pipe&pageSize=200")).json() as Page<HazardDto>;
    expect(list.items.map((h) => h.id).sort()).toEqual([exposed.id, smell.id].sort());
    expect(((await api(w.users.gas2, "GET", "/gas/hazards?pageSize=200")).json() as Page<HazardDto>).items.map((h) => h.id)).not.toContain(hazard.id);
    // The line has hazards on record: it cannot be deleted.
    expect((await api(w.users.gas, "DELETE", `/gas/pipelines/${low.id}`)).statusCode).toBe(409);
    const foreignLine = await api(w.users.gas2, "POST", "/gas/hazards", { pipelineId: low.id, kind: "other", lng, lat, foundAt: new Date().toISOString() });
    expect(foreignLine.statusCode).toBe(404);
  });

  it("opens the missing cases of hazards written in bulk (the demo seed), once", async () => {
    const main = await file(w.users.gas, { pressureClass: "high", geometry: w.line(50_000, 51_000) });
    const [h] = await t.db
      .insert(gasPatrolHazards)
      .values({ enterpriseId: w.GAS, pipelineId: main.id, kind: "third_party_digging", lng: w.pt(50_500, 5)[0], lat: w.pt(50_500, 5)[1], description: "批量写入", foundAt: new Date() })
      .returning();
    const ctx = t.context(SYSTEM_ACTOR);
    expect(await openMissingHazardCases(ctx)).toBeGreaterThanOrEqual(1);
    const [after] = await t.db.select().from(gasPatrolHazards).where(eq(gasPatrolHazards.id, h.id));
    const [c] = await t.db.select().from(casesCases).where(eq(casesCases.id, after.caseId!));
    expect(c).toMatchObject({ projectId: null, enterpriseId: w.GAS, grade: "major", source: "gas" });
    expect(await openMissingHazardCases(ctx)).toBe(0);
  });
});
