import { count, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { CaseDetailDto, OpenCaseResultDto } from "@contracts/cases/cases";
import type { TemplateDetailDto, TemplateDto } from "@contracts/cases/inspections";
import type { CommissionDto } from "@contracts/testing/commission";
import { casesCases, casesEvents, casesInspections } from "../server/src/modules/cases/schema";
import { insertSite, prepareSupervision } from "../server/src/modules/cases/inspection.test-fixtures";
import { QUALITY_TEMPLATE_CODE } from "../server/src/modules/cases/template.defaults";
import { gasSafetyChecks } from "../server/src/modules/gas/delivery/schema";
import { gasWorld, insertCustomer, type GasWorld } from "../server/src/modules/gas/delivery/delivery.test-fixtures";
import { testingCommissions } from "../server/src/modules/testing/schema";
import { concreteCommission, testingWorld, type TestingWorld } from "../server/src/modules/testing/testing.test-fixtures";
import { auditLog } from "../server/src/platform/audit/schema";
import { createTestApp, multipart, type TestApp, type TestUser } from "./app";

/**
 * A photo id is a bearer of nothing: an upload belongs to its uploader's party, and a photo of another party is
 * refused at every place a record takes photo ids (case open / reply / re-check, inspection results, witness
 * sampling, gas safety checks) — 400 naming the field, nothing written — so it never becomes readable through
 * the attacker's own record.
 */

const PNG = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x50]);

let t: TestApp;
let site: Awaited<ReturnType<typeof insertSite>>;
let other: Awaited<ReturnType<typeof insertSite>>;
let inspector: TestUser;
let contractorA: TestUser;
let projectUserA: TestUser;
let contractorB: TestUser;
let tw: TestingWorld;
let gw: GasWorld;

beforeAll(async () => {
  t = await createTestApp();
  await prepareSupervision(t.db);
  site = await insertSite(t.db);
  other = await insertSite(t.db);
  inspector = await t.user("inspector", { domain: "quality" });
  contractorA = await t.user("enterprise", { enterpriseId: site.parties.general_contractor });
  projectUserA = await t.user("project", { projectIds: [site.project.id] });
  contractorB = await t.user("enterprise", { enterpriseId: other.parties.general_contractor });
  tw = await testingWorld(t);
  gw = await gasWorld(t);
  // Three modules' worlds on one app: longer than the default hook time on a busy 2-core machine.
}, 180_000);
afterAll(() => t.close());

const post = (user: TestUser, url: string, payload: Record<string, unknown>) => t.as(user, { method: "POST", url: `/api/v1${url}`, payload });
const get = (user: TestUser, url: string) => t.as(user, { method: "GET", url: `/api/v1${url}` });
const refusal = (res: { statusCode: number; json(): unknown }) => {
  const error = (res.json() as { error?: { code: string; details?: { issues?: { path: string }[] } } }).error;
  return { status: res.statusCode, code: error?.code, paths: error?.details?.issues?.map((i) => i.path) };
};

async function upload(user: TestUser, route: string): Promise<string> {
  const res = await t.as(user, { method: "POST", url: `/api/v1${route}`, ...multipart("p.png", PNG) });
  expect(res.statusCode, res.body).toBe(201);
  return (res.json() as { id: string }).id;
}

async function rectifyingCase(projectId: string, responsible: TestUser): Promise<string> {
  const res = await post(inspector, "/cases", { projectId, category: "quality", grade: "general", source: "patrol", title: "钢筋保护层不足" });
  expect(res.statusCode, res.body).toBe(201);
  const { id } = res.json() as OpenCaseResultDto;
  expect((await post(responsible, `/cases/${id}/accept`, {})).statusCode).toBe(200);
  return id;
}

const eventsOf = async (caseId: string) => (await t.db.select({ n: count() }).from(casesEvents).where(eq(casesEvents.caseId, caseId)))[0].n;
const auditsOf = async (entityId: string) => (await t.db.select({ n: count() }).from(auditLog).where(eq(auditLog.entityId, entityId)))[0].n;

describe("case photos belong to the party that uploaded them", () => {
  it("refuses another contractor's photo on a reply (nothing written, still not served), takes the contractor's own", async () => {
    const photoA = await upload(contractorA, "/cases/photos");
    const caseB = await rectifyingCase(other.project.id, contractorB);
    const [events, audits] = [await eventsOf(caseB), await auditsOf(caseB)];

    const stolen = await post(contractorB, `/cases/${caseB}/reply`, { measures: "已整改", photoIds: [photoA] });
    expect(refusal(stolen)).toEqual({ status: 400, code: "VALIDATION", paths: ["photoIds.0"] });
    expect([await eventsOf(caseB), await auditsOf(caseB)]).toEqual([events, audits]);
    expect((await get(contractorB, `/cases/${caseB}`)).json()).toMatchObject({ state: "rectifying" });
    expect((await get(contractorB, `/cases/photos/${photoA}`)).statusCode).toBe(404);

    const caseA = await rectifyingCase(site.project.id, contractorA);
    expect((await post(contractorA, `/cases/${caseA}/reply`, { measures: "已整改", photoIds: [photoA] })).statusCode).toBe(200);
    expect((await get(contractorA, `/cases/photos/${photoA}`)).statusCode).toBe(200);
    // Now on A's case: still not B's to attach to its own, nor to see.
    expect(refusal(await post(contractorB, `/cases/${caseB}/reply`, { measures: "已整改", photoIds: [photoA] })).paths).toEqual(["photoIds.0"]);
    expect((await get(contractorB, `/cases/photos/${photoA}`)).statusCode).toBe(404);
  });

  it("lets another party repeat a photo already on the same case, never carry it to another", async () => {
    const photoA = await upload(contractorA, "/cases/photos");
    const caseA = await rectifyingCase(site.project.id, contractorA);
    expect((await post(contractorA, `/cases/${caseA}/reply`, { measures: "已整改", photoIds: [photoA] })).statusCode).toBe(200);
    expect((await post(inspector, `/cases/${caseA}/recheck`, { passed: false, reason: "仍不足" })).statusCode).toBe(200);
    // The project's own user answers with the photo the case already shows.
    const again = await post(projectUserA, `/cases/${caseA}/reply`, { measures: "已补强", photoIds: [photoA] });
    expect(again.statusCode, again.body).toBe(200);
    const otherCaseA = await rectifyingCase(site.project.id, contractorA);
    expect(refusal(await post(projectUserA, `/cases/${otherCaseA}/reply`, { measures: "已整改", photoIds: [photoA] })).paths).toEqual(["photoIds.0"]);
  });

  it("refuses a contractor's photo on an inspector's case, re-check or inspection, and writes none of them", async () => {
    const photoA = await upload(contractorA, "/cases/photos");
    const [cases] = await t.db.select({ n: count() }).from(casesCases);
    const opened = await post(inspector, "/cases", { projectId: other.project.id, category: "quality", grade: "general", source: "patrol", title: "x", photoIds: [photoA] });
    expect(refusal(opened)).toEqual({ status: 400, code: "VALIDATION", paths: ["photoIds.0"] });
    expect((await t.db.select({ n: count() }).from(casesCases))[0]).toEqual(cases);

    const list = (await get(inspector, "/inspection-templates")).json() as { items: TemplateDto[] };
    const template = (await get(inspector, `/inspection-templates/${list.items.find((x) => x.code === QUALITY_TEMPLATE_CODE)!.id}`)).json() as TemplateDetailDto;
    const [inspections] = await t.db.select({ n: count() }).from(casesInspections);
    const inspection = (photoIds: string[]) =>
      post(inspector, "/inspections", {
        projectId: other.project.id,
        kind: "daily",
        domain: "quality",
        inspectedOn: "2026-03-02",
        templateId: template.id,
        inspectorIds: [],
        results: [
          { itemCode: template.items[0].code, passed: true },
          { itemCode: template.items[1].code, passed: false, photoIds },
        ],
      });
    expect(refusal(await inspection([photoA]))).toEqual({ status: 400, code: "VALIDATION", paths: ["results.1.photoIds.0"] });
    expect((await t.db.select({ n: count() }).from(casesInspections))[0]).toEqual(inspections);
    expect((await t.db.select({ n: count() }).from(casesCases))[0]).toEqual(cases);
    expect((await get(contractorB, `/cases/photos/${photoA}`)).statusCode).toBe(404);
    const own = await upload(inspector, "/cases/photos");
    expect((await inspection([own])).statusCode).toBe(201);

    const caseB = await rectifyingCase(other.project.id, contractorB);
    const photoB = await upload(contractorB, "/cases/photos");
    expect((await post(contractorB, `/cases/${caseB}/reply`, { measures: "已整改", photoIds: [photoB] })).statusCode).toBe(200);
    const events = await eventsOf(caseB);
    expect(refusal(await post(inspector, `/cases/${caseB}/recheck`, { passed: true, photoIds: [photoA] })).paths).toEqual(["photoIds.0"]);
    expect(await eventsOf(caseB)).toBe(events);
    expect(((await get(inspector, `/cases/${caseB}`)).json() as CaseDetailDto).state).toBe("review");
  });
});

describe("sampling photos belong to the party that uploaded them", () => {
  const sampling = (user: TestUser, c: CommissionDto, photoIds: string[]) =>
    post(user, `/testing/commissions/${c.id}/sampling`, { sampledAt: new Date(Date.now() - 60_000).toISOString(), place: "3F 柱", sampleCode: `YP-SCOPE-${process.pid}-${Math.random().toString(36).slice(2, 8)}`, photoIds });

  it("refuses another contractor's photo on a sampling record (nothing written, not served), takes the contractor's own", async () => {
    const foreign = await upload(tw.users.otherGc, "/testing/photos");
    const created = await post(tw.users.gc, `/projects/${tw.project.id}/testing/commissions`, concreteCommission(tw));
    expect(created.statusCode, created.body).toBe(201);
    const c = created.json() as CommissionDto;

    expect(refusal(await sampling(tw.users.gc, c, [foreign]))).toEqual({ status: 400, code: "VALIDATION", paths: ["photoIds.0"] });
    const [row] = await t.db.select().from(testingCommissions).where(eq(testingCommissions.id, c.id));
    expect(row).toMatchObject({ state: "commissioned", sampleCode: null, samplePhotoIds: [] });
    expect((await get(tw.users.gc, `/testing/photos/${foreign}`)).statusCode).toBe(404);

    // The agency uploads too, but its photo is not the contractor's to file.
    expect(refusal(await sampling(tw.users.gc, c, [await upload(tw.users.agency, "/testing/photos")])).paths).toEqual(["photoIds.0"]);

    const own = await upload(tw.users.gc, "/testing/photos");
    expect((await sampling(tw.users.gc, c, [own])).statusCode).toBe(200);
    expect((await get(tw.users.gc, `/testing/photos/${own}`)).statusCode).toBe(200);
    expect((await get(tw.users.otherGc, `/testing/photos/${own}`)).statusCode).toBe(404);
  });
});

describe("safety-check photos belong to the gas company that uploaded them", () => {
  const check = (user: TestUser, customerId: string, photoIds: string[]) => post(user, "/gas/safety-checks", { customerId, checkedOn: "2026-03-15", alarmFitted: true, hoseOk: true, valveOk: true, photoIds });
  const checksOf = async (customerId: string) => (await t.db.select({ n: count() }).from(gasSafetyChecks).where(eq(gasSafetyChecks.customerId, customerId)))[0].n;

  it("refuses company A's photo on company B's check (nothing written, not served), takes B's own", async () => {
    const photoA = await upload(gw.users.gasA, "/gas/safety-checks/photos");
    const customerB = await insertCustomer(t.db, gw.gasB.id);

    expect(refusal(await check(gw.users.gasB, customerB.id, [photoA]))).toEqual({ status: 400, code: "VALIDATION", paths: ["photoIds.0"] });
    expect(await checksOf(customerB.id)).toBe(0);
    expect((await get(gw.users.gasB, `/gas/safety-checks/photos/${photoA}`)).statusCode).toBe(404);

    const customerA = await insertCustomer(t.db, gw.gasA.id);
    expect((await check(gw.users.gasA, customerA.id, [photoA])).statusCode).toBe(201);
    expect((await get(gw.users.gasA, `/gas/safety-checks/photos/${photoA}`)).statusCode).toBe(200);
    expect((await get(gw.users.gasB, `/gas/safety-checks/photos/${photoA}`)).statusCode).toBe(404);
    expect(refusal(await check(gw.users.gasB, customerB.id, [photoA])).paths).toEqual(["photoIds.0"]);
    expect(await checksOf(customerB.id)).toBe(0);
  });
});
