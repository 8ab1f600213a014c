import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, TEST_PASSWORD, type TestApp, type TestUser } from "../../../../test/app";
import { auditLog } from "../../platform/audit/schema";
import { registryEnterprises, registryProjects } from "../registry/schema.js";
import { authUsers } from "./schema";

let t: TestApp;
let admin: TestUser;
const ids = { contractor: "", testing: "", gas: "", projectA: "", projectB: "" };

beforeAll(async () => {
  t = await createTestApp();
  admin = await t.user("admin");
  const ents = await t.db
    .insert(registryEnterprises)
    .values([
      { name: "永康建工集团", creditCode: "91330784MA0000001X", type: "contractor", legalRep: "张三" },
      { name: "金华检测中心", creditCode: "91330784MA0000002X", type: "testing", legalRep: "李四" },
      { name: "永康燃气公司", creditCode: "91330784MA0000003X", type: "gas", legalRep: "王五" },
    ])
    .returning({ id: registryEnterprises.id, type: registryEnterprises.type });
  ids.contractor = ents.find((e) => e.type === "contractor")!.id;
  ids.testing = ents.find((e) => e.type === "testing")!.id;
  ids.gas = ents.find((e) => e.type === "gas")!.id;
  const projects = await t.db
    .insert(registryProjects)
    .values([
      { code: "YK-U-0001", name: "用户测试项目甲", type: "building", district: "东城街道" },
      { code: "YK-U-0002", name: "用户测试项目乙", type: "municipal", district: "西城街道" },
    ])
    .returning({ id: registryProjects.id });
  ids.projectA = projects[0].id;
  ids.projectB = projects[1].id;
});
afterAll(() => t.close());

let n = 0;
const uname = (p: string) => `${p}_${++n}`;
const create = (body: Record<string, unknown>, as: TestUser = admin) =>
  t.as(as, { method: "POST", url: "/api/v1/admin/users", payload: { displayName: "测试用户", password: TEST_PASSWORD, ...body } });
const patch = (id: string, body: Record<string, unknown>, as: TestUser = admin) => t.as(as, { method: "PATCH", url: `/api/v1/admin/users/${id}`, payload: body });
const me = (cookie: string) => t.app.inject({ method: "GET", url: "/api/v1/auth/me", headers: { cookie } });
const login = (username: string, password = TEST_PASSWORD) => t.app.inject({ method: "POST", url: "/api/v1/auth/login", payload: { username, password } });
const issuePaths = (res: { json(): { error: { details?: { issues?: { path: string }[] } } } }) => res.json().error.details?.issues?.map((i) => i.path);

describe("POST /admin/users", () => {
  it("creates a user with a hashed password who can then log in", async () => {
    const username = uname("zhang");
    const res = await create({ username, role: "leader" });
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({ username, role: "leader", domain: null, enterpriseId: null, enterpriseName: null, projectIds: [], isActive: true, lastLoginAt: null });
    const [row] = await t.db.select({ hash: authUsers.passwordHash }).from(authUsers).where(eq(authUsers.username, username));
    expect(row.hash).toMatch(/^\$argon2id\$/);
    expect(row.hash).not.toContain(TEST_PASSWORD);
    expect((await login(username)).statusCode).toBe(200);
  });

  it("answers 409 naming username when the name is taken", async () => {
    const username = uname("dup");
    expect((await create({ username, role: "leader" })).statusCode).toBe(201);
    const res = await create({ username, role: "leader" });
    expect(res.statusCode).toBe(409);
    expect(res.json().error.code).toBe("CONFLICT");
    expect(issuePaths(res)).toEqual(["username"]);
  });

  it("requires a domain for inspectors and refuses one for other roles", async () => {
    const missing = await create({ username: uname("insp"), role: "inspector" });
    expect(missing.statusCode).toBe(400);
    expect(issuePaths(missing)).toEqual(["domain"]);
    const extra = await create({ username: uname("lead"), role: "leader", domain: "safety" });
    expect(extra.statusCode).toBe(400);
    expect(issuePaths(extra)).toEqual(["domain"]);
    const ok = await create({ username: uname("insp"), role: "inspector", domain: "quality" });
    expect(ok.statusCode).toBe(201);
    expect(ok.json().domain).toBe("quality");
  });

  it("requires an existing enterprise of the right type for enterprise-bound roles", async () => {
    const cases: [Record<string, unknown>, number][] = [
      [{ role: "enterprise" }, 400],
      [{ role: "enterprise", enterpriseId: "00000000-0000-4000-8000-000000000000" }, 400],
      [{ role: "testing_agency", enterpriseId: ids.contractor }, 400],
      [{ role: "gas_company", enterpriseId: ids.testing }, 400],
      [{ role: "leader", enterpriseId: ids.contractor }, 400],
      [{ role: "testing_agency", enterpriseId: ids.testing }, 201],
      [{ role: "gas_company", enterpriseId: ids.gas }, 201],
    ];
    for (const [body, status] of cases) {
      const res = await create({ username: uname("ent"), ...body });
      expect(res.statusCode, JSON.stringify(body)).toBe(status);
      if (status === 400) expect(issuePaths(res), JSON.stringify(body)).toEqual(["enterpriseId"]);
    }
    const res = await create({ username: uname("ent"), role: "enterprise", enterpriseId: ids.contractor });
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({ enterpriseId: ids.contractor, enterpriseName: "永康建工集团" });
  });

  it("requires at least one existing project for project users", async () => {
    const none = await create({ username: uname("proj"), role: "project" });
    expect(none.statusCode).toBe(400);
    expect(issuePaths(none)).toEqual(["projectIds"]);
    const unknown = await create({ username: uname("proj"), role: "project", projectIds: [ids.projectA, "00000000-0000-4000-8000-000000000000"] });
    expect(unknown.statusCode).toBe(400);
    expect(issuePaths(unknown)).toEqual(["projectIds"]);
    const other = await create({ username: uname("lead"), role: "leader", projectIds: [ids.projectA] });
    expect(issuePaths(other)).toEqual(["projectIds"]);
    const ok = await create({ username: uname("proj"), role: "project", projectIds: [ids.projectA, ids.projectB, ids.projectA] });
    expect(ok.statusCode).toBe(201);
    expect([...ok.json().projectIds].sort()).toEqual([ids.projectA, ids.projectB].sort());
  });

  it("names malformed fields", async () => {
    const res = await create({ username: "x y", role: "leader", password: "short" });
    expect(res.statusCode).toBe(400);
    expect(issuePaths(res)?.sort()).toEqual(["password", "username"]);
  });

  it("is refused to roles without admin.users", async () => {
    const leader = await t.user("leader");
    const res = await create({ username: uname("nope"), role: "leader" }, leader);
    expect(res.statusCode).toBe(403);
    expect((await t.as(leader, { method: "GET", url: "/api/v1/admin/users" })).statusCode).toBe(403);
  });
});

describe("GET /admin/users", () => {
  it("searches username and display name, filters by role and pages", async () => {
    const tag = `srch${Date.now().toString(36)}`;
    await create({ username: `${tag}_a`, role: "leader" });
    await create({ username: uname("plain"), displayName: `显示 ${tag}`, role: "inspector", domain: "gas" });
    await create({ username: `${tag}_c`, role: "enterprise", enterpriseId: ids.contractor });
    const all = await t.as(admin, { method: "GET", url: `/api/v1/admin/users?q=${tag.toUpperCase()}` });
    expect(all.statusCode).toBe(200);
    expect(all.json().total).toBe(3);
    const byRole = await t.as(admin, { method: "GET", url: `/api/v1/admin/users?q=${tag}&role=enterprise` });
    expect(byRole.json().items.map((u: { username: string }) => u.username)).toEqual([`${tag}_c`]);
    expect(byRole.json().items[0].enterpriseName).toBe("永康建工集团");
    const paged = await t.as(admin, { method: "GET", url: `/api/v1/admin/users?q=${tag}&pageSize=2&page=2` });
    expect(paged.json()).toMatchObject({ total: 3, page: 2, pageSize: 2 });
    expect(paged.json().items).toHaveLength(1);
  });
});

describe("PATCH /admin/users/:id", () => {
  it("applies the scope rules to the resulting state", async () => {
    const u = (await create({ username: uname("chg"), role: "inspector", domain: "safety" })).json();
    const toLeader = await patch(u.id, { role: "leader" });
    expect(toLeader.statusCode).toBe(200);
    expect(toLeader.json()).toMatchObject({ role: "leader", domain: null });
    const backNoDomain = await patch(u.id, { role: "inspector" });
    expect(backNoDomain.statusCode).toBe(400);
    expect(issuePaths(backNoDomain)).toEqual(["domain"]);
    const wrongType = await patch(u.id, { role: "testing_agency", enterpriseId: ids.gas });
    expect(issuePaths(wrongType)).toEqual(["enterpriseId"]);
    const toProject = await patch(u.id, { role: "project", projectIds: [ids.projectB] });
    expect(toProject.json()).toMatchObject({ role: "project", projectIds: [ids.projectB] });
    const emptied = await patch(u.id, { projectIds: [] });
    expect(issuePaths(emptied)).toEqual(["projectIds"]);
    const renamed = await patch(u.id, { displayName: "新名字" });
    expect(renamed.json()).toMatchObject({ displayName: "新名字", role: "project", projectIds: [ids.projectB] });
  });

  it("changes the scope a live session sees", async () => {
    const user = await t.user("project", { projectIds: [ids.projectA] });
    await patch(user.id, { projectIds: [ids.projectB] });
    expect((await me(user.cookie)).json().projectIds).toEqual([ids.projectB]);
  });

  it("ends every session on a password change; only the new password logs in", async () => {
    const user = await t.user("leader");
    expect((await me(user.cookie)).statusCode).toBe(200);
    const res = await patch(user.id, { password: "a-brand-new-secret" });
    expect(res.statusCode).toBe(200);
    expect((await me(user.cookie)).statusCode).toBe(401);
    expect((await login(user.username)).statusCode).toBe(401);
    expect((await login(user.username, "a-brand-new-secret")).statusCode).toBe(200);
  });

  it("deactivation ends open sessions for good and refuses login; reactivation allows a new login", async () => {
    const user = await t.user("inspector", { domain: "safety" });
    expect((await me(user.cookie)).statusCode).toBe(200);
    const res = await patch(user.id, { isActive: false });
    expect(res.json().isActive).toBe(false);
    expect((await me(user.cookie)).statusCode).toBe(401);
    expect((await login(user.username)).statusCode).toBe(401);
    await patch(user.id, { isActive: true });
    expect((await me(user.cookie)).statusCode, "the old session stays ended").toBe(401);
    expect((await login(user.username)).statusCode).toBe(200);
  });

  it("refuses to deactivate or demote the last active admin", async () => {
    const t2 = await createTestApp();
    try {
      const only = await t2.user("admin");
      const off = await t2.as(only, { method: "PATCH", url: `/api/v1/admin/users/${only.id}`, payload: { isActive: false } });
      expect(off.statusCode).toBe(409);
      expect(issuePaths(off)).toEqual(["isActive"]);
      const demote = await t2.as(only, { method: "PATCH", url: `/api/v1/admin/users/${only.id}`, payload: { role: "leader" } });
      expect(demote.statusCode).toBe(409);
      expect(issuePaths(demote)).toEqual(["role"]);
      const second = await t2.user("admin");
      await t2.as(only, { method: "PATCH", url: `/api/v1/admin/users/${second.id}`, payload: { isActive: false } });
      expect((await t2.as(only, { method: "PATCH", url: `/api/v1/admin/users/${only.id}`, payload: { role: "leader" } })).statusCode).toBe(409);
      await t2.as(only, { method: "PATCH", url: `/api/v1/admin/users/${second.id}`, payload: { isActive: true } });
      const ok = await t2.as(only, { method: "PATCH", url: `/api/v1/admin/users/${only.id}`, payload: { role: "leader" } });
      expect(ok.statusCode).toBe(200);
      expect(ok.json().role).toBe("leader");
    } finally {
      await t2.close();
    }
  });

  it("answers 404 for an unknown user", async () => {
    const res = await patch("00000000-0000-4000-8000-000000000000", { displayName: "x" });
    expect(res.statusCode).toBe(404);
  });
});

describe("audit of user changes", () => {
  it("records created and updated entries without password hashes", async () => {
    const username = uname("aud");
    const u = (await create({ username, role: "leader" })).json();
    await patch(u.id, { password: "another-secret-1", displayName: "审计" });
    const rows = await t.db.select().from(auditLog).where(eq(auditLog.entityId, u.id)).orderBy(auditLog.id);
    expect(rows.map((r) => r.action)).toEqual(["identity.user.created", "identity.user.updated"]);
    expect(rows[0].after).toMatchObject({ username, role: "leader", isActive: true });
    expect(rows[1].before).toMatchObject({ displayName: "测试用户" });
    expect(rows[1].after).toMatchObject({ displayName: "审计", passwordChanged: true });
    const [{ hash }] = await t.db.select({ hash: authUsers.passwordHash }).from(authUsers).where(eq(authUsers.id, u.id));
    const text = JSON.stringify(rows.map((r) => [r.before, r.after]));
    expect(text).not.toMatch(/argon2|passwordHash|another-secret-1/);
    expect(text).not.toContain(hash);
  });
});
