import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, TEST_PASSWORD, type TestApp } from "../../../../test/app";

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp({ LOGIN_MAX_FAILURES: "3" });
});
afterAll(() => t.close());

describe("auth", () => {
  it("logs in with a session cookie, answers /me, and logs out", async () => {
    const u = await t.user("inspector", { domain: "safety" });
    const login = await t.app.inject({ method: "POST", url: "/api/v1/auth/login", payload: { username: u.username, password: TEST_PASSWORD } });
    expect(login.statusCode).toBe(200);
    const setCookie = String(login.headers["set-cookie"]);
    expect(setCookie).toMatch(/sc_session=/);
    expect(setCookie).toMatch(/HttpOnly/i);
    const cookie = setCookie.split(";")[0];
    const me = await t.app.inject({ method: "GET", url: "/api/v1/auth/me", headers: { cookie } });
    expect(me.json()).toMatchObject({ username: u.username, role: "inspector", domain: "safety" });
    expect(me.json().permissions).toContain("registry.project.create");
    await t.app.inject({ method: "POST", url: "/api/v1/auth/logout", headers: { cookie } });
    const after = await t.app.inject({ method: "GET", url: "/api/v1/auth/me", headers: { cookie } });
    expect(after.statusCode).toBe(401);
    expect(after.json().error.code).toBe("UNAUTHENTICATED");
  });

  it("answers the same 401 for a wrong password and an unknown user", async () => {
    const u = await t.user("leader");
    const wrong = await t.app.inject({ method: "POST", url: "/api/v1/auth/login", payload: { username: u.username, password: "nope-nope" } });
    const unknown = await t.app.inject({ method: "POST", url: "/api/v1/auth/login", payload: { username: "ghost", password: "nope-nope" } });
    expect(wrong.statusCode).toBe(401);
    expect(unknown.statusCode).toBe(401);
    expect(wrong.json().error.message).toBe(unknown.json().error.message);
  });

  it("throttles guessing: after the allowed failures even the right password is refused", async () => {
    const u = await t.user("leader");
    for (let i = 0; i < 3; i++) {
      await t.app.inject({ method: "POST", url: "/api/v1/auth/login", payload: { username: u.username, password: `guess-${i}` } });
    }
    const res = await t.app.inject({ method: "POST", url: "/api/v1/auth/login", payload: { username: u.username, password: TEST_PASSWORD } });
    expect(res.statusCode).toBe(429);
    expect(res.json().error.code).toBe("RATE_LIMITED");
    expect(res.headers["retry-after"]).toBeDefined();
  });

  it("names the bad field of a malformed login", async () => {
    const res = await t.app.inject({ method: "POST", url: "/api/v1/auth/login", payload: { username: "x" } });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.code).toBe("VALIDATION");
    expect(res.json().error.details.issues[0].path).toBe("password");
  });

  it("refuses API routes without credentials and reports health without them", async () => {
    expect((await t.app.inject({ method: "GET", url: "/api/v1/audit" })).statusCode).toBe(401);
    const health = await t.app.inject({ method: "GET", url: "/api/health" });
    expect(health.json()).toEqual({ status: "ok", db: t.database.kind });
  });

  it("serves the OpenAPI document", async () => {
    const res = await t.app.inject({ method: "GET", url: "/api/docs/json" });
    expect(res.statusCode).toBe(200);
    expect(res.json().paths["/api/v1/auth/login"]).toBeDefined();
  });
});
