import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { LeakPointDto } from "@contracts/gas/leak";
import type { HazardDto, PatrolDto } from "@contracts/gas/patrol";
import type { PipelineDto } from "@contracts/gas/pipeline";
import type { SiteLinkDto } from "@contracts/gas/site-link";
import { createTestApp, type TestApp, type TestUser } from "../../../../../test/app";
import type { Page } from "../../../platform/db/pagination.js";
import { gasLeakPoints } from "../leaks/schema.js";
import { pipelineWorld, type PipelineWorld } from "./pipeline.test-fixtures.js";

/**
 * What a pipeline's detail page reads: the lists filtered by `pipelineId` (patrols with the line's covered
 * metres, hazards with their cases, linked sites, leak points), each scoped as the unfiltered list is.
 */

let t: TestApp;
let w: PipelineWorld;
let A: PipelineDto;
let B: PipelineDto;
let patrolA: string;
let patrolB: string;

const get = async <T,>(user: TestUser, url: string): Promise<Page<T>> => {
  const res = await t.as(user, { method: "GET", url: `/api/v1${url}` });
  expect(res.statusCode, res.body).toBe(200);
  return res.json();
};
const post = async (user: TestUser, url: string, payload: object) => {
  const res = await t.as(user, { method: "POST", url: `/api/v1${url}`, payload });
  expect(res.statusCode, res.body).toBe(201);
  return res.json() as { id: string };
};
/** A walk 5 m beside the x-axis with a fix every 50 m (well within the rule's GPS gap). */
const track = (fromM: number, toM: number) =>
  Array.from({ length: (toM - fromM) / 50 + 1 }, (_, i) => [...w.pt(fromM + 50 * i, 5), Date.now() - 600_000 + 1000 * i]);

beforeAll(async () => {
  t = await createTestApp();
  w = await pipelineWorld(t, 330);
  const file = async (code: string, fromM: number, toM: number) => {
    const res = await t.as(w.users.gas, { method: "POST", url: "/api/v1/gas/pipelines", payload: { code, name: "详情测试", pressureClass: "medium", material: "PE100 SDR11", geometry: w.line(fromM, toM) } });
    expect(res.statusCode, res.body).toBe(201);
    return res.json() as PipelineDto;
  };
  const suffix = Date.now() % 100000;
  // A passes the NEAR site (500 m east, 20 m north); B lies 2 km further east, near no site.
  A = await file(`DT-A-${suffix}`, 0, 1000);
  B = await file(`DT-B-${suffix}`, 2000, 3000);
  // Plan 1 covers every medium line of GAS (A and B) and walks 0–400 m of A; plan 2 names B alone and walks it.
  const plan1 = await post(w.users.gas, "/gas/patrol-plans", { name: "中压全线", pressureClasses: ["medium"], intervalDays: 7 });
  const plan2 = await post(w.users.gas, "/gas/patrol-plans", { name: "B 线专巡", pipelineIds: [B.id], intervalDays: 7 });
  patrolA = (await post(w.users.gas, "/gas/patrols", { planId: plan1.id, patrollerName: "巡线员甲", track: track(0, 400) })).id;
  patrolB = (await post(w.users.gas, "/gas/patrols", { planId: plan2.id, patrollerName: "巡线员乙", track: track(2000, 3000) })).id;
  await post(w.users.gas, "/gas/hazards", { pipelineId: A.id, kind: "third_party_digging", lng: w.pt(300, 5)[0], lat: w.pt(300, 5)[1], foundAt: new Date().toISOString() });
  await post(w.users.gas, "/gas/hazards", { pipelineId: B.id, kind: "exposed_pipe", lng: w.pt(2500, 5)[0], lat: w.pt(2500, 5)[1], foundAt: new Date().toISOString() });
  const now = new Date();
  const leak = (pipelineId: string, east: number) => {
    const [lng, lat] = w.pt(east, 3);
    return { enterpriseId: w.GAS, detectedAt: now, lastDetectedAt: now, lat, lng, ppm: 40, backgroundPpm: 2, pipelineId, pipelineDistanceM: 3 };
  };
  await t.db.insert(gasLeakPoints).values([leak(A.id, 700), leak(B.id, 2700), leak(B.id, 2800)]);
});
afterAll(() => t.close());

describe("a pipeline's detail lists", () => {
  it("patrols: those whose plan covered the line, with the metres of it walked", async () => {
    const onA = await get<PatrolDto>(w.users.gas, `/gas/patrols?pipelineId=${A.id}`);
    expect(onA.items.map((p) => p.id)).toEqual([patrolA]);
    expect(onA.items[0].lineCoveredM).toBeGreaterThan(380);
    expect(onA.items[0].lineCoveredM).toBeLessThan(440);
    // Plan 1 covered B too, though its track never came near it: listed, 0 m walked.
    const onB = await get<PatrolDto>(w.users.gas, `/gas/patrols?pipelineId=${B.id}`);
    expect(new Map(onB.items.map((p) => [p.id, p.lineCoveredM]))).toEqual(new Map([[patrolA, 0], [patrolB, expect.any(Number)]]));
    expect(onB.items.find((p) => p.id === patrolB)?.lineCoveredM).toBeGreaterThan(950);
    // Without the filter there is no line to measure against.
    const all = await get<PatrolDto>(w.users.gas, "/gas/patrols?pageSize=100");
    expect(all.items.every((p) => p.lineCoveredM === null)).toBe(true);
  });

  it("hazards, site links and leak points of the line only", async () => {
    const hazards = await get<HazardDto>(w.users.gas, `/gas/hazards?pipelineId=${A.id}`);
    expect(hazards.items.map((h) => [h.kind, h.pipelineCode])).toEqual([["third_party_digging", A.code]]);
    // Third-party digging on a medium main opens a major case.
    expect(hazards.items[0]).toMatchObject({ caseGrade: "major", caseState: expect.any(String), caseNo: expect.any(String) });
    const links = await get<SiteLinkDto>(w.users.gas, `/gas/site-links?pipelineId=${A.id}`);
    expect(links.items.map((l) => l.projectId)).toEqual([w.NEAR]);
    expect((await get<SiteLinkDto>(w.users.gas, `/gas/site-links?pipelineId=${B.id}`)).total).toBe(0);
    const leaksA = await get<LeakPointDto>(w.users.gas, `/gas/leaks?pipelineId=${A.id}`);
    expect(leaksA.items.map((l) => l.pipelineCode)).toEqual([A.code]);
    expect((await get<LeakPointDto>(w.users.gas, `/gas/leaks?pipelineId=${B.id}`)).total).toBe(2);
  });

  it("scoped like the lists: the bureau sees the line's rows, another gas company none", async () => {
    for (const url of [`/gas/patrols?pipelineId=${A.id}`, `/gas/hazards?pipelineId=${A.id}`, `/gas/site-links?pipelineId=${A.id}`, `/gas/leaks?pipelineId=${A.id}`]) {
      expect((await get(w.users.leader, url)).total, url).toBe(1);
      expect((await get(w.users.gas2, url)).total, url).toBe(0);
    }
  });

  it("refuses a pipelineId that is not an id, naming it", async () => {
    for (const url of ["/gas/patrols?pipelineId=x", "/gas/leaks?pipelineId=x"]) {
      const res = await t.as(w.users.gas, { method: "GET", url: `/api/v1${url}` });
      expect(res.statusCode).toBe(400);
      expect(JSON.stringify(res.json().error.details)).toContain("pipelineId");
    }
  });
});
