import { and, eq } from "drizzle-orm";
import type { MqttClient } from "mqtt";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, type TestApp } from "../../../../test/app";
import { connectDevice, insertDeviceWithSecret } from "../iot/device.test-fixtures.js";
import { iotAlarms, iotDevices } from "../iot/schema.js";
import { insertEnterprise, insertPerson, insertPost, insertProject } from "../registry/project.test-fixtures.js";
import { workforceAccessEvents, workforceAttendanceDays, workforceBlacklist, workforceWorkers } from "./schema.js";

let t: TestApp;
let gate: MqttClient;
let gateCode: string;
let gateId: string;
let projectId: string;
let employerId: string;
const clients: MqttClient[] = [];

beforeAll(async () => {
  t = await createTestApp();
  await t.app.iot.startNetwork({ ingest: true, port: 0 });
  employerId = (await insertEnterprise(t.db)).id;
  projectId = (await insertProject(t.db, { status: "in_progress" })).id;
  const g = await insertDeviceWithSecret(t.db, projectId, "gate");
  gateCode = g.device.code;
  gateId = g.device.id;
  gate = await connectDevice(t.app.iot.brokerPort!, gateCode, g.secret);
  clients.push(gate);
});

afterAll(async () => {
  for (const c of clients) c.end(true);
  await t.close();
});

let workerSeq = 0;
async function worker(status: "registered" | "entered", onProject = projectId) {
  const person = await insertPerson(t.db, employerId);
  const [w] = await t.db
    .insert(workforceWorkers)
    .values({ workerNo: `WT${process.pid}${++workerSeq}`, personId: person.id, projectId: onProject, employerId, trade: "carpenter", status })
    .returning();
  return { person, worker: w };
}

async function pass(event: Record<string, unknown>) {
  const taken = () => t.app.gateEvents.stats.events + t.app.iot.pipeline.stats.rejected;
  const before = taken();
  await gate.publishAsync(`sitecloud/v1/${gateCode}/events`, JSON.stringify({ type: "access", ts: Date.now(), ...event }), { qos: 1 });
  // Delivery is asynchronous after PUBACK: wait until the pipeline took the event (or it was refused), then until it is written.
  for (let i = 0; i < 100 && taken() === before; i++) await new Promise((r) => setTimeout(r, 20));
  await t.app.gateEvents.drain();
  await t.app.iot.pipeline.drain();
}

const alarm = async (code: string) => (await t.db.select().from(iotAlarms).where(and(eq(iotAlarms.deviceId, gateId), eq(iotAlarms.ruleCode, code))))[0];

describe("gate access events", () => {
  it("an admitted worker entering is on site: attendance day, status 在场; a re-pushed event counts once", async () => {
    const { person, worker: w } = await worker("entered");
    const ts = Date.now() - 60_000;
    await pass({ idNumber: person.idNumber, direction: "in", ts, similarity: 93.5 });
    await pass({ idNumber: person.idNumber, direction: "in", ts, similarity: 93.5 });
    const events = await t.db.select().from(workforceAccessEvents).where(eq(workforceAccessEvents.personId, person.id));
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({ result: "accepted", workerId: w.id, direction: "in", similarity: 93.5 });
    const [day] = await t.db.select().from(workforceAttendanceDays).where(eq(workforceAttendanceDays.personId, person.id));
    expect(day).toMatchObject({ lastDirection: "in", passages: 1, workerId: w.id });
    expect((await t.db.select().from(workforceWorkers).where(eq(workforceWorkers.id, w.id)))[0].status).toBe("on_site");

    await pass({ workerNo: w.workerNo, direction: "out" });
    const [after] = await t.db.select().from(workforceAttendanceDays).where(eq(workforceAttendanceDays.personId, person.id));
    expect(after).toMatchObject({ lastDirection: "out", passages: 2 });
    expect(after.lastOut).not.toBeNull();
  });

  it("a key-post holder of the project passes without being a worker", async () => {
    const person = await insertPerson(t.db, employerId);
    await insertPost(t.db, projectId, person.id, employerId, "project_manager");
    await pass({ personId: person.id, direction: "in" });
    const [e] = await t.db.select().from(workforceAccessEvents).where(eq(workforceAccessEvents.personId, person.id));
    expect(e.result).toBe("accepted");
  });

  it("refuses unknown faces, blacklisted people, workers not admitted and workers of other projects, with access alarms", async () => {
    await pass({ direction: "in" });
    expect(await alarm("access.unknown_face")).toMatchObject({ severity: "minor", count: 1 });
    await pass({ direction: "in", ts: Date.now() + 1000 });
    expect((await alarm("access.unknown_face")).count).toBe(2);

    const banned = await worker("entered");
    await t.db.insert(workforceBlacklist).values({ personId: banned.person.id, reason: "恶意讨薪", validFrom: "2020-01-01" });
    await pass({ idNumber: banned.person.idNumber, direction: "in" });
    expect(await alarm("access.blacklisted")).toMatchObject({ severity: "major" });

    const fresh = await worker("registered");
    await pass({ workerNo: fresh.worker.workerNo, direction: "in" });
    expect(await alarm("access.not_admitted")).toBeDefined();

    const otherProject = (await insertProject(t.db, { status: "in_progress" })).id;
    const elsewhere = await worker("entered", otherProject);
    await pass({ personId: elsewhere.person.id, direction: "in" });
    expect(await alarm("access.other_project")).toBeDefined();
    const results = await t.db.select({ result: workforceAccessEvents.result }).from(workforceAccessEvents).where(eq(workforceAccessEvents.personId, elsewhere.person.id));
    expect(results).toEqual([{ result: "other_project" }]);
  });

  it("rejects malformed access events on the gate's count", async () => {
    await pass({ direction: "sideways" });
    await pass({ direction: "in", idNumber: "12345" });
    const [g] = await t.db.select().from(iotDevices).where(eq(iotDevices.id, gateId));
    expect(g.rejections).toMatchObject({ bad_shape: 2 });
  });
});
