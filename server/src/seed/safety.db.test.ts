import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DangerousWorkDetailDto, DangerousWorkDto } from "@contracts/safety/dangerous-works";
import type { EquipmentDto } from "@contracts/safety/equipment";
import { createTestApp, type TestApp, type TestUser } from "../../../test/app";
import type { Page } from "../platform/db/pagination.js";
import { SYSTEM_ACTOR } from "../platform/auth/actor.js";
import { ensureRuleDefaults } from "../platform/rules/rules.js";
import { casesRuleDefinitions } from "../modules/cases/index.js";
import { safetyRuleDefinitions, sweepEquipment } from "../modules/safety/index.js";
import { generateDemoCity, seedDemoCity } from "./demo-city.js";
import type { SafetyCounts } from "./safety.js";

const NOW = new Date();
let t: TestApp;
let inspector: TestUser;
let counts: SafetyCounts;

beforeAll(async () => {
  t = await createTestApp();
  await ensureRuleDefaults(t.db, [...safetyRuleDefinitions, ...casesRuleDefinitions]);
  // The demo city seeds its safety register itself; what it wrote is what generateSafety makes of the same city.
  await seedDemoCity(t.db, { scale: 0.05, now: NOW });
  const city = generateDemoCity({ scale: 0.05, now: NOW });
  const safety = city.safety;
  counts = { experts: safety.experts.length, dangerousWorks: safety.works.length, events: safety.events.length, expertReviews: safety.reviews.length, equipment: safety.equipment.length, operators: safety.operators.length };
  inspector = await t.user("inspector", { domain: "safety" });
});
afterAll(() => t?.close());

const get = <T>(url: string) => t.as(inspector, { method: "GET", url: `/api/v1${url}` }).then((r) => {
  expect(r.statusCode, r.body).toBe(200);
  return r.json() as T;
});

describe("the seeded safety register on a database", () => {
  it("stores what it reports and serves it through the API", async () => {
    expect(counts.dangerousWorks).toBeGreaterThan(0);
    const works = await get<Page<DangerousWorkDto>>("/dangerous-works?pageSize=200");
    expect(works.total).toBe(counts.dangerousWorks);
    expect(works.items[0].level).toBe("chaoweida");
    const detail = await get<DangerousWorkDetailDto>(`/dangerous-works/${works.items[0].id}`);
    expect(detail.events.length).toBeGreaterThan(0);
    const equipment = await get<Page<EquipmentDto>>("/equipment?pageSize=200");
    expect(equipment.total).toBe(counts.equipment);
    expect(equipment.items.every((e) => e.deviceCode !== null)).toBe(true);
  });

  it("the equipment sweep opens the findings the seeded data calls for", async () => {
    const equipment = await get<Page<EquipmentDto>>("/equipment?pageSize=200");
    const failing = equipment.items.flatMap((e) => e.problems).length;
    const swept = await sweepEquipment(t.context(SYSTEM_ACTOR));
    const { rows } = (await t.db.execute(sql`select count(*)::int as n from cases_cases where source = 'equipment'`)) as unknown as { rows: { n: number }[] };
    expect(swept.opened).toBeGreaterThanOrEqual(failing > 0 ? 1 : 0);
    expect(rows[0].n).toBe(swept.opened);
  });
});
