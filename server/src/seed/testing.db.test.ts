import { sql, type SQL } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, type TestApp } from "../../../test/app";
import { seedDemoCity } from "./demo-city.js";
import { seedTesting, type TestingCounts } from "./testing.js";

let t: TestApp;
let counts: TestingCounts;
const now = new Date("2026-06-15T04:00:00Z");

beforeAll(async () => {
  t = await createTestApp();
  counts = (await seedDemoCity(t.db, { scale: 0.02, now })).testing!;
});
afterAll(() => t?.close());

const query = async <T>(q: SQL) => ((await t.db.execute(q)) as unknown as { rows: T[] }).rows;

describe("the demo city's testing", () => {
  it("stores what it reports: agencies, commissions, results, reports and a case per failure", async () => {
    const [row] = await query<Record<string, number>>(sql`select
      (select count(*)::int from testing_agencies) as agencies,
      (select count(*)::int from testing_commissions) as commissions,
      (select count(*)::int from testing_commissions where witnessed) as witnessed,
      (select count(*)::int from testing_results) as results,
      (select count(*)::int from testing_results where not pass) as failed,
      (select count(*)::int from testing_reports) as reports,
      (select count(*)::int from cases_cases where source = 'testing') as cases`);
    expect(row).toEqual({ agencies: counts.agencies, commissions: counts.commissions, witnessed: counts.witnessed, results: counts.results, failed: counts.failedResults, reports: counts.reports, cases: counts.cases });
    expect(counts.commissions).toBeGreaterThan(20);
    expect(counts.failedResults).toBeGreaterThanOrEqual(2);
    expect(counts.reports).toBeGreaterThan(0);
    // A second run finds the testing seeded and writes nothing.
    expect((await t.db.transaction((tx) => seedTesting(tx, { seed: 330_784, now }))).commissions).toBe(0);
    const [orphans] = await query<{ n: number }>(sql`select count(*)::int as n from testing_results where not pass and case_id is null`);
    expect(orphans.n).toBe(0);
  });

  it("names only witnesses of the client or supervisor, and keeps a project or two under 30 %", async () => {
    const [bad] = await query<{ n: number }>(sql`select count(*)::int as n from testing_commissions c where c.witnessed and not exists (
      select 1 from registry_project_posts po join registry_project_participants pp on pp.project_id = po.project_id and pp.enterprise_id = po.enterprise_id
      where po.project_id = c.project_id and po.person_id = c.witness_person_id and pp.role in ('builder', 'supervisor'))`);
    expect(bad.n).toBe(0);
    const shares = await query<{ share: number }>(sql`select avg(case when witnessed then 1.0 else 0 end)::float as share from testing_commissions group by project_id`);
    expect(shares.some((s) => s.share < 0.3)).toBe(true);
    const overall = counts.witnessed / counts.commissions;
    expect(overall).toBeGreaterThan(0.25);
    expect(overall).toBeLessThan(0.65);
  });

  it("issues well-formed verify codes and unique sample codes", async () => {
    const [r] = await query<{ verify_code: string; report_no: string }>(sql`select verify_code, report_no from testing_reports order by report_no limit 1`);
    expect(r.verify_code).toMatch(/^[0-9A-HJKMNP-TV-Z]{12}$/);
    const [dup] = await query<{ n: number }>(sql`select count(*)::int as n from (select sample_code from testing_commissions where sample_code is not null group by sample_code having count(*) > 1) d`);
    expect(dup.n).toBe(0);
  });
});
