import { eq } from "drizzle-orm";
import type { ErrorWithReasonCode, MqttClient } from "mqtt";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, type TestApp } from "../../../../../test/app";
import { insertProject } from "../../registry/project.test-fixtures.js";
import { connectDevice, eventually, insertDeviceWithSecret as insertDevice } from "../device.test-fixtures.js";
import { iotDevices } from "../schema.js";

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

const track = (c: MqttClient) => (clients.push(c), c);

/** Resolves with the CONNACK refusal code of a connection the broker must refuse. */
async function refusal(connecting: Promise<MqttClient>): Promise<{ code: number | undefined; message: string }> {
  const err = await connecting.then(
    (c) => {
      track(c);
      throw new Error("the broker accepted the connection");
    },
    (e: ErrorWithReasonCode) => e,
  );
  return { code: err.code, message: err.message };
}

async function twoDevices() {
  const project = await insertProject(t.db, { status: "in_progress" });
  return [await insertDevice(t.db, project.id, "env_monitor"), await insertDevice(t.db, project.id, "env_monitor")];
}

describe("embedded broker: the client id is the device's own code", () => {
  it("refuses a device that logs in with its own credentials but another device's code as client id; the other stays connected", async () => {
    const [a, b] = await twoDevices();
    const deviceA = track(await connectDevice(port, a.device.code, a.secret));
    let aClosed = false;
    deviceA.on("close", () => (aClosed = true));

    const refused = await refusal(connectDevice(port, b.device.code, b.secret, { clientId: a.device.code }));
    expect(refused.code).toBe(2); // CONNACK "identifier rejected"

    // Long enough for a takeover to have closed A, had the broker accepted B.
    await new Promise((r) => setTimeout(r, 300));
    expect(aClosed).toBe(false);
    expect(deviceA.connected).toBe(true);
    await deviceA.publishAsync(`sitecloud/v1/${a.device.code}/status`, "online", { qos: 1, retain: true });

    const [row] = await eventually(async () => {
      await t.app.iot.pipeline.drain();
      const rows = await t.db.select().from(iotDevices).where(eq(iotDevices.id, b.device.id));
      return rows[0].rejectedCount >= 1 ? rows : null;
    });
    expect(row.rejections).toEqual({ bad_client_id: 1 });
  });

  it("refuses a client id that is not the device code (a library's random default), and accepts the device's own reconnect", async () => {
    const [a] = await twoDevices();
    expect((await refusal(connectDevice(port, a.device.code, a.secret, { clientId: "mqttjs_1f2e3d4c" }))).code).toBe(2);
    expect((await refusal(connectDevice(port, a.device.code, a.secret, { clientId: "" }))).code).toBe(2);

    // The device's own second connection takes over its first (a reconnect after a half-open link).
    const first = track(await connectDevice(port, a.device.code, a.secret));
    const firstClosed = new Promise<void>((resolve) => first.once("close", () => resolve()));
    const second = track(await connectDevice(port, a.device.code, a.secret));
    await firstClosed;
    expect(second.connected).toBe(true);
  });
});

describe("embedded broker: MQTT versions", () => {
  it("speaks MQTT 3.1.1 and refuses an MQTT 5 client with CONNACK 1 (unacceptable protocol version)", async () => {
    const [a] = await twoDevices();
    const v311 = track(await connectDevice(port, a.device.code, a.secret, { protocolVersion: 4 }));
    expect(v311.connected).toBe(true);
    v311.end(true);

    const refused = await refusal(connectDevice(port, a.device.code, a.secret, { protocolVersion: 5 }));
    expect(refused.code).toBe(1);
    expect(refused.message).toMatch(/unacceptable protocol version/i);
  });
});
