import { asc, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, TEST_PASSWORD, type TestApp } from "../../../../test/app";
import { verifyAuditChain } from "../audit/audit.js";
import { auditLog } from "../audit/schema.js";

let t: TestApp;
// A fresh PGlite is migrated per worker: over a minute on a busy machine, past the default hook timeout.
beforeAll(async () => {
  // The HTTP-level rate limit per address is switched off: this file tests the account-level counters.
  t = await createTestApp({ LOGIN_MAX_FAILURES: "5", LOGIN_MAX_FAILURES_PER_ADDRESS: "12", RATE_LIMIT_LOGIN_PER_MIN: "0" });
}, 180_000);
afterAll(() => t.close());

const login = (username: string, password: string, remoteAddress: string) =>
  t.app.inject({ method: "POST", url: "/api/v1/auth/login", payload: { username, password }, remoteAddress });

const lockEntries = () => t.db.select().from(auditLog).where(eq(auditLog.action, "auth.login.locked")).orderBy(asc(auditLog.id));

describe("login throttling", () => {
  it("judges exactly the allowed number of ten concurrent wrong passwords and refuses the rest unjudged", async () => {
    const u = await t.user("leader");
    const answers = await Promise.all(Array.from({ length: 10 }, (_, i) => login(u.username, `guess-${i}`, "10.0.0.1")));
    const codes = answers.map((r) => r.statusCode).sort();
    expect(codes).toEqual([401, 401, 401, 401, 401, 429, 429, 429, 429, 429]);
    for (const r of answers.filter((a) => a.statusCode === 429)) {
      expect(r.json().error.code).toBe("RATE_LIMITED");
      expect(Number(r.headers["retry-after"])).toBeGreaterThan(0);
    }
    // Locked for this address, even with the right password.
    expect((await login(u.username, TEST_PASSWORD, "10.0.0.1")).statusCode).toBe(429);
    // The lock is written once, naming the username and the address; the chain still holds.
    const entries = (await lockEntries()).filter((e) => (e.after as { username: string | null }).username === u.username);
    expect(entries).toHaveLength(1);
    expect(entries[0]).toMatchObject({ actorId: null, actorName: "system", entity: "login_throttle", ip: "10.0.0.1" });
    expect(entries[0].after).toMatchObject({ scope: "user_address", username: u.username, ip: "10.0.0.1", failures: 5 });
    expect((await verifyAuditChain(t.db)).ok).toBe(true);
  });

  it("lets the owner log in from another address while one address is locked", async () => {
    const u = await t.user("leader");
    for (let i = 0; i < 5; i++) expect((await login(u.username, `guess-${i}`, "10.0.1.1")).statusCode).toBe(401);
    expect((await login(u.username, TEST_PASSWORD, "10.0.1.1")).statusCode).toBe(429);
    expect((await login(u.username, TEST_PASSWORD, "10.0.1.2")).statusCode).toBe(200);
  });

  it("starts a (username, address) pair over after a right password", async () => {
    const u = await t.user("leader");
    for (let i = 0; i < 4; i++) expect((await login(u.username, `guess-${i}`, "10.0.2.1")).statusCode).toBe(401);
    expect((await login(u.username, TEST_PASSWORD, "10.0.2.1")).statusCode).toBe(200);
    for (let i = 0; i < 4; i++) expect((await login(u.username, `again-${i}`, "10.0.2.1")).statusCode).toBe(401);
    expect((await login(u.username, TEST_PASSWORD, "10.0.2.1")).statusCode).toBe(200);
  });

  it("locks an address that guesses across many usernames, and only that address", async () => {
    const users = await Promise.all(Array.from({ length: 5 }, () => t.user("leader")));
    // 12 failures spread over four usernames (3 each): no pair reaches its limit, the address does.
    for (const u of users.slice(0, 4)) {
      for (let i = 0; i < 3; i++) expect((await login(u.username, `guess-${i}`, "10.0.3.1")).statusCode).toBe(401);
    }
    const fresh = users[4];
    const refused = await login(fresh.username, TEST_PASSWORD, "10.0.3.1");
    expect(refused.statusCode).toBe(429);
    expect((await login("nobody-at-all", "whatever", "10.0.3.1")).statusCode).toBe(429);
    expect((await login(fresh.username, TEST_PASSWORD, "10.0.3.2")).statusCode).toBe(200);
    expect((await login(users[0].username, TEST_PASSWORD, "10.0.3.2")).statusCode).toBe(200);

    const entries = (await lockEntries()).filter((e) => (e.after as { ip: string }).ip === "10.0.3.1");
    expect(entries).toHaveLength(1);
    expect(entries[0]).toMatchObject({ actorName: "system", entityId: "10.0.3.1" });
    expect(entries[0].after).toMatchObject({ scope: "address", username: null, ip: "10.0.3.1", failures: 12 });
  });
});
