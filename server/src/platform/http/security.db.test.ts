import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { CommissionDto } from "@contracts/testing/commission";
import { createTestApp, multipart, TEST_PASSWORD, type TestApp, type TestUser } from "../../../../test/app";
import { concreteCommission, testingWorld, type TestingWorld } from "../../modules/testing/testing.test-fixtures.js";

/** The app as tests use it (no proxy, no throttling) and one behind a trusted proxy with small limits. */
let t: TestApp;
let proxied: TestApp;
let w: TestingWorld;
let admin: TestUser;

// Two apps and a testing world: more than the default hook time on a busy machine.
beforeAll(async () => {
  t = await createTestApp();
  proxied = await createTestApp({ TRUST_PROXY: "true", RATE_LIMIT_PUBLIC_PER_MIN: "3", RATE_LIMIT_LOGIN_PER_MIN: "2" });
  w = await testingWorld(t);
  admin = await t.user("admin");
}, 240_000);
afterAll(() => Promise.all([t?.close(), proxied?.close()]));

const errorOf = (res: { json(): unknown }) => (res.json() as { error: { code: string; message: string } }).error;
/** A write that reaches validation (400) once let through, with no side effect either way. */
const write = (headers: Record<string, string>, app = t, user = admin) => app.as(user, { method: "POST", url: "/api/v1/enterprises", headers, payload: {} });

describe("cross-site writes (CSRF)", () => {
  it("refuses a write whose Origin or Sec-Fetch-Site says another site, with a bilingual 403", async () => {
    const refused: Record<string, string>[] = [
      { origin: "https://evil.example" },
      { origin: "http://localhost.evil.example" },
      { origin: "null" },
      { "sec-fetch-site": "cross-site" },
      { "sec-fetch-site": "same-site", origin: "http://localhost" },
      { "sec-fetch-site": "cross-site", origin: "http://localhost" },
    ];
    for (const headers of refused) {
      const res = await write(headers);
      expect(res.statusCode, JSON.stringify(headers)).toBe(403);
      expect(errorOf(res)).toMatchObject({ code: "FORBIDDEN", message: expect.stringMatching(/跨站.*\(cross-site request refused/) });
    }
  });

  it("lets same-origin browsers and header-less callers (curl, devices, integrations) through", async () => {
    const allowed: Record<string, string>[] = [
      {},
      { origin: "http://localhost" },
      { origin: "http://localhost:80" },
      { "sec-fetch-site": "same-origin" },
      { "sec-fetch-site": "none" },
      // The browser's own verdict wins over an Origin a Host-rewriting proxy no longer matches.
      { "sec-fetch-site": "same-origin", origin: "https://sitecloud.example" },
      { host: "sitecloud.example", origin: "https://sitecloud.example" },
    ];
    for (const headers of allowed) {
      const res = await write(headers);
      expect(res.statusCode, JSON.stringify(headers)).toBe(400);
    }
  });

  it("leaves reads alone: a cross-site GET is answered", async () => {
    const res = await t.as(admin, { method: "GET", url: "/api/v1/auth/me", headers: { origin: "https://evil.example", "sec-fetch-site": "cross-site" } });
    expect(res.statusCode).toBe(200);
  });

  it("refuses a cross-site logout and login (no cookie needed to be CSRF-able)", async () => {
    const user = await t.user("leader");
    const logout = await t.as(user, { method: "POST", url: "/api/v1/auth/logout", headers: { origin: "https://evil.example" } });
    expect(logout.statusCode).toBe(403);
    expect((await t.as(user, { method: "GET", url: "/api/v1/auth/me" })).statusCode).toBe(200);
    const login = await t.as(null, { method: "POST", url: "/api/v1/auth/login", headers: { "sec-fetch-site": "cross-site" }, payload: { username: user.username, password: TEST_PASSWORD } });
    expect(login.statusCode).toBe(403);
    expect(login.headers["set-cookie"]).toBeUndefined();
  });

  it("trusts X-Forwarded-Host for the request's own host only under TRUST_PROXY", async () => {
    const headers = { host: "10.0.0.5:8080", "x-forwarded-host": "sitecloud.example", origin: "https://sitecloud.example" };
    expect((await write(headers)).statusCode).toBe(403);
    const behind = await proxied.user("admin");
    expect((await write(headers, proxied, behind)).statusCode).toBe(400);
    expect((await write({ ...headers, origin: "https://evil.example" }, proxied, behind)).statusCode).toBe(403);
  });
});

describe("request bodies", () => {
  it("answers 415 to text/plain and form bodies, even on a route that takes none", async () => {
    const cases = [
      { url: "/api/v1/enterprises", type: "text/plain", payload: JSON.stringify({ name: "x" }) },
      { url: "/api/v1/enterprises", type: "text/plain;charset=UTF-8", payload: "{}" },
      { url: "/api/v1/enterprises", type: "application/x-www-form-urlencoded", payload: "name=x" },
      { url: "/api/v1/enterprises", type: "application/xml", payload: "<x/>" },
      { url: "/api/v1/auth/logout", type: "text/plain", payload: "" },
    ];
    for (const c of cases) {
      const res = await t.as(admin, { method: "POST", url: c.url, headers: { "content-type": c.type }, payload: c.payload });
      expect(res.statusCode, `${c.url} ${c.type}`).toBe(415);
      expect(errorOf(res).code).toBe("UNSUPPORTED_MEDIA_TYPE");
    }
    expect(errorOf(await t.as(admin, { method: "POST", url: "/api/v1/enterprises", headers: { "content-type": "text/plain" }, payload: "{}" })).message).toMatch(
      /不支持的请求体类型 text\/plain.*\(unsupported body type text\/plain/,
    );
    expect((await t.as(admin, { method: "GET", url: "/api/v1/auth/me" })).statusCode).toBe(200);
  });
});

const PNG = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 7]);

function expectSecurityHeaders(headers: Record<string, unknown>, what: string): void {
  const csp = String(headers["content-security-policy"]);
  expect(csp, what).toContain("default-src 'self'");
  expect(csp, what).toContain("frame-ancestors 'none'");
  expect(csp, what).toMatch(/script-src 'self'(;|$)/);
  expect(csp, what).toContain("object-src 'none'");
  expect(headers["x-content-type-options"], what).toBe("nosniff");
  expect(headers["x-frame-options"], what).toBe("DENY");
  expect(headers["referrer-policy"], what).toBe("same-origin");
}

describe("security headers", () => {
  it("are on API answers, errors included", async () => {
    expectSecurityHeaders((await t.as(null, { method: "GET", url: "/api/health" })).headers, "health");
    expectSecurityHeaders((await t.as(admin, { method: "GET", url: "/api/v1/auth/me" })).headers, "me");
    const refused = await t.as(null, { method: "GET", url: "/api/v1/auth/me" });
    expect(refused.statusCode).toBe(401);
    expectSecurityHeaders(refused.headers, "401");
  });

  it("are on an uploaded photo as it is downloaded, and a same-origin multipart upload still works", async () => {
    const body = multipart("p.png", PNG);
    const up = await t.as(w.users.gc, { method: "POST", url: "/api/v1/testing/photos", payload: body.payload, headers: { ...body.headers, origin: "http://localhost", "sec-fetch-site": "same-origin" } });
    expect(up.statusCode, up.body).toBe(201);
    const { id } = up.json() as { id: string };
    const commission = await t.as(w.users.gc, { method: "POST", url: `/api/v1/projects/${w.project.id}/testing/commissions`, payload: concreteCommission(w) });
    expect(commission.statusCode, commission.body).toBe(201);
    const c = commission.json() as CommissionDto;
    const sampled = await t.as(w.users.gc, {
      method: "POST",
      url: `/api/v1/testing/commissions/${c.id}/sampling`,
      payload: { sampledAt: new Date(Date.now() - 60_000).toISOString(), place: "3F", sampleCode: `YP-SEC-${process.pid}-${Date.now()}`, photoIds: [id] },
    });
    expect(sampled.statusCode, sampled.body).toBe(200);
    const photo = await t.as(w.users.gc, { method: "GET", url: `/api/v1/testing/photos/${id}` });
    expect(photo.statusCode).toBe(200);
    expect(photo.headers["content-type"]).toBe("image/png");
    expectSecurityHeaders(photo.headers, "photo");
  });

  it("leave the API docs reachable", async () => {
    const res = await t.as(null, { method: "GET", url: "/api/docs" });
    expect(res.statusCode).toBe(200);
    expect(res.headers["x-content-type-options"]).toBe("nosniff");
  });
});

describe("throttling and the session cookie behind a proxy", () => {
  const from = (ip: string) => ({ "x-forwarded-for": ip });

  it("answers 429 in the error envelope with retry-after past the public limit, per client address", async () => {
    for (let i = 0; i < 3; i++) expect((await proxied.as(null, { method: "GET", url: "/api/v1/public/reports/ZZZZZZZZZZZZ", headers: from("203.0.113.7") })).statusCode).toBe(404);
    const limited = await proxied.as(null, { method: "GET", url: "/api/v1/public/cylinders/GP-000001", headers: from("203.0.113.7") });
    expect(limited.statusCode).toBe(429);
    expect(errorOf(limited)).toMatchObject({ code: "RATE_LIMITED", message: expect.stringMatching(/请求过于频繁.*\(too many requests/) });
    expect(Number(limited.headers["retry-after"])).toBeGreaterThan(0);
    expect(limited.headers["x-content-type-options"]).toBe("nosniff");
    // An encoded spelling of the same route draws on the same budget.
    expect((await proxied.as(null, { method: "GET", url: "/api/v1/%70ublic/cylinders/GP-000001", headers: from("203.0.113.7") })).statusCode).toBe(429);
    expect((await proxied.as(null, { method: "GET", url: "/api/v1/public/reports/ZZZZZZZZZZZZ", headers: from("203.0.113.8") })).statusCode).toBe(404);
    // Only the public endpoints count: the same address still reaches the rest.
    expect((await proxied.as(null, { method: "GET", url: "/api/health", headers: from("203.0.113.7") })).statusCode).toBe(200);
  });

  it("throttles login attempts per client address", async () => {
    const attempt = () => proxied.as(null, { method: "POST", url: "/api/v1/auth/login", headers: from("198.51.100.9"), payload: { username: "nobody", password: "wrong-password" } });
    expect((await attempt()).statusCode).toBe(401);
    expect((await attempt()).statusCode).toBe(401);
    const limited = await attempt();
    expect(limited.statusCode).toBe(429);
    expect(errorOf(limited).code).toBe("RATE_LIMITED");
  });

  it("marks the session cookie Secure when the request came over HTTPS (X-Forwarded-Proto under TRUST_PROXY)", async () => {
    const login = async (app: TestApp, user: TestUser, ip: string) => {
      const res = await app.as(null, { method: "POST", url: "/api/v1/auth/login", headers: { ...from(ip), "x-forwarded-proto": "https" }, payload: { username: user.username, password: TEST_PASSWORD } });
      expect(res.statusCode, res.body).toBe(200);
      return String(res.headers["set-cookie"]);
    };
    expect(await login(proxied, await proxied.user("leader"), "198.51.100.20")).toMatch(/;\s*Secure/i);
    // Without TRUST_PROXY the header is anybody's word: the cookie follows COOKIE_SECURE alone.
    expect(await login(t, await t.user("leader"), "198.51.100.21")).not.toMatch(/;\s*Secure/i);
  });
});
