import ExcelJS from "exceljs";
import { and, asc, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { CaseBoardDto, CaseDetailDto, CaseDto, OpenCaseResultDto } from "@contracts/cases/cases";
import type { NotificationDto } from "@contracts/cases/notifications";
import type { TestUser } from "../../../../test/app";
import { auditLog } from "../../platform/audit/schema.js";
import { fixedClock } from "../../platform/clock.js";
import { platformRules } from "../../platform/rules/schema.js";
import { registryProjects } from "../registry/schema.js";
import { openCase, openMajorCaseCount } from "./index.js";
import { casesWorld, insertEnterprise, insertProject, serviceContext, uploadPhoto, type CasesWorld } from "./case.test-fixtures.js";
import { casesCases, casesEvents } from "./schema.js";

let w: CasesWorld;
beforeAll(async () => {
  w = await casesWorld();
});
afterAll(() => w.t.close());

const api = (user: TestUser, method: "GET" | "POST", url: string, payload?: unknown) =>
  w.t.as(user, { method, url: `/api/v1${url}`, ...(payload === undefined ? {} : { payload: payload as Record<string, unknown> }) });
const act = (user: TestUser, id: string, action: string, payload: unknown = {}) => api(user, "POST", `/cases/${id}/${action}`, payload);

async function open(user: TestUser, body: Record<string, unknown>): Promise<OpenCaseResultDto> {
  const res = await api(user, "POST", "/cases", { category: "safety", grade: "general", source: "patrol", title: "临边防护缺失", ...body });
  expect(res.statusCode, res.body).toBe(201);
  return res.json() as OpenCaseResultDto;
}

const inbox = async (user: TestUser) => ((await api(user, "GET", "/notifications?pageSize=200")).json() as { items: NotificationDto[] }).items;

describe("the rectification loop over HTTP", () => {
  it("opens, signs for, replies with a photo, is sent back, replies again and is closed — with timeline, audit and notifications", async () => {
    const before = Date.now();
    const c = await open(w.inspector, { projectId: w.PA.id, description: "三层东侧临边无防护", location: "1# 楼三层" });
    expect(c.no).toMatch(/^ZG-\d{4}-\d{6}$/);
    let detail = (await api(w.contractorA, "GET", `/cases/${c.id}`)).json() as CaseDetailDto;
    expect(detail).toMatchObject({ state: "pending", enterpriseId: w.A, projectName: w.PA.name, issuerName: expect.any(String), overdue: false, stopWork: "none" });
    // 一般 → 7 days by the national default.
    const days = (Date.parse(detail.deadline) - before) / 86_400_000;
    expect(days).toBeGreaterThan(6.99);
    expect(days).toBeLessThan(7.01);
    expect(detail.actions).toEqual(["accept", "comment"]);
    expect(((await api(w.inspector, "GET", `/cases/${c.id}`)).json() as CaseDto).actions).toEqual(["comment"]);
    // The responsible unit's user and the project's user are told; the other contractor is not.
    expect((await inbox(w.contractorA)).some((n) => n.caseId === c.id && n.kind === "case.opened")).toBe(true);
    expect((await inbox(w.projectUserA)).some((n) => n.caseId === c.id)).toBe(true);
    expect((await inbox(w.contractorB)).some((n) => n.caseId === c.id)).toBe(false);

    expect((await act(w.contractorA, c.id, "reply", { measures: "x", photoIds: [] })).statusCode).toBe(400);
    expect((await act(w.contractorA, c.id, "accept", { note: "已收到" })).statusCode).toBe(200);
    const again = await act(w.contractorA, c.id, "accept");
    expect(again.statusCode).toBe(422);
    expect(again.json().error.code).toBe("PRECONDITION_FAILED");

    const photo = await uploadPhoto(w.t, w.contractorA);
    const unknownPhoto = "2026-01-00000000-0000-4000-8000-000000000000.png";
    const badPhoto = await act(w.contractorA, c.id, "reply", { measures: "已设防护栏杆", photoIds: [unknownPhoto] });
    expect(badPhoto.statusCode).toBe(400);
    expect(badPhoto.json().error.details.issues[0].path).toBe("photoIds.0");
    // The supervisor firm sees the project but is not the responsible unit.
    expect((await act(w.supervisorA, c.id, "reply", { measures: "已设防护栏杆", photoIds: [photo] })).statusCode).toBe(403);
    expect((await act(w.contractorB, c.id, "reply", { measures: "已设防护栏杆", photoIds: [photo] })).statusCode).toBe(404);
    expect((await act(w.contractorA, c.id, "reply", { measures: "已设防护栏杆", photoIds: [photo] })).statusCode).toBe(200);
    // The inspector who issued it hears of the reply.
    expect((await inbox(w.inspector)).some((n) => n.caseId === c.id && n.kind === "case.replied")).toBe(true);

    expect((await act(w.contractorA, c.id, "recheck", { passed: true })).statusCode).toBe(403);
    const noReason = await act(w.inspector, c.id, "recheck", { passed: false });
    expect(noReason.statusCode).toBe(400);
    expect(noReason.json().error.details.issues[0].path).toBe("reason");
    expect((await act(w.inspector, c.id, "recheck", { passed: false, reason: "栏杆高度不足 1.2 m" })).json().state).toBe("rectifying");
    expect((await inbox(w.contractorA)).some((n) => n.caseId === c.id && n.kind === "case.returned")).toBe(true);
    expect((await act(w.projectUserA, c.id, "reply", { measures: "栏杆加高至 1.2 m", photoIds: [photo] })).json().state).toBe("review");
    detail = (await act(w.inspector, c.id, "recheck", { passed: true })).json() as CaseDetailDto;
    expect(detail.state).toBe("closed");
    expect(detail.closedAt).not.toBeNull();
    expect(detail.events.map((e) => e.action)).toEqual(["opened", "accepted", "replied", "returned", "replied", "passed"]);
    expect(detail.events[3]).toMatchObject({ fromState: "review", toState: "rectifying", note: "栏杆高度不足 1.2 m" });
    expect(detail.events[2].photoIds).toEqual([photo]);

    const audits = await w.t.db.select({ action: auditLog.action }).from(auditLog).where(eq(auditLog.entityId, c.id)).orderBy(asc(auditLog.id));
    expect(audits.map((a) => a.action)).toEqual(["cases.case.opened", "cases.case.accepted", "cases.case.replied", "cases.case.returned", "cases.case.replied", "cases.case.passed"]);

    // The reply photo is served to those who see the case, and to nobody else.
    expect((await api(w.inspector, "GET", `/cases/photos/${photo}`)).statusCode).toBe(200);
    expect((await api(w.contractorA, "GET", `/cases/photos/${photo}`)).headers["content-type"]).toBe("image/png");
    expect((await api(w.contractorB, "GET", `/cases/photos/${photo}`)).statusCode).toBe(404);
  });

  it("a comment by either side reaches the other, never the author", async () => {
    const c = await open(w.inspector, { projectId: w.PA.id });
    expect((await act(w.contractorA, c.id, "comment", { text: "材料明天到场" })).statusCode).toBe(200);
    expect((await inbox(w.inspector)).some((n) => n.caseId === c.id && n.kind === "case.commented")).toBe(true);
    expect((await inbox(w.contractorA)).some((n) => n.caseId === c.id && n.kind === "case.commented")).toBe(false);
    expect((await act(w.leader, c.id, "comment", { text: "x" })).statusCode).toBe(403);
  });

  it("refuses bad input naming the field, and opening on a project out of reach", async () => {
    const res = await api(w.inspector, "POST", "/cases", { projectId: w.PA.id, category: "safety", grade: "urgent", source: "patrol", title: "x" });
    expect(res.statusCode).toBe(400);
    expect(JSON.stringify(res.json())).toContain("grade");
    const past = await api(w.inspector, "POST", "/cases", { projectId: w.PA.id, category: "safety", grade: "general", source: "patrol", title: "x", deadline: "2020-01-01T00:00:00Z" });
    expect(past.statusCode).toBe(400);
    expect(past.json().error.details.issues[0].path).toBe("deadline");
    expect((await api(w.inspector, "POST", "/cases", { projectId: "00000000-0000-4000-8000-000000000000", category: "safety", grade: "general", source: "patrol", title: "x" })).statusCode).toBe(404);
    expect((await api(w.contractorA, "POST", "/cases", { projectId: w.PA.id, category: "safety", grade: "general", source: "patrol", title: "x" })).statusCode).toBe(403);
  });
});

describe("openCase (the module interface)", () => {
  it("keeps one open case per (source, sourceRef), numbers uniquely under concurrency, and a closed one frees the ref", async () => {
    const ctx = serviceContext(w.t, { id: null, username: "system" });
    const input = { projectId: w.PA.id, source: "iot" as const, sourceRef: `alarm-${Date.now()}`, category: "environment" as const, grade: "general" as const, title: "PM10 超标" };
    const first = await w.t.db.transaction((tx) => openCase(tx, ctx, input));
    const second = await w.t.db.transaction((tx) => openCase(tx, ctx, input));
    expect(first.created).toBe(true);
    expect(second).toEqual({ id: first.id, no: first.no, created: false });
    // A system-opened case goes to the inspectors of its domain when replied to (no issuer on record).
    const [row] = await w.t.db.select().from(casesCases).where(eq(casesCases.id, first.id));
    expect([row.issuerId, row.enterpriseId]).toEqual([null, w.A]);

    const ref = `race-${Date.now()}`;
    const opened = await Promise.all(
      Array.from({ length: 8 }, (_, i) =>
        w.t.db.transaction((tx) => openCase(tx, ctx, { ...input, sourceRef: i < 4 ? ref : `${ref}-${i}`, title: `并发 ${i}` })),
      ),
    );
    expect(opened.filter((o) => o.created)).toHaveLength(5);
    expect(new Set(opened.slice(0, 4).map((o) => o.id)).size).toBe(1);
    expect(new Set(opened.map((o) => o.no)).size).toBe(5);

    await w.t.db.update(casesCases).set({ state: "closed" }).where(eq(casesCases.id, first.id));
    const reopened = await w.t.db.transaction((tx) => openCase(tx, ctx, input));
    expect(reopened.created).toBe(true);
    expect(reopened.id).not.toBe(first.id);
  });

  it("numbers follow on from the newest of the year", async () => {
    const ctx = serviceContext(w.t, { id: null, username: "system" });
    const a = await w.t.db.transaction((tx) => openCase(tx, ctx, { projectId: w.PB.id, source: "patrol", category: "quality", grade: "general", title: "一" }));
    const b = await w.t.db.transaction((tx) => openCase(tx, ctx, { projectId: w.PB.id, source: "patrol", category: "quality", grade: "general", title: "二" }));
    expect(Number(b.no.slice(-6))).toBe(Number(a.no.slice(-6)) + 1);
  });

  it("counts the deadline from the context's clock, by the rule version of the context's city", async () => {
    const at = new Date("2026-03-02T09:00:00+08:00");
    const ctx = { ...serviceContext(w.t, { id: null, username: "system" }), clock: fixedClock(at) };
    const deadlineOf = async (c: typeof ctx) => {
      const opened = await w.t.db.transaction((tx) => openCase(tx, c, { projectId: w.PB.id, source: "patrol", category: "quality", grade: "general", title: "按时钟" }));
      const [row] = await w.t.db.select({ deadline: casesCases.deadline }).from(casesCases).where(eq(casesCases.id, opened.id));
      return row.deadline.toISOString();
    };
    const DAY = 86_400_000;
    // The national default (7 days for a general case) from the fixed time, not from the machine's.
    expect(await deadlineOf(ctx)).toBe(new Date(at.getTime() + 7 * DAY).toISOString());
    // Another city's own version applies to a context of that city only.
    await w.t.db.insert(platformRules).values({ code: "cases.deadline", region: "330799", version: 99, name: "测试市", value: { generalDays: 3, majorDays: 10 }, source: "test", effectiveFrom: new Date("2020-01-01T00:00:00+08:00"), createdBy: "test" });
    expect(await deadlineOf({ ...ctx, region: "330799" })).toBe(new Date(at.getTime() + 3 * DAY).toISOString());
    expect(await deadlineOf(ctx)).toBe(new Date(at.getTime() + 7 * DAY).toISOString());
  });

  it("a rolled-back caller leaves neither the case nor its notifications", async () => {
    const ctx = serviceContext(w.t, { id: null, username: "system" });
    const ref = `rollback-${Date.now()}`;
    await expect(
      w.t.db.transaction(async (tx) => {
        await openCase(tx, ctx, { projectId: w.PA.id, source: "testing", sourceRef: ref, category: "testing", grade: "major", title: "混凝土强度不合格" });
        throw new Error("caller failed");
      }),
    ).rejects.toThrow("caller failed");
    expect(await w.t.db.select().from(casesCases).where(eq(casesCases.sourceRef, ref))).toEqual([]);
  });

  it("counts open major cases of a project", async () => {
    const ctx = serviceContext(w.t, { id: null, username: "system" });
    const [project] = [await insertProject(w.t.db, [{ enterpriseId: w.B, role: "general_contractor" }])];
    expect(await openMajorCaseCount(w.t.db, project.id)).toBe(0);
    const major = await w.t.db.transaction((tx) => openCase(tx, ctx, { projectId: project.id, source: "patrol", category: "safety", grade: "major", title: "重大" }));
    await w.t.db.transaction((tx) => openCase(tx, ctx, { projectId: project.id, source: "patrol", category: "safety", grade: "general", title: "一般" }));
    expect(await openMajorCaseCount(w.t.db, project.id)).toBe(1);
    // 重大 → 15 days by the national default.
    const [row] = await w.t.db.select().from(casesCases).where(eq(casesCases.id, major.id));
    expect(Math.round((row.deadline.getTime() - row.createdAt.getTime()) / 86_400_000)).toBe(15);
    await w.t.db.update(casesCases).set({ state: "closed" }).where(eq(casesCases.id, major.id));
    expect(await openMajorCaseCount(w.t.db, project.id)).toBe(0);
  });
});

describe("stop-work orders and the project lifecycle", () => {
  const status = async (id: string) => (await w.t.db.select({ s: registryProjects.status }).from(registryProjects).where(eq(registryProjects.id, id)))[0].s;

  it("suspends the project with the order, resumes it only when the last order is lifted", async () => {
    const ent = await insertEnterprise(w.t.db);
    const project = await insertProject(w.t.db, [{ enterpriseId: ent, role: "general_contractor" }]);
    const contractor = await w.t.user("enterprise", { enterpriseId: ent });
    const general = await open(w.inspector, { projectId: project.id });
    const refusal = await act(w.inspector, general.id, "stop-work", { scope: "full", reason: "x" });
    expect(refusal.statusCode).toBe(422);
    expect(refusal.json().error.message).toContain("major");

    const one = await open(w.inspector, { projectId: project.id, grade: "major", title: "深基坑无第三方监测" });
    const two = await open(w.inspector, { projectId: project.id, grade: "major", title: "塔吊防坠安全器过期" });
    expect((await act(w.contractorA, one.id, "stop-work", { scope: "full", reason: "x" })).statusCode).toBe(403);
    const ordered = (await act(w.inspector, one.id, "stop-work", { scope: "partial", reason: "基坑北侧停止开挖" })).json() as CaseDetailDto;
    expect(ordered.stopWork).toBe("ordered");
    expect(ordered.stopWorkOrder).toMatchObject({ scope: "partial", reason: "基坑北侧停止开挖" });
    expect(await status(project.id)).toBe("suspended");
    expect((await act(w.inspector, one.id, "stop-work", { scope: "full", reason: "again" })).statusCode).toBe(422);
    // A second order on an already suspended project adds to it.
    expect((await act(w.inspector, two.id, "stop-work", { scope: "full", reason: "塔吊停用" })).statusCode).toBe(200);
    expect((await inbox(contractor)).some((n) => n.caseId === two.id && n.kind === "case.stop_work")).toBe(true);

    // 复工申请 only after the case is closed.
    expect((await act(contractor, one.id, "resume-apply", { report: "已整改" })).statusCode).toBe(422);
    const photo = await uploadPhoto(w.t, contractor);
    for (const c of [one, two]) {
      await act(contractor, c.id, "accept");
      await act(contractor, c.id, "reply", { measures: "已整改", photoIds: [photo] });
      expect((await act(w.inspector, c.id, "recheck", { passed: true })).json().state).toBe("closed");
    }
    expect((await act(contractor, one.id, "resume-apply", { report: "基坑第三方监测已进场" })).json().stopWork).toBe("resume_applied");
    expect((await act(contractor, one.id, "resume-decision", { approved: true })).statusCode).toBe(403);
    expect((await act(w.inspector, one.id, "resume-decision", { approved: true })).json().stopWork).toBe("resumed");
    expect(await status(project.id)).toBe("suspended");

    await act(contractor, two.id, "resume-apply", { report: "防坠安全器已检测" });
    expect((await act(w.inspector, two.id, "resume-decision", { approved: false })).statusCode).toBe(400);
    expect((await act(w.inspector, two.id, "resume-decision", { approved: false, reason: "缺检测报告" })).json().stopWork).toBe("ordered");
    expect(await status(project.id)).toBe("suspended");
    await act(contractor, two.id, "resume-apply", { report: "附检测报告" });
    expect((await act(w.inspector, two.id, "resume-decision", { approved: true })).json().stopWork).toBe("resumed");
    expect(await status(project.id)).toBe("resumed");

    const transitions = await w.t.db
      .select({ after: auditLog.after })
      .from(auditLog)
      .where(and(eq(auditLog.entityId, project.id), eq(auditLog.action, "registry.project.transitioned")))
      .orderBy(asc(auditLog.id));
    expect(transitions.map((t) => (t.after as { status: string }).status)).toEqual(["suspended", "resumed"]);
    const events = await w.t.db.select({ action: casesEvents.action }).from(casesEvents).where(eq(casesEvents.caseId, two.id)).orderBy(asc(casesEvents.id));
    expect(events.map((e) => e.action)).toEqual(["opened", "stop_work_ordered", "accepted", "replied", "passed", "resume_applied", "resume_denied", "resume_applied", "resume_approved"]);
  });

  it("a project that cannot be suspended refuses the order and nothing is written", async () => {
    const project = await insertProject(w.t.db, [{ enterpriseId: w.B, role: "general_contractor" }], "approved");
    const c = await open(w.inspector, { projectId: project.id, grade: "major" });
    const res = await act(w.inspector, c.id, "stop-work", { scope: "full", reason: "x" });
    expect(res.statusCode).toBe(422);
    const [row] = await w.t.db.select({ stopWork: casesCases.stopWork }).from(casesCases).where(eq(casesCases.id, c.id));
    expect(row.stopWork).toBe("none");
  });
});

describe("reading cases", () => {
  it("lists within scope, filters, sorts, paginates with the right total, and the board counts the same scope", async () => {
    const ent = await insertEnterprise(w.t.db);
    const project = await insertProject(w.t.db, [{ enterpriseId: ent, role: "general_contractor" }]);
    const mine = await w.t.user("enterprise", { enterpriseId: ent });
    const opened: OpenCaseResultDto[] = [];
    for (let i = 0; i < 5; i++) opened.push(await open(w.inspector, { projectId: project.id, grade: i < 2 ? "major" : "general", title: `列表${i}` }));
    await act(mine, opened[0].id, "accept");
    await w.t.db.update(casesCases).set({ overdueAt: new Date() }).where(eq(casesCases.id, opened[1].id));
    await open(w.inspector, { projectId: w.PB.id, title: "他人项目" });

    const list = async (user: TestUser, qs: string) => (await api(user, "GET", `/cases?${qs}`)).json() as { items: CaseDto[]; total: number };
    const all = await list(mine, "pageSize=200");
    expect(all.total).toBe(5);
    expect(all.items.every((c) => c.projectId === project.id)).toBe(true);
    expect(all.items.map((c) => c.title)).toEqual(["列表4", "列表3", "列表2", "列表1", "列表0"]);
    expect((await list(mine, "pageSize=2&page=2")).items.map((c) => c.title)).toEqual(["列表2", "列表1"]);
    expect((await list(mine, "pageSize=2&page=3")).total).toBe(5);
    expect((await list(mine, "pageSize=2&page=9")).total).toBe(5);
    expect((await list(mine, "pageSize=2&page=1")).total).toBe(5);
    expect((await list(mine, "state=rectifying")).items.map((c) => c.id)).toEqual([opened[0].id]);
    expect((await list(mine, "grade=major&sort=no")).items.map((c) => c.id)).toEqual([opened[0].id, opened[1].id]);
    expect((await list(mine, "overdue=true")).items.map((c) => c.id)).toEqual([opened[1].id]);
    expect((await list(mine, "overdue=false")).total).toBe(4);
    expect((await list(mine, `q=${encodeURIComponent(opened[3].no)}`)).items.map((c) => c.id)).toEqual([opened[3].id]);
    expect((await list(w.admin, `projectId=${project.id}&q=${encodeURIComponent("列表")}&pageSize=2`)).total).toBe(5);
    expect((await list(w.contractorB, `projectId=${project.id}`)).total).toBe(0);
    expect((await api(w.contractorB, "GET", `/cases/${opened[0].id}`)).statusCode).toBe(404);

    const board = (await api(mine, "GET", "/cases/board")).json() as CaseBoardDto;
    expect(board).toEqual({ byState: { pending: 4, rectifying: 1, review: 0, closed: 0 }, openMajor: 2, overdue: 1, stopWork: 0, closedLast30Days: 0 });
    const scoped = (await api(w.admin, "GET", `/cases/board?projectId=${project.id}`)).json() as CaseBoardDto;
    expect(scoped).toEqual(board);
    expect((await api(await w.t.user("testing_agency", { enterpriseId: ent }), "GET", "/cases/board")).statusCode).toBe(403);
  });

  it("exports the filtered list as xlsx with Chinese headers and labels", async () => {
    const c = await open(w.inspector, { projectId: w.PA.id, grade: "major", title: "导出用例" });
    const res = await api(w.contractorA, "GET", `/cases/export?q=${encodeURIComponent(c.no)}`);
    expect(res.statusCode).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const ws = wb.worksheets[0];
    expect(ws.getRow(1).getCell(1).value).toBe("通知书编号");
    expect(ws.getRow(2).getCell(1).value).toBe(c.no);
    expect(ws.getRow(2).getCell(7).value).toBe("重大");
    expect(ws.rowCount).toBe(2);
  });

  it("serves the notices as PDF within scope", async () => {
    const c = await open(w.inspector, { projectId: w.PA.id, grade: "major", title: "通知书用例" });
    const res = await api(w.contractorA, "GET", `/cases/${c.id}/notice.pdf`);
    expect(res.statusCode).toBe(200);
    expect(res.headers["content-type"]).toBe("application/pdf");
    expect(res.rawPayload.subarray(0, 5).toString()).toBe("%PDF-");
    expect((await api(w.contractorA, "GET", `/cases/${c.id}/stop-work.pdf`)).statusCode).toBe(422);
    expect((await api(w.contractorB, "GET", `/cases/${c.id}/notice.pdf`)).statusCode).toBe(404);
  });
});

