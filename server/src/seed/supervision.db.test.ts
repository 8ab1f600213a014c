import { sql, type SQL } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { RandomPlanDto } from "@contracts/cases/inspections";
import { createTestApp, type TestApp } from "../../../test/app";
import { seedDemoCity } from "./demo-city.js";
import { seedSupervision, type SupervisionCounts } from "./supervision.js";

let t: TestApp;
let counts: SupervisionCounts;
const now = new Date();

const query = async <T>(q: SQL) => ((await t.db.execute(q)) as unknown as { rows: T[] }).rows;

beforeAll(async () => {
  t = await createTestApp();
  counts = (await seedDemoCity(t.db, { scale: 0.05, demoPassword: "demo-password-1", now })).supervision!;
});
afterAll(() => t?.close());

const count = async (table: string) => (await query<{ n: number }>(sql`select count(*)::int as n from ${sql.identifier(table)}`))[0].n;

describe("the demo city's supervision year", () => {
  it("keeps the board's counts equal to the cases themselves (the triggers of migration 0009)", async () => {
    const counted = await query<{ k: string; n: number }>(sql`
      select concat_ws('|', project_id, state, grade, overdue, stop_active) as k, n from cases_board_counts where n <> 0 order by k`);
    const actual = await query<{ k: string; n: number }>(sql`
      select concat_ws('|', coalesce(project_id, '00000000-0000-0000-0000-000000000000'), state, grade, overdue_at is not null, stop_work in ('ordered', 'resume_applied')) as k, count(*)::int as n
      from cases_cases group by 1 order by k`);
    expect(counted.length).toBeGreaterThan(5);
    expect(counted).toEqual(actual);
  });

  it("stores what it reports, and only once", async () => {
    expect(counts.seeded).toBe(true);
    expect((await query<{ n: number }>(sql`select count(*)::int as n from audit_log where action = 'seed.supervision.created'`))[0].n).toBe(1);
    expect(await count("cases_inspections")).toBe(counts.inspections);
    // The testing and gas seeds open their cases in the same loop; the supervision year is the rest.
    expect((await query<{ n: number }>(sql`select count(*)::int as n from cases_cases where source not in ('testing', 'gas')`))[0].n).toBe(counts.cases);
    expect((await query<{ n: number }>(sql`select count(*)::int as n from cases_events e join cases_cases c on c.id = e.case_id where c.source not in ('testing', 'gas')`))[0].n).toBe(counts.events);
    expect(await count("quality_acceptances")).toBe(counts.acceptances);
    expect(counts.inspections).toBeGreaterThan(100);
    expect(counts.cases).toBeGreaterThan(50);
    expect((await t.db.transaction((tx) => seedSupervision(tx, { now }))).seeded).toBe(false);
    expect(await count("cases_inspections")).toBe(counts.inspections);
  });

  it("inspects live projects only, within the last year", async () => {
    const rows = await query<{ status: string; n: number }>(sql`
      select p.status, count(i.id)::int as n from registry_projects p left join cases_inspections i on i.project_id = p.id group by p.status`);
    for (const r of rows) {
      if (["approved", "completed"].includes(r.status)) expect(r.n, r.status).toBe(0);
      else expect(r.n, r.status).toBeGreaterThan(0);
    }
    const [span] = await query<{ first: string; last: string }>(sql`select min(inspected_on)::text as first, max(inspected_on)::text as last from cases_inspections`);
    expect(Date.parse(span.last)).toBeLessThanOrEqual(now.getTime());
    expect((now.getTime() - Date.parse(span.first)) / 86_400_000).toBeLessThanOrEqual(367);
  });

  it("has cases in every state, some overdue, with timelines that end in the case's state and never in the future", async () => {
    const states = await query<{ state: string; n: number }>(sql`select state, count(*)::int as n from cases_cases group by state`);
    expect(states.map((s) => s.state).sort()).toEqual(["closed", "pending", "rectifying", "review"]);
    expect(counts.overdueCases).toBeGreaterThan(0);
    const broken = await query<{ id: string }>(sql`
      select c.id from cases_cases c
      join lateral (select e.to_state, e.at from cases_events e where e.case_id = c.id and e.action not in ('stop_work_ordered', 'resume_applied', 'resume_approved', 'overdue') order by e.at desc, e.id desc limit 1) last on true
      where last.to_state <> c.state`);
    expect(broken).toEqual([]);
    expect((await query<{ n: number }>(sql`select count(*)::int as n from cases_events where at > now()`))[0].n).toBe(0);
    const overdue = await query<{ ok: boolean }>(sql`
      select (c.state in ('pending', 'rectifying') and c.deadline < c.overdue_at
        and exists (select 1 from cases_events e where e.case_id = c.id and e.action = 'overdue')) as ok
      from cases_cases c where c.overdue_at is not null`);
    expect(overdue.every((r) => r.ok)).toBe(true);
    const closed = await query<{ ok: boolean }>(sql`
      select (c.closed_at is not null and exists (select 1 from cases_events e where e.case_id = c.id and e.action = 'passed')) as ok from cases_cases c where c.state = 'closed'`);
    expect(closed.every((r) => r.ok)).toBe(true);
    const [nos] = await query<{ n: number; distinct_n: number; bad: number }>(sql`
      select count(*)::int as n, count(distinct no)::int as distinct_n, count(*) filter (where no !~ '^ZG-[0-9]{4}-[0-9]{6}$')::int as bad from cases_cases`);
    // Every case of the loop (the testing seed's too) has its own well-formed number.
    expect(nos.n).toBeGreaterThanOrEqual(counts.cases);
    expect(nos).toEqual({ n: nos.n, distinct_n: nos.n, bad: 0 });
  });

  it("holds every 停工 project under an open stop-work order of a major case", async () => {
    const rows = await query<{ id: string; orders: number }>(sql`
      select p.id, (select count(*)::int from cases_cases c where c.project_id = p.id and c.stop_work = 'ordered' and c.grade = 'major' and c.state <> 'closed') as orders
      from registry_projects p where p.status = 'suspended'`);
    expect(rows.length).toBeGreaterThan(0);
    for (const r of rows) expect(r.orders).toBe(1);
    expect(counts.stopWorkOrders).toBeGreaterThanOrEqual(rows.length);
  });

  it("publishes one 双随机 plan whose summary matches its inspections' cases, visible to a contractor", async () => {
    const contractor = await t.user("enterprise", { enterpriseId: (await query<{ id: string }>(sql`select enterprise_id as id from registry_project_participants limit 1`))[0].id });
    const res = await t.as(contractor, { method: "GET", url: "/api/v1/random-plans" });
    const [plan] = (res.json() as { items: RandomPlanDto[] }).items;
    expect(plan).toMatchObject({ state: "published", domain: "safety", ratioPct: 10 });
    const [found] = await query<{ general: number; major: number; inspected: number }>(sql`
      select count(*) filter (where c.grade = 'general')::int as general, count(*) filter (where c.grade = 'major')::int as major,
        (select count(*)::int from cases_inspections i where i.plan_id = ${plan.id}) as inspected
      from cases_cases c join cases_inspections i on i.id = c.inspection_id where i.plan_id = ${plan.id} and c.source = 'random'`);
    expect(plan.summary).toMatchObject({ targetCount: plan.targetCount, inspectedCount: found.inspected, findings: { general: found.general, major: found.major } });
    expect(plan.targetCount).toBe(Math.ceil(plan.poolSize / 10));
  });

  it("signs acceptances only with the parties present, accepted ones complete", async () => {
    const rows = await query<{ milestone: string; state: string; signed: number }>(sql`select milestone, state, jsonb_array_length(signoffs)::int as signed from quality_acceptances`);
    expect(rows.length).toBe(counts.acceptances);
    expect(rows.some((r) => r.state === "accepted")).toBe(true);
    for (const r of rows.filter((x) => x.state === "accepted")) expect(r.signed).toBe(r.milestone === "main_structure" ? 3 : 5);
  });
});
