import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, type TestApp, type TestUser } from "../../../../test/app";
import { auditLog } from "../../platform/audit/schema";
import { authApiTokens } from "../../platform/auth/schema";
import { sha256 } from "../../platform/auth/secrets";

let t: TestApp;
let admin: TestUser;

beforeAll(async () => {
  t = await createTestApp();
  admin = await t.user("admin");
});
afterAll(() => t.close());

const issue = (userId: string, extra: Record<string, unknown> = {}) =>
  t.as(admin, { method: "POST", url: "/api/v1/admin/tokens", payload: { name: "塔吊网关", userId, ...extra } });
const revoke = (id: string, as: TestUser = admin) => t.as(as, { method: "POST", url: `/api/v1/admin/tokens/${id}/revoke` });
const meWith = (token: string) => t.app.inject({ method: "GET", url: "/api/v1/auth/me", headers: { authorization: `Bearer ${token}` } });
const issuePaths = (res: { json(): { error: { details?: { issues?: { path: string }[] } } } }) => res.json().error.details?.issues?.map((i) => i.path);

describe("API tokens", () => {
  it("issues an sc_ token shown once, stores only its hash, and authenticates as the user until revoked", async () => {
    const owner = await t.user("inspector", { domain: "safety" });
    const res = await issue(owner.id);
    expect(res.statusCode).toBe(201);
    const created = res.json();
    expect(created.token).toMatch(/^sc_[A-Za-z0-9_-]{40,}$/);
    expect(created.token.startsWith(created.prefix)).toBe(true);
    expect(created.prefix.length).toBeLessThan(16);
    expect(created).toMatchObject({ name: "塔吊网关", userId: owner.id, username: owner.username, revokedAt: null });

    const [row] = await t.db.select().from(authApiTokens).where(eq(authApiTokens.id, created.id));
    expect(row.tokenHash).toBe(sha256(created.token));
    expect(JSON.stringify(row)).not.toContain(created.token);

    const me = await meWith(created.token);
    expect(me.statusCode).toBe(200);
    expect(me.json()).toMatchObject({ username: owner.username, role: "inspector", domain: "safety" });

    const revoked = await revoke(created.id);
    expect(revoked.statusCode).toBe(200);
    expect(revoked.json().revokedAt).not.toBeNull();
    expect(revoked.json().token).toBeUndefined();
    expect((await meWith(created.token)).statusCode).toBe(401);

    const again = await revoke(created.id);
    expect(again.statusCode).toBe(200);
    expect(again.json().revokedAt).toBe(revoked.json().revokedAt);
  });

  it("lists tokens without the secret, newest first, optionally per user", async () => {
    const a = await t.user("leader");
    const b = await t.user("leader");
    const first = (await issue(a.id, { name: "first" })).json();
    const second = (await issue(a.id, { name: "second" })).json();
    await issue(b.id, { name: "other" });
    const res = await t.as(admin, { method: "GET", url: `/api/v1/admin/tokens?userId=${a.id}` });
    expect(res.statusCode).toBe(200);
    expect(res.json().total).toBe(2);
    expect(res.json().items.map((i: { id: string }) => i.id)).toEqual([second.id, first.id]);
    expect(JSON.stringify(res.json())).not.toContain(first.token);
    expect(res.json().items[0]).not.toHaveProperty("token");
    const all = await t.as(admin, { method: "GET", url: "/api/v1/admin/tokens?pageSize=200" });
    expect(all.json().items.map((i: { userId: string }) => i.userId)).toEqual(expect.arrayContaining([a.id, b.id]));
  });

  it("names userId for an unknown or deactivated user and expiresAt in the past", async () => {
    const unknown = await issue("00000000-0000-4000-8000-000000000000");
    expect(unknown.statusCode).toBe(400);
    expect(issuePaths(unknown)).toEqual(["userId"]);
    const off = await t.user("leader");
    await t.as(admin, { method: "PATCH", url: `/api/v1/admin/users/${off.id}`, payload: { isActive: false } });
    expect(issuePaths(await issue(off.id))).toEqual(["userId"]);
    const past = await issue(admin.id, { expiresAt: "2020-01-01T00:00:00Z" });
    expect(past.statusCode).toBe(400);
    expect(issuePaths(past)).toEqual(["expiresAt"]);
  });

  it("an expired token answers 401", async () => {
    const owner = await t.user("leader");
    const created = (await issue(owner.id, { expiresAt: new Date(Date.now() + 3600_000).toISOString() })).json();
    expect((await meWith(created.token)).statusCode).toBe(200);
    await t.db.update(authApiTokens).set({ expiresAt: new Date(Date.now() - 1000) }).where(eq(authApiTokens.id, created.id));
    // A change made behind the app's back reaches its actor cache by the database's notification, a moment later.
    await expect.poll(async () => (await meWith(created.token)).statusCode, { timeout: 5000 }).toBe(401);
  });

  it("stops working when its user is deactivated or changes password, and stays dead after reactivation", async () => {
    const owner = await t.user("leader");
    const token = (await issue(owner.id)).json().token;
    await t.as(admin, { method: "PATCH", url: `/api/v1/admin/users/${owner.id}`, payload: { isActive: false } });
    expect((await meWith(token)).statusCode).toBe(401);
    await t.as(admin, { method: "PATCH", url: `/api/v1/admin/users/${owner.id}`, payload: { isActive: true } });
    expect((await meWith(token)).statusCode).toBe(401);

    const token2 = (await issue(owner.id)).json().token;
    expect((await meWith(token2)).statusCode).toBe(200);
    await t.as(admin, { method: "PATCH", url: `/api/v1/admin/users/${owner.id}`, payload: { password: "rotated-secret-9" } });
    expect((await meWith(token2)).statusCode).toBe(401);
  });

  it("answers 404 for an unknown token and 403 without admin.users", async () => {
    expect((await revoke("00000000-0000-4000-8000-000000000000")).statusCode).toBe(404);
    const inspector = await t.user("inspector", { domain: "quality" });
    const created = (await issue(inspector.id)).json();
    expect((await revoke(created.id, inspector)).statusCode).toBe(403);
    expect((await t.as(inspector, { method: "GET", url: "/api/v1/admin/tokens" })).statusCode).toBe(403);
    expect((await t.as(inspector, { method: "POST", url: "/api/v1/admin/tokens", payload: { name: "x", userId: inspector.id } })).statusCode).toBe(403);
  });

  it("audits creation and revocation without the token or its hash", async () => {
    const owner = await t.user("leader");
    const created = (await issue(owner.id)).json();
    await revoke(created.id);
    const rows = await t.db.select().from(auditLog).where(eq(auditLog.entityId, created.id)).orderBy(auditLog.id);
    expect(rows.map((r) => r.action)).toEqual(["identity.token.created", "identity.token.revoked"]);
    expect(rows[0].after).toMatchObject({ id: created.id, userId: owner.id, prefix: created.prefix });
    expect(rows[1].after).toMatchObject({ revokedAt: expect.any(String) });
    const text = JSON.stringify(rows.map((r) => [r.before, r.after]));
    expect(text).not.toContain(created.token);
    expect(text).not.toContain(sha256(created.token));
    expect(text).not.toMatch(/tokenHash/);
  });
});
