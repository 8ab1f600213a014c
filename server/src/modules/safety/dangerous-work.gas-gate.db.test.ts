import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DangerousWorkDto } from "@contracts/safety/dangerous-works";
import { createTestApp, multipart, type TestApp, type TestUser } from "../../../../test/app";
import { ensureRuleDefaults } from "../../platform/rules/rules.js";
import { pipelineRuleList } from "../gas/pipelines/pipeline.rules.js";
import { at } from "../gas/pipelines/pipeline.test-fixtures.js";
import { registryProjects } from "../registry/schema.js";
import { safetyWorld, TINY_PDF, type SafetyWorld } from "./safety.test-fixtures.js";

/** Issue 6: an excavation near a medium+ gas main does not start (实施) without the gas company's clearance. */

let t: TestApp;
let w: SafetyWorld;
let gasUser: TestUser;
let mainCode: string;

beforeAll(async () => {
  t = await createTestApp();
  w = await safetyWorld(t);
  await ensureRuleDefaults(t.db, pipelineRuleList);
  // Project P sits 25 m north of a medium-pressure main; Q has no location (never linked).
  const [lng, lat] = at(90_000, 25);
  await t.db.update(registryProjects).set({ lng, lat }).where(eq(registryProjects.id, w.P));
  gasUser = await t.user("gas_company", { enterpriseId: w.GAS });
  mainCode = `GATE-${Date.now() % 100_000}`;
  const res = await t.as(gasUser, {
    method: "POST",
    url: "/api/v1/gas/pipelines",
    payload: { code: mainCode, name: "中压干管", pressureClass: "medium", material: "steel", geometry: { type: "LineString", coordinates: [at(89_800, 0), at(90_200, 0)] } },
  });
  expect(res.statusCode, res.body).toBe(201);
});
afterAll(() => t.close());

const api = (user: TestUser, method: "GET" | "POST", url: string, payload?: unknown) => t.as(user, { method, url: `/api/v1${url}`, ...(payload === undefined ? {} : { payload: payload as object }) });
const today = new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10);

/** Registers a 危大 work on the project and walks it to 公示 (posted), the stage before 实施. */
async function posted(projectId: string, gc: TestUser, sup: TestUser, body: Record<string, unknown>): Promise<DangerousWorkDto> {
  const res = await api(gc, "POST", `/projects/${projectId}/dangerous-works`, { name: "测试工程", location: "1#", ...body });
  expect(res.statusCode, res.body).toBe(201);
  const work = res.json() as DangerousWorkDto;
  const scheme = await t.as(gc, { method: "POST", url: `/api/v1/dangerous-works/${work.id}/files?kind=scheme`, ...multipart("方案.pdf", TINY_PDF) });
  expect(scheme.statusCode, scheme.body).toBe(201);
  const posting = { disclosedOn: today, postedOn: today, responsiblePersons: "项目经理" };
  for (const [user, to, data] of [[gc, "scheme_drafting"], [gc, "enterprise_review"], [gc, "supervisor_review"], [sup, "disclosed"], [gc, "posted", posting]] as const) {
    const moved = await api(user, "POST", `/dangerous-works/${work.id}/transition`, { to, data });
    expect(moved.statusCode, `${to}: ${moved.body}`).toBe(200);
  }
  return work;
}
const start = (user: TestUser, id: string) => api(user, "POST", `/dangerous-works/${id}/transition`, { to: "in_progress" });

describe("the gas clearance gate", () => {
  it("refuses to start an excavation near a medium+ main without clearance, naming the main and distance", async () => {
    const pit = await posted(w.P, w.users.gc, w.users.sup, { category: "foundation_pit", params: { depth_m: 4 } });
    const refused = await start(w.users.gc, pit.id);
    expect(refused.statusCode).toBe(409);
    const error = refused.json().error;
    expect(error.code).toBe("CONFLICT");
    expect(error.message).toContain(mainCode);
    expect(error.message).toMatch(/25(\.\d)? m/);
    expect(error.message).toContain("gas company's clearance");
    expect(error.details.issues[0].path).toBe("gasClearance");
    expect((await api(w.users.gc, "GET", `/dangerous-works/${pit.id}`)).json().state).toBe("posted");

    const cleared = await api(w.users.gc, "POST", `/dangerous-works/${pit.id}/gas-clearance`, { enterpriseId: w.GAS, refNo: "RQ-GATE-1" });
    expect(cleared.statusCode, cleared.body).toBe(200);
    const started = await start(w.users.gc, pit.id);
    expect(started.statusCode, started.body).toBe(200);
    expect(started.json().state).toBe("in_progress");
  });

  it("lets non-excavation works and sites away from mains start", async () => {
    const scaffold = await posted(w.P, w.users.gc, w.users.sup, { category: "scaffold", params: { gondola: true } });
    expect((await start(w.users.gc, scaffold.id)).statusCode).toBe(200);
  });

  it("once the site has moved away from the main (full recompute), an excavation starts without clearance", async () => {
    const [lng, lat] = at(95_000, 500);
    await t.db.update(registryProjects).set({ lng, lat }).where(eq(registryProjects.id, w.P));
    expect((await api(w.users.admin, "POST", "/gas/site-links/recompute")).statusCode).toBe(200);
    const pit = await posted(w.P, w.users.gc, w.users.sup, { category: "foundation_pit", params: { depth_m: 3.5 } });
    expect((await start(w.users.gc, pit.id)).statusCode).toBe(200);
  });
});
