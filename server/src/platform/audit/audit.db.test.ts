import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, type TestApp } from "../../../../test/app";
import { SYSTEM_ACTOR } from "../auth/actor";
import { recordAudit, verifyAuditChain } from "./audit";
import { rowsOf } from "../db/client.js";

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

const ctx = { actor: SYSTEM_ACTOR, requestId: "r1", ip: "127.0.0.1" };

describe("audit log", () => {
  it("chains entries, lists them for admins only, and detects tampering", async () => {
    for (let i = 0; i < 5; i++) {
      await t.db.transaction((tx) => recordAudit(tx, ctx, { action: "test.thing.updated", entity: "thing", entityId: `t${i}`, before: { n: i }, after: { n: i + 1, at: new Date(0) } }));
    }
    expect(await verifyAuditChain(t.db)).toMatchObject({ ok: true, checked: 5 });

    const admin = await t.user("admin");
    const leader = await t.user("leader");
    const list = await t.as(admin, { method: "GET", url: "/api/v1/audit?entity=thing&pageSize=2" });
    expect(list.statusCode).toBe(200);
    expect(list.json()).toMatchObject({ total: 5, page: 1, pageSize: 2 });
    expect(list.json().items[0]).toMatchObject({ entityId: "t4", action: "test.thing.updated", after: { n: 5 } });
    expect((await t.as(leader, { method: "GET", url: "/api/v1/audit" })).statusCode).toBe(403);

    await t.db.execute(sql`update audit_log set after = '{"n": 99}'::jsonb where entity_id = 't2'`);
    const verify = await t.as(admin, { method: "GET", url: "/api/v1/audit/verify" });
    expect(verify.json()).toMatchObject({ ok: false, checked: 2 });
    expect(verify.json().reason).toMatch(/modified/);
  });

  it("rolls the entry back with the write it belongs to", async () => {
    const before = await t.db.execute(sql`select count(*)::int as n from audit_log`);
    await expect(
      t.db.transaction(async (tx) => {
        await recordAudit(tx, ctx, { action: "test.thing.created", entity: "thing" });
        throw new Error("write failed");
      }),
    ).rejects.toThrow("write failed");
    const after = await t.db.execute(sql`select count(*)::int as n from audit_log`);
    expect(rowsOf<{ n: number }>(after)[0].n).toBe(rowsOf<{ n: number }>(before)[0].n);
  });
});
