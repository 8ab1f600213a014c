import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync, existsSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, type TestApp, type TestUser } from "../../../../test/app";
import { auditLog } from "../../platform/audit/schema";
import { authSessions } from "../../platform/auth/schema";
import { verifyAuditChain } from "../../platform/audit/audit";
import { ensureAdmin } from "./admin.service";
import { readInitialPassword } from "./initial-password.files";
import { resetUserPassword } from "./password.service";
import { authUsers } from "./schema";

const dataDir = mkdtempSync(path.join(tmpdir(), "sc-initpw-"));
const file = path.join(dataDir, "initial-admin-password");
let t: TestApp;
let otherAdmin: TestUser;

beforeAll(async () => {
  t = await createTestApp({ DATA_DIR: dataDir });
  otherAdmin = await t.user("admin");
});
afterAll(async () => {
  await t.close();
  rmSync(dataDir, { recursive: true, force: true });
});

const login = (username: string, password: string) => t.app.inject({ method: "POST", url: "/api/v1/auth/login", payload: { username, password } });
const adminId = async () => (await t.db.select({ id: authUsers.id }).from(authUsers).where(eq(authUsers.username, "admin")))[0].id;

describe("the generated admin password on disk", () => {
  it("is written with mode 0600 on first start, logs in, and is still pointed at on the next start", async () => {
    const first = await ensureAdmin(t.db, undefined, dataDir);
    expect(first.createdPassword).toMatch(/^[\w-]{16}$/);
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(await readInitialPassword(dataDir)).toEqual({ username: "admin", password: first.createdPassword });
    expect((await login("admin", first.createdPassword!)).statusCode).toBe(200);

    const again = await ensureAdmin(t.db, undefined, dataDir);
    expect(again).toEqual({ createdPassword: null, passwordFile: { path: file, username: "admin" } });
    expect(existsSync(file)).toBe(true);
  });

  it("is removed when the admin's password is changed", async () => {
    const res = await t.as(otherAdmin, { method: "PATCH", url: `/api/v1/admin/users/${await adminId()}`, payload: { password: "a-chosen-password-1" } });
    expect(res.statusCode).toBe(200);
    expect(existsSync(file)).toBe(false);
  });

  it("stays when another user's password is changed", async () => {
    writeFileSync(file, "username: admin\npassword: whatever\n", { mode: 0o600 });
    const res = await t.as(otherAdmin, { method: "PATCH", url: `/api/v1/admin/users/${otherAdmin.id}`, payload: { password: "another-password-2" } });
    expect(res.statusCode).toBe(200);
    expect(existsSync(file)).toBe(true);
  });

  it("is removed on start when it no longer matches the admin's password", async () => {
    writeFileSync(file, "username: admin\npassword: not-the-password\n", { mode: 0o600 });
    const start = await ensureAdmin(t.db, undefined, dataDir);
    expect(start).toEqual({ createdPassword: null, passwordFile: null });
    expect(existsSync(file)).toBe(false);
  });
});

describe("resetUserPassword (npm run admin:reset-password)", () => {
  it("sets a new password that logs in, ends the sessions, rewrites the file and audits as system/cli", async () => {
    const id = await adminId();
    const session = await login("admin", "a-chosen-password-1");
    expect(session.statusCode).toBe(200);
    const reset = await resetUserPassword(t.db, dataDir, "admin");

    expect(reset).toMatchObject({ username: "admin", passwordFile: file, isActive: true });
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(readFileSync(file, "utf8")).toContain(`password: ${reset.password}\n`);
    expect(await t.db.select().from(authSessions).where(eq(authSessions.userId, id))).toEqual([]);
    expect((await login("admin", "a-chosen-password-1")).statusCode).toBe(401);
    expect((await login("admin", reset.password)).statusCode).toBe(200);

    const [row] = await t.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, "identity.user.password_reset"), eq(auditLog.entityId, id)));
    expect(row).toMatchObject({ actorId: null, actorName: "system/cli", entity: "user" });
    expect(JSON.stringify(row)).not.toContain(reset.password);
    expect((await verifyAuditChain(t.db)).ok).toBe(true);

    // The next start points at the file rather than losing the password again.
    expect((await ensureAdmin(t.db, undefined, dataDir)).passwordFile).toEqual({ path: file, username: "admin" });
  });

  it("answers NOT_FOUND for an unknown user and changes nothing", async () => {
    const before = readFileSync(file, "utf8");
    await expect(resetUserPassword(t.db, dataDir, "nobody-here")).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect(readFileSync(file, "utf8")).toBe(before);
  });
});
