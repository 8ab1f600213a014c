import { mkdtemp } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { and, eq, inArray } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { WorkerDto } from "@contracts/workforce/workers";
import { shanghaiDay } from "@contracts/platform/time";
import { createTestApp, type TestApp, type TestUser } from "../../../../test/app";
import { buildActor } from "../../platform/auth/actor.js";
import { auditLog } from "../../platform/audit/schema.js";
import { EventBus, type DomainEvent } from "../../platform/events/bus.js";
import { insertEnterprise, insertParticipant, insertPerson, insertProject, multipartFile } from "../registry/project.test-fixtures.js";
import { workforceBlacklist, workforceTrainings, workforceWorkers } from "./schema.js";

import { admitWorker, exitWorker, registerWorker, ROSTER_CHANGED } from "./worker.service.js";
import { addYears } from "./worker.workflow.js";

let t: TestApp;
let admin: TestUser, inspector: TestUser, leader: TestUser, entA: TestUser, entB: TestUser, projUser: TestUser;
/** A: general contractor of P1; S: specialty subcontractor of P1; B: general contractor of P2; BLD: client of P1; X: nowhere. */
const e = {} as Record<"A" | "S" | "B" | "BLD" | "X", string>;
let P1: string, P2: string;

const today = shanghaiDay();
const addDays = (days: number) => new Date(Date.parse(today) + days * 86_400_000).toISOString().slice(0, 10);
const CONTRACT = { contractSignedOn: addDays(-30), contractStart: addDays(-30), contractEnd: addDays(300) };
// A PNG signature is all the file store checks.
const PNG = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.from("face")]);

beforeAll(async () => {
  t = await createTestApp({ DATA_DIR: await mkdtemp(path.join(tmpdir(), "sc-workers-")) });
  for (const k of ["A", "S", "B", "X"] as const) e[k] = (await insertEnterprise(t.db)).id;
  e.BLD = (await insertEnterprise(t.db, { type: "builder", qualifiedUntil: null })).id;
  P1 = (await insertProject(t.db, { status: "in_progress" })).id;
  P2 = (await insertProject(t.db, { status: "in_progress" })).id;
  await insertParticipant(t.db, P1, e.A, "general_contractor");
  await insertParticipant(t.db, P1, e.S, "specialty_subcontractor");
  await insertParticipant(t.db, P1, e.BLD, "builder");
  await insertParticipant(t.db, P2, e.B, "general_contractor");
  admin = await t.user("admin");
  inspector = await t.user("inspector", { domain: "workforce" });
  leader = await t.user("leader");
  entA = await t.user("enterprise", { enterpriseId: e.A });
  entB = await t.user("enterprise", { enterpriseId: e.B });
  projUser = await t.user("project", { projectIds: [P1] });
});
afterAll(() => t.close());

async function register(user: TestUser, body: Record<string, unknown>) {
  return t.as(user, { method: "POST", url: "/api/v1/workers", payload: { trade: "carpenter", ...body } });
}

/** A new person employed by `employer`, registered on `project` (by admin), with the given enrolment fields. */
async function newWorker(over: Record<string, unknown> = {}, employer = e.A, project = P1): Promise<WorkerDto> {
  const person = await insertPerson(t.db, employer);
  const res = await register(admin, { personId: person.id, projectId: project, employerId: employer, ...CONTRACT, ...over });
  expect(res.statusCode, res.body).toBe(201);
  return res.json();
}

async function train(personId: string, trainedOn = addDays(-10), passed = true) {
  await t.db.insert(workforceTrainings).values({ personId, kind: "entry_three_level", hours: 24, passed, trainedOn });
}

const admit = (user: TestUser, id: string, payload: Record<string, unknown> = {}) => t.as(user, { method: "POST", url: `/api/v1/workers/${id}/admit`, payload });
const auditCount = async (action: string, entityId: string) =>
  (await t.db.select().from(auditLog).where(and(eq(auditLog.action, action), eq(auditLog.entityId, entityId)))).length;

describe("register (登记)", () => {
  it("enrols a person with a new 工号, masks ID number and bank card, lists the admission blocks and audits", async () => {
    const person = await insertPerson(t.db, e.A);
    const res = await register(entA, { personId: person.id, projectId: P1, employerId: e.A, bankCard: "6222021234567891234", wageStandard: 350, wageUnit: "day", ...CONTRACT });
    expect(res.statusCode, res.body).toBe(201);
    const w = res.json() as WorkerDto;
    expect(w.workerNo).toMatch(/^W\d{9}$/);
    expect(w).toMatchObject({ status: "registered", personId: person.id, name: person.name, bankCard: "6222 **** **** 1234", wageStandard: 350, admissionBlocks: ["no_training"] });
    expect(w.idNumber).toBe(`${person.idNumber.slice(0, 4)}**********${person.idNumber.slice(-4)}`);
    expect(await auditCount("workforce.worker.registered", w.id)).toBe(1);
    const [stored] = await t.db.select().from(workforceWorkers).where(eq(workforceWorkers.id, w.id));
    expect(stored.bankCard).toBe("6222021234567891234");
  });

  it("refuses a second live enrolment on the same project (409), allows it after 退场", async () => {
    const w = await newWorker();
    const dup = await register(admin, { personId: w.personId, projectId: P1, employerId: e.A });
    expect(dup.statusCode).toBe(409);
    expect(dup.json().error.details.issues[0].path).toBe("personId");
    expect((await t.as(admin, { method: "POST", url: `/api/v1/workers/${w.id}/exit`, payload: { reason: "合同终止" } })).statusCode).toBe(200);
    const again = await register(admin, { personId: w.personId, projectId: P1, employerId: e.A });
    expect(again.statusCode).toBe(201);
    expect(again.json().workerNo).not.toBe(w.workerNo);
  });

  it("the employer must be the general or specialty contractor of the project", async () => {
    const specialty = await newWorker({}, e.S);
    expect(specialty.employerId).toBe(e.S);
    for (const employer of [e.BLD, e.X]) {
      const person = await insertPerson(t.db, employer);
      const res = await register(admin, { personId: person.id, projectId: P1, employerId: employer });
      expect(res.statusCode).toBe(422);
      expect(res.json().error.details.issues[0].path).toBe("employerId");
    }
  });

  it("names the wrong field: contract dates, a team of another project, a missing person", async () => {
    const person = await insertPerson(t.db, e.A);
    const dates = await register(admin, { personId: person.id, projectId: P1, employerId: e.A, contractSignedOn: addDays(-5), contractStart: addDays(10), contractEnd: addDays(1) });
    expect(dates.statusCode).toBe(400);
    expect(dates.json().error.details.issues[0].path).toBe("contractEnd");
    const team = await t.as(admin, { method: "POST", url: `/api/v1/projects/${P2}/teams`, payload: { employerId: e.B, name: "外项目班组" } });
    const wrongTeam = await register(admin, { personId: person.id, projectId: P1, employerId: e.A, teamId: team.json().id });
    expect(wrongTeam.statusCode).toBe(400);
    expect(wrongTeam.json().error.details.issues[0].path).toBe("teamId");
    const ghost = await register(admin, { personId: "00000000-0000-4000-8000-000000000000", projectId: P1, employerId: e.A });
    expect(ghost.statusCode).toBe(404);
  });

  it("a contractor cannot enrol on a project it does not take part in, nor another enterprise's unrelated person", async () => {
    const personB = await insertPerson(t.db, e.B);
    expect((await register(entA, { personId: personB.id, projectId: P2, employerId: e.B })).statusCode).toBe(404);
    expect((await register(entA, { personId: personB.id, projectId: P1, employerId: e.A })).statusCode).toBe(404);
    expect((await register(leader, { personId: personB.id, projectId: P2, employerId: e.B })).statusCode).toBe(403);
  });

  it("工号 are unique across concurrent registrations and continue after the highest in use", async () => {
    await t.db.insert(workforceWorkers).values({ workerNo: "W000700000", personId: (await insertPerson(t.db, e.A)).id, projectId: P2, employerId: e.B, trade: "mason" });
    const people = await Promise.all(Array.from({ length: 6 }, () => insertPerson(t.db, e.A)));
    const results = await Promise.all(people.map((p) => register(admin, { personId: p.id, projectId: P1, employerId: e.A })));
    const numbers = results.map((r) => r.json().workerNo as string).sort();
    expect(new Set(numbers).size).toBe(6);
    expect(numbers).toEqual(Array.from({ length: 6 }, (_, i) => `W${String(700_001 + i).padStart(9, "0")}`));
  });
});

describe("admission (进场)", () => {
  it("refuses without a signed contract, stating the reason", async () => {
    const w = await newWorker({ contractSignedOn: null, contractStart: null, contractEnd: null });
    await train(w.personId);
    const res = await admit(admin, w.id);
    expect(res.statusCode).toBe(422);
    const err = res.json().error;
    expect(err.code).toBe("PRECONDITION_FAILED");
    expect(err.details.blocks).toEqual(["no_contract"]);
    expect(err.message).toContain("未签订劳动合同 (no signed labour contract)");
    expect(err.details.issues[0]).toMatchObject({ path: "contractSignedOn", code: "no_contract" });
  });

  it("refuses with an expired or not yet started contract", async () => {
    const expired = await newWorker({ contractSignedOn: addDays(-400), contractStart: addDays(-400), contractEnd: addDays(-1) });
    await train(expired.personId);
    const r1 = await admit(admin, expired.id);
    expect(r1.json().error.details.blocks).toEqual(["contract_expired"]);
    expect(r1.json().error.message).toContain(`劳动合同已于 ${addDays(-1)} 到期`);
    const future = await newWorker({ contractSignedOn: addDays(-1), contractStart: addDays(5), contractEnd: addDays(300) });
    await train(future.personId);
    expect((await admit(admin, future.id)).json().error.details.blocks).toEqual(["contract_expired"]);
  });

  it("refuses without passed entry training within a year (none, failed, a year old)", async () => {
    const none = await newWorker();
    expect((await admit(admin, none.id)).json().error.details.blocks).toEqual(["no_training"]);
    const failed = await newWorker();
    await train(failed.personId, addDays(-3), false);
    expect((await admit(admin, failed.id)).json().error.details.blocks).toEqual(["no_training"]);
    const old = await newWorker();
    await train(old.personId, addYears(today, -1));
    const res = await admit(admin, old.id);
    expect(res.json().error.details.blocks).toEqual(["no_training"]);
    expect(res.json().error.message).toContain("须重新培训");
  });

  it("admits when clear (entered, audited), refuses a second admission and a future date", async () => {
    const w = await newWorker();
    await train(w.personId);
    expect((await admit(admin, w.id, { on: addDays(1) })).json().error.details.issues[0].path).toBe("on");
    const res = await admit(projUser, w.id, { on: addDays(-2) });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ status: "entered", enteredOn: addDays(-2), admissionBlocks: [] });
    expect(await auditCount("workforce.worker.admitted", w.id)).toBe(1);
    expect((await admit(admin, w.id)).statusCode).toBe(409);
  });

  it("a back-dated entry cannot skip a block that holds today", async () => {
    const w = await newWorker({ contractSignedOn: addDays(-60), contractStart: addDays(-60), contractEnd: addDays(-1) });
    await train(w.personId);
    expect((await admit(admin, w.id, { on: addDays(-5) })).json().error.details.blocks).toEqual(["contract_expired"]);
  });

  it("退场 with date and reason; not before the entry day; only once", async () => {
    const w = await newWorker();
    await train(w.personId);
    await admit(admin, w.id, { on: addDays(-3) });
    const early = await t.as(admin, { method: "POST", url: `/api/v1/workers/${w.id}/exit`, payload: { on: addDays(-4) } });
    expect(early.json().error.details.issues[0].path).toBe("on");
    const res = await t.as(entA, { method: "POST", url: `/api/v1/workers/${w.id}/exit`, payload: { on: addDays(-1), reason: "工程完工" } });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ status: "exited", exitedOn: addDays(-1), admissionBlocks: [] });
    const [stored] = await t.db.select().from(workforceWorkers).where(eq(workforceWorkers.id, w.id));
    expect(stored.exitReason).toBe("工程完工");
    expect((await t.as(admin, { method: "POST", url: `/api/v1/workers/${w.id}/exit`, payload: {} })).statusCode).toBe(409);
    expect((await t.as(admin, { method: "PATCH", url: `/api/v1/workers/${w.id}`, payload: { trade: "mason" } })).statusCode).toBe(409);
  });

  it("publishes admitted/exited and roster.changed after commit", async () => {
    const events = new EventBus();
    const seen: DomainEvent[] = [];
    for (const type of [ROSTER_CHANGED, "workforce.worker.registered", "workforce.worker.admitted", "workforce.worker.exited"]) events.on(type, (ev) => void seen.push(ev));
    const ctx = t.context(buildActor({ id: null, username: "tester", displayName: "tester", role: "admin" }), { events });
    const person = await insertPerson(t.db, e.A);
    await train(person.id);
    const w = await registerWorker(ctx, { personId: person.id, projectId: P1, employerId: e.A, trade: "welder", isTeamLeader: false, ...CONTRACT });
    await admitWorker(ctx, w.id, {});
    await exitWorker(ctx, w.id, { reason: "调离" });
    await new Promise((r) => setTimeout(r, 10));
    expect(seen.map((s) => s.type)).toEqual([
      "workforce.worker.registered",
      ROSTER_CHANGED,
      "workforce.worker.admitted",
      ROSTER_CHANGED,
      "workforce.worker.exited",
      ROSTER_CHANGED,
    ]);
    expect(seen.filter((s) => s.type === ROSTER_CHANGED).every((s) => s.payload.projectId === P1)).toBe(true);
  });
});

describe("blacklist (黑名单)", () => {
  it("blocks admission on every project until revoked; only the bureau keeps it", async () => {
    const person = await insertPerson(t.db, e.A);
    await train(person.id);
    const onP1 = (await register(admin, { personId: person.id, projectId: P1, employerId: e.A, ...CONTRACT })).json() as WorkerDto;
    const onP2 = (await register(admin, { personId: person.id, projectId: P2, employerId: e.B, ...CONTRACT })).json() as WorkerDto;
    const entry = { personId: person.id, reason: "恶意讨薪扰乱施工秩序", validFrom: addDays(-1) };
    expect((await t.as(entA, { method: "POST", url: "/api/v1/blacklist", payload: entry })).statusCode).toBe(403);
    const added = await t.as(inspector, { method: "POST", url: "/api/v1/blacklist", payload: entry });
    expect(added.statusCode, added.body).toBe(201);
    expect(added.json()).toMatchObject({ active: true, createdBy: expect.any(String), revokedAt: null });
    for (const w of [onP1, onP2]) {
      const res = await admit(admin, w.id);
      expect(res.statusCode).toBe(422);
      expect(res.json().error.details.blocks).toEqual(["blacklisted"]);
      expect(res.json().error.message).toContain("黑名单");
    }
    const listed = await t.as(entA, { method: "GET", url: `/api/v1/workers?q=${onP1.workerNo}` });
    expect(listed.json().items[0]).toMatchObject({ id: onP1.id, blacklisted: true, admissionBlocks: ["blacklisted"] });
    const list = await t.as(entA, { method: "GET", url: `/api/v1/blacklist?q=${encodeURIComponent(person.name)}` });
    expect(list.json().items).toHaveLength(1);
    expect(list.json().items[0].idNumber).toContain("*");

    const revoke = await t.as(inspector, { method: "POST", url: `/api/v1/blacklist/${added.json().id}/revoke`, payload: { reason: "已处理" } });
    expect(revoke.json()).toMatchObject({ active: false });
    expect((await t.as(inspector, { method: "POST", url: `/api/v1/blacklist/${added.json().id}/revoke`, payload: {} })).statusCode).toBe(409);
    expect((await admit(admin, onP2.id)).statusCode).toBe(200);
    expect((await t.as(admin, { method: "GET", url: "/api/v1/blacklist?active=false" })).json().items.map((i: { id: string }) => i.id)).toContain(added.json().id);
  });

  it("an entry starting in the future or already lapsed does not block; validTo before validFrom is refused", async () => {
    const w = await newWorker();
    await train(w.personId);
    await t.db.insert(workforceBlacklist).values([
      { personId: w.personId, reason: "未来生效", validFrom: addDays(5) },
      { personId: w.personId, reason: "已过期", validFrom: addDays(-100), validTo: addDays(-1) },
    ]);
    const bad = await t.as(admin, { method: "POST", url: "/api/v1/blacklist", payload: { personId: w.personId, reason: "日期错", validFrom: addDays(2), validTo: addDays(1) } });
    expect(bad.json().error.details.issues[0].path).toBe("validTo");
    expect((await admit(admin, w.id)).statusCode).toBe(200);
  });
});

describe("scope, masking and the audited full view", () => {
  let w: WorkerDto;
  beforeAll(async () => {
    w = await newWorker({ bankCard: "6222021234567895678" });
  });

  it("a contractor sees only its projects' workers; others answer 404", async () => {
    const listB = await t.as(entB, { method: "GET", url: "/api/v1/workers?pageSize=200" });
    expect(listB.json().items.map((i: WorkerDto) => i.projectId)).not.toContain(P1);
    expect((await t.as(entB, { method: "GET", url: `/api/v1/workers/${w.id}` })).statusCode).toBe(404);
    expect((await t.as(entB, { method: "GET", url: `/api/v1/projects/${P1}/workers` })).statusCode).toBe(404);
    expect((await t.as(entB, { method: "POST", url: `/api/v1/workers/${w.id}/admit`, payload: {} })).statusCode).toBe(404);
    expect((await t.as(entB, { method: "GET", url: `/api/v1/workers/${w.id}/full` })).statusCode).toBe(404);
    const p1 = await t.as(projUser, { method: "GET", url: `/api/v1/projects/${P1}/workers?pageSize=200` });
    expect(p1.statusCode).toBe(200);
    const items = p1.json().items as WorkerDto[];
    expect(items.map((i) => i.id)).toContain(w.id);
    expect(items.every((i) => i.projectId === P1 && /^W\d{9}$/.test(i.workerNo))).toBe(true);
  });

  it("ID numbers are masked unless the role reads them; bank cards always", async () => {
    const asEnt = (await t.as(entA, { method: "GET", url: `/api/v1/workers/${w.id}` })).json();
    expect(asEnt.idNumber).toMatch(/^\d{4}\*+\d{4}$/);
    expect(asEnt.bankCard).toBe("6222 **** **** 5678");
    const asInspector = (await t.as(inspector, { method: "GET", url: `/api/v1/workers/${w.id}` })).json();
    expect(asInspector.idNumber).not.toContain("*");
    expect(asInspector.bankCard).toBe("6222 **** **** 5678");
  });

  it("the full view needs workforce.sensitive and every call is audited", async () => {
    const before = await auditCount("workforce.worker.viewedFull", w.id);
    expect((await t.as(leader, { method: "GET", url: `/api/v1/workers/${w.id}/full` })).statusCode).toBe(403);
    const full = await t.as(entA, { method: "GET", url: `/api/v1/workers/${w.id}/full` });
    expect(full.statusCode).toBe(200);
    expect(full.json().bankCard).toBe("6222021234567895678");
    expect(full.json().idNumber).not.toContain("*");
    await t.as(entA, { method: "GET", url: `/api/v1/workers/${w.id}/full` });
    expect(await auditCount("workforce.worker.viewedFull", w.id)).toBe(before + 2);
  });

  it("photo: an image only; reading it needs workforce.sensitive and is audited", async () => {
    const bad = await t.as(entA, { method: "POST", url: `/api/v1/workers/${w.id}/photo`, ...multipartFile("file", "face.png", Buffer.from("not an image"), "image/png") });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.details.issues[0].path).toBe("file");
    expect((await t.as(entA, { method: "GET", url: `/api/v1/workers/${w.id}/photo` })).statusCode).toBe(404);
    const up = await t.as(entA, { method: "POST", url: `/api/v1/workers/${w.id}/photo`, ...multipartFile("file", "face.png", PNG, "image/png") });
    expect(up.statusCode, up.body).toBe(200);
    expect(up.json().hasPhoto).toBe(true);
    const before = await auditCount("workforce.worker.viewedFull", w.id);
    expect((await t.as(leader, { method: "GET", url: `/api/v1/workers/${w.id}/photo` })).statusCode).toBe(403);
    const img = await t.as(entA, { method: "GET", url: `/api/v1/workers/${w.id}/photo` });
    expect(img.statusCode).toBe(200);
    expect(img.headers["content-type"]).toBe("image/png");
    expect(img.rawPayload.equals(PNG)).toBe(true);
    expect(await auditCount("workforce.worker.viewedFull", w.id)).toBe(before + 1);
  });

  it("q finds by 工号, name fragment or whole ID number", async () => {
    for (const q of [w.workerNo, w.name.slice(-3)]) {
      const res = await t.as(admin, { method: "GET", url: `/api/v1/workers?projectId=${P1}&q=${encodeURIComponent(q)}` });
      expect(res.json().items.map((i: WorkerDto) => i.id)).toContain(w.id);
    }
    const full = (await t.as(inspector, { method: "GET", url: `/api/v1/workers/${w.id}` })).json().idNumber;
    expect((await t.as(admin, { method: "GET", url: `/api/v1/workers?q=${full}` })).json().items.map((i: WorkerDto) => i.id)).toEqual([w.id]);
  });
});

describe("teams and training", () => {
  it("creates a team of a participating employer; the name is unique per project; lists leader and headcount", async () => {
    const res = await t.as(entA, { method: "POST", url: `/api/v1/projects/${P1}/teams`, payload: { employerId: e.A, name: "木工一班", trade: "carpenter" } });
    expect(res.statusCode, res.body).toBe(201);
    const team = res.json();
    expect((await t.as(entA, { method: "POST", url: `/api/v1/projects/${P1}/teams`, payload: { employerId: e.A, name: "木工一班" } })).json().error.details.issues[0].path).toBe("name");
    expect((await t.as(admin, { method: "POST", url: `/api/v1/projects/${P1}/teams`, payload: { employerId: e.BLD, name: "建设班" } })).statusCode).toBe(422);
    expect((await t.as(entB, { method: "POST", url: `/api/v1/projects/${P1}/teams`, payload: { employerId: e.B, name: "乙班" } })).statusCode).toBe(404);
    const lead = await newWorker({ teamId: team.id, isTeamLeader: true });
    await newWorker({ teamId: team.id });
    const list = (await t.as(projUser, { method: "GET", url: `/api/v1/projects/${P1}/teams` })).json();
    expect(list.find((x: { id: string }) => x.id === team.id)).toMatchObject({ name: "木工一班", leaderName: lead.name, workers: 2, employerId: e.A });
    const mismatch = await newWorker({}, e.S);
    const patch = await t.as(admin, { method: "PATCH", url: `/api/v1/workers/${mismatch.id}`, payload: { teamId: team.id } });
    expect(patch.json().error.details.issues[0].path).toBe("teamId");
  });

  it("records trainings and lists them per person; the future and other scopes are refused", async () => {
    const w = await newWorker();
    const res = await t.as(entA, { method: "POST", url: "/api/v1/trainings", payload: { personId: w.personId, projectId: P1, hours: 24, score: 88, passed: true, trainedOn: addDays(-1) } });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({ kind: "entry_three_level", passed: true, projectId: P1 });
    const future = await t.as(entA, { method: "POST", url: "/api/v1/trainings", payload: { personId: w.personId, hours: 8, passed: true, trainedOn: addDays(1) } });
    expect(future.json().error.details.issues[0].path).toBe("trainedOn");
    expect((await t.as(entB, { method: "GET", url: `/api/v1/persons/${w.personId}/trainings` })).statusCode).toBe(404);
    const list = await t.as(projUser, { method: "GET", url: `/api/v1/persons/${w.personId}/trainings` });
    expect(list.json()).toHaveLength(1);
    // The worker is now admissible: the training is what was missing.
    expect((await t.as(admin, { method: "GET", url: `/api/v1/workers/${w.id}` })).json()).toMatchObject({ trainingPassed: true, admissionBlocks: [] });
  });

  it("a general contractor may enrol and train its subcontractor's workers", async () => {
    const person = await insertPerson(t.db, e.S);
    const res = await register(entA, { personId: person.id, projectId: P1, employerId: e.S, ...CONTRACT });
    expect(res.statusCode, res.body).toBe(201);
    expect((await t.as(entA, { method: "POST", url: "/api/v1/trainings", payload: { personId: person.id, hours: 24, passed: true, trainedOn: today } })).statusCode).toBe(201);
    const stored = await t.db.select().from(workforceTrainings).where(inArray(workforceTrainings.personId, [person.id]));
    expect(stored).toHaveLength(1);
  });
});
