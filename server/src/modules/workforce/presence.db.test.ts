import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Post } from "@contracts/registry/enums";
import type { KeyPersonDto, ProjectKeyPersonnelDto } from "@contracts/workforce/presence";
import { createTestApp, type TestApp, type TestUser } from "../../../../test/app";
import { insertEnterprise, insertParticipant, insertPerson, insertProject } from "../registry/project.test-fixtures.js";
import { registryProjectPosts } from "../registry/schema.js";
import { storeAccessBatch } from "./access.store.js";
import { workforceAttendanceDays, workforceWorkers } from "./schema.js";

let t: TestApp;
let leader: TestUser;
let gcUser: TestUser;
let gasUser: TestUser;
let gcId: string;

beforeAll(async () => {
  t = await createTestApp();
  leader = await t.user("leader");
  gcId = (await insertEnterprise(t.db)).id;
  gcUser = await t.user("enterprise", { enterpriseId: gcId });
  gasUser = await t.user("gas_company", { enterpriseId: (await insertEnterprise(t.db, { type: "gas" })).id });
});
afterAll(() => t.close());

const range = (month: string, from: number, to: number) => Array.from({ length: to - from + 1 }, (_, i) => `${month}-${String(from + i).padStart(2, "0")}`);

async function post(projectId: string, post: Post, startedOn = "2024-01-01", endedOn: string | null = null) {
  const person = await insertPerson(t.db, gcId);
  await t.db.insert(registryProjectPosts).values({ projectId, personId: person.id, enterpriseId: gcId, post, startedOn, endedOn });
  return person;
}

let workerSeq = 0;
async function worker(projectId: string) {
  const person = await insertPerson(t.db, gcId);
  const [w] = await t.db
    .insert(workforceWorkers)
    .values({ workerNo: `PR${process.pid}-${++workerSeq}`, personId: person.id, projectId, employerId: gcId, trade: "mason", status: "on_site" })
    .returning();
  return { person, worker: w };
}

/** Attendance days as the gate pipeline writes them (one row per person, project and Shanghai day). */
async function attend(projectId: string, personId: string, workerId: string | null, days: string[]) {
  await t.db.insert(workforceAttendanceDays).values(
    days.map((day) => ({ projectId, personId, workerId, day, firstIn: new Date(`${day}T08:00:00+08:00`), lastTs: new Date(`${day}T08:00:00+08:00`), lastDirection: "in", passages: 1 })),
  );
}

/** A project with the general contractor as participant, so the enterprise user sees it. */
async function project(visibleToGc: boolean) {
  const p = await insertProject(t.db, { status: "in_progress" });
  if (visibleToGc) await insertParticipant(t.db, p.id, gcId, "general_contractor");
  return p;
}

const keyPersonnel = (user: TestUser, projectId: string, month?: string) =>
  t.as(user, { method: "GET", url: `/api/v1/projects/${projectId}/key-personnel${month ? `?month=${month}` : ""}` });

describe("key personnel presence", () => {
  let p: Awaited<ReturnType<typeof project>>;
  const people = {} as Record<string, string>;

  beforeAll(async () => {
    p = await project(true);
    // Workers on 1–10 March: ten construction days. The last day of February and the first of April do not count.
    const w = await worker(p.id);
    await attend(p.id, w.person.id, w.worker.id, [...range("2025-03", 1, 10), "2025-02-28", "2025-04-01"]);
    people.pm = (await post(p.id, "project_manager")).id;
    people.safety = (await post(p.id, "safety_officer")).id;
    people.chief = (await post(p.id, "chief_supervisor", "2025-03-06")).id;
    people.techEnded = (await post(p.id, "technical_lead", "2024-01-01", "2025-02-20")).id;
    people.quality = (await post(p.id, "quality_officer")).id;
    // PM: 7 of 10 workdays, plus a Sunday without workers (does not count) and February.
    await attend(p.id, people.pm, null, [...range("2025-03", 1, 7), "2025-03-16", "2025-02-28"]);
    await attend(p.id, people.safety, null, range("2025-03", 1, 8));
    await attend(p.id, people.chief, null, range("2025-03", 6, 10));
    await attend(p.id, people.quality, null, range("2025-03", 1, 10));
    // The PM passing another project's gate does not count here.
    const other = await project(false);
    await attend(other.id, people.pm, null, range("2025-03", 8, 10));
  });

  it("rates each key-post holder over construction days and flags the one below 80%", async () => {
    const res = await keyPersonnel(leader, p.id, "2025-03");
    expect(res.statusCode).toBe(200);
    const body = res.json() as ProjectKeyPersonnelDto;
    expect(body).toMatchObject({ projectId: p.id, month: "2025-03", constructionDays: 10, flagged: true });
    const byPerson = new Map(body.items.map((i) => [i.personId, i]));
    expect(byPerson.get(people.pm)).toMatchObject({ post: "project_manager", constructionDays: 10, presentDays: 7, rate: 0.7, requiredRate: 0.8, belowRate: true, from: "2025-03-01", to: "2025-03-31" });
    expect(byPerson.get(people.pm)?.requiredRateSource).toContain("建质〔2011〕111号");
    // Exactly the required rate is not below it.
    expect(byPerson.get(people.safety)).toMatchObject({ presentDays: 8, rate: 0.8, belowRate: false });
    // Appointed on the 6th: measured from then (5 construction days), fully present.
    expect(byPerson.get(people.chief)).toMatchObject({ from: "2025-03-06", constructionDays: 5, presentDays: 5, rate: 1, belowRate: false });
    // A post ended before the month and a post that is not a key post are not listed.
    expect(byPerson.has(people.techEnded)).toBe(false);
    expect(byPerson.has(people.quality)).toBe(false);
    expect(body.items.map((i) => i.post)).toEqual(["project_manager", "chief_supervisor", "safety_officer"]);
  });

  it("a month without construction days has no rate and flags nobody", async () => {
    const body = (await keyPersonnel(leader, p.id, "2025-05")).json() as ProjectKeyPersonnelDto;
    expect(body.constructionDays).toBe(0);
    expect(body.flagged).toBe(false);
    expect(body.items.find((i) => i.personId === people.pm)).toMatchObject({ constructionDays: 0, rate: null, belowRate: false });
  });

  it("lists holders below their rate city-wide, worst first, within the actor's scope", async () => {
    // Another project the enterprise does not take part in: its PM never came (rate 0).
    const hidden = await project(false);
    const w = await worker(hidden.id);
    await attend(hidden.id, w.person.id, w.worker.id, range("2025-03", 3, 5));
    const absent = await post(hidden.id, "project_manager");
    const list = async (user: TestUser, query = "") => {
      const res = await t.as(user, { method: "GET", url: `/api/v1/key-personnel/absences?month=2025-03${query}` });
      expect(res.statusCode).toBe(200);
      return res.json() as { items: KeyPersonDto[]; total: number };
    };
    const city = await list(leader);
    expect(city.items.map((i) => [i.personId, i.rate])).toEqual([
      [absent.id, 0],
      [people.pm, 0.7],
    ]);
    expect(city.total).toBe(2);
    const own = await list(gcUser);
    expect(own.items.map((i) => i.personId)).toEqual([people.pm]);
    expect((await list(leader, "&post=safety_officer")).items).toEqual([]);
    expect((await list(leader, "&pageSize=1&page=2")).items.map((i) => i.personId)).toEqual([people.pm]);
  });

  it("answers 404 outside the scope and 403 without workforce.read", async () => {
    const hidden = await project(false);
    expect((await keyPersonnel(gcUser, hidden.id, "2025-03")).statusCode).toBe(404);
    expect((await keyPersonnel(gcUser, p.id, "2025-03")).statusCode).toBe(200);
    expect((await keyPersonnel(gasUser, p.id, "2025-03")).statusCode).toBe(403);
    expect((await t.as(gasUser, { method: "GET", url: "/api/v1/key-personnel/absences" })).statusCode).toBe(403);
    expect((await keyPersonnel(leader, p.id, "2025-13")).statusCode).toBe(400);
  });

  it("defaults to the current month", async () => {
    const body = (await keyPersonnel(leader, p.id)).json() as ProjectKeyPersonnelDto;
    const now = new Intl.DateTimeFormat("en-CA", { timeZone: "Asia/Shanghai", year: "numeric", month: "2-digit" }).format(new Date()).slice(0, 7);
    expect(body.month).toBe(now);
  });

  // Last in this block: it files a city version of the rule, which later months then judge by.
  it("judges by the rule version in force: a city raises the safety officer's rate from April", async () => {
    const admin = await t.user("admin");
    const file = (user: TestUser, value: unknown, effectiveFrom = "2025-04-01") =>
      t.as(user, { method: "POST", url: "/api/v1/thresholds", payload: { code: "workforce.key_post_presence", region: "330784", source: "永康市住建局通知（测试）", effectiveFrom, value } });
    const rates = [
      { post: "project_manager", requiredRate: 0.8, source: "建质〔2011〕111号" },
      { post: "safety_officer", requiredRate: 0.9, source: "永康市：专职安全员到岗率不低于90%" },
    ];
    expect((await file(leader, rates)).statusCode).toBe(403);
    const bad = await file(admin, [{ post: "project_manager", requiredRate: 1.5, source: "x" }]);
    expect(bad.statusCode).toBe(400);
    expect(JSON.stringify(bad.json())).toContain("value.0.requiredRate");
    expect((await file(admin, rates)).statusCode).toBe(201);
    // A version must start after the previous one of the same region.
    expect((await file(admin, rates, "2025-03-15")).statusCode).toBe(400);

    const march = (await keyPersonnel(leader, p.id, "2025-03")).json() as ProjectKeyPersonnelDto;
    expect(march.items.find((i) => i.personId === people.safety)).toMatchObject({ requiredRate: 0.8, belowRate: false });
    expect(march.items.some((i) => i.post === "chief_supervisor")).toBe(true);

    const w = await worker(p.id);
    await attend(p.id, w.person.id, w.worker.id, range("2025-04", 1, 10));
    await attend(p.id, people.safety, null, range("2025-04", 1, 8));
    const april = (await keyPersonnel(leader, p.id, "2025-04")).json() as ProjectKeyPersonnelDto;
    const safety = april.items.find((i) => i.personId === people.safety);
    expect(safety).toMatchObject({ rate: 0.8, requiredRate: 0.9, belowRate: true });
    expect(safety?.requiredRateSource).toContain("90%");
    // The city's version lists no chief supervisor: that post is not rated in April.
    expect(april.items.some((i) => i.post === "chief_supervisor")).toBe(false);

    const listed = (await t.as(leader, { method: "GET", url: "/api/v1/thresholds?code=workforce.key_post_presence" })).json() as { items: { region: string; version: number; inForce: boolean; effectiveTo: string | null }[] };
    expect(listed.items.map((r) => [r.region, r.version])).toEqual([["330784", 1], ["CN", 1]]);
  });
});

describe("day boundaries (Asia/Shanghai) through the gate pipeline", () => {
  it("a passage at 23:59 on 31 March counts in March, one at 00:00 on 1 April in April", async () => {
    const p = await project(true);
    const w = await worker(p.id);
    const pm = await post(p.id, "project_manager");
    const gate = randomUUID();
    const pass = (personId: string, iso: string, day: string) => ({
      deviceId: gate,
      projectId: p.id,
      idNumber: null,
      personId,
      workerNo: null,
      direction: "in" as const,
      ts: Date.parse(iso),
      day,
      similarity: 95,
      subject: null,
      snapshotPath: null,
      dedupKey: `${gate}:${personId}:${iso}`,
    });
    await storeAccessBatch(t.db, [
      pass(w.person.id, "2025-03-31T15:59:00Z", "2025-03-31"),
      pass(w.person.id, "2025-03-31T16:00:00Z", "2025-04-01"),
      pass(pm.id, "2025-03-31T16:30:00Z", "2025-04-01"),
    ]);
    const march = (await keyPersonnel(leader, p.id, "2025-03")).json() as ProjectKeyPersonnelDto;
    expect(march.constructionDays).toBe(1);
    expect(march.items[0]).toMatchObject({ personId: pm.id, constructionDays: 1, presentDays: 0, rate: 0, belowRate: true });
    const april = (await keyPersonnel(leader, p.id, "2025-04")).json() as ProjectKeyPersonnelDto;
    expect(april.constructionDays).toBe(1);
    expect(april.items[0]).toMatchObject({ personId: pm.id, constructionDays: 1, presentDays: 1, rate: 1, belowRate: false });
  });
});
