import { and, asc, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { RuleDto } from "@contracts/iot/rules";
import { createTestApp, type TestApp, type TestUser } from "../../../../../test/app";
import { auditLog } from "../../../platform/audit/schema.js";
import { RULES_CHANNEL } from "../iot.notify.js";
import { iotRules } from "../schema.js";
import { issuesOf } from "../device.test-fixtures.js";

let t: TestApp;
let admin: TestUser;
let inspector: TestUser;
let contractor: TestUser;

beforeAll(async () => {
  t = await createTestApp();
  admin = await t.user("admin");
  inspector = await t.user("inspector", { domain: "safety" });
  contractor = await t.user("enterprise");
});
afterAll(() => t.close());

const rule = (over: Record<string, unknown> = {}) => ({
  code: "test.pm10",
  name: "PM10 15 分钟均值超标",
  deviceType: "env_monitor",
  region: "330784",
  kind: "threshold",
  metric: "pm10",
  aggregation: "mean",
  windowS: 900,
  direction: "above",
  levels: [
    { severity: "minor", threshold: 150 },
    { severity: "major", threshold: 250 },
  ],
  hysteresis: 10,
  period: "all",
  missedIntervals: null,
  action: "spray",
  source: "永康市扬尘管控办法 (test)",
  enabled: true,
  ...over,
});
const add = (user: TestUser, payload: Record<string, unknown>) => t.as(user, { method: "POST", url: "/api/v1/rules", payload });

describe("rule versions", () => {
  it("numbers versions per code and region, closes the previous one, audits and notifies", async () => {
    const heard: string[] = [];
    const listener = await t.database.listen(RULES_CHANNEL, (p) => heard.push(p), () => undefined);
    try {
      const v1 = await add(admin, rule({ code: "test.ver", effectiveFrom: "2025-01-01T00:00:00Z" }));
      expect(v1.statusCode, v1.body).toBe(201);
      expect(v1.json()).toMatchObject({ version: 1, effectiveFrom: "2025-01-01T00:00:00.000Z", effectiveTo: null, createdBy: expect.any(String) });
      const v2 = await add(admin, rule({ code: "test.ver", levels: [{ severity: "major", threshold: 200 }] }));
      expect(v2.statusCode, v2.body).toBe(201);
      const second = v2.json() as RuleDto;
      expect(second.version).toBe(2);
      // Another region's versions are numbered apart.
      const national = await add(admin, rule({ code: "test.ver", region: "*" }));
      expect((national.json() as RuleDto).version).toBe(1);

      // Stored in the one vocabulary (CN), answered as this API always has (*).
      expect((national.json() as RuleDto).region).toBe("*");
      const [stored] = await t.db.select().from(iotRules).where(and(eq(iotRules.code, "test.ver"), eq(iotRules.region, "CN")));
      expect(stored.version).toBe(1);

      const rows = await t.db.select().from(iotRules).where(and(eq(iotRules.code, "test.ver"), eq(iotRules.region, "330784"))).orderBy(asc(iotRules.version));
      expect(rows.map((r) => r.version)).toEqual([1, 2]);
      expect(rows[0].effectiveTo?.toISOString()).toBe(second.effectiveFrom);
      expect(rows[1].effectiveTo).toBeNull();

      const current = (await t.as(contractor, { method: "GET", url: "/api/v1/rules?code=test.ver" })).json() as RuleDto[];
      expect(current.map((r) => [r.region, r.version])).toEqual([
        ["*", 1],
        ["330784", 2],
      ]);
      expect(current[1].levels).toEqual([{ severity: "major", threshold: 200 }]);
      const all = (await t.as(contractor, { method: "GET", url: "/api/v1/rules?code=test.ver&versions=all" })).json() as RuleDto[];
      expect(all).toHaveLength(3);

      const audit = await t.db.select().from(auditLog).where(and(eq(auditLog.action, "iot.rule.versionAdded"), eq(auditLog.entityId, second.id)));
      expect(audit).toHaveLength(1);
      for (let i = 0; i < 50 && heard.length < 3; i++) await new Promise((r) => setTimeout(r, 20));
      expect(heard).toEqual(["test.ver", "test.ver", "test.ver"]);
    } finally {
      await listener.close();
    }
  });

  it("a future version is not current until it starts", async () => {
    await add(admin, rule({ code: "test.future" }));
    const later = await add(admin, rule({ code: "test.future", effectiveFrom: "2099-01-01T00:00:00Z" }));
    expect(later.statusCode).toBe(201);
    const current = (await t.as(admin, { method: "GET", url: "/api/v1/rules?code=test.future" })).json() as RuleDto[];
    expect(current.map((r) => [r.version, r.effectiveTo])).toEqual([[1, "2099-01-01T00:00:00.000Z"]]);
  });

  it("names effectiveFrom when the new version would start before the current one", async () => {
    await add(admin, rule({ code: "test.order", effectiveFrom: "2025-06-01T00:00:00Z" }));
    const res = await add(admin, rule({ code: "test.order", effectiveFrom: "2025-05-01T00:00:00Z" }));
    expect(res.statusCode).toBe(400);
    expect(issuesOf(res.body).map((i) => i.path)).toEqual(["effectiveFrom"]);
    const rows = await t.db.select().from(iotRules).where(eq(iotRules.code, "test.order"));
    expect(rows.map((r) => r.effectiveTo)).toEqual([null]);
  });

  it("keeps a code's device type (VALIDATION naming deviceType), also across regions", async () => {
    await add(admin, rule({ code: "test.type" }));
    const res = await add(admin, rule({ code: "test.type", region: "*", deviceType: "tower_crane", metric: "moment_pct" }));
    expect(res.statusCode).toBe(400);
    expect(issuesOf(res.body).map((i) => i.path)).toEqual(["deviceType"]);
  });

  it("validates the rule shape and needs iot.rule.manage", async () => {
    const noMetric = await add(admin, rule({ code: "test.shape", metric: null }));
    expect(noMetric.statusCode).toBe(400);
    expect(issuesOf(noMetric.body).map((i) => i.path)).toContain("metric");
    expect((await add(inspector, rule({ code: "test.perm" }))).statusCode).toBe(403);
    expect((await add(contractor, rule({ code: "test.perm" }))).statusCode).toBe(403);
    expect(await t.db.select().from(iotRules).where(eq(iotRules.code, "test.perm"))).toEqual([]);
  });
});

describe("the one region convention on the /rules wire", () => {
  it("takes CN or * for the national default (one region, numbered together), answers *, and filters by either", async () => {
    expect((await add(admin, rule({ code: "test.cn", region: "CN" }))).statusCode).toBe(201);
    const second = await add(admin, rule({ code: "test.cn", region: "*", levels: [{ severity: "major", threshold: 300 }] }));
    expect(second.statusCode, second.body).toBe(201);
    expect(second.json()).toMatchObject({ region: "*", version: 2 });
    await add(admin, rule({ code: "test.cn", region: "330784" }));
    for (const region of ["CN", "*"]) {
      const listed = (await t.as(admin, { method: "GET", url: `/api/v1/rules?code=test.cn&versions=all&region=${encodeURIComponent(region)}` })).json() as RuleDto[];
      expect(listed.map((r) => [r.region, r.version])).toEqual([
        ["*", 1],
        ["*", 2],
      ]);
    }
    const bad = await add(admin, rule({ code: "test.cn", region: "national" }));
    expect(bad.statusCode).toBe(400);
    expect(issuesOf(bad.body).map((i) => i.path)).toEqual(["region"]);
  });
});
