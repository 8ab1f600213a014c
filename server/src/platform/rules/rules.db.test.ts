import { and, asc, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { RuleVersionDto, ThresholdList } from "@contracts/platform/rules";
import { createTestApp, type TestApp, type TestUser } from "../../../../test/app";
import { ruleInForce, type RuleDefinition } from "./rules.js";
import { platformRules } from "./schema.js";

/** cases.deadline, as app.ts files it: national default from 2024-01-01, value the days per grade. */
const CODE = "cases.deadline";
const DAYS = { generalDays: 7, majorDays: 15 };

let t: TestApp;
let admin: TestUser;
let leader: TestUser;

beforeAll(async () => {
  t = await createTestApp();
  admin = await t.user("admin");
  leader = await t.user("leader");
});
afterAll(() => t.close());

const list = async (query = "") => (await t.as(leader, { method: "GET", url: `/api/v1/thresholds?code=${CODE}${query}` })).json() as ThresholdList;
const file = (effectiveFrom: string, value: unknown, region = "330784") =>
  t.as(admin, { method: "POST", url: "/api/v1/thresholds", payload: { code: CODE, region, source: "永康市通知（测试）", effectiveFrom, value } });

describe("thresholds: one region convention, half-open instants, days on the wire", () => {
  it("files city versions by day: each starts at 00:00 Asia/Shanghai and ends the previous one there", async () => {
    const [national] = (await list()).items;
    expect(national).toMatchObject({ region: "CN", version: 1, effectiveTo: null, inForce: true });
    expect(national.value).toEqual(DAYS);

    expect((await file("2025-04-01", DAYS)).statusCode).toBe(201);
    const second = await file("2025-07-01", { ...DAYS, generalDays: 5 });
    expect(second.statusCode, second.body).toBe(201);
    expect(second.json()).toMatchObject({ region: "330784", version: 2, effectiveFrom: "2025-07-01", effectiveTo: null, inForce: true });

    const rows = await t.db.select().from(platformRules).where(and(eq(platformRules.code, CODE), eq(platformRules.region, "330784"))).orderBy(asc(platformRules.version));
    // 2025-04-01 00:00 in Shanghai is 16:00 UTC the day before; v1 ends exactly where v2 starts.
    expect(rows.map((r) => [r.effectiveFrom.toISOString(), r.effectiveTo?.toISOString() ?? null])).toEqual([
      ["2025-03-31T16:00:00.000Z", "2025-06-30T16:00:00.000Z"],
      ["2025-06-30T16:00:00.000Z", null],
    ]);

    const history = await list();
    expect(history.cityRegion).toBe("330784");
    expect(history.items.map((r: RuleVersionDto) => [r.region, r.version, r.effectiveFrom, r.effectiveTo, r.inForce])).toEqual([
      ["330784", 2, "2025-07-01", null, true],
      ["330784", 1, "2025-04-01", "2025-06-30", false],
      ["CN", 1, "2024-01-01", null, false],
    ]);
    expect((await list("&versions=current")).items.map((r) => [r.region, r.version])).toEqual([
      ["330784", 2],
      ["CN", 1],
    ]);
    expect((await list("&region=CN")).items.map((r) => r.region)).toEqual(["CN"]);
  });

  it("judges a day by the version in force at its 00:00 in Shanghai: the city's own, else the national", async () => {
    const def = { code: CODE, name: CODE, schema: { safeParse: (v: unknown) => ({ success: true, data: v }) } } as unknown as RuleDefinition;
    expect((await ruleInForce(t.db, def, "330784", "2025-06-30")).version).toBe(1);
    expect((await ruleInForce(t.db, def, "330784", "2025-07-01")).version).toBe(2);
    expect((await ruleInForce(t.db, def, "330784", "2025-03-31")).region).toBe("CN");
    expect((await ruleInForce(t.db, def, "330700", "2025-07-01")).region).toBe("CN");
  });

  it("names the field: a start not after the previous one, a region other than the city's or CN, a bad region", async () => {
    const early = await file("2025-07-01", DAYS);
    expect(early.statusCode).toBe(400);
    expect(JSON.stringify(early.json())).toContain("effectiveFrom");
    const other = await file("2026-01-01", DAYS, "330700");
    expect(other.statusCode).toBe(400);
    expect(JSON.stringify(other.json())).toContain("region");
    const bad = await file("2026-01-01", DAYS, "*");
    expect(bad.statusCode).toBe(400);
    expect(JSON.stringify(bad.json())).toContain("region");
    expect((await t.as(leader, { method: "POST", url: "/api/v1/thresholds", payload: { code: CODE, region: "330784", source: "x", effectiveFrom: "2026-01-01", value: DAYS } })).statusCode).toBe(403);
  });
});
