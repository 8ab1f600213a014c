import ExcelJS from "exceljs";
import { and, eq, inArray, like } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { idNumberCheckChar } from "@contracts/registry/identifiers";
import { createTestApp, type TestApp, type TestUser } from "../../../../test/app";
import { buildActor } from "../../platform/auth/actor.js";
import { EventBus, type DomainEvent } from "../../platform/events/bus.js";
import { insertEnterprise, insertParticipant, insertProject, multipartFile } from "../registry/project.test-fixtures.js";
import { registryPersons } from "../registry/schema.js";
import { workforceTeams, workforceWorkers } from "./schema.js";
import { addToBlacklist } from "./blacklist.service.js";
import { importRoster } from "./worker.import.js";
import { ROSTER_CHANGED } from "./worker.service.js";
import { ROSTER_EXPORT_COLUMNS, ROSTER_IMPORT_COLUMNS } from "./worker.sheet.js";

let t: TestApp;
let entA: TestUser, entB: TestUser;
let P1: string;
let A: { id: string; creditCode: string }, S: { id: string; creditCode: string }, X: { id: string; creditCode: string };

const HEADERS = ROSTER_IMPORT_COLUMNS.map((c) => c.header);
let seq = 0;
/** A valid ID number, distinct per call; `female` makes the sequence digit even. */
const idNumber = (female = false) => {
  const n = ++seq;
  const first17 = `330784${1980 + (n % 20)}0${1 + (n % 9)}1${n % 10}${String(100 + ((n * 2) % 800) + (female ? 0 : 1)).padStart(3, "0")}`;
  return first17 + idNumberCheckChar(first17);
};

beforeAll(async () => {
  t = await createTestApp();
  A = await insertEnterprise(t.db);
  S = await insertEnterprise(t.db);
  X = await insertEnterprise(t.db);
  const B = await insertEnterprise(t.db);
  P1 = (await insertProject(t.db, { status: "in_progress" })).id;
  const P2 = (await insertProject(t.db, { status: "in_progress" })).id;
  await insertParticipant(t.db, P1, A.id, "general_contractor");
  await insertParticipant(t.db, P1, S.id, "specialty_subcontractor");
  await insertParticipant(t.db, P2, B.id, "general_contractor");
  entA = await t.user("enterprise", { enterpriseId: A.id });
  entB = await t.user("enterprise", { enterpriseId: B.id });
});
afterAll(() => t.close());

async function sheet(rows: (string | number | null)[][]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet("花名册");
  ws.addRow(HEADERS);
  for (const r of rows) ws.addRow(r);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/** 姓名, 身份证号, 工种, 班组, 用工单位代码, 签订, 开始, 结束, 工资标准, 工资单位, 开户行, 工资卡号, 是否班组长 */
const row = (name: string, id: string, over: Partial<Record<string, string | number | null>> = {}) => {
  const base: Record<string, string | number | null> = {
    name,
    idNumber: id,
    trade: "钢筋工",
    teamName: "钢筋一班",
    employerCreditCode: A.creditCode,
    contractSignedOn: "2025-03-01",
    contractStart: "2025-03-01",
    contractEnd: "2026-12-31",
    wageStandard: 380,
    wageUnit: "日",
    bankName: "农业银行永康支行",
    bankCard: "6228480000123456789",
    isTeamLeader: "否",
    ...over,
  };
  return ROSTER_IMPORT_COLUMNS.map((c) => base[c.key] ?? null);
};

/** A registered person of A with a valid ID number (the registry only ever holds valid ones). */
async function person(name: string) {
  const id = idNumber();
  const [p] = await t.db.insert(registryPersons).values({ name, idNumber: id, gender: "M", birthDate: "1985-01-01", employerId: A.id }).returning();
  return p;
}

async function upload(user: TestUser, projectId: string, file: Buffer) {
  return t.as(user, { method: "POST", url: `/api/v1/projects/${projectId}/workers/import`, ...multipartFile("file", "花名册.xlsx", file, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet") });
}

async function waitForJob(user: TestUser, jobId: string) {
  for (let i = 0; i < 200; i++) {
    const res = await t.as(user, { method: "GET", url: `/api/v1/jobs/${jobId}` });
    if (res.json().status !== "running") return res.json();
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error("job did not finish");
}

describe("roster import (花名册导入)", () => {
  it("imports every row in one go: new people into the registry, missing teams created, a 工号 each", async () => {
    const known = await person("王建国");
    const freshId = idNumber(true);
    const res = await upload(
      entA,
      P1,
      await sheet([
        row("王建国", known.idNumber, { isTeamLeader: "是" }),
        row("李秀英", freshId, { trade: "木工", teamName: "木工二班", employerCreditCode: S.creditCode, wageUnit: "月", wageStandard: 9000, bankCard: null }),
      ]),
    );
    expect(res.statusCode, res.body).toBe(202);
    const job = await waitForJob(entA, res.json().jobId);
    expect(job, JSON.stringify(job.error)).toMatchObject({ status: "succeeded", result: { imported: 2 } });

    const [fresh] = await t.db.select().from(registryPersons).where(eq(registryPersons.idNumber, freshId));
    expect(fresh).toMatchObject({ name: "李秀英", gender: "F", birthDate: `${freshId.slice(6, 10)}-${freshId.slice(10, 12)}-${freshId.slice(12, 14)}`, employerId: S.id });
    const workers = await t.db.select().from(workforceWorkers).where(inArray(workforceWorkers.personId, [known.id, fresh.id]));
    expect(workers).toHaveLength(2);
    expect(workers.every((w) => /^W\d{9}$/.test(w.workerNo) && w.projectId === P1 && w.status === "registered")).toBe(true);
    const teams = await t.db.select().from(workforceTeams).where(eq(workforceTeams.projectId, P1));
    expect(teams.map((tm) => [tm.name, tm.employerId]).sort()).toEqual([["木工二班", S.id], ["钢筋一班", A.id]].sort());
    const lead = workers.find((w) => w.personId === known.id)!;
    expect(lead).toMatchObject({ isTeamLeader: true, trade: "rebar_worker", wageUnit: "day", bankCard: "6228480000123456789", contractEnd: "2026-12-31" });
    expect(workers.find((w) => w.personId === fresh.id)).toMatchObject({ trade: "carpenter", wageUnit: "month", wageStandard: "9000.00", bankCard: null });
  });

  it("refuses the whole sheet, listing every bad row, and writes nothing", async () => {
    const enrolled = await person("已登记");
    await t.db.insert(workforceWorkers).values({ workerNo: `WX${++seq}`, personId: enrolled.id, projectId: P1, employerId: A.id, trade: "mason" });
    const named = await person("赵六");
    const good = idNumber();
    const badCheck = `${good.slice(0, 17)}${good[17] === "0" ? "1" : "0"}`;
    const res = await upload(
      entA,
      P1,
      await sheet([
        row("好人", good),
        row("飞行员", idNumber(), { trade: "飞行员" }),
        row("坏号", badCheck),
        row("外单位", idNumber(), { employerCreditCode: X.creditCode }),
        row("重复", good),
        row("赵七", named.idNumber),
        row("已登记", enrolled.idNumber),
        row("日期", idNumber(), { contractStart: "2025-05-01", contractEnd: "2025-04-01" }),
        row("班组", idNumber(), { employerCreditCode: S.creditCode }),
      ]),
    );
    const job = await waitForJob(entA, res.json().jobId);
    expect(job.status).toBe("failed");
    expect(job.error.code).toBe("VALIDATION");
    const issues = job.error.details.issues as { row: number; column: string; message: string }[];
    const byRow = (r: number) => issues.filter((i) => i.row === r).map((i) => i.column);
    expect([...new Set(issues.map((i) => i.row))].sort((a, b) => a - b)).toEqual([3, 4, 5, 6, 7, 8, 9, 10]);
    expect(byRow(3)).toEqual(["工种"]);
    expect(byRow(4)).toEqual(["身份证号"]);
    expect(byRow(5)).toEqual(["用工单位统一社会信用代码"]);
    expect(byRow(6)).toEqual(["身份证号"]);
    expect(byRow(7)).toEqual(["姓名"]);
    expect(byRow(8)).toEqual(["身份证号"]);
    expect(byRow(9)).toEqual(["合同结束"]);
    // 钢筋一班 belongs to A (previous test); S may not put workers in it.
    expect(byRow(10)).toEqual(["班组"]);
    expect(await t.db.select().from(registryPersons).where(eq(registryPersons.idNumber, good))).toHaveLength(0);
  });

  it("a large sheet goes in chunks with progress, one 工号 per row", async () => {
    const rows = Array.from({ length: 1_100 }, (_, i) => row(`批量${i}`, idNumber(), { teamName: `批量${i % 7}班` }));
    const res = await upload(entA, P1, await sheet(rows));
    const job = await waitForJob(entA, res.json().jobId);
    expect(job, JSON.stringify(job.error)).toMatchObject({ status: "succeeded", total: 1_100, done: 1_100, result: { imported: 1_100 } });
    const workers = await t.db
      .select({ workerNo: workforceWorkers.workerNo })
      .from(workforceWorkers)
      .innerJoin(registryPersons, eq(registryPersons.id, workforceWorkers.personId))
      .where(and(eq(workforceWorkers.projectId, P1), like(registryPersons.name, "批量%")));
    expect(new Set(workers.map((w) => w.workerNo)).size).toBe(1_100);
    expect(workers.every((w) => /^W\d{9}$/.test(w.workerNo))).toBe(true);
  });

  it("a project outside the scope is refused before the upload is read", async () => {
    expect((await upload(entB, P1, await sheet([row("某人", idNumber())]))).statusCode).toBe(404);
  });

  it("names the project in the imported event and tells the gates (roster.changed) after commit", async () => {
    const events = new EventBus();
    const seen: DomainEvent[] = [];
    for (const type of ["workforce.worker.imported", ROSTER_CHANGED]) events.on(type, (ev) => void seen.push(ev));
    const ctx = t.context(buildActor({ id: null, username: "tester", displayName: "tester", role: "admin" }), { events });
    const file = await sheet([row("孙七", idNumber())]);
    const { jobId } = await importRoster(ctx, P1, async () => file);
    for (let i = 0; i < 200 && seen.length < 2; i++) await new Promise((r) => setTimeout(r, 25));
    expect(seen).toEqual([
      { type: "workforce.worker.imported", payload: { count: 1, projectId: P1 } },
      { type: ROSTER_CHANGED, payload: { projectId: P1 } },
    ]);
    expect(jobId).toBeTruthy();
  });
});

describe("roster export and template", () => {
  it("the template has the import columns; the export lists the project's workers with masked personal data", async () => {
    const tpl = await t.as(entA, { method: "GET", url: "/api/v1/workers/import-template" });
    expect(tpl.statusCode).toBe(200);
    const twb = new ExcelJS.Workbook();
    await twb.xlsx.load(tpl.rawPayload as unknown as ArrayBuffer);
    expect((twb.worksheets[0].getRow(1).values as string[]).slice(1)).toEqual(HEADERS);

    const res = await t.as(entA, { method: "GET", url: `/api/v1/projects/${P1}/workers/export` });
    expect(res.statusCode).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const ws = wb.worksheets[0];
    const headers = (ws.getRow(1).values as string[]).slice(1);
    expect(headers).toEqual(ROSTER_EXPORT_COLUMNS.map((c) => c.header));
    const col = (h: string) => headers.indexOf(h) + 1;
    const rows = Array.from({ length: ws.rowCount - 1 }, (_, i) => ws.getRow(i + 2));
    const wang = rows.find((r) => r.getCell(col("姓名")).value === "王建国")!;
    expect(String(wang.getCell(col("工号")).value)).toMatch(/^W\d{9}$/);
    expect(String(wang.getCell(col("身份证号")).value)).toMatch(/^\d{4}\*{10}\d{4}$/);
    expect(wang.getCell(col("工资卡号")).value).toBe("6228 **** **** 6789");
    expect(wang.getCell(col("工种")).value).toBe("钢筋工");
    expect(wang.getCell(col("班组")).value).toBe("钢筋一班");
    expect(wang.getCell(col("状态")).value).toBe("登记");
    expect(wang.getCell(col("不能进场原因")).value).toBe("未通过三级安全教育");
    expect((await t.as(entB, { method: "GET", url: `/api/v1/projects/${P1}/workers/export` })).statusCode).toBe(404);
  });

  it("blacklisting tells the gates of every project the person is enrolled on", async () => {
    const [w] = await t.db
      .select({ personId: workforceWorkers.personId })
      .from(workforceWorkers)
      .innerJoin(registryPersons, eq(registryPersons.id, workforceWorkers.personId))
      .where(and(eq(registryPersons.name, "王建国"), eq(workforceWorkers.projectId, P1)));
    const events = new EventBus();
    const seen: DomainEvent[] = [];
    events.on(ROSTER_CHANGED, (ev) => void seen.push(ev));
    const ctx = t.context(buildActor({ id: null, username: "tester", displayName: "tester", role: "inspector" }), { events });
    await addToBlacklist(ctx, { personId: w.personId, reason: "伪造证件", validFrom: "2025-01-01" });
    await new Promise((r) => setTimeout(r, 10));
    expect(seen).toEqual([{ type: ROSTER_CHANGED, payload: { projectId: P1 } }]);
  });
});
