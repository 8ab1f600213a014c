import { existsSync, readFileSync } from "node:fs";
import { connectAsync, type MqttClient } from "mqtt";
import type { CredentialsFile, DeviceCredential } from "./iot-devices.js";
import { SimDevice } from "./simulator.device.js";

export interface SimulatorOptions {
  /** Broker URL, e.g. mqtt://127.0.0.1:1883. */
  url: string;
  /** The devices to simulate, or the path of the credentials file the demo seed wrote. */
  credentials?: DeviceCredential[];
  credentialsFile?: string;
  /** Simulate the first N sites (projects, in the file's order); default all. */
  sites?: number;
  /** Telemetry messages per second across all devices; default each device at its reporting interval. */
  rate?: number;
  /** Probability that a message carries an injected fault (overload, wind, dust spike, noise). Default 0.002. */
  anomaly?: number;
  log?: (message: string) => void;
}

export interface SimulatorStats {
  devices: number;
  /** Devices connected right now. */
  connected: number;
  /** Telemetry messages handed to the client. */
  sent: number;
  /** …of which the broker confirmed receipt (PUBACK). */
  acked: number;
  failed: number;
  anomalies: number;
  events: number;
  commands: number;
}

export interface Simulator {
  stop(): Promise<void>;
  stats(): SimulatorStats;
}

/** Reads the demo credentials file, with an error that says how to get one. */
export function loadCredentials(file: string): DeviceCredential[] {
  if (!existsSync(file)) {
    throw new Error(`device credentials not found at ${file}: start the server once (npm start) so it seeds the demo city and writes them`);
  }
  const body = JSON.parse(readFileSync(file, "utf8")) as Partial<CredentialsFile>;
  if (!Array.isArray(body.devices)) throw new Error(`${file} is not a device credentials file (no "devices" list)`);
  return body.devices;
}

/** The devices of the first `sites` projects, in the order the projects first appear. */
export function selectSites(credentials: DeviceCredential[], sites?: number): DeviceCredential[] {
  if (sites === undefined) return credentials;
  const chosen = new Set<string>();
  for (const c of credentials) {
    if (chosen.size >= sites) break;
    chosen.add(c.projectId);
  }
  return credentials.filter((c) => chosen.has(c.projectId));
}

// Connections opened at once; a thousand simultaneous CONNECTs only make the broker's auth hook queue.
const CONNECT_CONCURRENCY = 50;
const TICK_MS = 50;

/**
 * Publishes realistic telemetry for the demo devices over MQTT with their real credentials: each device
 * connects as itself (username = code, password = secret, last will "offline" on its status topic),
 * announces "online", reports on its interval (or the shared `rate`), answers commands with an ack, and
 * now and then misbehaves so the rules have something to catch.
 */
export async function startSimulator(opts: SimulatorOptions): Promise<Simulator> {
  const log = opts.log ?? (() => undefined);
  const all = opts.credentials ?? (opts.credentialsFile ? loadCredentials(opts.credentialsFile) : []);
  const chosen = selectSites(all, opts.sites);
  if (!chosen.length) throw new Error("no devices to simulate (empty credentials or --sites 0)");
  const anomaly = opts.anomaly ?? 0.002;
  const stats: SimulatorStats = { devices: chosen.length, connected: 0, sent: 0, acked: 0, failed: 0, anomalies: 0, events: 0, commands: 0 };
  const live: { device: SimDevice; client: MqttClient }[] = [];
  const timers: NodeJS.Timeout[] = [];
  let stopped = false;

  const publishTelemetry = (device: SimDevice, client: MqttClient) => {
    if (!client.connected) return;
    const { message, anomalous, event } = device.telemetry(Date.now());
    if (anomalous) stats.anomalies++;
    stats.sent++;
    client.publish(device.topics.telemetry, JSON.stringify(message), { qos: 1 }, (err) => (err ? stats.failed++ : stats.acked++));
    if (event) {
      stats.events++;
      client.publish(device.topics.events, JSON.stringify(event), { qos: 1 });
    }
  };

  const connectOne = async (device: SimDevice): Promise<void> => {
    const { code, secret } = device.cred;
    const client = await connectAsync(
      opts.url,
      {
        clientId: code,
        username: code,
        password: secret,
        keepalive: 30,
        reconnectPeriod: 2000,
        connectTimeout: 10_000,
        will: { topic: device.topics.status, payload: Buffer.from("offline"), qos: 1, retain: true },
      },
      false,
    );
    // Every (re)connection announces the device; the broker keeps the retained status for late subscribers.
    const announce = () => client.publish(device.topics.status, "online", { qos: 1, retain: true });
    announce();
    client.on("connect", announce);
    client.on("error", (err) => log(`${code}: ${err.message}`));
    client.on("message", (topic, payload) => {
      if (topic !== device.topics.commands) return;
      stats.commands++;
      const { ack, changed } = device.command(payload, Date.now());
      if (ack) client.publish(device.topics.ack, JSON.stringify(ack), { qos: 1 });
      // A controller reports its new state at once rather than at the next interval.
      if (changed) publishTelemetry(device, client);
    });
    await client.subscribeAsync(device.topics.commands, { qos: 1 });
    live.push({ device, client });
  };

  const devices = chosen.map((c) => new SimDevice(c, anomaly));
  const errors: string[] = [];
  for (let i = 0; i < devices.length; i += CONNECT_CONCURRENCY) {
    const batch = await Promise.allSettled(devices.slice(i, i + CONNECT_CONCURRENCY).map(connectOne));
    for (const [k, r] of batch.entries()) if (r.status === "rejected") errors.push(`${devices[i + k].cred.code}: ${(r.reason as Error).message}`);
  }
  if (errors.length) log(`${errors.length} of ${devices.length} devices could not connect, e.g. ${errors[0]}`);
  if (!live.length) throw new Error(`no simulated device could connect to ${opts.url}: ${errors[0]}`);
  log(`simulating ${live.length} devices of ${new Set(live.map((l) => l.device.cred.projectId)).size} sites on ${opts.url}`);

  if (opts.rate && opts.rate > 0) {
    // One clock for the whole fleet: each tick publishes what the target rate says is due, round robin.
    const started = Date.now();
    let due = 0;
    let next = 0;
    timers.push(
      setInterval(() => {
        const target = Math.floor(((Date.now() - started) / 1000) * opts.rate!);
        // After a stall, catch up by at most one second's worth instead of bursting.
        due = Math.max(due, target - opts.rate!);
        for (; due < target; due++) {
          const { device, client } = live[next++ % live.length];
          publishTelemetry(device, client);
        }
      }, TICK_MS),
    );
  } else {
    for (const { device, client } of live) {
      // Devices report once when they come up, then on their interval from a random phase.
      publishTelemetry(device, client);
      const first = setTimeout(() => {
        publishTelemetry(device, client);
        timers.push(setInterval(() => publishTelemetry(device, client), device.intervalMs));
      }, Math.random() * device.intervalMs);
      timers.push(first);
    }
  }

  return {
    stats: () => ({ ...stats, connected: live.filter((l) => l.client.connected).length }),
    async stop() {
      if (stopped) return;
      stopped = true;
      for (const t of timers) clearInterval(t);
      // A clean disconnect does not fire the last will, so say "offline" explicitly before leaving.
      await Promise.allSettled(
        live.map(async ({ device, client }) => {
          if (client.connected) await client.publishAsync(device.topics.status, "offline", { qos: 1, retain: true }).catch(() => undefined);
          await client.endAsync();
        }),
      );
    },
  };
}
