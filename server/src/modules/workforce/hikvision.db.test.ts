import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, type TestApp } from "../../../../test/app";
import { insertDeviceWithSecret } from "../iot/device.test-fixtures.js";
import { iotAlarms, iotDevices } from "../iot/schema.js";
import { insertEnterprise, insertPerson, insertProject } from "../registry/project.test-fixtures.js";
import { DIGEST_REALM, digestParams, digestResponse, md5 } from "./gate.auth.js";
import { faceEvent, heartbeat, multipartPush } from "./hikvision.test-fixtures.js";
import { workforceAccessEvents, workforceAttendanceDays, workforceWorkers } from "./schema.js";

let t: TestApp;
let projectId: string;
let employerId: string;
let gate: { id: string; code: string };
let secret: string;
let url: string;
let seq = 0;

beforeAll(async () => {
  t = await createTestApp();
  employerId = (await insertEnterprise(t.db)).id;
  projectId = (await insertProject(t.db, { status: "in_progress" })).id;
  const g = await insertDeviceWithSecret(t.db, projectId, "gate");
  gate = g.device;
  secret = g.secret;
  url = `/api/v1/integrations/hikvision/${gate.code}/events`;
});

afterAll(async () => {
  await t.close();
});

async function admitted() {
  const person = await insertPerson(t.db, employerId);
  const [w] = await t.db
    .insert(workforceWorkers)
    .values({ workerNo: `HK${process.pid}${++seq}`, personId: person.id, projectId, employerId, trade: "rebar_worker", status: "entered" })
    .returning();
  return { person, worker: w };
}

const basic = (user = gate.code, pass = secret) => ({ authorization: `Basic ${Buffer.from(`${user}:${pass}`).toString("base64")}` });
const push = (body: unknown, headers: Record<string, string> = basic(), path = url) =>
  t.app.inject({ method: "POST", url: path, headers: { "content-type": "application/json", ...headers }, payload: JSON.stringify(body) });
const rejections = async () => {
  await t.app.iot.pipeline.drain();
  return (await t.db.select().from(iotDevices).where(eq(iotDevices.id, gate.id)))[0].rejections;
};

describe("Hikvision push", () => {
  it("stores a verified face (JSON, Basic) as a passage: attendance day, worker on site, ISAPI ResponseStatus", async () => {
    const { person, worker } = await admitted();
    const event = faceEvent({ employeeNoString: worker.workerNo });
    const res = await push(event);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ requestURL: url, statusCode: 1, statusString: "OK", subStatusCode: "ok" });
    const [e] = await t.db.select().from(workforceAccessEvents).where(eq(workforceAccessEvents.personId, person.id));
    expect(e).toMatchObject({ result: "accepted", direction: "in", workerId: worker.id, deviceId: gate.id, subject: worker.workerNo });
    const [day] = await t.db.select().from(workforceAttendanceDays).where(eq(workforceAttendanceDays.personId, person.id));
    expect(day).toMatchObject({ lastDirection: "in", passages: 1 });
    expect((await t.db.select().from(workforceWorkers).where(eq(workforceWorkers.id, worker.id)))[0].status).toBe("on_site");

    // The terminal resends until it gets 200: the same event counts once.
    expect((await push(event)).statusCode).toBe(200);
    expect(await t.db.select().from(workforceAccessEvents).where(eq(workforceAccessEvents.personId, person.id))).toHaveLength(1);
  });

  it("takes the multipart form with the picture and keeps the snapshot; an exit terminal's URL sets the direction", async () => {
    const { person, worker } = await admitted();
    const event = faceEvent({ employeeNoString: worker.workerNo, attendanceStatus: "undefined" });
    const { payload, headers } = multipartPush(event);
    const res = await t.app.inject({ method: "POST", url: `${url}?direction=out`, headers: { ...headers, ...basic() }, payload });
    expect(res.json()).toMatchObject({ statusString: "OK" });
    const [e] = await t.db.select().from(workforceAccessEvents).where(eq(workforceAccessEvents.personId, person.id));
    expect(e.direction).toBe("out");
    expect(e.snapshotPath).toMatch(/^snapshots\/\d{4}-\d{2}\/[0-9a-f-]+\.jpg$/);
  });

  it("answers 401 with a Digest challenge, then accepts the Digest answer", async () => {
    const { person, worker } = await admitted();
    const body = faceEvent({ employeeNoString: worker.workerNo });
    const first = await push(body, {});
    expect(first.statusCode).toBe(401);
    const challenge = ([] as string[]).concat(first.headers["www-authenticate"] as string | string[]);
    expect(challenge[0]).toMatch(/^Digest realm="sitecloud", nonce="[^"]+", qop="auth"/);
    expect(challenge).toContain('Basic realm="sitecloud"');

    const { nonce } = digestParams(challenge[0].slice("Digest ".length));
    const p = { nonce, nc: "00000001", cnonce: "6b8b4567", method: "POST", uri: url };
    const response = digestResponse(md5(`${gate.code}:${DIGEST_REALM}:${secret}`), p);
    const authorization = `Digest username="${gate.code}", realm="${DIGEST_REALM}", nonce="${nonce}", uri="${url}", algorithm=MD5, qop=auth, nc=00000001, cnonce="6b8b4567", response="${response}"`;
    expect((await push(body, { authorization })).statusCode).toBe(200);
    expect(await t.db.select().from(workforceAccessEvents).where(eq(workforceAccessEvents.personId, person.id))).toHaveLength(1);
  });

  it("accepts the secret as a token in the push URL", async () => {
    const { person, worker } = await admitted();
    const res = await push(faceEvent({ employeeNoString: worker.workerNo }), {}, `${url}?token=${encodeURIComponent(secret)}`);
    expect(res.statusCode).toBe(200);
    expect(await t.db.select().from(workforceAccessEvents).where(eq(workforceAccessEvents.personId, person.id))).toHaveLength(1);
  });

  it("refuses a wrong secret (401, counted as bad_credentials) and an unknown gate (401), storing nothing", async () => {
    const before = (await rejections()).bad_credentials ?? 0;
    const { person, worker } = await admitted();
    expect((await push(faceEvent({ employeeNoString: worker.workerNo }), basic(gate.code, "wrong"))).statusCode).toBe(401);
    expect((await push(faceEvent({ employeeNoString: worker.workerNo }), {}, `${url}?token=wrong`)).statusCode).toBe(401);
    const unknown = await push(faceEvent(), basic("NO-SUCH-GATE"), "/api/v1/integrations/hikvision/NO-SUCH-GATE/events");
    expect(unknown.statusCode).toBe(401);
    expect(unknown.json().error.code).toBe("UNAUTHENTICATED");
    expect((await rejections()).bad_credentials).toBe(before + 2);
    expect(await t.db.select().from(workforceAccessEvents).where(eq(workforceAccessEvents.personId, person.id))).toHaveLength(0);
  });

  it("acknowledges heartbeats and marks the gate online", async () => {
    const res = await push(heartbeat());
    expect(res.statusCode).toBe(200);
    expect((await t.db.select().from(iotDevices).where(eq(iotDevices.id, gate.id)))[0].online).toBe(true);
  });

  it("an unknown face raises the gate's access alarm", async () => {
    expect((await push(faceEvent({ subEventType: 76, employeeNoString: "" }))).statusCode).toBe(200);
    const [alarm] = await t.db.select().from(iotAlarms).where(and(eq(iotAlarms.deviceId, gate.id), eq(iotAlarms.ruleCode, "access.unknown_face")));
    expect(alarm).toBeDefined();
  });

  it("refuses a bad body with 400 naming the field, counted on the gate", async () => {
    const before = await rejections();
    const bad = await push(faceEvent({ attendanceStatus: "sideways" }));
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.details).toMatchObject({ reason: "bad_shape", path: "AccessControllerEvent.attendanceStatus" });
    const notJson = await t.app.inject({ method: "POST", url, headers: { "content-type": "application/json", ...basic() }, payload: "{nope" });
    expect(notJson.statusCode).toBe(400);
    expect(notJson.json().error.details.reason).toBe("bad_json");
    const { payload, headers } = multipartPush(faceEvent(), Buffer.from("GIF89a-not-a-jpeg"));
    const badPicture = await t.app.inject({ method: "POST", url, headers: { ...headers, ...basic() }, payload });
    expect(badPicture.statusCode).toBe(400);
    expect(badPicture.json().error.details.path).toBe("Picture");
    const after = await rejections();
    expect(after.bad_shape).toBe((before.bad_shape ?? 0) + 2);
    expect(after.bad_json).toBe((before.bad_json ?? 0) + 1);
  });
});
