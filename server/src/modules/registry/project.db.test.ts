import ExcelJS from "exceljs";
import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { JobDto } from "@contracts/platform/common";
import type { ProjectDto, ProjectStatsDto, ProjectSummaryDto } from "@contracts/registry/project";
import { createTestApp, type TestApp, type TestUser } from "../../../../test/app";
import { auditLog } from "../../platform/audit/schema.js";
import { buildActor } from "../../platform/auth/actor.js";
import { EventBus, type DomainEvent } from "../../platform/events/bus.js";
import { transitionProject } from "./project.service.js";
import {
  EXPIRED_ON,
  insertEnterprise,
  insertManager,
  insertParticipant,
  insertPost,
  insertProject,
  multipartFile,
} from "./project.test-fixtures.js";
import { registryProjectParticipants, registryProjects } from "./schema.js";

let t: TestApp;
let admin: TestUser;
let inspector: TestUser;
let leader: TestUser;

beforeAll(async () => {
  t = await createTestApp();
  admin = await t.user("admin");
  inspector = await t.user("inspector", { domain: "safety" });
  leader = await t.user("leader");
});
afterAll(() => t.close());

const newProject = (over: Record<string, unknown> = {}) => ({
  code: `YK-${Math.random().toString(36).slice(2, 10)}`,
  name: "江南街道安置房工程",
  type: "building",
  district: "江南街道",
  address: "永康市江南街道金城路1号",
  lng: 120.03,
  lat: 28.89,
  plannedStart: "2025-03-01",
  plannedEnd: "2026-09-30",
  ...over,
});

const issuesOf = (body: string) => (JSON.parse(body).error.details?.issues ?? []) as { path: string; message: string }[];

async function waitForJob(user: TestUser, jobId: string): Promise<JobDto> {
  for (let i = 0; i < 200; i++) {
    const job = (await t.as(user, { method: "GET", url: `/api/v1/jobs/${jobId}` })).json() as JobDto;
    if (job.status !== "running") return job;
    await new Promise((r) => setTimeout(r, 25));
  }
  throw new Error("job did not finish");
}

describe("POST /projects", () => {
  it("registers a project as 立项 and audits it", async () => {
    const res = await t.as(inspector, { method: "POST", url: "/api/v1/projects", payload: newProject({ code: "YK-CREATE-1" }) });
    expect(res.statusCode).toBe(201);
    const p = res.json() as ProjectDto;
    expect(p).toMatchObject({ code: "YK-CREATE-1", status: "approved", participants: [], posts: [], lng: 120.03 });
    const audit = await t.db.select().from(auditLog).where(and(eq(auditLog.action, "registry.project.created"), eq(auditLog.entityId, p.id)));
    expect(audit).toHaveLength(1);
  });

  it("answers 409 naming code for a duplicate", async () => {
    await t.as(admin, { method: "POST", url: "/api/v1/projects", payload: newProject({ code: "YK-DUP-1" }) });
    const res = await t.as(admin, { method: "POST", url: "/api/v1/projects", payload: newProject({ code: "YK-DUP-1" }) });
    expect(res.statusCode).toBe(409);
    expect(issuesOf(res.body)[0].path).toBe("code");
  });

  it("two concurrent creations with one code: one 201, one 409 naming code", async () => {
    const payload = newProject({ code: "YK-RACE-1" });
    const results = await Promise.all([0, 1].map(() => t.as(admin, { method: "POST", url: "/api/v1/projects", payload })));
    expect(results.map((r) => r.statusCode).sort()).toEqual([201, 409]);
    expect(issuesOf(results.find((r) => r.statusCode === 409)?.body ?? "{}")[0].path).toBe("code");
  });

  it.each([
    ["plannedEnd", { plannedStart: "2025-05-01", plannedEnd: "2025-04-30" }],
    ["lng", { lng: 121.5, lat: 28.9 }],
    ["lat", { lng: 120.0, lat: 30.2 }],
    ["lat", { lng: 120.0, lat: null }],
  ])("answers 400 naming %s for a bad value and writes nothing", async (field, over) => {
    const code = `YK-BAD-${field}-${Math.random().toString(36).slice(2, 6)}`;
    const res = await t.as(admin, { method: "POST", url: "/api/v1/projects", payload: newProject({ code, ...over }) });
    expect(res.statusCode).toBe(400);
    expect(JSON.parse(res.body).error.code).toBe("VALIDATION");
    expect(issuesOf(res.body).map((i) => i.path)).toEqual([field]);
    expect(await t.db.select().from(registryProjects).where(eq(registryProjects.code, code))).toHaveLength(0);
  });

  it("refuses roles without registry.project.create (403)", async () => {
    const e = await insertEnterprise(t.db);
    const contractor = await t.user("enterprise", { enterpriseId: e.id });
    for (const u of [leader, contractor]) {
      expect((await t.as(u, { method: "POST", url: "/api/v1/projects", payload: newProject() })).statusCode).toBe(403);
    }
  });
});

describe("GET /projects list", () => {
  let gc: Awaited<ReturnType<typeof insertEnterprise>>;
  let pmId: string;
  beforeAll(async () => {
    gc = await insertEnterprise(t.db, { name: "永康市列表总包建设有限公司" });
    const pm = await insertManager(t.db, gc.id, "列表经理");
    pmId = pm.id;
    const a = await insertProject(t.db, { code: "LST-A01", name: "西城街道列表学校工程", type: "building", district: "西城街道", status: "in_progress", contractValueWan: 5000, permitNo: "PMT-LIST-001" });
    await insertProject(t.db, { code: "LST-B02", name: "西城街道列表道路工程", type: "municipal", district: "西城街道", status: "approved", contractValueWan: 9000 });
    await insertProject(t.db, { code: "LST-C03", name: "西城街道列表公园工程", type: "landscape", district: "西城街道", status: "completed", contractValueWan: 100 });
    await insertParticipant(t.db, a.id, gc.id, "general_contractor");
    await insertPost(t.db, a.id, pm.id, gc.id, "project_manager");
  });

  const list = async (query: string) => {
    const res = await t.as(leader, { method: "GET", url: `/api/v1/projects?district=西城街道&${query}` });
    expect(res.statusCode).toBe(200);
    return res.json() as { items: ProjectSummaryDto[]; total: number; page: number; pageSize: number };
  };

  it("pages with the total and names the general contractor and current project manager", async () => {
    const page = await list("pageSize=2&sort=code");
    expect(page.total).toBe(3);
    expect(page.items.map((p) => p.code)).toEqual(["LST-A01", "LST-B02"]);
    expect(page.items[0]).toMatchObject({ generalContractor: "永康市列表总包建设有限公司", projectManager: "列表经理" });
    expect(page.items[1]).toMatchObject({ generalContractor: null, projectManager: null });
    const second = await list("pageSize=2&page=2&sort=code");
    expect(second.items.map((p) => p.code)).toEqual(["LST-C03"]);
    expect(second.total).toBe(3);
  });

  it("filters by status and type (csv), enterprise and person", async () => {
    expect((await list("status=in_progress,completed&sort=code")).items.map((p) => p.code)).toEqual(["LST-A01", "LST-C03"]);
    expect((await list("type=municipal")).items.map((p) => p.code)).toEqual(["LST-B02"]);
    expect((await list(`enterpriseId=${gc.id}`)).items.map((p) => p.code)).toEqual(["LST-A01"]);
    expect((await list(`personId=${pmId}`)).items.map((p) => p.code)).toEqual(["LST-A01"]);
  });

  it("searches name (contains), code (prefix) and permit number, with LIKE wildcards taken literally", async () => {
    expect((await list("q=公园")).items.map((p) => p.code)).toEqual(["LST-C03"]);
    expect((await list("q=lst-b")).items.map((p) => p.code)).toEqual(["LST-B02"]);
    expect((await list("q=B02")).total).toBe(0);
    expect((await list("q=PMT-LIST")).items.map((p) => p.code)).toEqual(["LST-A01"]);
    expect((await list("q=%")).total).toBe(0);
  });

  it("sorts ascending and descending, default -updatedAt", async () => {
    expect((await list("sort=-contractValueWan")).items.map((p) => p.code)).toEqual(["LST-B02", "LST-A01", "LST-C03"]);
    expect((await list("sort=contractValueWan")).items.map((p) => p.code)).toEqual(["LST-C03", "LST-A01", "LST-B02"]);
    const byDefault = (await list("")).items.map((p) => p.updatedAt);
    expect(byDefault).toEqual([...byDefault].sort().reverse());
  });

  it("rejects an unknown sort field or status naming the parameter", async () => {
    const res = await t.as(leader, { method: "GET", url: "/api/v1/projects?sort=password" });
    expect(res.statusCode).toBe(400);
    expect(issuesOf(res.body)[0].path).toBe("sort");
    expect((await t.as(leader, { method: "GET", url: "/api/v1/projects?status=flying" })).statusCode).toBe(400);
  });
});

describe("data scope", () => {
  let mine: Awaited<ReturnType<typeof insertProject>>;
  let theirs: Awaited<ReturnType<typeof insertProject>>;
  let contractor: TestUser;
  let projectUser: TestUser;
  beforeAll(async () => {
    const a = await insertEnterprise(t.db);
    const b = await insertEnterprise(t.db);
    mine = await insertProject(t.db, { district: "龙山镇", address: "老地址" });
    theirs = await insertProject(t.db, { district: "龙山镇" });
    await insertParticipant(t.db, mine.id, a.id, "general_contractor");
    await insertParticipant(t.db, theirs.id, b.id, "general_contractor");
    contractor = await t.user("enterprise", { enterpriseId: a.id });
    projectUser = await t.user("project", { projectIds: [theirs.id] });
  });

  it("an enterprise user lists only projects its enterprise takes part in", async () => {
    const page = (await t.as(contractor, { method: "GET", url: "/api/v1/projects?district=龙山镇" })).json();
    expect(page.items.map((p: ProjectSummaryDto) => p.id)).toEqual([mine.id]);
    const stats = (await t.as(contractor, { method: "GET", url: "/api/v1/projects/stats" })).json() as ProjectStatsDto;
    expect(stats.total).toBe(1);
  });

  it("another enterprise's project is 404 on GET and PATCH", async () => {
    expect((await t.as(contractor, { method: "GET", url: `/api/v1/projects/${theirs.id}` })).statusCode).toBe(404);
    expect((await t.as(contractor, { method: "PATCH", url: `/api/v1/projects/${theirs.id}`, payload: { name: "改名" } })).statusCode).toBe(404);
    expect((await t.as(projectUser, { method: "GET", url: `/api/v1/projects/${mine.id}` })).statusCode).toBe(404);
    expect((await t.as(projectUser, { method: "GET", url: `/api/v1/projects/${theirs.id}` })).statusCode).toBe(200);
  });

  it("an enterprise user may PATCH its own project; omitted fields stay as they were", async () => {
    const res = await t.as(contractor, { method: "PATCH", url: `/api/v1/projects/${mine.id}`, payload: { name: "龙山镇新名称工程", permitNo: "PMT-9" } });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ name: "龙山镇新名称工程", permitNo: "PMT-9", address: "老地址" });
    const [entry] = await t.db.select().from(auditLog).where(and(eq(auditLog.action, "registry.project.updated"), eq(auditLog.entityId, mine.id)));
    expect(entry.before).toMatchObject({ name: mine.name });
    expect(entry.after).toMatchObject({ name: "龙山镇新名称工程" });
  });

  it("PATCH checks dates against the stored values and the leader may not PATCH", async () => {
    await t.as(admin, { method: "PATCH", url: `/api/v1/projects/${mine.id}`, payload: { plannedStart: "2025-05-01" } });
    const res = await t.as(admin, { method: "PATCH", url: `/api/v1/projects/${mine.id}`, payload: { plannedEnd: "2025-01-01" } });
    expect(res.statusCode).toBe(400);
    expect(issuesOf(res.body).map((i) => i.path)).toEqual(["plannedEnd"]);
    expect((await t.as(leader, { method: "PATCH", url: `/api/v1/projects/${mine.id}`, payload: { name: "x" } })).statusCode).toBe(403);
  });

  it("bound roles see no lifecycle buttons and may not transition (403)", async () => {
    const dto = (await t.as(contractor, { method: "GET", url: `/api/v1/projects/${mine.id}` })).json() as ProjectDto;
    expect(dto.allowedTransitions).toEqual([]);
    const res = await t.as(contractor, { method: "POST", url: `/api/v1/projects/${mine.id}/transitions`, payload: { to: "in_progress" } });
    expect(res.statusCode).toBe(403);
  });
});

describe("lifecycle transitions", () => {
  it("refuses to start without permit, general contractor and project manager, then starts once they exist", async () => {
    const p = await insertProject(t.db);
    let res = await t.as(inspector, { method: "POST", url: `/api/v1/projects/${p.id}/transitions`, payload: { to: "in_progress" } });
    expect(res.statusCode).toBe(422);
    expect(JSON.parse(res.body).error).toMatchObject({ code: "PRECONDITION_FAILED", details: { from: "approved", to: "in_progress" } });
    expect(JSON.parse(res.body).error.details.reasons).toHaveLength(3);

    const gc = await insertEnterprise(t.db);
    const pm = await insertManager(t.db, gc.id);
    await insertParticipant(t.db, p.id, gc.id, "general_contractor");
    await insertPost(t.db, p.id, pm.id, gc.id, "project_manager");
    await t.db.update(registryProjects).set({ permitNo: "330784-PMT-1" }).where(eq(registryProjects.id, p.id));
    const before = (await t.as(inspector, { method: "GET", url: `/api/v1/projects/${p.id}` })).json() as ProjectDto;
    expect(before.allowedTransitions).toEqual(["in_progress"]);

    res = await t.as(inspector, { method: "POST", url: `/api/v1/projects/${p.id}/transitions`, payload: { to: "in_progress", on: "2025-02-01" } });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ status: "in_progress", actualStart: "2025-02-01", allowedTransitions: ["suspended", "completed"] });

    res = await t.as(inspector, { method: "POST", url: `/api/v1/projects/${p.id}/transitions`, payload: { to: "suspended" } });
    expect(res.statusCode).toBe(400);
    expect(issuesOf(res.body)[0].path).toBe("reason");
    res = await t.as(inspector, { method: "POST", url: `/api/v1/projects/${p.id}/transitions`, payload: { to: "resumed" } });
    expect(res.statusCode).toBe(422);
    expect(JSON.parse(res.body).error.message).toContain("in_progress → resumed");
  });

  it("refuses to start while the project manager manages another live project", async () => {
    const gc = await insertEnterprise(t.db);
    const pm = await insertManager(t.db, gc.id);
    const live = await insertProject(t.db, { status: "in_progress", code: "LIVE-BUSY-1", name: "方岩镇在建工程" });
    const next = await insertProject(t.db, { permitNo: "PMT-2" });
    for (const p of [live, next]) {
      await insertParticipant(t.db, p.id, gc.id, "general_contractor");
      await insertPost(t.db, p.id, pm.id, gc.id, "project_manager");
    }
    const res = await t.as(admin, { method: "POST", url: `/api/v1/projects/${next.id}/transitions`, payload: { to: "in_progress" } });
    expect(res.statusCode).toBe(422);
    expect(JSON.parse(res.body).error.message).toContain("LIVE-BUSY-1");
  });

  it("sets actualEnd on completion, audits and publishes statusChanged after commit", async () => {
    const p = await insertProject(t.db, { status: "resumed", permitNo: "PMT-3", actualStart: "2024-05-01" });
    const events = new EventBus();
    const seen: DomainEvent[] = [];
    events.on("registry.project.statusChanged", (e) => void seen.push(e));
    const actor = buildActor({ id: null, username: "tester", displayName: "tester", role: "inspector" });
    const ctx = t.context(actor, { events });
    const dto = await transitionProject(ctx, p.id, { to: "completed", on: "2025-01-20" });
    expect(dto).toMatchObject({ status: "completed", actualEnd: "2025-01-20", allowedTransitions: [] });
    await new Promise((r) => setTimeout(r, 10));
    expect(seen).toEqual([{ type: "registry.project.statusChanged", payload: expect.objectContaining({ projectId: p.id, from: "resumed", to: "completed" }) }]);
    const audit = await t.db.select().from(auditLog).where(and(eq(auditLog.action, "registry.project.transitioned"), eq(auditLog.entityId, p.id)));
    expect(audit).toHaveLength(1);
    expect(audit[0].before).toMatchObject({ status: "resumed" });
  });

  it("a live project keeps its permit number", async () => {
    const p = await insertProject(t.db, { status: "in_progress", permitNo: "PMT-4" });
    const res = await t.as(admin, { method: "PATCH", url: `/api/v1/projects/${p.id}`, payload: { permitNo: null } });
    expect(res.statusCode).toBe(400);
    expect(issuesOf(res.body)[0].path).toBe("permitNo");
  });
});

describe("stats, export and import", () => {
  it("counts by status, type and district within scope", async () => {
    const stats = (await t.as(leader, { method: "GET", url: "/api/v1/projects/stats" })).json() as ProjectStatsDto;
    const [{ n }] = await t.db.$count(registryProjects).then((n) => [{ n }]);
    expect(stats.total).toBe(n);
    expect(Object.values(stats.byStatus).reduce((a, b) => a + b, 0)).toBe(n);
    expect(Object.values(stats.byType).reduce((a, b) => a + b, 0)).toBe(n);
    expect(stats.byDistrict.reduce((a, b) => a + b.count, 0)).toBe(n);
    expect(stats.byStatus.completed).toBeGreaterThanOrEqual(1);
    expect(stats.byDistrict.find((d) => d.district === "西城街道")?.count).toBe(3);
  });

  it("exports the filtered list as a readable xlsx", async () => {
    const res = await t.as(leader, { method: "GET", url: "/api/v1/projects/export?district=西城街道&sort=code" });
    expect(res.statusCode).toBe(200);
    expect(res.headers["content-type"]).toContain("spreadsheetml");
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const ws = wb.worksheets[0];
    expect(ws.getRow(1).getCell(1).value).toBe("项目编号");
    expect(ws.rowCount).toBe(4);
    expect(ws.getRow(2).getCell(1).value).toBe("LST-A01");
    expect(ws.getRow(2).getCell(3).value).toBe("房屋建筑");
  });

  async function sheet(rows: (string | number | null)[][]): Promise<Buffer> {
    const template = await t.as(inspector, { method: "GET", url: "/api/v1/projects/import-template" });
    expect(template.statusCode).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(template.rawPayload as unknown as ArrayBuffer);
    const ws = wb.worksheets[0];
    for (const r of rows) ws.addRow(r);
    return Buffer.from(await wb.xlsx.writeBuffer());
  }

  const upload = (user: TestUser, file: Buffer, name = "projects.xlsx") =>
    t.as(user, { method: "POST", url: "/api/v1/projects/import", ...multipartFile("file", name, file, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet") });

  it("imports a good sheet with participants as 立项", async () => {
    const builder = await insertEnterprise(t.db, { type: "builder", qualifiedUntil: null });
    const gc = await insertEnterprise(t.db);
    const file = await sheet([
      ["IMP-0001", "古山镇导入厂房工程", "房屋建筑", "古山镇", "古山镇工业区", 120.1, 28.9, 12000, 3500.5, "PMT-IMP-1", "2025-03-01", "2026/3/1", builder.creditCode, gc.creditCode, null],
      ["IMP-0002", "古山镇导入道路工程", "市政工程", "古山镇", null, null, null, null, null, null, null, null, null, null, null],
    ]);
    const res = await upload(inspector, file);
    expect(res.statusCode).toBe(202);
    const job = await waitForJob(inspector, res.json().jobId);
    expect(job).toMatchObject({ status: "succeeded", result: { imported: 2 } });
    const [p1] = await t.db.select().from(registryProjects).where(eq(registryProjects.code, "IMP-0001"));
    expect(p1).toMatchObject({ status: "approved", type: "building", plannedEnd: "2026-03-01", contractValueWan: 3500.5 });
    const parts = await t.db.select().from(registryProjectParticipants).where(eq(registryProjectParticipants.projectId, p1.id));
    expect(parts.map((p) => p.role).sort()).toEqual(["builder", "general_contractor"]);
  });

  it("imports nothing when any row is bad and lists every bad row with its column", async () => {
    const expired = await insertEnterprise(t.db, { qualifiedUntil: EXPIRED_ON });
    const file = await sheet([
      ["IMP-OK-01", "好的工程", "房屋建筑", "古山镇", null, null, null, null, null, null, null, null, null, null, null],
      ["IMP-BAD-02", "坏类型工程", "飞行器", "古山镇", null, null, null, null, null, null, null, null, null, null, null],
      ["IMP-BAD-03", "未知企业工程", "房屋建筑", "古山镇", null, null, null, null, null, null, null, null, "91330784XXXXXXXXX1", null, null],
      ["IMP-0001", "重复编号工程", "房屋建筑", "古山镇", null, null, null, null, null, null, null, null, null, null, null],
      ["IMP-BAD-05", "坐标工程", "房屋建筑", "古山镇", null, 125, 28.9, null, null, null, "2025-05-01", "2025-04-01", null, expired.creditCode, null],
    ]);
    const job = await waitForJob(inspector, (await upload(inspector, file)).json().jobId);
    expect(job.status).toBe("failed");
    const issues = (job.error as { code: string; details: { issues: { row: number; column: string }[] } }).details.issues;
    expect((job.error as { code: string }).code).toBe("VALIDATION");
    expect(issues.map((i) => `${i.row}:${i.column}`).sort()).toEqual(
      ["3:项目类型", "4:建设单位信用代码", "5:项目编号", "6:经度", "6:计划竣工", "6:施工总承包信用代码"].sort(),
    );
    expect(await t.db.select().from(registryProjects).where(eq(registryProjects.code, "IMP-OK-01"))).toHaveLength(0);
  });

  it("refuses a non-xlsx upload naming file, and users without registry.import", async () => {
    const res = await upload(inspector, Buffer.from("a,b\n1,2"), "projects.csv");
    expect(res.statusCode).toBe(400);
    expect(issuesOf(res.body)[0].path).toBe("file");
    const fake = await upload(inspector, Buffer.from("not a workbook"), "projects.xlsx");
    expect(fake.statusCode).toBe(400);
    expect(issuesOf(fake.body)[0].path).toBe("file");
    expect((await upload(leader, Buffer.from("x"))).statusCode).toBe(403);
  });
});
