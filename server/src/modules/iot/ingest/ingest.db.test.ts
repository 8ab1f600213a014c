import { and, eq, sql } from "drizzle-orm";
import type { MqttClient } from "mqtt";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, type TestApp } from "../../../../../test/app";
import { insertProject } from "../../registry/project.test-fixtures.js";
import { connectDevice, eventually, insertDeviceWithSecret as insertDevice } from "../device.test-fixtures.js";
import { iotAlarms, iotCommands, iotDevices, iotLatest, iotRollup1h, iotRollup1m } from "../schema.js";
import { rowsOf } from "../../../platform/db/client.js";

let t: TestApp;
let port: number;
const clients: MqttClient[] = [];

beforeAll(async () => {
  t = await createTestApp();
  await t.app.iot.startNetwork({ ingest: true, port: 0 });
  port = t.app.iot.brokerPort!;
});

afterAll(async () => {
  for (const c of clients) c.end(true);
  await t.close();
});

const q = async <T>(query: ReturnType<typeof sql>) => rowsOf<T>(await t.db.execute(query));
const track = (c: MqttClient) => (clients.push(c), c);

async function site() {
  const project = await insertProject(t.db, { status: "in_progress" });
  return project.id;
}

describe("MQTT ingest through the embedded broker", () => {
  it("stores readings, rollups and latest values; a redelivered message is stored once", async () => {
    const { device, secret } = await insertDevice(t.db, await site(), "env_monitor");
    const c = track(await connectDevice(port, device.code, secret));
    const ts = Date.now() - 1000;
    const msg = JSON.stringify({ ts, seq: 1, values: { pm10: 80, noise_db: 60 } });
    await c.publishAsync(`sitecloud/v1/${device.code}/telemetry`, msg, { qos: 1 });
    await c.publishAsync(`sitecloud/v1/${device.code}/telemetry`, msg, { qos: 1 });
    await c.publishAsync(`sitecloud/v1/${device.code}/telemetry`, JSON.stringify([{ ts: ts + 1, values: { pm10: 100, noise_db: 70 } }]), { qos: 1 });
    await t.app.iot.pipeline.drain();
    const readings = await q<{ n: number }>(sql`select count(*)::int as n from iot_readings where device_id = ${device.id}`);
    expect(readings[0].n).toBe(4);
    const [pm10] = await t.db.select().from(iotRollup1m).where(and(eq(iotRollup1m.deviceId, device.id), eq(iotRollup1m.metric, "pm10")));
    expect(pm10.count).toBe(2);
    expect(pm10.sum).toBe(180);
    const [noise] = await t.db.select().from(iotRollup1h).where(and(eq(iotRollup1h.deviceId, device.id), eq(iotRollup1h.metric, "noise_db")));
    // Leq of 60 and 70 dB(A) is 67.4, not the arithmetic 65.
    expect(10 * Math.log10(noise.energySum! / noise.count)).toBeCloseTo(67.4, 1);
    const latest = await t.db.select().from(iotLatest).where(eq(iotLatest.deviceId, device.id));
    expect(Object.fromEntries(latest.map((l) => [l.metric, l.value]))).toEqual({ pm10: 100, noise_db: 70 });
    const [d] = await t.db.select().from(iotDevices).where(eq(iotDevices.id, device.id));
    expect(d.online).toBe(true);
    expect(d.lastSeenAt).not.toBeNull();
  });

  it("rejects bad messages, counts them on the device, and keeps valid traffic flowing", async () => {
    const { device, secret } = await insertDevice(t.db, await site(), "tower_crane");
    const c = track(await connectDevice(port, device.code, secret));
    const topic = `sitecloud/v1/${device.code}/telemetry`;
    const now = Date.now();
    await c.publishAsync(topic, "not json", { qos: 1 });
    await c.publishAsync(topic, JSON.stringify({ ts: now, values: { pm10: 5 } }), { qos: 1 });
    await c.publishAsync(topic, JSON.stringify({ ts: now, values: { load_t: "heavy" } }), { qos: 1 });
    await c.publishAsync(topic, JSON.stringify({ ts: "yesterday", values: { load_t: 1 } }), { qos: 1 });
    await c.publishAsync(topic, Buffer.alloc(300 * 1024, 32), { qos: 1 });
    await c.publishAsync(topic, JSON.stringify({ ts: now, values: { load_t: 2, rated_load_t: 8, moment_pct: 40 } }), { qos: 1 });
    await t.app.iot.pipeline.drain();
    const [d] = await eventually(async () => {
      const rows = await t.db.select().from(iotDevices).where(eq(iotDevices.id, device.id));
      return rows[0].rejectedCount >= 5 ? rows : null;
    });
    expect(d.rejections).toEqual({ bad_json: 1, unknown_metric: 1, not_a_number: 1, bad_timestamp: 1, oversized: 1 });
    const latest = await t.db.select().from(iotLatest).where(eq(iotLatest.deviceId, device.id));
    expect(latest.find((l) => l.metric === "load_pct")?.value).toBe(25);
  });

  it("refuses wrong secrets and another device's topics, counting both", async () => {
    const projectId = await site();
    const a = await insertDevice(t.db, projectId, "env_monitor");
    const b = await insertDevice(t.db, projectId, "env_monitor");
    await expect(connectDevice(port, a.device.code, "wrong-secret")).rejects.toThrow();
    const c = track(await connectDevice(port, a.device.code, a.secret));
    const closed = new Promise<void>((resolve) => c.once("close", () => resolve()));
    c.publish(`sitecloud/v1/${b.device.code}/telemetry`, JSON.stringify({ ts: Date.now(), values: { pm10: 1 } }), { qos: 1 });
    await closed;
    const [d] = await eventually(async () => {
      const rows = await t.db.select().from(iotDevices).where(eq(iotDevices.id, a.device.id));
      return rows[0].rejectedCount >= 2 ? rows : null;
    });
    expect(d.rejections).toEqual({ bad_credentials: 1, foreign_topic: 1 });
    const stored = await q<{ n: number }>(sql`select count(*)::int as n from iot_readings where device_id = ${b.device.id}`);
    expect(stored[0].n).toBe(0);
  });
});

describe("rules and alarms", () => {
  it("an overloaded crane raises a critical alarm that repeats, escalates and clears with hysteresis", async () => {
    const { device, secret } = await insertDevice(t.db, await site(), "tower_crane");
    const c = track(await connectDevice(port, device.code, secret));
    const topic = `sitecloud/v1/${device.code}/telemetry`;
    const send = async (moment: number, dt: number) => {
      await c.publishAsync(topic, JSON.stringify({ ts: Date.now() - 60_000 + dt, values: { moment_pct: moment } }), { qos: 1 });
      await t.app.iot.pipeline.drain();
    };
    const alarm = async () => (await t.db.select().from(iotAlarms).where(eq(iotAlarms.deviceId, device.id)))[0];
    await send(92, 0);
    expect((await alarm()).severity).toBe("minor");
    await send(112, 1000);
    let a = await alarm();
    expect(a).toMatchObject({ severity: "critical", count: 2, value: 112, peakValue: 112, clearedAt: null });
    await send(87, 2000); // inside the 5-point hysteresis band below 90: still active
    a = await alarm();
    expect(a.clearedAt).toBeNull();
    expect(a.severity).toBe("critical");
    await send(60, 3000);
    a = await alarm();
    expect(a.clearedAt).not.toBeNull();
    const history = await q<{ kind: string }>(sql`select kind from iot_alarm_events where alarm_id = ${a.id} order by id`);
    expect(history.map((h) => h.kind)).toEqual(["raised", "escalated", "cleared"]);
  });

  it("a breach and its end inside one batch still raise and clear", async () => {
    const { device, secret } = await insertDevice(t.db, await site(), "hoist");
    const c = track(await connectDevice(port, device.code, secret));
    const ts = Date.now() - 5000;
    await c.publishAsync(
      `sitecloud/v1/${device.code}/telemetry`,
      JSON.stringify([
        { ts, values: { door_open: 1, speed_ms: 1.2 } },
        { ts: ts + 1000, values: { door_open: 0, speed_ms: 1.2 } },
      ]),
      { qos: 1 },
    );
    await t.app.iot.pipeline.drain();
    const [a] = await t.db.select().from(iotAlarms).where(eq(iotAlarms.deviceId, device.id));
    expect(a).toMatchObject({ ruleCode: "hoist.door", severity: "critical" });
    expect(a.clearedAt).not.toBeNull();
  });

  it("PM10 above the 15-minute mean switches the project's sprays on; the device's ack closes the command", async () => {
    const projectId = await site();
    const monitor = await insertDevice(t.db, projectId, "env_monitor");
    const spray = await insertDevice(t.db, projectId, "spray");
    const sprayClient = track(await connectDevice(port, spray.device.code, spray.secret));
    const received: { id: string; name: string }[] = [];
    sprayClient.on("message", (_topic, payload) => {
      const cmd = JSON.parse(payload.toString()) as { id: string; name: string };
      received.push(cmd);
      sprayClient.publish(`sitecloud/v1/${spray.device.code}/commands/ack`, JSON.stringify({ id: cmd.id, ok: true }), { qos: 1 });
    });
    await sprayClient.subscribeAsync(`sitecloud/v1/${spray.device.code}/commands`, { qos: 1 });
    const m = track(await connectDevice(port, monitor.device.code, monitor.secret));
    const now = Date.now();
    const backlog = [0, 1, 2, 3, 4].map((i) => ({ ts: now - (4 - i) * 60_000, values: { pm10: 160 + i } }));
    await m.publishAsync(`sitecloud/v1/${monitor.device.code}/telemetry`, JSON.stringify(backlog), { qos: 1 });
    await t.app.iot.pipeline.drain();
    const [alarm] = await t.db.select().from(iotAlarms).where(eq(iotAlarms.deviceId, monitor.device.id));
    expect(alarm).toMatchObject({ ruleCode: "dust.pm10", severity: "minor", clearedAt: null });
    const cmd = await eventually(async () => {
      const rows = await t.db.select().from(iotCommands).where(eq(iotCommands.deviceId, spray.device.id));
      return rows[0]?.status === "acked" ? rows[0] : null;
    });
    expect(cmd).toMatchObject({ name: "spray.on", source: "auto", alarmId: alarm.id, attempts: 1 });
    expect(received.map((r) => r.name)).toEqual(["spray.on"]);
  });

  it("a device silent for three reporting intervals goes offline with an alarm, and back online clears it", async () => {
    const { device, secret } = await insertDevice(t.db, await site(), "hoist", { reportIntervalS: 15 });
    await t.db.update(iotDevices).set({ online: true, lastSeenAt: new Date(Date.now() - 46_000) }).where(eq(iotDevices.id, device.id));
    const result = await t.app.iot.sweeper.sweep();
    expect(result?.offline).toBeGreaterThanOrEqual(1);
    const [d] = await t.db.select().from(iotDevices).where(eq(iotDevices.id, device.id));
    expect(d.online).toBe(false);
    const [alarm] = await t.db.select().from(iotAlarms).where(eq(iotAlarms.deviceId, device.id));
    expect(alarm).toMatchObject({ ruleCode: "offline.hoist", severity: "major", clearedAt: null });
    // A second sweep does not raise it again.
    await t.app.iot.sweeper.sweep();
    expect((await t.db.select().from(iotAlarms).where(eq(iotAlarms.deviceId, device.id))).length).toBe(1);

    const c = track(await connectDevice(port, device.code, secret));
    await c.publishAsync(`sitecloud/v1/${device.code}/telemetry`, JSON.stringify({ ts: Date.now(), values: { load_kg: 100, rated_load_kg: 2000 } }), { qos: 1 });
    await t.app.iot.pipeline.drain();
    const cleared = await eventually(async () => {
      const [a] = await t.db.select().from(iotAlarms).where(eq(iotAlarms.id, alarm.id));
      return a.clearedAt ? a : null;
    });
    expect(cleared.clearedBy).toBe("系统 (auto)");
  });
});

describe("HTTP ingest", () => {
  it("accepts a batch with the device secret and answers 401/400/403 naming the problem", async () => {
    const { device, secret } = await insertDevice(t.db, await site(), "gas_detector");
    const url = `/api/v1/ingest/${device.code}/telemetry`;
    const ok = await t.app.inject({ method: "POST", url, headers: { authorization: `Bearer ${secret}` }, payload: [{ ts: new Date().toISOString(), values: { ch4_ppm: 3 } }] });
    expect(ok.statusCode).toBe(202);
    expect(ok.json()).toEqual({ accepted: 1 });
    const wrong = await t.app.inject({ method: "POST", url, headers: { authorization: "Bearer nope" }, payload: { ts: Date.now(), values: { ch4_ppm: 3 } } });
    expect(wrong.statusCode).toBe(401);
    const bad = await t.app.inject({ method: "POST", url, headers: { authorization: `Bearer ${secret}` }, payload: { ts: Date.now(), values: { ch4_ppm: -4 } } });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error).toMatchObject({ code: "VALIDATION", details: { reason: "out_of_range", path: "values.ch4_ppm" } });
    await t.db.update(iotDevices).set({ enabled: false }).where(eq(iotDevices.id, device.id));
    await eventually(async () => {
      const r = await t.app.inject({ method: "POST", url, headers: { authorization: `Bearer ${secret}` }, payload: { ts: Date.now(), values: { ch4_ppm: 3 } } });
      return r.statusCode === 403;
    });
  });
});
