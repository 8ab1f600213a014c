import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, type TestApp, type TestUser } from "../../../../test/app";
import { userDirectory } from "../../modules/identity/index.js";
import { RealtimeHub } from "../realtime/hub.js";
import { authSessions } from "./schema.js";
import { sha256 } from "./secrets.js";
import { liveCredentials } from "./session.js";
import { scopeOf, StreamGuard } from "./stream-guard.js";

let t: TestApp;
let base: string;
let admin: TestUser;

// A fresh PGlite is migrated per worker: over a minute on a busy machine, past the default hook timeout.
beforeAll(async () => {
  t = await createTestApp();
  base = await t.app.listen({ port: 0, host: "127.0.0.1" });
  admin = await t.user("admin");
}, 180_000);
afterAll(() => t.close());

/**
 * Opens `/api/v1/realtime` for real (inject does not stream) and resolves `ended` with the time the
 * server closed it. `open` resolves once the first frame has arrived, i.e. the stream is registered.
 */
async function openStream(headers: Record<string, string>) {
  const abort = new AbortController();
  const res = await fetch(`${base}/api/v1/realtime`, { headers, signal: abort.signal });
  expect(res.status).toBe(200);
  const reader = res.body!.getReader();
  const first = await reader.read();
  expect(new TextDecoder().decode(first.value)).toContain("retry:");
  const ended = (async () => {
    for (;;) if ((await reader.read()).done) return Date.now();
  })().catch(() => Number.NaN);
  return { ended, abort: () => abort.abort() };
}

/** How long after `at` the stream ended; Infinity if it is still open after `waitMs`. */
async function endedWithin(stream: Awaited<ReturnType<typeof openStream>>, at: number, waitMs = 3000): Promise<number> {
  const ms = await Promise.race([stream.ended.then((end) => end - at), new Promise<number>((r) => setTimeout(() => r(Number.POSITIVE_INFINITY), waitMs))]);
  stream.abort();
  return ms;
}

describe("a live event stream ends with its credential", () => {
  it("ends when the session logs out", async () => {
    const u = await t.user("leader");
    const stream = await openStream({ cookie: u.cookie });
    const at = Date.now();
    expect((await t.as(u, { method: "POST", url: "/api/v1/auth/logout" })).statusCode).toBe(204);
    expect(await endedWithin(stream, at)).toBeLessThan(1000);
    // EventSource's reconnect is then refused.
    expect((await fetch(`${base}/api/v1/realtime`, { headers: { cookie: u.cookie } })).status).toBe(401);
  });

  it("ends when an admin deactivates the user", async () => {
    const u = await t.user("leader");
    const stream = await openStream({ cookie: u.cookie });
    const at = Date.now();
    const res = await t.as(admin, { method: "PATCH", url: `/api/v1/admin/users/${u.id}`, payload: { isActive: false } });
    expect(res.statusCode).toBe(200);
    expect(await endedWithin(stream, at)).toBeLessThan(1000);
  });

  it("ends when its API token is revoked", async () => {
    const u = await t.user("leader");
    const created = await t.as(admin, { method: "POST", url: "/api/v1/admin/tokens", payload: { name: "wall screen", userId: u.id } });
    expect(created.statusCode).toBe(201);
    const stream = await openStream({ authorization: `Bearer ${created.json().token}` });
    const at = Date.now();
    expect((await t.as(admin, { method: "POST", url: `/api/v1/admin/tokens/${created.json().id}/revoke` })).statusCode).toBe(200);
    expect(await endedWithin(stream, at)).toBeLessThan(1000);
  });

  it("ends when another process ends the session (the database's notification)", async () => {
    const u = await t.user("leader");
    const other = await t.user("leader");
    const stream = await openStream({ cookie: u.cookie });
    const kept = await openStream({ cookie: other.cookie });
    const at = Date.now();
    await t.db.delete(authSessions).where(eq(authSessions.userId, u.id));
    expect(await endedWithin(stream, at)).toBeLessThan(1000);
    // Another user's stream is untouched, and so is one whose user changed without a change of scope.
    await t.as(admin, { method: "PATCH", url: `/api/v1/admin/users/${other.id}`, payload: { displayName: "改名 renamed" } });
    expect(await endedWithin(kept, Date.now(), 1500)).toBe(Number.POSITIVE_INFINITY);
  });

  it("ends when the user's scope changes, so the client reopens it with the new one", async () => {
    const u = await t.user("inspector", { domain: "safety" });
    const stream = await openStream({ cookie: u.cookie });
    const at = Date.now();
    await t.as(admin, { method: "PATCH", url: `/api/v1/admin/users/${u.id}`, payload: { role: "leader" } });
    expect(await endedWithin(stream, at)).toBeLessThan(1000);
  });

  it("ends an expired session's stream on the periodic re-check, even without notifications", async () => {
    const u = await t.user("leader");
    const tokenHash = sha256(u.cookie.slice(u.cookie.indexOf("=") + 1));
    const actor = (await liveCredentials(t.db, userDirectory, "session", [tokenHash])).get(tokenHash)!;
    const hub = new RealtimeHub();
    const guard = new StreamGuard(t.db, userDirectory, hub);
    // No LISTEN subscription: only the sweep (every 100 ms here) can notice.
    await guard.start({ ...t.database, listen: () => Promise.reject(new Error("no notifications")) }, 100);
    let ended = false;
    hub.add({ visibleProjects: null, watchedProject: null, owner: { userId: u.id, credential: { kind: "session", tokenHash }, scope: scopeOf(actor) }, write: () => undefined, end: () => (ended = true) });
    await new Promise((r) => setTimeout(r, 400));
    expect(ended).toBe(false);
    await t.db.update(authSessions).set({ expiresAt: new Date(Date.now() - 1000) }).where(eq(authSessions.tokenHash, tokenHash));
    for (let i = 0; i < 40 && !ended; i++) await new Promise((r) => setTimeout(r, 50));
    expect(ended).toBe(true);
    expect(hub.size).toBe(0);
    await guard.stop();
    hub.close();
  });
});
