import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, type TestApp, type TestUser } from "../../../../../test/app";
import { pipelineWorld, type PipelineWorld } from "./pipeline.test-fixtures.js";

/**
 * Authorization of the pipeline area: every route × the 7 roles and anonymous, in scope (GAS's records, the
 * gas_company user of GAS) and out of scope (the gas_company user of another company, GAS2).
 * gas.read: admin, leader, inspector, gas_company; gas.manage: admin, gas_company; site links: anyone
 * logged in, filtered by scope; the full recompute: admin only.
 */

let t: TestApp;
let w: PipelineWorld;
let users: Record<Who, TestUser | null>;

type Who = "anonymous" | "admin" | "leader" | "inspector" | "enterprise" | "project" | "testing_agency" | "gas_company" | "gas_company_other";
const WHO: Who[] = ["anonymous", "admin", "leader", "inspector", "enterprise", "project", "testing_agency", "gas_company", "gas_company_other"];

interface Req {
  method: "GET" | "POST" | "PUT" | "PATCH" | "DELETE";
  url: string;
  payload?: object;
}

let codeSeq = 0;

beforeAll(async () => {
  t = await createTestApp();
  w = await pipelineWorld(t, 200);
  users = {
    anonymous: null,
    admin: w.users.admin,
    leader: w.users.leader,
    inspector: w.users.inspector,
    enterprise: w.users.gc,
    project: w.users.project,
    testing_agency: w.users.testing,
    gas_company: w.users.gas,
    gas_company_other: w.users.gas2,
  };
});
afterAll(() => t.close());

const call = (who: Who, r: Req) => t.as(users[who], { method: r.method, url: `/api/v1${r.url}`, ...(r.payload ? { payload: r.payload } : {}) });

/** A fresh line of GAS (so a DELETE or PATCH by one role never disturbs the next). */
async function gasLine(): Promise<string> {
  const res = await call("gas_company", { method: "POST", url: "/gas/pipelines", payload: lineBody() });
  expect(res.statusCode, res.body).toBe(201);
  return res.json().id;
}
const lineBody = (extra: object = {}) => ({ code: `AZ-${++codeSeq}`, name: "授权测试", pressureClass: "medium", material: "pe", geometry: w.line(0, 1000), ...extra });
async function gasPlan(): Promise<string> {
  const res = await call("gas_company", { method: "POST", url: "/gas/patrol-plans", payload: { name: "授权计划", pressureClasses: ["medium"], intervalDays: 7 } });
  expect(res.statusCode, res.body).toBe(201);
  return res.json().id;
}
const track = () => [[...w.pt(0, 5), Date.now() - 60_000], [...w.pt(100, 5), Date.now() - 30_000]];
async function gasPatrol(planId: string): Promise<string> {
  const res = await call("gas_company", { method: "POST", url: "/gas/patrols", payload: { planId, patrollerName: "巡线员", track: track() } });
  expect(res.statusCode, res.body).toBe(201);
  return res.json().id;
}
const hazardBody = (pipelineId: string) => ({ pipelineId, kind: "exposed_pipe", lng: w.pt(10, 5)[0], lat: w.pt(10, 5)[1], foundAt: new Date().toISOString() });

const READ = { anonymous: 401, admin: 200, leader: 200, inspector: 200, enterprise: 403, project: 403, testing_agency: 403, gas_company: 200 } as const;
const READ_ONE = { ...READ, gas_company_other: 404 } as const;
const LIST = { ...READ, gas_company_other: 200 } as const;
const WRITE = (ok: number, other: number) => ({ anonymous: 401, admin: ok, leader: 403, inspector: 403, enterprise: 403, project: 403, testing_agency: 403, gas_company: ok, gas_company_other: other });

interface Case {
  name: string;
  expected: Record<Who, number>;
  request: (who: Who) => Promise<Req>;
}

const fixed = (r: Req) => async () => r;

const CASES: Case[] = [
  { name: "GET /gas/pipelines", expected: LIST, request: fixed({ method: "GET", url: "/gas/pipelines" }) },
  { name: "GET /gas/pipelines/export", expected: LIST, request: fixed({ method: "GET", url: "/gas/pipelines/export" }) },
  { name: "GET /gas/pipelines/geojson", expected: LIST, request: fixed({ method: "GET", url: "/gas/pipelines/geojson" }) },
  {
    name: "POST /gas/pipelines",
    expected: WRITE(201, 201),
    request: async (who) => ({ method: "POST", url: "/gas/pipelines", payload: lineBody(who === "admin" ? { enterpriseId: w.GAS } : {}) }),
  },
  {
    name: "POST /gas/pipelines/import",
    expected: WRITE(200, 200),
    request: async (who) => ({
      method: "POST",
      url: "/gas/pipelines/import",
      payload: { type: "FeatureCollection", ...(who === "admin" ? { enterpriseId: w.GAS } : {}), features: [{ type: "Feature", geometry: w.line(0, 50), properties: { code: `AZI-${++codeSeq}`, name: "导入", pressureClass: "low", material: "pe" } }] },
    }),
  },
  { name: "GET /gas/pipelines/:id", expected: READ_ONE, request: async () => ({ method: "GET", url: `/gas/pipelines/${await gasLine()}` }) },
  { name: "PATCH /gas/pipelines/:id", expected: WRITE(200, 404), request: async () => ({ method: "PATCH", url: `/gas/pipelines/${await gasLine()}`, payload: { name: "改名" } }) },
  { name: "DELETE /gas/pipelines/:id", expected: WRITE(204, 404), request: async () => ({ method: "DELETE", url: `/gas/pipelines/${await gasLine()}` }) },

  { name: "GET /gas/patrol-plans", expected: LIST, request: fixed({ method: "GET", url: "/gas/patrol-plans" }) },
  {
    name: "POST /gas/patrol-plans",
    expected: WRITE(201, 201),
    request: async (who) => ({ method: "POST", url: "/gas/patrol-plans", payload: { name: "计划", pressureClasses: ["low"], intervalDays: 3, ...(who === "admin" ? { enterpriseId: w.GAS } : {}) } }),
  },
  { name: "GET /gas/patrol-plans/:id", expected: READ_ONE, request: async () => ({ method: "GET", url: `/gas/patrol-plans/${await gasPlan()}` }) },
  {
    name: "PUT /gas/patrol-plans/:id",
    expected: WRITE(200, 404),
    request: async () => ({ method: "PUT", url: `/gas/patrol-plans/${await gasPlan()}`, payload: { name: "改", pressureClasses: ["high"], intervalDays: 5 } }),
  },

  { name: "GET /gas/patrols", expected: LIST, request: fixed({ method: "GET", url: "/gas/patrols" }) },
  { name: "POST /gas/patrols", expected: WRITE(201, 404), request: async () => ({ method: "POST", url: "/gas/patrols", payload: { planId: await gasPlan(), patrollerName: "巡线员", track: track() } }) },
  { name: "GET /gas/patrols/:id", expected: READ_ONE, request: async () => ({ method: "GET", url: `/gas/patrols/${await gasPatrol(await gasPlan())}` }) },

  { name: "GET /gas/hazards", expected: LIST, request: fixed({ method: "GET", url: "/gas/hazards" }) },
  { name: "POST /gas/hazards", expected: WRITE(201, 404), request: async () => ({ method: "POST", url: "/gas/hazards", payload: hazardBody(await gasLine()) }) },
  {
    name: "GET /gas/hazards/:id",
    expected: READ_ONE,
    request: async () => {
      const res = await call("gas_company", { method: "POST", url: "/gas/hazards", payload: hazardBody(await gasLine()) });
      expect(res.statusCode, res.body).toBe(201);
      return { method: "GET", url: `/gas/hazards/${res.json().id}` };
    },
  },

  // Site links: everyone logged in gets a list filtered to their scope (see the body checks below).
  { name: "GET /gas/site-links", expected: { ...LIST, enterprise: 200, project: 200, testing_agency: 200 }, request: fixed({ method: "GET", url: "/gas/site-links" }) },
  { name: "GET /gas/site-links/export", expected: { ...LIST, enterprise: 200, project: 200, testing_agency: 200 }, request: fixed({ method: "GET", url: "/gas/site-links/export" }) },
  {
    name: "GET /gas/site-links?projectId (a project party's side)",
    expected: { ...LIST, enterprise: 200, project: 200, testing_agency: 404 },
    request: async () => ({ method: "GET", url: `/gas/site-links?projectId=${w.NEAR}` }),
  },
  { name: "POST /gas/site-links/recompute", expected: { ...WRITE(200, 403), gas_company: 403 }, request: fixed({ method: "POST", url: "/gas/site-links/recompute" }) },
];

describe("pipeline area authorization", () => {
  for (const c of CASES) {
    it(c.name, async () => {
      const got: Partial<Record<Who, number>> = {};
      for (const who of WHO) got[who] = (await call(who, await c.request(who))).statusCode;
      expect(got).toEqual(c.expected);
    });
  }

  it("site links are scoped: the owner and the project party see the link; another company sees only its own lines' links; other parties none", async () => {
    await gasLine(); // a medium main 20 m from NEAR
    const links = async (who: Who) => (await call(who, { method: "GET", url: "/gas/site-links?pageSize=200" })).json().items as { projectId: string; enterpriseId: string }[];
    const ids = async (who: Who) => (await links(who)).map((i) => i.projectId);
    expect(await ids("gas_company")).toContain(w.NEAR);
    expect(await ids("enterprise")).toContain(w.NEAR);
    expect(await ids("project")).toContain(w.NEAR);
    expect(await ids("inspector")).toContain(w.NEAR);
    // The other company sees the links of its own lines only (it filed some near NEAR above).
    expect(new Set((await links("gas_company_other")).map((l) => l.enterpriseId))).toEqual(new Set([w.GAS2]));
    expect(await ids("testing_agency")).not.toContain(w.NEAR);
  });

  it("covers every route of the area the OpenAPI document lists", async () => {
    const doc = (await t.app.inject({ method: "GET", url: "/api/docs/json" })).json() as { paths: Record<string, Record<string, unknown>> };
    const mine = /^\/gas\/(pipelines|patrol-plans|patrols|hazards|site-links)\b/;
    const registered = Object.entries(doc.paths)
      .filter(([p]) => p.startsWith("/api/v1/") && mine.test(p.slice(7)))
      .flatMap(([p, methods]) => Object.keys(methods).filter((m) => m !== "head" && m !== "options").map((m) => `${m.toUpperCase()} ${p.slice(7).replace(/\{(\w+)\}/g, ":$1")}`));
    const covered = new Set(CASES.map((c) => c.name.split(" ").slice(0, 2).join(" ").split("?")[0]));
    expect(registered.filter((r) => !covered.has(r)).sort()).toEqual([]);
    expect(registered.length).toBe(21);
  });
});
