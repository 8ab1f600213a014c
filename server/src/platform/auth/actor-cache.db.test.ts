import { eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, type TestApp, type TestUser } from "../../../../test/app";
import { authUsers } from "../../modules/identity/schema";
import { authSessions } from "./schema";

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

const me = (u: TestUser) => t.as(u, { method: "GET", url: "/api/v1/auth/me" });

/** Polls until the request answers the status: the notification of another process's change is asynchronous. */
async function eventually(u: TestUser, status: number): Promise<number> {
  let last = 0;
  for (let i = 0; i < 40; i++) {
    last = (await me(u)).statusCode;
    if (last === status) return last;
    await new Promise((r) => setTimeout(r, 50));
  }
  return last;
}

describe("cached sessions stay coherent with the database", () => {
  it("drops a session deleted by another process (a logout elsewhere)", async () => {
    const u = await t.user("leader");
    expect((await me(u)).statusCode).toBe(200);
    expect((await me(u)).statusCode).toBe(200); // now served from the cache
    await t.db.delete(authSessions).where(eq(authSessions.userId, u.id));
    expect(await eventually(u, 401)).toBe(401);
  });

  it("drops a user deactivated or re-scoped directly in SQL", async () => {
    const a = await t.user("inspector", { domain: "safety" });
    const b = await t.user("inspector", { domain: "safety" });
    expect((await me(a)).json().role).toBe("inspector");
    expect((await me(b)).statusCode).toBe(200);

    await t.db.execute(sql`update auth_users set role = 'leader', domain = null where id = ${a.id}`);
    for (let i = 0; i < 40 && (await me(a)).json().role !== "leader"; i++) await new Promise((r) => setTimeout(r, 50));
    expect((await me(a)).json().role).toBe("leader");

    await t.db.update(authUsers).set({ isActive: false }).where(eq(authUsers.id, b.id));
    expect(await eventually(b, 401)).toBe(401);
  });

  it("forgets a logged-out session at once in this process", async () => {
    const u = await t.user("leader");
    expect((await me(u)).statusCode).toBe(200);
    await t.as(u, { method: "POST", url: "/api/v1/auth/logout" });
    expect((await me(u)).statusCode).toBe(401);
  });
});
