import { once } from "node:events";
import { createServer, type AddressInfo, type Server } from "node:net";
import { Aedes, type AuthenticateError } from "aedes";
import { connectAsync, type MqttClient } from "mqtt";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { METRICS, type DeviceType } from "@contracts/iot/devices";
import type { DeviceCredential } from "./iot-devices.js";
import { SimDevice } from "./simulator.device.js";
import { selectSites, startSimulator, type Simulator } from "./simulator.js";

const SITE = "7a1c3c1e-59d4-4d4b-9d0e-3c6f1f0e2a01";
const OTHER_SITE = "0b6f2f3a-8e2d-4c55-a1b7-5d9e8c7b6a02";
const cred = (code: string, type: DeviceType, projectId = SITE): DeviceCredential => ({
  code,
  secret: `secret-of-${code}`,
  type,
  projectId,
  projectCode: "2025-330784-47-01-123456",
  reportIntervalS: 60,
});
const CREDENTIALS = [
  cred("YK-T-ENV01", "env_monitor"),
  cred("YK-T-TC01", "tower_crane"),
  cred("YK-T-SC01", "hoist"),
  cred("YK-T-SPR01", "spray"),
  cred("YK-T-CAM01", "camera"),
  cred("YK-U-ENV01", "env_monitor", OTHER_SITE),
];
const SECRETS = new Map(CREDENTIALS.map((c) => [c.code, c.secret]));
const PLATFORM = { username: "platform", password: "platform-secret" };

interface Received {
  topic: string;
  payload: string;
  retain: boolean;
}

let broker: Aedes;
let server: Server;
let url: string;
let platform: MqttClient;
const received: Received[] = [];
const logins: string[] = [];
const refusedPublishes: string[] = [];

beforeAll(async () => {
  broker = await Aedes.createBroker({
    authenticate(client, username, password, done) {
      const ok = (username === PLATFORM.username && password?.toString() === PLATFORM.password) || (SECRETS.has(username ?? "") && SECRETS.get(username!) === password?.toString() && client.id === username);
      if (ok) logins.push(username!);
      if (ok) return done(null, true);
      const err = new Error("bad credentials") as AuthenticateError;
      err.returnCode = 4;
      done(err, false);
    },
    // Devices may publish only under their own code, as on the platform's broker.
    authorizePublish(client, packet, callback) {
      if (client && client.id !== "platform" && !packet.topic.startsWith(`sitecloud/v1/${client.id}/`)) {
        refusedPublishes.push(packet.topic);
        return callback(new Error("foreign topic"));
      }
      callback(null);
    },
  });
  server = createServer(broker.handle);
  server.listen(0, "127.0.0.1");
  await once(server, "listening");
  url = `mqtt://127.0.0.1:${(server.address() as AddressInfo).port}`;
  platform = await connectAsync(url, { clientId: "platform", ...PLATFORM });
  platform.on("message", (topic, payload, packet) => received.push({ topic, payload: payload.toString(), retain: packet.retain }));
  await platform.subscribeAsync("sitecloud/v1/#", { qos: 1 });
});

afterAll(async () => {
  await platform?.endAsync();
  await new Promise<void>((resolve) => broker.close(() => resolve()));
  server?.close();
});

const waitFor = async <T>(find: () => T | undefined, ms = 3000): Promise<T> => {
  const until = Date.now() + ms;
  for (;;) {
    const found = find();
    if (found !== undefined) return found;
    if (Date.now() > until) throw new Error("timed out waiting");
    await new Promise((r) => setTimeout(r, 20));
  }
};

const telemetryOf = (code: string) =>
  received.filter((r) => r.topic === `sitecloud/v1/${code}/telemetry`).map((r) => JSON.parse(r.payload) as { ts: number; seq: number; values: Record<string, number> });

describe("simulator over MQTT (in-process Aedes)", () => {
  let sim: Simulator;
  const startedAt = Date.now();

  beforeAll(async () => {
    sim = await startSimulator({ url, credentials: CREDENTIALS, sites: 1, rate: 25, anomaly: 0 });
    await new Promise((r) => setTimeout(r, 2000));
  });

  it("connects every device of the chosen site with its own credentials, and nothing else", () => {
    const site = CREDENTIALS.filter((c) => c.projectId === SITE).map((c) => c.code);
    expect(new Set(logins.filter((l) => l !== "platform"))).toEqual(new Set(site));
    expect(sim.stats()).toMatchObject({ devices: site.length, connected: site.length });
    expect(refusedPublishes).toEqual([]);
  });

  it("announces each device online on its retained status topic", () => {
    for (const c of CREDENTIALS.filter((c) => c.projectId === SITE)) {
      expect(received.some((r) => r.topic === `sitecloud/v1/${c.code}/status` && r.payload === "online")).toBe(true);
    }
    expect(received.some((r) => r.topic.startsWith("sitecloud/v1/YK-U-"))).toBe(false);
  });

  it("publishes telemetry with only its type's metrics, inside their ranges, with rising seq and ts", () => {
    const stats = sim.stats();
    expect(stats.sent).toBeGreaterThanOrEqual(30);
    expect(stats.acked).toBeGreaterThan(0);
    for (const c of CREDENTIALS.filter((c) => c.projectId === SITE)) {
      const messages = telemetryOf(c.code);
      expect(messages.length, c.code).toBeGreaterThanOrEqual(3);
      const spec = METRICS[c.type];
      for (const m of messages) {
        expect(m.ts).toBeGreaterThanOrEqual(startedAt);
        expect(m.ts).toBeLessThanOrEqual(Date.now());
        for (const [metric, value] of Object.entries(m.values)) {
          expect(spec[metric], `${c.type} ${metric}`).toBeDefined();
          expect(value).toBeGreaterThanOrEqual(spec[metric].min);
          expect(value).toBeLessThanOrEqual(spec[metric].max);
        }
      }
      // Every metric of the type is reported (cranes their rated load, hoists their door).
      expect(Object.keys(messages[0].values).sort()).toEqual(Object.keys(spec).sort());
      for (let i = 1; i < messages.length; i++) {
        expect(messages[i].seq).toBe(messages[i - 1].seq + 1);
        expect(messages[i].ts).toBeGreaterThan(messages[i - 1].ts);
      }
    }
    const crane = telemetryOf("YK-T-TC01")[0].values;
    expect(crane.rated_load_t).toBeGreaterThan(0);
    expect(crane.moment_pct).toBeLessThan(90);
    const hoist = telemetryOf("YK-T-SC01")[0].values;
    expect(hoist.rated_load_kg).toBe(2000);
    expect([0, 1]).toContain(hoist.door_open);
  });

  it("applies spray.on, acknowledges it with the same id, and reports state 1", async () => {
    const id = "5f0e0a52-7c1d-4d8e-9a3b-2c1d0e9f8a7b";
    const command = { id, name: "spray.on", params: {}, ts: new Date().toISOString(), expiresAt: new Date(Date.now() + 60_000).toISOString() };
    await platform.publishAsync("sitecloud/v1/YK-T-SPR01/commands", JSON.stringify(command), { qos: 1 });
    const ack = await waitFor(() => received.find((r) => r.topic === "sitecloud/v1/YK-T-SPR01/commands/ack"));
    expect(JSON.parse(ack.payload)).toEqual({ id, ok: true, result: { state: 1 } });
    const before = telemetryOf("YK-T-SPR01").length;
    await waitFor(() => (telemetryOf("YK-T-SPR01").length > before ? true : undefined));
    expect(telemetryOf("YK-T-SPR01").at(-1)!.values).toEqual({ state: 1 });
    // A re-sent command (the platform retries until acked) is acknowledged again, not applied twice.
    await platform.publishAsync("sitecloud/v1/YK-T-SPR01/commands", JSON.stringify(command), { qos: 1 });
    await waitFor(() => (received.filter((r) => r.topic.endsWith("/commands/ack")).length === 2 ? true : undefined));
    expect(sim.stats().commands).toBe(2);
  });

  it("says offline on the status topic when stopped", async () => {
    await sim.stop();
    const offline = await waitFor(() => received.find((r) => r.topic === "sitecloud/v1/YK-T-ENV01/status" && r.payload === "offline"));
    expect(offline).toBeDefined();
    expect(sim.stats().connected).toBe(0);
  });

  it("refuses to start when no device can log in", async () => {
    const wrong = [{ ...CREDENTIALS[0], secret: "not-the-secret" }];
    await expect(startSimulator({ url, credentials: wrong })).rejects.toThrow(/no simulated device could connect/);
  });
});

describe("SimDevice without a network", () => {
  const always = () => 0.25;

  it("injects crane overloads, hoist faults, dust spikes and noise when told to", () => {
    const crane = new SimDevice(cred("YK-T-TC01", "tower_crane"), 1, always).telemetry(Date.now()).message.values;
    expect(crane.moment_pct).toBeGreaterThanOrEqual(105);
    expect(crane.moment_pct).toBeLessThanOrEqual(115);
    expect(crane.load_t).toBeCloseTo((crane.rated_load_t * crane.moment_pct) / 100, 1);
    const hoist = new SimDevice(cred("YK-T-SC01", "hoist"), 1, always).telemetry(Date.now()).message.values;
    expect(hoist.load_kg).toBeGreaterThan(hoist.rated_load_kg);
    const env = new SimDevice(cred("YK-T-ENV01", "env_monitor"), 1, always);
    const t = Date.now();
    expect(env.telemetry(t).message.values.pm10).toBeGreaterThanOrEqual(200);
    // The spike lasts minutes, not one message.
    expect(new SimDevice(cred("YK-T-ENV01", "env_monitor"), 0).telemetry(t + 60_000).message.values.pm10).toBeLessThan(200);
    const noisy = new SimDevice(cred("YK-T-ENV01", "env_monitor"), 1, () => 0.75).telemetry(t).message.values;
    expect(noisy.noise_db).toBeGreaterThanOrEqual(80);
  });

  it("publishes a no_helmet event from cameras now and then", () => {
    const out = new SimDevice(cred("YK-T-CAM01", "camera"), 1, always).telemetry(Date.now());
    expect(out.event).toMatchObject({ type: "no_helmet" });
    expect(out.message.values).toEqual({ online_streams: 1 });
  });

  it("refuses unknown and expired commands with ok=false", () => {
    const spray = new SimDevice(cred("YK-T-SPR01", "spray"), 0);
    const send = (cmd: object) => spray.command(Buffer.from(JSON.stringify(cmd)), Date.now()).ack;
    expect(send({ id: "a", name: "gate.open", params: {} })).toMatchObject({ id: "a", ok: false });
    expect(send({ id: "b", name: "spray.on", params: {}, expiresAt: new Date(Date.now() - 1000).toISOString() })).toMatchObject({ id: "b", ok: false });
    expect(send({ id: "c", name: "spray.off", params: {} })).toEqual({ id: "c", ok: true, result: { state: 0 } });
    expect(spray.command(Buffer.from("not json"), Date.now()).ack).toBeNull();
  });

  it("takes whole sites in file order", () => {
    expect(selectSites(CREDENTIALS, 1).map((c) => c.code)).toEqual(CREDENTIALS.slice(0, 5).map((c) => c.code));
    expect(selectSites(CREDENTIALS, 2)).toHaveLength(6);
  });
});
