import { and, eq, isNull } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { ParticipantDto, PostDto, ProjectDto } from "@contracts/registry/project";
import { createTestApp, type TestApp, type TestUser } from "../../../../test/app";
import { auditLog } from "../../platform/audit/schema.js";
import {
  EXPIRED_ON,
  insertEnterprise,
  insertManager,
  insertParticipant,
  insertPerson,
  insertPost,
  insertProject,
  VALID_UNTIL,
} from "./project.test-fixtures.js";
import { registryProjectPosts } from "./schema.js";

let t: TestApp;
let admin: TestUser;
let leader: TestUser;

beforeAll(async () => {
  t = await createTestApp();
  admin = await t.user("admin");
  leader = await t.user("leader");
});
afterAll(() => t.close());

const errorOf = (body: string) => JSON.parse(body).error as { code: string; message: string; details?: { issues?: { path: string }[]; project?: { id: string; code: string; name: string } } };

/** A project with a qualified general contractor and supervisor taking part. */
async function staffedProject(status: "approved" | "in_progress" = "approved", name?: string) {
  const gc = await insertEnterprise(t.db);
  const sup = await insertEnterprise(t.db, { type: "supervisor" });
  const project = await insertProject(t.db, { status, permitNo: "PMT-1", ...(name ? { name } : {}) });
  await insertParticipant(t.db, project.id, gc.id, "general_contractor");
  await insertParticipant(t.db, project.id, sup.id, "supervisor");
  return { project, gc, sup };
}

const assign = (user: TestUser, projectId: string, payload: Record<string, unknown>) =>
  t.as(user, { method: "POST", url: `/api/v1/projects/${projectId}/posts`, payload });

describe("participants", () => {
  it("adds a qualified enterprise (201) and refuses a duplicate (409)", async () => {
    const project = await insertProject(t.db);
    const e = await insertEnterprise(t.db);
    const res = await t.as(admin, { method: "POST", url: `/api/v1/projects/${project.id}/participants`, payload: { enterpriseId: e.id, role: "general_contractor" } });
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({ enterpriseId: e.id, enterpriseName: e.name, creditCode: e.creditCode, role: "general_contractor" } satisfies Partial<ParticipantDto>);
    const again = await t.as(admin, { method: "POST", url: `/api/v1/projects/${project.id}/participants`, payload: { enterpriseId: e.id, role: "general_contractor" } });
    expect(again.statusCode).toBe(409);
  });

  it.each([
    ["expired", { qualifiedUntil: EXPIRED_ON }, "过期"],
    ["missing", { qualifiedUntil: null }, "无资质"],
    ["suspended", { status: "suspended" }, "状态异常"],
  ] as const)("refuses an enterprise whose qualification is %s (422 naming enterpriseId)", async (_case, opts, text) => {
    const project = await insertProject(t.db);
    const e = await insertEnterprise(t.db, opts);
    const res = await t.as(admin, { method: "POST", url: `/api/v1/projects/${project.id}/participants`, payload: { enterpriseId: e.id, role: "supervisor" } });
    expect(res.statusCode).toBe(422);
    const err = errorOf(res.body);
    expect(err.code).toBe("PRECONDITION_FAILED");
    expect(err.message).toContain(text);
    expect(err.details?.issues?.[0].path).toBe("enterpriseId");
  });

  it("a builder (建设单位) needs no qualification", async () => {
    const project = await insertProject(t.db);
    const e = await insertEnterprise(t.db, { type: "builder", qualifiedUntil: null });
    const res = await t.as(admin, { method: "POST", url: `/api/v1/projects/${project.id}/participants`, payload: { enterpriseId: e.id, role: "builder" } });
    expect(res.statusCode).toBe(201);
  });

  it("only the bureau adds or removes participants (403 for a bound user in scope)", async () => {
    const { project, gc } = await staffedProject();
    const contractor = await t.user("enterprise", { enterpriseId: gc.id });
    const other = await insertEnterprise(t.db);
    const res = await t.as(contractor, { method: "POST", url: `/api/v1/projects/${project.id}/participants`, payload: { enterpriseId: other.id, role: "specialty_subcontractor" } });
    expect(res.statusCode).toBe(403);
  });

  it("refuses to remove a participant whose people hold current posts, then removes it once they ended", async () => {
    const { project, gc } = await staffedProject();
    const pm = await insertManager(t.db, gc.id, "在岗经理");
    const post = await insertPost(t.db, project.id, pm.id, gc.id, "project_manager");
    const dto = (await t.as(admin, { method: "GET", url: `/api/v1/projects/${project.id}` })).json() as ProjectDto;
    const participant = dto.participants.find((p) => p.role === "general_contractor");
    const url = `/api/v1/projects/${project.id}/participants/${participant?.id}`;
    const refused = await t.as(admin, { method: "DELETE", url });
    expect(refused.statusCode).toBe(409);
    expect(errorOf(refused.body).message).toContain("在岗经理");
    await t.as(admin, { method: "POST", url: `/api/v1/projects/${project.id}/posts/${post.id}/end`, payload: {} });
    expect((await t.as(admin, { method: "DELETE", url })).statusCode).toBe(204);
    const after = (await t.as(admin, { method: "GET", url: `/api/v1/projects/${project.id}` })).json() as ProjectDto;
    expect(after.participants.map((p) => p.role)).toEqual(["supervisor"]);
    const audit = await t.db.select().from(auditLog).where(and(eq(auditLog.action, "registry.participant.removed"), eq(auditLog.entityId, project.id)));
    expect(audit).toHaveLength(1);
  });
});

describe("key posts", () => {
  it("appoints a certified employee of the general contractor as project manager (201) and audits it", async () => {
    const { project, gc } = await staffedProject();
    const pm = await insertManager(t.db, gc.id, "王经理");
    const res = await assign(admin, project.id, { personId: pm.id, post: "project_manager", startedOn: "2025-01-02" });
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({ personId: pm.id, personName: "王经理", enterpriseId: gc.id, enterpriseName: gc.name, post: "project_manager", startedOn: "2025-01-02", endedOn: null } satisfies Partial<PostDto>);
    const dto = (await t.as(admin, { method: "GET", url: `/api/v1/projects/${project.id}` })).json() as ProjectDto;
    expect(dto.projectManager).toBe("王经理");
    const audit = await t.db.select().from(auditLog).where(and(eq(auditLog.action, "registry.post.assigned"), eq(auditLog.entityId, project.id)));
    expect(audit).toHaveLength(1);
  });

  it("refuses a person whose employer takes no suitable part in the project (422 naming personId)", async () => {
    const { project, sup } = await staffedProject();
    const outsider = await insertManager(t.db, (await insertEnterprise(t.db)).id);
    let res = await assign(admin, project.id, { personId: outsider.id, post: "project_manager" });
    expect(res.statusCode).toBe(422);
    expect(errorOf(res.body).details?.issues?.[0].path).toBe("personId");
    // The supervisor's engineer cannot be the contractor's project manager.
    const supervisorStaff = await insertManager(t.db, sup.id);
    res = await assign(admin, project.id, { personId: supervisorStaff.id, post: "project_manager" });
    expect(res.statusCode).toBe(422);
    const unemployed = await insertPerson(t.db, null, [["constructor", VALID_UNTIL], ["safety_b", VALID_UNTIL]]);
    expect((await assign(admin, project.id, { personId: unemployed.id, post: "project_manager" })).statusCode).toBe(422);
  });

  it("refuses a missing or expired certificate, naming it in zh and en", async () => {
    const { project, gc, sup } = await staffedProject();
    const noSafetyB = await insertPerson(t.db, gc.id, [["constructor", VALID_UNTIL]]);
    let res = await assign(admin, project.id, { personId: noSafetyB.id, post: "project_manager" });
    expect(res.statusCode).toBe(422);
    expect(errorOf(res.body).message).toContain("缺少安全生产考核合格证(B)");
    expect(errorOf(res.body).message).toContain("Safety certificate B");

    const expired = await insertPerson(t.db, gc.id, [["constructor", EXPIRED_ON], ["safety_b", VALID_UNTIL]]);
    res = await assign(admin, project.id, { personId: expired.id, post: "project_manager" });
    expect(res.statusCode).toBe(422);
    expect(errorOf(res.body).message).toContain(`注册建造师已于 ${EXPIRED_ON} 过期`);
    expect(errorOf(res.body).message).toContain("Registered constructor expired");

    const chief = await insertPerson(t.db, sup.id, [["supervisor", EXPIRED_ON]]);
    res = await assign(admin, project.id, { personId: chief.id, post: "chief_supervisor" });
    expect(res.statusCode).toBe(422);
    expect(errorOf(res.body).message).toContain("注册监理工程师");
    const officer = await insertPerson(t.db, gc.id, [["safety_c", VALID_UNTIL]]);
    expect((await assign(admin, project.id, { personId: officer.id, post: "safety_officer" })).statusCode).toBe(201);
  });

  it("a project manager of a live project cannot manage another: 409 naming the other project", async () => {
    const live = await staffedProject("in_progress", "芝英镇在建综合楼工程");
    const next = await staffedProject();
    const pm = await insertManager(t.db, live.gc.id);
    await insertParticipant(t.db, next.project.id, live.gc.id, "general_contractor");
    expect((await assign(admin, live.project.id, { personId: pm.id, post: "project_manager" })).statusCode).toBe(201);
    const res = await assign(admin, next.project.id, { personId: pm.id, post: "project_manager" });
    expect(res.statusCode).toBe(409);
    const err = errorOf(res.body);
    expect(err.message).toContain(live.project.code);
    expect(err.message).toContain("芝英镇在建综合楼工程");
    expect(err.details?.project).toEqual({ id: live.project.id, code: live.project.code, name: "芝英镇在建综合楼工程" });
  });

  it("managing a project that is only 立项 does not block another appointment; ending the live post frees the person", async () => {
    const gc = await insertEnterprise(t.db);
    const pm = await insertManager(t.db, gc.id);
    const a = await insertProject(t.db);
    const b = await insertProject(t.db, { status: "in_progress", permitNo: "P" });
    const c = await insertProject(t.db);
    for (const p of [a, b, c]) await insertParticipant(t.db, p.id, gc.id, "general_contractor");
    expect((await assign(admin, a.id, { personId: pm.id, post: "project_manager" })).statusCode).toBe(201);
    const onB = await assign(admin, b.id, { personId: pm.id, post: "project_manager", startedOn: "2025-01-02" });
    expect(onB.statusCode).toBe(201);
    expect((await assign(admin, c.id, { personId: pm.id, post: "project_manager" })).statusCode).toBe(409);
    const end = await t.as(admin, { method: "POST", url: `/api/v1/projects/${b.id}/posts/${onB.json().id}/end`, payload: { endedOn: "2025-01-05" } });
    expect(end.statusCode).toBe(200);
    expect(end.json()).toMatchObject({ endedOn: "2025-01-05" });
    expect((await assign(admin, c.id, { personId: pm.id, post: "project_manager" })).statusCode).toBe(201);
  });

  it("one current project manager and one chief supervisor per project (409)", async () => {
    const { project, gc, sup } = await staffedProject();
    expect((await assign(admin, project.id, { personId: (await insertManager(t.db, gc.id)).id, post: "project_manager" })).statusCode).toBe(201);
    expect((await assign(admin, project.id, { personId: (await insertManager(t.db, gc.id)).id, post: "project_manager" })).statusCode).toBe(409);
    const chief = () => insertPerson(t.db, sup.id, [["supervisor", VALID_UNTIL]]);
    expect((await assign(admin, project.id, { personId: (await chief()).id, post: "chief_supervisor" })).statusCode).toBe(201);
    expect((await assign(admin, project.id, { personId: (await chief()).id, post: "chief_supervisor" })).statusCode).toBe(409);
    // Several safety officers are normal on a large site.
    for (let i = 0; i < 2; i++) {
      const officer = await insertPerson(t.db, gc.id, [["safety_c", VALID_UNTIL]]);
      expect((await assign(admin, project.id, { personId: officer.id, post: "safety_officer" })).statusCode).toBe(201);
    }
  });

  it("two concurrent appointments of one person to two live projects: exactly one wins", async () => {
    const gc = await insertEnterprise(t.db);
    const pm = await insertManager(t.db, gc.id);
    const projects = await Promise.all([0, 1].map(() => insertProject(t.db, { status: "in_progress", permitNo: "P" })));
    for (const p of projects) await insertParticipant(t.db, p.id, gc.id, "general_contractor");
    const results = await Promise.all(projects.map((p) => assign(admin, p.id, { personId: pm.id, post: "project_manager" })));
    expect(results.map((r) => r.statusCode).sort()).toEqual([201, 409]);
    const current = await t.db
      .select()
      .from(registryProjectPosts)
      .where(and(eq(registryProjectPosts.personId, pm.id), isNull(registryProjectPosts.endedOn)));
    expect(current).toHaveLength(1);
  });

  it("ending a post: 409 when already ended, 400 naming endedOn before the start", async () => {
    const { project, gc } = await staffedProject();
    const post = await insertPost(t.db, project.id, (await insertManager(t.db, gc.id)).id, gc.id, "technical_lead");
    const url = `/api/v1/projects/${project.id}/posts/${post.id}/end`;
    const early = await t.as(admin, { method: "POST", url, payload: { endedOn: "2023-12-31" } });
    expect(early.statusCode).toBe(400);
    expect(errorOf(early.body).details?.issues?.[0].path).toBe("endedOn");
    expect((await t.as(admin, { method: "POST", url, payload: {} })).statusCode).toBe(200);
    expect((await t.as(admin, { method: "POST", url, payload: {} })).statusCode).toBe(409);
    const dto = (await t.as(admin, { method: "GET", url: `/api/v1/projects/${project.id}` })).json() as ProjectDto;
    expect(dto.posts).toHaveLength(1);
    expect(dto.posts[0].endedOn).not.toBeNull();
  });
});

describe("post scope and permissions", () => {
  it("an enterprise user manages posts of its own projects; another's project is 404; the leader is 403", async () => {
    const mine = await staffedProject();
    const theirs = await staffedProject();
    const contractor = await t.user("enterprise", { enterpriseId: mine.gc.id });
    const res = await assign(contractor, mine.project.id, { personId: (await insertManager(t.db, mine.gc.id)).id, post: "project_manager" });
    expect(res.statusCode).toBe(201);
    const foreign = await assign(contractor, theirs.project.id, { personId: (await insertManager(t.db, theirs.gc.id)).id, post: "project_manager" });
    expect(foreign.statusCode).toBe(404);
    const post = await insertPost(t.db, theirs.project.id, (await insertManager(t.db, theirs.gc.id)).id, theirs.gc.id, "technical_lead");
    const end = await t.as(contractor, { method: "POST", url: `/api/v1/projects/${theirs.project.id}/posts/${post.id}/end`, payload: {} });
    expect(end.statusCode).toBe(404);
    const byLeader = await assign(leader, mine.project.id, { personId: (await insertManager(t.db, mine.gc.id)).id, post: "technical_lead" });
    expect(byLeader.statusCode).toBe(403);
  });
});
