import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { AgencyDto, CommissionDto, WitnessShareDto } from "@contracts/testing/commission";
import type { ConcreteEvaluationDto } from "@contracts/testing/evaluation";
import { createTestApp, type TestApp } from "../../../../test/app";
import { auditLog } from "../../platform/audit/schema.js";
import { insertEnterprise, insertProject, insertParticipant } from "../registry/project.test-fixtures.js";
import { concreteCommission, errorOf, issuePaths, testingWorld, type TestingWorld } from "./testing.test-fixtures.js";

let t: TestApp;
let w: TestingWorld;

beforeAll(async () => {
  t = await createTestApp();
  w = await testingWorld(t);
});
afterAll(() => t.close());

const commission = (body: Record<string, unknown>, user = w.users.gc, projectId = w.project.id) =>
  t.as(user, { method: "POST", url: `/api/v1/projects/${projectId}/testing/commissions`, payload: body });

describe("concrete evaluation API", () => {
  const evaluate = (payload: Record<string, unknown>) => t.as(w.users.gc, { method: "POST", url: "/api/v1/testing/concrete-evaluations", payload });

  it("answers pass, method and the figures used", async () => {
    const res = await evaluate({ grade: "C30", values: [39.6, 29.6, 38.6, 30.6, 38.1, 31.1, 37.6, 31.6, 37.7, 31.5] });
    expect(res.statusCode).toBe(200);
    const body = res.json() as ConcreteEvaluationDto;
    expect(body).toMatchObject({ pass: true, method: "sigma_unknown", n: 10, mean: 34.6, min: 29.6, sd: 4, lambdas: { lambda1: 1.15, lambda2: 0.9 }, sizeFactor: 1, fcuk: 30 });
    expect(body.rule).toMatchObject({ code: "testing.gbt50107", version: 1, region: "CN" });
  });

  it("applies σ0 to three groups and the size factor of 100 mm cubes", async () => {
    const known = (await evaluate({ grade: "C30", values: [31.8, 33, 30.5], sigma0: 2 })).json() as ConcreteEvaluationDto;
    expect(known).toMatchObject({ method: "sigma_known", sigma0: 2.5, pass: true });
    const small = (await evaluate({ grade: "C30", values: [36, 36, 36], specimenSizeMm: 100 })).json() as ConcreteEvaluationDto;
    // 36 × 0.95 = 34.2 < 1.15 × 30 = 34.5
    expect(small).toMatchObject({ method: "non_statistical", sizeFactor: 0.95, values: [34.2, 34.2, 34.2], mean: 34.2, pass: false });
  });

  it("names the bad field", async () => {
    expect(issuePaths(await evaluate({ grade: "C85", values: [30] }))).toContain("grade");
    expect(issuePaths(await evaluate({ grade: "C30", values: [] }))).toContain("values");
    expect(issuePaths(await evaluate({ grade: "C30", values: [30, "x"] }))).toContain("values.1");
    expect(issuePaths(await evaluate({ grade: "C30", values: [30], specimenSizeMm: 120 }))).toContain("specimenSizeMm");
    expect((await evaluate({ grade: "C30", values: [30], sigma0: -1 })).statusCode).toBe(400);
  });
});

describe("agencies", () => {
  it("lets the bureau file an agency of type testing only, and lists it with its validity", async () => {
    const fresh = await insertEnterprise(t.db, { type: "testing" });
    const body = { enterpriseId: fresh.id, qualificationNo: `Q-${fresh.id.slice(0, 6)}`, level: "special", scopes: ["rebar"], validTo: "2030-01-01" };
    expect((await t.as(w.users.gc, { method: "POST", url: "/api/v1/testing/agencies", payload: body })).statusCode).toBe(403);
    const filed = await t.as(w.users.quality, { method: "POST", url: "/api/v1/testing/agencies", payload: body });
    expect(filed.statusCode).toBe(200);
    expect(filed.json()).toMatchObject({ enterpriseId: fresh.id, level: "special", scopes: ["rebar"], valid: true });
    expect(issuePaths(await t.as(w.users.admin, { method: "POST", url: "/api/v1/testing/agencies", payload: { ...body, enterpriseId: w.gc.id } }))).toEqual(["enterpriseId"]);
    const taken = await t.as(w.users.admin, { method: "POST", url: "/api/v1/testing/agencies", payload: { ...body, enterpriseId: w.agency.id } });
    expect(taken.statusCode).toBe(409);

    const list = (await t.as(w.users.gc, { method: "GET", url: "/api/v1/testing/agencies?pageSize=200" })).json() as { items: AgencyDto[] };
    const byId = new Map(list.items.map((a) => [a.enterpriseId, a]));
    expect(byId.get(w.agency.id)?.valid).toBe(true);
    expect(byId.get(w.lapsed.id)?.valid).toBe(false);
    const valid = (await t.as(w.users.gc, { method: "GET", url: "/api/v1/testing/agencies?valid=false&pageSize=200" })).json() as { items: AgencyDto[] };
    expect(valid.items.map((a) => a.enterpriseId)).toContain(w.lapsed.id);
    expect(valid.items.map((a) => a.enterpriseId)).not.toContain(w.agency.id);
  });
});

describe("commissions", () => {
  it("creates a witnessed concrete commission, audited, with default 150 mm cubes", async () => {
    const res = await commission(concreteCommission(w));
    expect(res.statusCode).toBe(201);
    const c = res.json() as CommissionDto;
    expect(c).toMatchObject({ sampleType: "concrete", strengthClass: "C30", specimenSizeMm: 150, witnessed: true, witnessName: "见证员王", samplerName: "取样员李", state: "commissioned", pass: null });
    expect(c.no).toMatch(/^WT\d{8}-[0-9A-Z]{5}$/);
    const audits = await t.db.select().from(auditLog).where(and(eq(auditLog.entity, "testing_commission"), eq(auditLog.entityId, c.id)));
    expect(audits.map((a) => a.action)).toEqual(["testing.commission.created"]);
  });

  it("refuses a witness who holds no current post for the client or the supervisor", async () => {
    const noWitness = await commission(concreteCommission(w, { witnessPersonId: null }));
    expect(issuePaths(noWitness)).toEqual(["witnessPersonId"]);
    // The contractor's own quality officer cannot witness its samples.
    const contractorStaff = await commission(concreteCommission(w, { witnessPersonId: w.gcStaff.id, samplerPersonId: null }));
    expect(contractorStaff.statusCode).toBe(400);
    expect(issuePaths(contractorStaff)).toEqual(["witnessPersonId"]);
    expect(errorOf(contractorStaff).message).toContain("见证人");
    expect(issuePaths(await commission(concreteCommission(w, { witnessPersonId: w.formerWitness.id })))).toEqual(["witnessPersonId"]);
    expect(issuePaths(await commission(concreteCommission(w, { witnessed: false, witnessPersonId: w.witness.id })))).toEqual(["witnessPersonId"]);
    expect(issuePaths(await commission(concreteCommission(w, { samplerPersonId: w.witness.id })))).toEqual(["samplerPersonId"]);
  });

  it("refuses an agency that is unqualified for the type or lapsed, and sample fields that do not fit", async () => {
    const outOfScope = await commission(concreteCommission(w, { sampleType: "cement", strengthClass: null, specimenCount: 1 }));
    expect(outOfScope.statusCode).toBe(422);
    expect(issuePaths(outOfScope)).toEqual(["agencyId"]);
    const lapsed = await commission(concreteCommission(w, { agencyId: w.lapsed.id }));
    expect(lapsed.statusCode).toBe(422);
    expect(issuePaths(lapsed)).toEqual(["agencyId"]);
    expect(issuePaths(await commission(concreteCommission(w, { agencyId: w.gc.id })))).toEqual(["agencyId"]);
    expect(issuePaths(await commission(concreteCommission(w, { strengthClass: "C33" })))).toEqual(["strengthClass"]);
    expect(issuePaths(await commission(concreteCommission(w, { lotNo: null })))).toEqual(["lotNo"]);
    expect(issuePaths(await commission(concreteCommission(w, { specimenCount: 4 })))).toEqual(["specimenCount"]);
    expect(issuePaths(await commission(concreteCommission(w, { sampleType: "rebar", strengthClass: "HRB335" })))).toEqual(["strengthClass"]);
    expect(issuePaths(await commission(concreteCommission(w, { sampleType: "rebar", strengthClass: "HRB400", specimenSizeMm: 150 })))).toEqual(["specimenSizeMm"]);
    expect((await commission(concreteCommission(w, { sampleType: "bogus" }))).statusCode).toBe(400);
  });

  it("keeps a contractor to its own projects and the agency out of commissioning", async () => {
    expect((await commission(concreteCommission(w), w.users.otherGc)).statusCode).toBe(404);
    expect((await commission(concreteCommission(w), w.users.agency)).statusCode).toBe(403);
    expect((await commission(concreteCommission(w), w.users.quality)).statusCode).toBe(403);
  });

  it("records the sampling once, with a unique sample code", async () => {
    const c = (await commission(concreteCommission(w))).json() as CommissionDto;
    const other = (await commission(concreteCommission(w))).json() as CommissionDto;
    const sampling = (id: string, code: string, sampledAt = new Date(Date.now() - 3600_000).toISOString()) =>
      t.as(w.users.gc, { method: "POST", url: `/api/v1/testing/commissions/${id}/sampling`, payload: { sampledAt, place: "3F 浇筑现场", sampleCode: code } });
    const code = `S${Date.now()}`;
    const ok = await sampling(c.id, code);
    expect(ok.statusCode).toBe(200);
    expect(ok.json()).toMatchObject({ state: "sampled", sampleCode: code, samplePlace: "3F 浇筑现场" });
    expect((await sampling(c.id, `${code}X`)).statusCode).toBe(409);
    const dup = await sampling(other.id, code);
    expect(dup.statusCode).toBe(409);
    expect(issuePaths(dup)).toEqual(["sampleCode"]);
    expect(issuePaths(await sampling(other.id, `${code}Y`, new Date(Date.now() + 86_400_000).toISOString()))).toEqual(["sampledAt"]);
    expect((await t.as(w.users.otherGc, { method: "POST", url: `/api/v1/testing/commissions/${other.id}/sampling`, payload: { sampledAt: new Date().toISOString(), place: "x", sampleCode: `${code}Z` } })).statusCode).toBe(404);
  });

  it("lists by project and city with filters, scoped, and exports xlsx", async () => {
    const mine = (await commission(concreteCommission(w, { part: "独特部位甲" }))).json() as CommissionDto;
    const list = await t.as(w.users.gc, { method: "GET", url: `/api/v1/projects/${w.project.id}/testing/commissions?q=独特部位甲` });
    expect((list.json() as { items: CommissionDto[] }).items.map((c) => c.id)).toEqual([mine.id]);
    const city = (await t.as(w.users.leader, { method: "GET", url: `/api/v1/testing/commissions?sampleType=concrete&witnessed=true&pageSize=200` })).json() as { items: CommissionDto[]; total: number };
    expect(city.items.some((c) => c.id === mine.id)).toBe(true);
    expect(city.items.every((c) => c.sampleType === "concrete" && c.witnessed)).toBe(true);
    expect((await t.as(w.users.otherGc, { method: "GET", url: `/api/v1/testing/commissions?pageSize=200` })).json()).toMatchObject({ total: 0 });
    // The agency sees what is addressed to it, though it takes no part in the project.
    const agencyView = (await t.as(w.users.agency, { method: "GET", url: `/api/v1/testing/commissions?pageSize=200` })).json() as { items: CommissionDto[] };
    expect(agencyView.items.map((c) => c.id)).toContain(mine.id);
    expect((await t.as(w.users.lapsedAgency, { method: "GET", url: `/api/v1/testing/commissions/${mine.id}` })).statusCode).toBe(404);
    const xlsx = await t.as(w.users.gc, { method: "GET", url: `/api/v1/testing/commissions/export?projectId=${w.project.id}` });
    expect(xlsx.statusCode).toBe(200);
    expect(xlsx.headers["content-type"]).toContain("spreadsheetml");
  });
});

describe("witnessed share", () => {
  it("flags a sample type below the rule's 30 %", async () => {
    const p = await insertProject(t.db, { status: "in_progress" });
    await insertParticipant(t.db, p.id, w.gc.id, "general_contractor");
    await insertParticipant(t.db, p.id, w.sup.id, "supervisor");
    const { insertPost } = await import("../registry/project.test-fixtures.js");
    await insertPost(t.db, p.id, w.witness.id, w.sup.id, "supervising_engineer");
    const make = (witnessed: boolean, sampleType = "concrete") =>
      commission(
        concreteCommission(w, sampleType === "rebar" ? { sampleType, strengthClass: "HRB400", witnessed, witnessPersonId: witnessed ? w.witness.id : null, specimenCount: 2 } : { witnessed, witnessPersonId: witnessed ? w.witness.id : null }),
        w.users.gc,
        p.id,
      );
    // concrete 1 of 4 (25 %), rebar 1 of 2 (50 %)
    for (const witnessed of [true, false, false, false]) expect((await make(witnessed)).statusCode).toBe(201);
    for (const witnessed of [true, false]) expect((await make(witnessed, "rebar")).statusCode).toBe(201);
    const share = (await t.as(w.users.gc, { method: "GET", url: `/api/v1/projects/${p.id}/testing/witness-share` })).json() as WitnessShareDto;
    expect(share.minShare).toBe(0.3);
    expect(share.below).toBe(true);
    const row = (type: string) => share.rows.find((r) => r.sampleType === type);
    expect(row("concrete")).toMatchObject({ total: 4, witnessed: 1, share: 0.25, required: true, below: true });
    expect(row("rebar")).toMatchObject({ total: 2, witnessed: 1, share: 0.5, below: false });
    // Required types without samples are listed, not flagged.
    expect(row("cement")).toMatchObject({ total: 0, below: false });
    expect((await make(true)).statusCode).toBe(201);
    const after = (await t.as(w.users.gc, { method: "GET", url: `/api/v1/projects/${p.id}/testing/witness-share` })).json() as WitnessShareDto;
    expect(after.rows.find((r) => r.sampleType === "concrete")).toMatchObject({ total: 5, witnessed: 2, share: 0.4, below: false });
    expect(after.below).toBe(false);
    expect((await t.as(w.users.otherGc, { method: "GET", url: `/api/v1/projects/${p.id}/testing/witness-share` })).statusCode).toBe(404);
  });
});
