import { sql, type SQL } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { addMonths } from "@contracts/workforce/presence";
import { createTestApp, type TestApp, type TestUser } from "../../../test/app";
import { todayInShanghai } from "../modules/registry/expiry.checks.js";
import { latestOwedMonth } from "../modules/workforce/wage.checks.js";
import { seedDemoCity, type SeedCounts } from "./demo-city.js";

let t: TestApp;
let leader: TestUser;
let counts: SeedCounts;

beforeAll(async () => {
  t = await createTestApp();
  counts = await seedDemoCity(t.db, { scale: 0.02 });
  leader = await t.user("leader");
});
afterAll(() => t?.close());

const query = async <T>(q: SQL) => ((await t.db.execute(q)) as unknown as { rows: T[] }).rows;
const count = async (table: string) => (await query<{ n: number }>(sql`select count(*)::int as n from ${sql.identifier(table)}`))[0].n;

describe("the demo city's workforce on a database", () => {
  it("stores exactly the rows it reports", async () => {
    const wf = counts.workforce!;
    expect(wf.workers).toBeGreaterThan(0);
    expect(await count("workforce_teams")).toBe(wf.teams);
    expect(await count("workforce_workers")).toBe(wf.workers);
    expect(await count("workforce_trainings")).toBe(wf.trainings);
    expect(await count("workforce_attendance_days")).toBe(wf.attendanceDays);
    expect(await count("workforce_wage_accounts")).toBe(wf.wageAccounts);
    expect(await count("workforce_payrolls")).toBe(wf.payrolls);
    expect(await count("workforce_blacklist")).toBe(wf.blacklisted);
    expect(wf.blacklisted).toBeGreaterThanOrEqual(3);
    expect((await query<{ n: number }>(sql`select count(*)::int as n from iot_devices where type = 'gate' and digest_ha1 ~ '^[0-9a-f]{32}$'`))[0].n).toBe(wf.gates);
  });

  it("gives every 在建 project a gate and admitted workers, and nothing to the others", async () => {
    const rows = await query<{ status: string; gates: number; workers: number; teams: number }>(sql`
      select p.status,
        (select count(*)::int from iot_devices d where d.project_id = p.id and d.type = 'gate') as gates,
        (select count(*)::int from workforce_workers w where w.project_id = p.id) as workers,
        (select count(*)::int from workforce_teams tm where tm.project_id = p.id) as teams
      from registry_projects p`);
    const live = rows.filter((r) => r.status === "in_progress");
    expect(live.length).toBeGreaterThan(0);
    for (const r of live) {
      expect(r.gates).toBe(1);
      expect(r.workers).toBeGreaterThan(0);
      expect(r.teams).toBeGreaterThanOrEqual(2);
      expect(r.teams).toBeLessThanOrEqual(5);
    }
    for (const r of rows.filter((r) => r.status !== "in_progress")) expect(r).toMatchObject({ gates: 0, workers: 0, teams: 0 });
  });

  it("admits only workers with a signed contract and entry training passed within the year, nobody blacklisted", async () => {
    const today = todayInShanghai();
    const bad = await query<{ id: string }>(sql`
      select w.id from workforce_workers w
      where w.status not in ('entered', 'on_site') or w.contract_signed_on is null or w.worker_no !~ '^W[0-9]{9}$'
        or not exists (select 1 from workforce_trainings tr where tr.person_id = w.person_id and tr.kind = 'entry_three_level' and tr.passed
                       and tr.trained_on > ${today}::date - interval '1 year' and tr.trained_on <= ${today}::date)
        or exists (select 1 from workforce_blacklist b where b.person_id = w.person_id)`);
    expect(bad).toEqual([]);
  });

  it("answers a live headcount above zero on some project today", async () => {
    const projects = await query<{ id: string }>(sql`select id from registry_projects where status = 'in_progress'`);
    const onSite = [];
    for (const p of projects) {
      const res = await t.as(leader, { method: "GET", url: `/api/v1/projects/${p.id}/headcount` });
      expect(res.statusCode).toBe(200);
      onSite.push((res.json() as { onSite: number }).onSite);
    }
    expect(Math.max(...onSite)).toBeGreaterThan(0);
  });

  it("leaves arrears for the city arrears view to find", async () => {
    const res = await t.as(leader, { method: "GET", url: "/api/v1/wages/arrears" });
    expect(res.statusCode).toBe(200);
    const body = res.json() as { month: string; items: { unpaidNet: number; oldestMonth: string | null }[] };
    expect(body.month).toBe(latestOwedMonth(todayInShanghai()));
    expect(body.items.some((i) => i.unpaidNet > 0 && i.oldestMonth === body.month)).toBe(true);
  });

  it("flags key personnel below the required rate, but not most of them", async () => {
    const month = addMonths(todayInShanghai().slice(0, 7), -1);
    const res = await t.as(leader, { method: "GET", url: `/api/v1/key-personnel/absences?month=${month}&pageSize=100` });
    expect(res.statusCode).toBe(200);
    const flagged = (res.json() as { total: number }).total;
    expect(flagged).toBeGreaterThan(0);
    const [{ holders }] = await query<{ holders: number }>(sql`
      select count(*)::int as holders from registry_project_posts po join registry_projects p on p.id = po.project_id
      where p.status = 'in_progress' and po.ended_on is null and po.post in ('project_manager', 'chief_supervisor', 'safety_officer', 'technical_lead')`);
    expect(flagged).toBeLessThan(holders / 2);
  });

  it("seeds nothing the second time", async () => {
    const again = await seedDemoCity(t.db, { scale: 0.02 });
    expect(again).toMatchObject({ seeded: false, workforce: null });
    expect(await count("workforce_workers")).toBe(counts.workforce!.workers);
    expect(await count("workforce_attendance_days")).toBe(counts.workforce!.attendanceDays);
  });
});
