import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { InspectorConflictDto, RandomPlanDetailDto, RandomPlanDto, TemplateDto } from "@contracts/cases/inspections";
import { createTestApp, type TestApp, type TestUser } from "../../../../test/app";
import { insertSite, prepareSupervision } from "./inspection.test-fixtures.js";
import { casesCases, casesNotifications } from "./schema.js";
import { MAJOR_HAZARD_TEMPLATE_CODE } from "./template.defaults.js";

let t: TestApp;
let admin: TestUser;
let inspectors: TestUser[];
let contractor: TestUser;
let sites: Awaited<ReturnType<typeof insertSite>>[];
let templateId: string;

beforeAll(async () => {
  t = await createTestApp();
  await prepareSupervision(t.db);
  admin = await t.user("admin");
  inspectors = [];
  for (let i = 0; i < 4; i++) inspectors.push(await t.user("inspector", { domain: "safety" }));
  // A quality inspector is no part of a safety draw.
  await t.user("inspector", { domain: "quality" });
  sites = [];
  for (let i = 0; i < 6; i++) sites.push(await insertSite(t.db, { roles: ["builder", "general_contractor", "supervisor"] }));
  // Not live: never in the pool.
  await insertSite(t.db, { status: "completed" });
  await insertSite(t.db, { status: "approved" });
  contractor = await t.user("enterprise", { enterpriseId: sites[0].parties.general_contractor });
  const list = (await t.as(admin, { method: "GET", url: "/api/v1/inspection-templates" })).json() as { items: TemplateDto[] };
  templateId = list.items.find((x) => x.code === MAJOR_HAZARD_TEMPLATE_CODE)!.id;
});
afterAll(() => t.close());

const draw = (user: TestUser, payload: Record<string, unknown>) => t.as(user, { method: "POST", url: "/api/v1/random-plans", payload });
const declare = (user: TestUser, payload: Record<string, unknown>) => t.as(user, { method: "POST", url: "/api/v1/inspector-conflicts", payload });

describe("inspector conflicts (回避)", () => {
  it("lets an inspector declare and see their own, and an admin anyone's", async () => {
    const [a, b] = inspectors;
    const mine = await declare(a, { enterpriseId: sites[0].parties.general_contractor, reason: "原工作单位" });
    expect(mine.statusCode).toBe(201);
    expect(mine.json()).toMatchObject({ userId: a.id, enterpriseId: sites[0].parties.general_contractor, reason: "原工作单位" });
    expect((await declare(a, { enterpriseId: sites[0].parties.general_contractor, reason: "再报" })).statusCode).toBe(409);
    expect((await declare(a, { userId: b.id, enterpriseId: sites[1].parties.builder, reason: "代报" })).statusCode).toBe(403);
    const forB = await declare(admin, { userId: b.id, enterpriseId: sites[0].parties.supervisor, reason: "亲属任职" });
    expect(forB.statusCode).toBe(201);
    expect((await declare(admin, { userId: contractor.id, enterpriseId: sites[0].parties.supervisor, reason: "x" })).statusCode).toBe(400);
    expect((await declare(contractor, { enterpriseId: sites[0].parties.supervisor, reason: "x" })).statusCode).toBe(403);

    const listOf = async (u: TestUser) => ((await t.as(u, { method: "GET", url: "/api/v1/inspector-conflicts" })).json() as { items: InspectorConflictDto[] }).items.map((c) => c.userId);
    expect(await listOf(a)).toEqual([a.id]);
    expect((await listOf(admin)).sort()).toEqual([a.id, b.id].sort());
    // Another inspector's declaration is not theirs to withdraw.
    expect((await t.as(a, { method: "DELETE", url: `/api/v1/inspector-conflicts/${forB.json().id}` })).statusCode).toBe(404);
  });

  it("withdraws a declaration", async () => {
    const c = inspectors[3];
    const made = (await declare(c, { enterpriseId: sites[2].parties.builder, reason: "临时" })).json() as InspectorConflictDto;
    expect((await t.as(c, { method: "DELETE", url: `/api/v1/inspector-conflicts/${made.id}` })).statusCode).toBe(204);
    expect((await t.as(c, { method: "GET", url: "/api/v1/inspector-conflicts" })).json().items).toEqual([]);
  });
});

describe("双随机 draw", () => {
  it("draws ceil(ratio × live projects), two conflict-free inspectors each, the same targets again from the same seed", async () => {
    const res = await draw(inspectors[0], { name: "2026年第一批安全双随机", domain: "safety", ratioPct: 50, seed: "2026-Q1-public", inspectorsPerTarget: 2 });
    expect(res.statusCode, res.body).toBe(201);
    const plan = res.json() as RandomPlanDetailDto;
    expect(plan).toMatchObject({ poolSize: 6, targetCount: 3, state: "drawn", seed: "2026-Q1-public", summary: null });
    // The targets replay from the seed; the teams also depend on the previous plan, which is now the first.
    const again = (await draw(inspectors[0], { name: "复核", domain: "safety", ratioPct: 50, seed: "2026-Q1-public" })).json() as RandomPlanDetailDto;
    expect(again.targets.map((x) => x.projectId)).toEqual(plan.targets.map((x) => x.projectId));
    for (const [i, target] of again.targets.entries()) {
      // Site 0 has only inspectors 2 and 3 free of conflict: its repeat cannot be avoided.
      if (target.projectId !== sites[0].project.id) expect([...target.inspectorIds].sort()).not.toEqual([...plan.targets[i].inspectorIds].sort());
    }

    const all = (await draw(admin, { name: "全覆盖", domain: "safety", ratioPct: 100, seed: "all" })).json() as RandomPlanDetailDto;
    expect(new Set(all.targets.map((x) => x.projectId))).toEqual(new Set(sites.map((s) => s.project.id)));
    const safety = new Set(inspectors.map((i) => i.id));
    for (const target of all.targets) {
      expect(new Set(target.inspectorIds).size).toBe(2);
      for (const id of target.inspectorIds) expect(safety.has(id)).toBe(true);
      // inspectors[0] declared a conflict with site 0's contractor, inspectors[1] with its supervisor.
      if (target.projectId === sites[0].project.id) expect(target.inspectorIds.sort()).toEqual([inspectors[2].id, inspectors[3].id].sort());
    }
    const inbox = await t.db.select().from(casesNotifications).where(eq(casesNotifications.kind, "random_plan.assigned"));
    expect(inbox.length).toBeGreaterThan(0);
  });

  it("generates and keeps a seed when none is given", async () => {
    const plan = (await draw(admin, { name: "自动种子", domain: "safety", ratioPct: 10 })).json() as RandomPlanDetailDto;
    expect(plan.seed).toMatch(/^[0-9a-f]{16}$/);
    expect(plan.targetCount).toBe(1);
  });

  it("refuses a draw without enough conflict-free inspectors, saying so", async () => {
    const res = await draw(admin, { name: "人手不足", domain: "safety", ratioPct: 100, inspectorsPerTarget: 3, seed: "x" });
    expect(res.statusCode, res.body).toBe(422);
    const err = res.json().error as { code: string; details: { shortages: { projectId: string; available: number }[] } };
    expect(err.code).toBe("PRECONDITION_FAILED");
    expect(err.details.shortages).toEqual([{ projectId: sites[0].project.id, available: 2 }]);
    expect((await draw(admin, { name: "燃气", domain: "gas", ratioPct: 100 })).statusCode).toBe(422);
    expect((await draw(contractor, { name: "x", domain: "safety", ratioPct: 10 })).statusCode).toBe(403);
    expect((await draw(admin, { name: "x", domain: "safety", ratioPct: 10, inspectorsPerTarget: 1 })).statusCode).toBe(400);
  });

  it("keeps a drawn plan from the sites, records its inspections as 双随机, and publishes the results to everyone", async () => {
    const plan = (await draw(admin, { name: "待公开", domain: "safety", ratioPct: 100, seed: "publish" })).json() as RandomPlanDetailDto;
    const plans = async (u: TestUser) => ((await t.as(u, { method: "GET", url: "/api/v1/random-plans?pageSize=200" })).json() as { items: RandomPlanDto[] }).items.map((p) => p.id);
    expect(await plans(contractor)).not.toContain(plan.id);
    expect((await t.as(contractor, { method: "GET", url: `/api/v1/random-plans/${plan.id}` })).statusCode).toBe(404);
    expect(await plans(inspectors[2])).toContain(plan.id);

    const publish = () => t.as(admin, { method: "POST", url: `/api/v1/random-plans/${plan.id}/publish` });
    expect((await publish()).statusCode).toBe(422);

    const target = plan.targets[0];
    const inspection = (body: Record<string, unknown>) =>
      t.as(admin, {
        method: "POST",
        url: "/api/v1/inspections",
        payload: { projectId: target.projectId, domain: "safety", inspectedOn: "2026-04-01", templateId, inspectorIds: target.inspectorIds, ...body },
      });
    const results = [
      { itemCode: "mh.7.2", passed: false },
      { itemCode: "mh.8.4", passed: false },
      { itemCode: "mh.4.1", passed: true },
    ];
    expect((await inspection({ kind: "daily", planId: plan.id, results })).statusCode).toBe(400);
    const notDrawn = plan.targets.length < 6 ? sites.find((s) => !plan.targets.some((x) => x.projectId === s.project.id)) : undefined;
    if (notDrawn) expect((await t.as(admin, { method: "POST", url: "/api/v1/inspections", payload: { projectId: notDrawn.project.id, kind: "random", planId: plan.id, domain: "safety", inspectedOn: "2026-04-01", templateId, results } })).statusCode).toBe(400);
    const done = await inspection({ kind: "random", planId: plan.id, results });
    expect(done.statusCode).toBe(201);
    const cases = await t.db.select().from(casesCases).where(eq(casesCases.inspectionId, done.json().id));
    expect(cases.map((c) => [c.source, c.grade])).toEqual([
      ["random", "major"],
      ["random", "major"],
    ]);
    expect((await inspection({ kind: "random", planId: plan.id, results })).statusCode).toBe(409);

    const published = await publish();
    expect(published.statusCode).toBe(200);
    expect(published.json()).toMatchObject({ state: "published", summary: { targetCount: plan.targets.length, inspectedCount: 1, findings: { general: 0, major: 2 }, averageScore: 33 } });
    expect((await publish()).statusCode).toBe(409);
    const seen = (await t.as(contractor, { method: "GET", url: `/api/v1/random-plans/${plan.id}` })).json() as RandomPlanDetailDto;
    expect(seen.targets.find((x) => x.projectId === target.projectId)).toMatchObject({ inspectionId: done.json().id, findings: { general: 0, major: 2 } });
    expect(await plans(contractor)).toContain(plan.id);
    const after = plan.targets[1];
    const late = await t.as(admin, { method: "POST", url: "/api/v1/inspections", payload: { projectId: after.projectId, kind: "random", planId: plan.id, domain: "safety", inspectedOn: "2026-04-02", templateId, results } });
    expect(late.statusCode).toBe(409);
  });

  it("keeps no target's pair of last round when two plans of a domain are drawn in a row on the same pool", async () => {
    // Quality inspectors with no declared conflict: the first draw of the domain has no previous plan.
    for (let i = 0; i < 4; i++) await t.user("inspector", { domain: "quality" });
    const pairsOf = (plan: RandomPlanDetailDto) => new Set(plan.targets.map((x) => [...x.inspectorIds].sort().join(" ")));
    const first = (await draw(admin, { name: "质量第一轮", domain: "quality", ratioPct: 100, seed: "same-seed" })).json() as RandomPlanDetailDto;
    const second = (await draw(admin, { name: "质量第二轮", domain: "quality", ratioPct: 100, seed: "same-seed" })).json() as RandomPlanDetailDto;
    expect(second.targets).toHaveLength(6);
    expect(second.targets.map((x) => x.projectId)).toEqual(first.targets.map((x) => x.projectId));
    const lastRound = pairsOf(first);
    for (const pair of pairsOf(second)) expect(lastRound.has(pair)).toBe(false);
    // And the round after that avoids the second plan's pairs in turn.
    const third = (await draw(admin, { name: "质量第三轮", domain: "quality", ratioPct: 100, seed: "same-seed" })).json() as RandomPlanDetailDto;
    const secondRound = pairsOf(second);
    for (const pair of pairsOf(third)) expect(secondRound.has(pair)).toBe(false);
    // Each plan names the one it followed, so seed + pool + previous plan replay it.
    expect([first.previousPlanId, second.previousPlanId, third.previousPlanId]).toEqual([null, first.id, second.id]);
  });
});
