import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import ExcelJS from "exceljs";
import { shanghaiDay } from "@contracts/platform/time";
import type { ProjectRiskDetailDto, RiskPage } from "@contracts/risk/risk";
import { createTestApp, type TestApp, type TestUser } from "../../../../test/app";
import { systemClock } from "../../platform/clock.js";
import { casesCases } from "../cases/schema.js";
import { insertEnterprise, insertProject } from "../cases/case.test-fixtures.js";
import { iotAlarms, iotDevices } from "../iot/schema.js";
import { insertPerson } from "../registry/project.test-fixtures.js";
import { registryProjects } from "../registry/schema.js";
import { safetyDangerousWorks, safetyEquipment } from "../safety/schema.js";
import { testingCommissions, testingResults } from "../testing/schema.js";
import { workforcePayrolls, workforceWorkers } from "../workforce/schema.js";
import { recomputeRisk } from "./risk.service.js";

let t: TestApp;
let PA: string;
let PB: string;
let PBCode: string;
let leader: TestUser;
let contractorA: TestUser;
let seq = 0;
const DAY = 86_400_000;

const recompute = () => recomputeRisk({ db: t.db, region: "330784", clock: systemClock });

async function riskOf(projectId: string, user = leader): Promise<ProjectRiskDetailDto> {
  const res = await t.as(user, { method: "GET", url: `/api/v1/projects/${projectId}/risk` });
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as ProjectRiskDetailDto;
}
const evidenceOf = (r: ProjectRiskDetailDto, code: string) => r.factors.find((f) => f.code === code)?.evidence ?? [];

async function insertCase(projectId: string, values: Partial<typeof casesCases.$inferInsert> = {}) {
  const [c] = await t.db
    .insert(casesCases)
    .values({ no: `RISK-${++seq}`, projectId, source: "inspection", category: "safety", grade: "major", title: "临边防护缺失", deadline: new Date(Date.now() + 3 * DAY), issuerName: "测试", ...values })
    .returning();
  return c.id;
}

async function insertAlarm(projectId: string, values: Partial<typeof iotAlarms.$inferInsert> = {}) {
  const [d] = await t.db
    .insert(iotDevices)
    .values({ projectId, type: "tower_crane", code: `RISK-DEV-${++seq}`, name: "1号塔吊", secretHash: "x" })
    .returning();
  const [a] = await t.db
    .insert(iotAlarms)
    .values({ projectId, deviceId: d.id, ruleCode: "crane.moment", ruleName: "塔机力矩", severity: "critical", ...values })
    .returning();
  return a.id;
}

async function insertFailedTest(projectId: string, testedOn: string) {
  const agency = await insertEnterprise(t.db, "testing_agency");
  const [c] = await t.db
    .insert(testingCommissions)
    .values({ no: `RISK-WT-${++seq}`, projectId, agencyId: agency, sampleType: "concrete", specimenCount: 3 })
    .returning();
  const [r] = await t.db
    .insert(testingResults)
    .values({ commissionId: c.id, values: {}, pass: false, method: "GB/T 50107", figures: {}, testedOn })
    .returning();
  return r.id;
}

beforeAll(async () => {
  t = await createTestApp();
  const [A, B] = [await insertEnterprise(t.db), await insertEnterprise(t.db)];
  PA = (await insertProject(t.db, [{ enterpriseId: A, role: "general_contractor" }])).id;
  const pb = await insertProject(t.db, [{ enterpriseId: B, role: "general_contractor" }]);
  PB = pb.id;
  PBCode = pb.code;
  leader = await t.user("leader");
  contractorA = await t.user("enterprise", { enterpriseId: A });
}, 300_000);
afterAll(() => t.close());

describe("the project risk index", () => {
  it("a project with no records scores 0, low, with no factors; today's snapshot is its history", async () => {
    await recompute();
    const r = await riskOf(PA);
    expect(r).toMatchObject({ projectId: PA, score: 0, level: "low", factors: [] });
    expect(r.history).toEqual([{ day: shanghaiDay(), score: 0 }]);
  });

  it("an open case moves the score and is its evidence; overdue and stop-work add their own factors", async () => {
    const caseId = await insertCase(PA);
    await recompute();
    const r = await riskOf(PA);
    expect(r.score).toBe(10);
    expect(evidenceOf(r, "open_cases")).toEqual([{ type: "case", id: caseId }]);
    const late = await insertCase(PA, { grade: "general", deadline: new Date(Date.now() - DAY), stopWork: "ordered" });
    await recompute();
    const r2 = await riskOf(PA);
    expect(evidenceOf(r2, "overdue_cases")).toEqual([{ type: "case", id: late }]);
    expect(evidenceOf(r2, "stop_work")).toEqual([{ type: "case", id: late }]);
    expect(r2.score).toBe(10 + 2 + 5 + 25);
    expect(r2.level).toBe("medium");
  });

  it("an active alarm counts in full (a crane overload double); one cleared long ago not at all", async () => {
    const before = (await riskOf(PA)).score;
    const old = await insertAlarm(PA, { startedAt: new Date(Date.now() - 31 * DAY), clearedAt: new Date(Date.now() - 31 * DAY) });
    const active = await insertAlarm(PA);
    await recompute();
    const r = await riskOf(PA);
    expect(r.score).toBe(before + 16);
    expect(evidenceOf(r, "alarms")).toEqual([{ type: "alarm", id: active }]);
    expect(evidenceOf(r, "alarms")).not.toContainEqual({ type: "alarm", id: old });
  });

  it("a failed test within its window moves the score; one older than the window does not", async () => {
    const before = (await riskOf(PA)).score;
    const old = await insertFailedTest(PA, shanghaiDay(Date.now() - 100 * DAY));
    const recent = await insertFailedTest(PA, shanghaiDay());
    await recompute();
    const r = await riskOf(PA);
    expect(r.score).toBe(before + 8);
    expect(evidenceOf(r, "failed_tests")).toEqual([{ type: "test_result", id: recent }]);
    expect(evidenceOf(r, "failed_tests")).not.toContainEqual({ type: "test_result", id: old });
  });

  it("a closed case no longer counts", async () => {
    const before = await riskOf(PB);
    const c = await insertCase(PB, { state: "closed", closedAt: new Date() });
    await recompute();
    const r = await riskOf(PB);
    expect(r.score).toBe(before.score);
    expect(evidenceOf(r, "open_cases")).not.toContainEqual({ type: "case", id: c });
  });

  it("the ranking: highest first, level filter, search; a contractor sees its own projects only", async () => {
    await insertCase(PB, { grade: "general" });
    await recompute();
    const all = (await t.as(leader, { method: "GET", url: "/api/v1/risk/projects" })).json() as RiskPage;
    expect(all.items.map((i) => i.projectId)).toEqual([PA, PB]);
    expect(all.items[1]).toMatchObject({ score: 2, level: "low", factors: [{ code: "open_cases", label: "未销项问题", points: 2 }] });
    const high = (await t.as(leader, { method: "GET", url: "/api/v1/risk/projects?level=high" })).json() as RiskPage;
    expect(high.items.map((i) => i.projectId)).toEqual([PA]);
    const found = (await t.as(leader, { method: "GET", url: `/api/v1/risk/projects?search=${encodeURIComponent(PBCode)}` })).json() as RiskPage;
    expect(found.items.map((i) => i.projectId)).toEqual([PB]);
    const own = (await t.as(contractorA, { method: "GET", url: "/api/v1/risk/projects" })).json() as RiskPage;
    expect(own.items.map((i) => i.projectId)).toEqual([PA]);
    expect(own.total).toBe(1);
    expect((await t.as(contractorA, { method: "GET", url: `/api/v1/projects/${PB}/risk` })).statusCode).toBe(404);
    expect((await t.as(contractorA, { method: "GET", url: `/api/v1/projects/${PA}/risk` })).statusCode).toBe(200);
    const res = await t.as(leader, { method: "GET", url: "/api/v1/risk/projects?level=extreme" });
    expect(res.statusCode).toBe(400);
    // The export: the contractor's sheet holds its own project only, the bureau's both, highest first.
    const sheetRows = async (user: TestUser) => {
      const xlsx = await t.as(user, { method: "GET", url: "/api/v1/risk/projects/export" });
      expect(xlsx.statusCode).toBe(200);
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
      return wb.worksheets[0].getSheetValues().slice(2).map((row) => (row as unknown[])[1]);
    };
    const names = all.items.map((i) => i.projectName);
    expect(await sheetRows(leader)).toEqual(names);
    expect(await sheetRows(contractorA)).toEqual([names[0]]);
  });

  it("a month's wages unpaid past the deadline is a factor until paid; the month is its evidence", async () => {
    const C = await insertEnterprise(t.db);
    const PC = (await insertProject(t.db, [{ enterpriseId: C, role: "general_contractor" }])).id;
    const person = await insertPerson(t.db, C);
    const [w] = await t.db.insert(workforceWorkers).values({ workerNo: `RISK-W-${++seq}`, personId: person.id, projectId: PC, employerId: C, trade: "木工" }).returning();
    const [line] = await t.db.insert(workforcePayrolls).values({ workerId: w.id, projectId: PC, month: "2025-01", gross: "6000", net: "5500" }).returning();
    await recompute();
    const r = await riskOf(PC);
    expect(r.score).toBe(5);
    expect(evidenceOf(r, "wage_arrears")).toEqual([{ type: "wage_month", id: `${PC}:2025-01` }]);
    await t.db.update(workforcePayrolls).set({ status: "paid", paidOn: "2025-02-10" }).where(eq(workforcePayrolls.id, line.id));
    await recompute();
    expect(evidenceOf(await riskOf(PC), "wage_arrears")).toEqual([]);
  });

  it("a 超规模 危大 work in progress and a crane past its inspection count; a work not yet started and a dismantled crane do not", async () => {
    const D = await insertEnterprise(t.db);
    const PD = (await insertProject(t.db, [{ enterpriseId: D, role: "general_contractor" }])).id;
    const [work] = await t.db.insert(safetyDangerousWorks).values({ projectId: PD, category: "deep_excavation", name: "深基坑", level: "chaoweida", state: "in_progress" }).returning();
    await t.db.insert(safetyDangerousWorks).values({ projectId: PD, category: "deep_excavation", name: "二期基坑", level: "chaoweida", state: "posted" });
    const [crane] = await t.db.insert(safetyEquipment).values({ projectId: PD, kind: "tower_crane", recordNo: `RISK-EQ-${++seq}`, model: "QTZ80", ratedCapacityT: 8, inspectionValidTo: "2020-01-01" }).returning();
    await t.db.insert(safetyEquipment).values({ projectId: PD, kind: "tower_crane", recordNo: `RISK-EQ-${++seq}`, model: "QTZ80", ratedCapacityT: 8, inspectionValidTo: "2020-01-01", status: "dismantled" });
    await recompute();
    const r = await riskOf(PD);
    expect(evidenceOf(r, "dangerous_works")).toEqual([{ type: "dangerous_work", id: work.id }]);
    expect(evidenceOf(r, "lifting_inspection")).toEqual([{ type: "equipment", id: crane.id }]);
    expect(r.score).toBe(8 + 10);
  });

  it("a project no longer live leaves today's ranking at the next pass", async () => {
    const before = (await t.as(leader, { method: "GET", url: "/api/v1/risk/projects?pageSize=200" })).json() as RiskPage;
    expect(before.items.map((i) => i.projectId)).toContain(PB);
    await t.db.update(registryProjects).set({ status: "completed" }).where(eq(registryProjects.id, PB));
    await recompute();
    const after = (await t.as(leader, { method: "GET", url: "/api/v1/risk/projects?pageSize=200" })).json() as RiskPage;
    expect(after.items.map((i) => i.projectId)).not.toContain(PB);
    expect(after.total).toBe(before.total - 1);
  });
});
