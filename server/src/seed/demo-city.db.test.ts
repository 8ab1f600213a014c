import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { eq, sql, type SQL } from "drizzle-orm";
import { createTestApp, type TestApp } from "../../../test/app";
import { auditLog } from "../platform/audit/schema.js";
import { authUsers } from "../modules/identity/schema.js";
import { todayInShanghai } from "../modules/registry/expiry.checks.js";
import { seedDemoCity, type SeedCounts } from "./demo-city.js";

const DEMO_PASSWORD = "demo-password-42";

let t: TestApp;
let counts: SeedCounts;

beforeAll(async () => {
  t = await createTestApp();
  counts = await seedDemoCity(t.db, { scale: 0.02, demoPassword: DEMO_PASSWORD });
});
afterAll(() => t.close());

// Both drivers answer raw SQL with `{ rows }`; the shared Db type leaves the result untyped.
const query = async <T>(q: SQL) => ((await t.db.execute(q)) as unknown as { rows: T[] }).rows;
const count = async (table: string) => (await query<{ n: number }>(sql`select count(*)::int as n from ${sql.identifier(table)}`))[0].n;

describe("seedDemoCity on a database", () => {
  it("stores exactly the rows it reports", async () => {
    expect(counts.seeded).toBe(true);
    expect(counts.persons).toBe(400);
    expect(counts.projects).toBe(8);
    expect(await count("registry_enterprises")).toBe(counts.enterprises);
    expect(await count("registry_qualifications")).toBe(counts.qualifications);
    // The gas seed adds its certified staff and patrollers as persons of the gas companies, counted in `gas`.
    const gasPeople = sql`(select person_id from gas_staff union select patroller_id from gas_patrols where patroller_id is not null)`;
    expect((await query<{ n: number }>(sql`select count(*)::int as n from registry_persons where id not in ${gasPeople}`))[0].n).toBe(counts.persons);
    expect((await query<{ n: number }>(sql`select count(*)::int as n from registry_certificates where person_id not in ${gasPeople}`))[0].n).toBe(counts.certificates);
    expect(await count("registry_projects")).toBe(counts.projects);
    expect(await count("registry_project_participants")).toBe(counts.participants);
    expect(await count("registry_project_posts")).toBe(counts.posts);
  });

  it("never makes one person project manager of two live projects", async () => {
    const rows = await query<{ person_id: string; n: number }>(sql`
      select po.person_id, count(*)::int as n from registry_project_posts po
      join registry_projects p on p.id = po.project_id
      where po.post = 'project_manager' and po.ended_on is null and p.status in ('in_progress', 'suspended', 'resumed')
      group by po.person_id having count(*) > 1`);
    expect(rows).toEqual([]);
  });

  it("gives every live project a PM with a valid 注册建造师 and 安全B证, employed by its general contractor", async () => {
    // "Valid" is judged on the Shanghai calendar, as the seed does (current_date would be the server's UTC day).
    const today = todayInShanghai();
    const rows = await query<{ id: string; pm: string | null; constructor_ok: boolean; safety_ok: boolean; employed: boolean }>(sql`
      select p.id, po.person_id as pm,
        exists (select 1 from registry_certificates c where c.person_id = po.person_id and c.kind = 'constructor' and c.expires_on >= ${today}::date) as constructor_ok,
        exists (select 1 from registry_certificates c where c.person_id = po.person_id and c.kind = 'safety_b' and c.expires_on >= ${today}::date) as safety_ok,
        exists (select 1 from registry_persons pe join registry_project_participants pp on pp.enterprise_id = pe.employer_id
                where pe.id = po.person_id and pp.project_id = p.id and pp.role = 'general_contractor') as employed
      from registry_projects p
      left join registry_project_posts po on po.project_id = p.id and po.post = 'project_manager' and po.ended_on is null
      where p.status in ('in_progress', 'suspended', 'resumed')`);
    expect(rows.length).toBeGreaterThan(0);
    for (const r of rows) expect(r, `project ${r.id}`).toMatchObject({ constructor_ok: true, safety_ok: true, employed: true });
    expect(rows.every((r) => r.pm !== null)).toBe(true);
  });

  it("creates the demo accounts with the given password, bound to their enterprise and projects", async () => {
    expect(counts.demoUsers.sort()).toEqual(["contractor", "gas", "inspector", "leader", "project", "quality", "testing"]);
    const login = await t.app.inject({ method: "POST", url: "/api/v1/auth/login", payload: { username: "contractor", password: DEMO_PASSWORD } });
    expect(login.statusCode).toBe(200);
    expect(login.json()).toMatchObject({ role: "enterprise" });
    const cookie = String(login.headers["set-cookie"]).split(";")[0];
    const me = await t.app.inject({ method: "GET", url: "/api/v1/auth/me", headers: { cookie } });
    const rows = await query<{ n: number }>(
      sql`select count(*)::int as n from registry_project_participants where enterprise_id = ${me.json().enterpriseId} and role = 'general_contractor'`,
    );
    expect(rows[0].n).toBeGreaterThanOrEqual(3);
    const [project] = await t.db.select({ id: authUsers.id }).from(authUsers).where(eq(authUsers.username, "project"));
    const links = await query<{ n: number }>(sql`select count(*)::int as n from auth_user_projects where user_id = ${project.id}`);
    expect(links[0].n).toBe(2);
  });

  it("records one audit entry with the counts", async () => {
    const entries = await t.db.select().from(auditLog).where(eq(auditLog.action, "seed.demo_city.created"));
    expect(entries).toHaveLength(1);
    expect(entries[0]).toMatchObject({ actorName: "system", after: { persons: 400, projects: 8, seeded: true } });
  });

  it("seeds nothing the second time", async () => {
    const before = await count("registry_persons");
    const again = await seedDemoCity(t.db, { scale: 0.02, demoPassword: DEMO_PASSWORD });
    expect(again).toMatchObject({ seeded: false, persons: 0, demoUsers: [] });
    expect(await count("registry_persons")).toBe(before);
    expect(await count("registry_enterprises")).toBe(counts.enterprises);
    expect(await t.db.select().from(auditLog).where(eq(auditLog.action, "seed.demo_city.created"))).toHaveLength(1);
  });
});
