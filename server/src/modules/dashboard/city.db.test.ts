import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sql } from "drizzle-orm";
import type { CityDashboardDto } from "@contracts/dashboard/city";
import type { HomeDto } from "@contracts/dashboard/home";
import type { DashboardMapDto } from "@contracts/dashboard/map";
import { createTestApp, type TestApp, type TestUser } from "../../../../test/app";
import { seedDemoCity } from "../../seed/demo-city.js";

let t: TestApp;
let bureau: TestUser;
let contractor: TestUser;
let gasCompany: TestUser;

beforeAll(async () => {
  t = await createTestApp();
  await seedDemoCity(t.db, { scale: 0.02 });
  const one = async (q: ReturnType<typeof sql>) => ((await t.db.execute(q)) as unknown as { rows: { id: string }[] }).rows[0].id;
  // The general contractor of the project with the most open cases: its figures are a proper part of the city's.
  const gc = await one(sql`
    select pp.enterprise_id as id from registry_project_participants pp
    left join cases_cases c on c.project_id = pp.project_id and c.state <> 'closed'
    where pp.role = 'general_contractor' group by pp.enterprise_id order by count(c.id) desc, pp.enterprise_id limit 1`);
  const gasEnterprise = await one(sql`select enterprise_id as id from gas_stations group by enterprise_id order by count(*) desc limit 1`);
  bureau = await t.user("leader");
  contractor = await t.user("enterprise", { enterpriseId: gc });
  gasCompany = await t.user("gas_company", { enterpriseId: gasEnterprise });
}, 300_000);
afterAll(() => t.close());

const get = async <T>(user: TestUser, url: string): Promise<T> => {
  const res = await t.as(user, { method: "GET", url });
  expect(res.statusCode, `${url}: ${res.body}`).toBe(200);
  return res.json() as T;
};

/** The figure a `links` key names: `cases.open`, `alarms.bySeverity.critical`, `projects.byDistrict.东城街道`. */
function valueAt(d: CityDashboardDto, key: string): number {
  const [section, field, entry] = key.split(".");
  const s = (d as unknown as Record<string, Record<string, unknown>>)[section];
  if (field === "byDistrict") return (s.byDistrict as { district: string; count: number }[]).find((x) => x.district === entry)?.count ?? NaN;
  const v = entry === undefined ? s[field] : (s[field] as Record<string, number>)[entry];
  return v as number;
}

/** Every KPI against the total of the list it links to, fetched by the same user through the HTTP app. */
async function compareWithLists(user: TestUser, d: CityDashboardDto): Promise<Record<string, number>> {
  const seen: Record<string, number> = {};
  for (const [key, link] of Object.entries(d.links)) {
    const list = await get<{ total: number }>(user, link);
    seen[key] = list.total;
    expect({ key, value: valueAt(d, key) }, link).toEqual({ key, value: list.total });
  }
  return seen;
}

describe("GET /dashboard/city", () => {
  it("for the bureau: every section, every KPI equal to the total of its linked list", async () => {
    const d = await get<CityDashboardDto>(bureau, "/api/v1/dashboard/city");
    for (const s of ["projects", "workforce", "cases", "alarms", "dangerousWorks", "equipment", "environment", "testing", "wages", "gas", "risk"]) expect(d).toHaveProperty(s);
    expect(d.links["cases.open"]).toBe("/api/v1/cases?state=pending&state=rectifying&state=review");
    expect(d.links["cases.overdue"]).toBe("/api/v1/cases?overdue=true");
    expect(d.links["projects.total"]).toBe("/api/v1/projects");
    const totals = await compareWithLists(bureau, d);
    // The seeded city is not empty: the comparison is between real counts.
    expect(d.projects?.total).toBeGreaterThan(0);
    expect(d.cases?.open).toBeGreaterThan(0);
    expect(Object.values(totals).filter((n) => n > 0).length).toBeGreaterThan(10);
    expect(d.alarms?.latest.length).toBe(Math.min(10, d.alarms?.active ?? 0));
    if ((d.cases?.overdue ?? 0) > 0) expect(d.cases?.oldestOverdue?.daysOverdue).toBeGreaterThanOrEqual(0);
  });

  it("counts what the new filters mean, checked against the tables (city-wide)", async () => {
    const d = await get<CityDashboardDto>(bureau, "/api/v1/dashboard/city");
    const n = async (q: ReturnType<typeof sql>) => ((await t.db.execute(q)) as unknown as { rows: { n: number }[] }).rows[0].n;
    const monday = new URL(d.links["environment.dustExceedancesWeek"], "http://x").searchParams.get("from") as string;
    expect(d.environment?.dustExceedancesWeek).toBe(await n(sql`select count(*)::int as n from iot_alarms where rule_code like 'dust.%' and started_at >= ${monday}::timestamptz`));
    expect(d.environment?.noiseExceedancesWeek).toBe(await n(sql`select count(*)::int as n from iot_alarms where rule_code like 'noise.%' and started_at >= ${monday}::timestamptz`));
    expect(d.equipment?.withActiveAlarms).toBe(
      await n(sql`select count(*)::int as n from safety_equipment q where q.status = 'in_use' and exists (select 1 from iot_alarms a where a.device_id = q.device_id and a.cleared_at is null)`),
    );
    const today = new URL(d.links["gas.lockedFillsToday"], "http://x").searchParams.get("from") as string;
    expect(d.gas?.lockedFillsToday).toBe(
      await n(sql`select count(*)::int as n from gas_fill_checks where not allowed and at >= (${today}::date)::timestamp at time zone 'Asia/Shanghai' and at < (${today}::date + 1)::timestamp at time zone 'Asia/Shanghai'`),
    );
    expect(d.workforce?.onSite).toBe(await n(sql`select count(*)::int as n from workforce_attendance_days where day = ${today}::date and last_direction = 'in'`));
    expect(d.cases?.open).toBe(await n(sql`select count(*)::int as n from cases_cases where state <> 'closed'`));
  });

  it("for a contractor: only its projects, every KPI equal to its own linked list", async () => {
    const city = await get<CityDashboardDto>(bureau, "/api/v1/dashboard/city");
    const d = await get<CityDashboardDto>(contractor, "/api/v1/dashboard/city");
    expect(d.gas).toBeUndefined();
    await compareWithLists(contractor, d);
    expect(d.projects?.total).toBeGreaterThan(0);
    expect(d.projects?.total).toBeLessThan(city.projects?.total ?? 0);
    expect(d.cases?.open).toBeGreaterThan(0);
    expect(d.cases?.open).toBeLessThan(city.cases?.open ?? 0);
  });

  it("for a gas company: its gas figures (and its cases), no construction sections", async () => {
    const d = await get<CityDashboardDto>(gasCompany, "/api/v1/dashboard/city");
    expect(Object.keys(d).sort()).toEqual(["at", "cases", "gas", "links"]);
    await compareWithLists(gasCompany, d);
    expect(d.gas?.fillsToday).toBeLessThanOrEqual((await get<CityDashboardDto>(bureau, "/api/v1/dashboard/city")).gas?.fillsToday ?? 0);
  });

  it("refuses an anonymous caller", async () => {
    expect((await t.as(null, { method: "GET", url: "/api/v1/dashboard/city" })).statusCode).toBe(401);
  });
});

describe("GET /dashboard/home", () => {
  it("gives each role its cards, each equal to its linked list", async () => {
    for (const [user, kind] of [
      [bureau, "bureau"],
      [contractor, "contractor"],
      [gasCompany, "gas"],
      [await t.user("inspector", { domain: "safety" }), "inspector"],
    ] as const) {
      const home = await get<HomeDto>(user, "/api/v1/dashboard/home");
      expect(home.kind).toBe(kind);
      if (kind === "bureau" || kind === "inspector") expect(home.city?.links["cases.open"]).toBeDefined();
      else expect(home.city).toBeUndefined();
      for (const card of home.cards) if (card.link) expect({ card: card.key, value: card.value }).toEqual({ card: card.key, value: (await get<{ total: number }>(user, card.link)).total });
      if (kind === "contractor") {
        expect(home.cards.map((c) => c.key)).toContain("myOpenCases");
        const deadlines = (home.cases ?? []).map((c) => c.deadline);
        expect(deadlines).toEqual([...deadlines].sort());
        expect(home.cases?.length).toBe(Math.min(10, home.cards.find((c) => c.key === "myOpenCases")?.value ?? 0));
      }
      if (kind === "gas") expect(home.cards.map((c) => c.key)).toEqual(["stations", "fillsToday", "lockedFillsToday", "overdueCylinders", "openAnomalies", "openHazards", "openLeaks"]);
    }
  });
});

describe("GET /dashboard/map", () => {
  it("places the caller's projects and the layers asked for", async () => {
    const all = await get<DashboardMapDto>(bureau, "/api/v1/dashboard/map?layers=alarms,cases,dangerousWorks,leaks,cameras");
    const mine = await get<DashboardMapDto>(contractor, "/api/v1/dashboard/map?layers=cases,leaks");
    expect(all.projects.length).toBeGreaterThan(mine.projects.length);
    expect(mine.projects.length).toBeGreaterThan(0);
    expect(mine.leaks).toBeUndefined();
    expect(mine.alarms).toBeUndefined();
    const ids = new Set(mine.projects.map((p) => p.projectId));
    expect(mine.cases?.every((c) => ids.has(c.projectId))).toBe(true);
    const openOnMap = all.projects.reduce((n, p) => n + p.openCases, 0);
    expect(all.cases?.reduce((n, c) => n + c.open, 0)).toBe(openOnMap);
    expect(all.leaks).toBeDefined();
    // Each ranked project carries the level of the risk module's latest ranking.
    const ranking = await get<{ items: { projectId: string; level: string }[]; total: number }>(bureau, "/api/v1/risk/projects?pageSize=200");
    const levelOf = new Map(ranking.items.map((r) => [r.projectId, r.level]));
    for (const p of all.projects) expect({ id: p.projectId, level: p.riskLevel }).toEqual({ id: p.projectId, level: levelOf.get(p.projectId) });
  });
});
