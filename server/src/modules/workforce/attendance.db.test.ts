import ExcelJS from "exceljs";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, type TestApp, type TestUser } from "../../../../test/app";
import { insertDeviceWithSecret } from "../iot/device.test-fixtures.js";
import { insertEnterprise, insertParticipant, insertPerson, insertPost, insertProject } from "../registry/project.test-fixtures.js";
import { shanghaiDay } from "@contracts/platform/time";
import { SYSTEM_ACTOR } from "../../platform/auth/actor.js";
import { fixedClock } from "../../platform/clock.js";
import { CityAttendanceQuery } from "@contracts/workforce/attendance";
import { cityAttendanceToday, onSiteBreakdown } from "./attendance-city.queries.js";
import { projectHeadcount } from "./headcount.queries.js";
import { workforceAttendanceDays, workforceTeams, workforceWorkers } from "./schema.js";

let t: TestApp;
let projectId: string;
let otherProjectId: string;
let employerId: string;
let admin: TestUser;
let seq = 0;

beforeAll(async () => {
  t = await createTestApp();
  employerId = (await insertEnterprise(t.db)).id;
  projectId = (await insertProject(t.db, { status: "in_progress" })).id;
  otherProjectId = (await insertProject(t.db, { status: "in_progress" })).id;
  await insertParticipant(t.db, projectId, employerId, "general_contractor");
  admin = await t.user("admin");
});

afterAll(async () => {
  await t.close();
});

async function team(name: string, onProject = projectId) {
  const [row] = await t.db.insert(workforceTeams).values({ projectId: onProject, employerId, name, trade: "carpenter" }).returning();
  return row;
}

async function worker(opts: { teamId?: string | null; trade?: string; status?: string; onProject?: string; enteredOn?: string; exitedOn?: string; name?: string } = {}) {
  const person = await insertPerson(t.db, employerId, [], opts.name);
  const [w] = await t.db
    .insert(workforceWorkers)
    .values({
      workerNo: `AT${process.pid}${String(++seq).padStart(4, "0")}`,
      personId: person.id,
      projectId: opts.onProject ?? projectId,
      employerId,
      teamId: opts.teamId ?? null,
      trade: opts.trade ?? "carpenter",
      status: opts.status ?? "on_site",
      enteredOn: opts.enteredOn ?? "2024-01-01",
      exitedOn: opts.exitedOn ?? null,
    })
    .returning();
  return { person, worker: w };
}

/** An attendance day row as the pipeline leaves it; times are Beijing wall-clock on `day`. */
async function day(w: { personId: string; id: string | null; projectId?: string }, on: string, firstIn: string | null, lastOut: string | null, last: "in" | "out") {
  const at = (hm: string) => new Date(`${on}T${hm}:00+08:00`);
  const times = [firstIn, lastOut].filter((x): x is string => x !== null).map(at);
  await t.db.insert(workforceAttendanceDays).values({
    projectId: w.projectId ?? projectId,
    personId: w.personId,
    day: on,
    workerId: w.id,
    firstIn: firstIn ? at(firstIn) : null,
    lastOut: lastOut ? at(lastOut) : null,
    lastTs: new Date(Math.max(...times.map((d) => d.getTime()))),
    lastDirection: last,
    passages: times.length,
  });
}

const get = (user: TestUser | null, url: string) => t.as(user, { method: "GET", url: `/api/v1${url}` });

describe("today is the context's clock", () => {
  it("the headcount, the city list and the on-site breakdown read the day the context's clock is on, with its hours", async () => {
    const p = (await insertProject(t.db, { status: "in_progress" })).id;
    const w = await worker({ onProject: p, trade: "welder" });
    await day({ personId: w.person.id, id: w.worker.id, projectId: p }, "2026-03-02", "07:30", "17:45", "out");
    await day({ personId: w.person.id, id: w.worker.id, projectId: p }, "2026-03-03", "08:00", null, "in");
    const on = (at: string) => t.context(SYSTEM_ACTOR, { clock: fixedClock(at) });
    const march2 = on("2026-03-02T20:00:00+08:00");
    const march3 = on("2026-03-03T09:00:00+08:00");

    expect(await projectHeadcount(march2, p)).toMatchObject({ onSite: 0, presentToday: 1, asOf: "2026-03-02T12:00:00.000Z" });
    expect(await projectHeadcount(march3, p)).toMatchObject({ onSite: 1, presentToday: 1 });
    const listed = await cityAttendanceToday(march2, CityAttendanceQuery.parse({ projectId: p }));
    expect(listed.items).toEqual([expect.objectContaining({ day: "2026-03-02", hours: 10.25, lastDirection: "out", projectId: p, trade: "welder" })]);
    expect((await cityAttendanceToday(march3, CityAttendanceQuery.parse({ projectId: p }))).items).toEqual([expect.objectContaining({ day: "2026-03-03", hours: null, lastDirection: "in" })]);
    const breakdown = await onSiteBreakdown(march3);
    expect(breakdown.byProject.find((x) => x.projectId === p)).toMatchObject({ onSite: 1 });
    expect(breakdown.asOf).toBe("2026-03-03T01:00:00.000Z");
  });
});

describe("live headcount", () => {
  it("counts people whose last passage today was in, by team and trade; a missing out ends at midnight", async () => {
    const today = shanghaiDay(Date.now());
    const yesterday = shanghaiDay(Date.now() - 86_400_000);
    const rebar = await team("钢筋一班");
    const a = await worker({ teamId: rebar.id, trade: "rebar_worker" });
    const b = await worker({ teamId: rebar.id, trade: "rebar_worker" });
    const c = await worker({ trade: "electrician" });
    const gone = await worker({ trade: "electrician" });
    const manager = await insertPerson(t.db, employerId);
    await insertPost(t.db, projectId, manager.id, employerId, "project_manager");
    // Rows are stamped at 00:00–00:01 today so that "today" holds whenever the test runs.
    await day({ personId: a.person.id, id: a.worker.id }, today, "00:00", null, "in");
    await day({ personId: b.person.id, id: b.worker.id }, today, "00:00", "00:01", "out");
    await day({ personId: c.person.id, id: c.worker.id }, today, "00:00", null, "in");
    await day({ personId: manager.id, id: null }, today, "00:00", null, "in");
    // Entered yesterday and never went out: not on site today.
    await day({ personId: gone.person.id, id: gone.worker.id }, yesterday, "07:00", null, "in");
    // Another project's people do not count here.
    const elsewhere = await worker({ onProject: otherProjectId });
    await day({ personId: elsewhere.person.id, id: elsewhere.worker.id, projectId: otherProjectId }, today, "00:00", null, "in");

    const res = await get(admin, `/projects/${projectId}/headcount`);
    expect(res.statusCode).toBe(200);
    const h = res.json();
    expect(h).toMatchObject({ onSite: 3, presentToday: 4 });
    expect(h.byTeam).toEqual([
      { teamId: null, teamName: null, onSite: 2 },
      { teamId: rebar.id, teamName: "钢筋一班", onSite: 1 },
    ]);
    expect(h.byTrade).toEqual([
      { trade: "electrician", onSite: 1 },
      { trade: "manager", onSite: 1 },
      { trade: "rebar_worker", onSite: 1 },
    ]);
    expect(Date.parse(h.asOf)).toBeGreaterThan(Date.now() - 60_000);
  });

  it("moves with gate events: in, then out", async () => {
    const p = (await insertProject(t.db, { status: "in_progress" })).id;
    const { device } = await insertDeviceWithSecret(t.db, p, "gate");
    const w = await worker({ onProject: p, status: "entered", trade: "welder" });
    const ts = Date.now() - 5_000;
    const pass = (direction: "in" | "out", at: number) =>
      t.app.gateEvents.submit({ id: device.id, projectId: p }, { direction, ts: at, idNumber: null, personId: null, workerNo: w.worker.workerNo, similarity: 92, photo: null });
    await pass("in", ts);
    expect((await get(admin, `/projects/${p}/headcount`)).json()).toMatchObject({ onSite: 1, presentToday: 1, byTrade: [{ trade: "welder", onSite: 1 }] });
    await pass("out", ts + 2_000);
    expect((await get(admin, `/projects/${p}/headcount`)).json()).toMatchObject({ onSite: 0, presentToday: 1 });
  });

  it("needs workforce.read and the project in scope", async () => {
    const own = await t.user("project", { projectIds: [projectId] });
    const contractor = await t.user("enterprise", { enterpriseId: employerId });
    const stranger = await t.user("project", { projectIds: [otherProjectId] });
    const gas = await t.user("gas_company", { enterpriseId: employerId });
    for (const url of [`/projects/${projectId}/headcount`, `/projects/${projectId}/attendance`, `/projects/${projectId}/attendance/monthly`, `/projects/${projectId}/attendance/monthly.xlsx`]) {
      expect((await get(own, url)).statusCode, url).toBe(200);
      expect((await get(contractor, url)).statusCode, url).toBe(200);
      expect((await get(stranger, url)).statusCode, url).toBe(404);
      expect((await get(gas, url)).statusCode, url).toBe(403);
      expect((await get(null, url)).statusCode, url).toBe(401);
    }
    expect((await get(admin, `/projects/00000000-0000-4000-8000-000000000000/headcount`)).statusCode).toBe(404);
  });
});

describe("daily and monthly attendance", () => {
  let month: { p: string; a: Awaited<ReturnType<typeof worker>>; b: Awaited<ReturnType<typeof worker>>; idle: Awaited<ReturnType<typeof worker>> };

  beforeAll(async () => {
    const p = (await insertProject(t.db, { status: "in_progress" })).id;
    const crew = await team("木工班", p);
    const a = await worker({ onProject: p, teamId: crew.id, name: "甲工人" });
    const b = await worker({ onProject: p, trade: "labourer", name: "乙工人" });
    const idle = await worker({ onProject: p, name: "丙工人", status: "entered", enteredOn: "2025-02-20" });
    await worker({ onProject: p, name: "早退场", status: "exited", enteredOn: "2024-05-01", exitedOn: "2025-01-15" });
    await day({ personId: a.person.id, id: a.worker.id, projectId: p }, "2025-02-03", "07:30", "17:00", "out");
    await day({ personId: a.person.id, id: a.worker.id, projectId: p }, "2025-02-04", "07:45", null, "in");
    // Only an "out" (the "in" was missed): a row, but not a day present.
    await day({ personId: a.person.id, id: a.worker.id, projectId: p }, "2025-02-05", null, "18:00", "out");
    // 00:10 → 23:50 is capped at 16 h.
    await day({ personId: b.person.id, id: b.worker.id, projectId: p }, "2025-02-03", "00:10", "23:50", "out");
    await day({ personId: b.person.id, id: b.worker.id, projectId: p }, "2025-03-01", "08:00", "12:00", "out");
    month = { p, a, b, idle };
  });

  it("lists a day: first in, last out, hours (capped at 16), passages", async () => {
    const res = await get(admin, `/projects/${month.p}/attendance?day=2025-02-03`);
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.total).toBe(2);
    expect(body.items).toEqual([
      expect.objectContaining({ name: "乙工人", firstIn: "2025-02-02T16:10:00.000Z", lastOut: "2025-02-03T15:50:00.000Z", hours: 16, passages: 2, trade: "labourer" }),
      expect.objectContaining({ name: "甲工人", hours: 9.5, teamName: "木工班", workerNo: month.a.worker.workerNo, lastDirection: "out" }),
    ]);
    const open = (await get(admin, `/projects/${month.p}/attendance?day=2025-02-04`)).json();
    expect(open.items).toEqual([expect.objectContaining({ name: "甲工人", lastOut: null, hours: null, lastDirection: "in" })]);
    expect((await get(admin, `/projects/${month.p}/attendance?day=2025-02-30`)).statusCode).toBe(400);
  });

  it("sums a month per person: days present and hours; admitted workers without attendance show zero", async () => {
    const res = await get(admin, `/projects/${month.p}/attendance/monthly?month=2025-02`);
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body).toMatchObject({ month: "2025-02", daysInMonth: 28, total: 3 });
    const byName = Object.fromEntries(body.items.map((r: { name: string }) => [r.name, r]));
    expect(byName["甲工人"]).toMatchObject({ daysPresent: 2, hours: 9.5, teamName: "木工班", trade: "carpenter" });
    expect(byName["乙工人"]).toMatchObject({ daysPresent: 1, hours: 16 });
    expect(byName["丙工人"]).toMatchObject({ daysPresent: 0, hours: 0 });
    expect(byName["早退场"]).toBeUndefined();
    expect((await get(admin, `/projects/${month.p}/attendance/monthly?month=2025-13`)).statusCode).toBe(400);
  });

  it("exports the 考勤表: one row per person, a column per day with hours or ✓, totals", async () => {
    const res = await get(admin, `/projects/${month.p}/attendance/monthly.xlsx?month=2025-02`);
    expect(res.statusCode).toBe(200);
    expect(res.headers["content-type"]).toContain("spreadsheetml");
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const ws = wb.worksheets[0];
    const header = (ws.getRow(1).values as unknown[]).slice(1);
    expect(header.slice(0, 5)).toEqual(["序号", "工号", "姓名", "班组", "工种"]);
    expect(header.slice(5, 33)).toEqual(Array.from({ length: 28 }, (_, i) => String(i + 1)));
    expect(header.slice(33)).toEqual(["出勤天数", "工时合计"]);
    const rows = new Map<string, unknown[]>();
    ws.eachRow((row, n) => {
      if (n > 1) rows.set(String(row.getCell(3).value), (row.values as unknown[]).slice(1));
    });
    const a = rows.get("甲工人")!;
    expect(a[1]).toBe(month.a.worker.workerNo);
    expect(a[4]).toBe("木工");
    expect([a[5 + 2], a[5 + 3], a[5 + 4]]).toEqual([9.5, "✓", undefined]);
    expect(a.slice(33)).toEqual([2, 9.5]);
    expect(rows.get("丙工人")!.slice(33)).toEqual([0, 0]);
    expect(rows.size).toBe(3);
  });

  it("builds the 考勤表 of a 1,000-worker month: a row per worker, days and totals", async () => {
    const p = (await insertProject(t.db, { status: "in_progress" })).id;
    const tag = `${process.pid}`.slice(-4);
    await t.db.execute(sql`
      with people as (
        insert into registry_persons (name, id_number, gender, birth_date, employer_id)
        select '考勤' || i, 'B' || ${tag} || lpad(i::text, 13, '0'), 'M', '1985-01-01', ${employerId}::uuid from generate_series(1, 1000) i
        returning id, name
      )
      insert into workforce_workers (worker_no, person_id, project_id, employer_id, trade, status, entered_on)
      select 'BW' || ${tag} || substr(name, 3), id, ${p}::uuid, ${employerId}::uuid, 'labourer', 'on_site', '2025-01-01' from people`);
    await t.db.execute(sql`
      insert into workforce_attendance_days (project_id, person_id, day, worker_id, first_in, last_out, last_ts, last_direction, passages)
      select w.project_id, w.person_id, d::date, w.id, d + interval '7 hours 30 minutes' - interval '8 hours', d + interval '17 hours' - interval '8 hours',
        d + interval '17 hours' - interval '8 hours', 'out', 2
      from workforce_workers w cross join generate_series('2025-03-01'::timestamp, '2025-03-31'::timestamp, interval '1 day') d
      where w.project_id = ${p}::uuid and extract(isodow from d) < 7`);
    // Its speed (< 2 s) is measured by `npm run bench:attendance`, not timed here.
    const res = await get(admin, `/projects/${p}/attendance/monthly.xlsx?month=2025-03`);
    expect(res.statusCode).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    expect(wb.worksheets[0].rowCount).toBe(1_001);
    expect(wb.worksheets[0].getRow(2).getCell(5 + 31 + 1).value).toBe(26);
  });
});
