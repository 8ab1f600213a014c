// Child process of the ingest benchmark: connects the simulated cranes to a broker and publishes a fixed number
// of telemetry messages over MQTT QoS 1, then prints a PublishResult as one JSON line on stdout. Publishing lives
// in its own process so the devices do not share the server's event loop.
import { readFileSync } from "node:fs";
import mqtt, { type MqttClient } from "mqtt";
import { craneValues, isOverload, type PublishResult, type PublishSpec } from "./ingest.fleet.js";

const spec = JSON.parse(readFileSync(process.argv[2], "utf8")) as PublishSpec;
const CONNECT_CONCURRENCY = 50;

async function connect(code: string, secret: string): Promise<MqttClient> {
  const client = mqtt.connect(`mqtt://127.0.0.1:${spec.port}`, { clientId: code, username: code, password: secret, reconnectPeriod: 0, connectTimeout: 30_000, keepalive: 300 });
  await new Promise<void>((resolve, reject) => {
    client.once("connect", () => resolve());
    client.once("error", reject);
  });
  return client;
}

const t0 = Date.now();
const clients: MqttClient[] = new Array(spec.devices.length);
for (let i = 0; i < spec.devices.length; i += CONNECT_CONCURRENCY) {
  await Promise.all(
    spec.devices.slice(i, i + CONNECT_CONCURRENCY).map(async (d, k) => {
      clients[i + k] = await connect(d.code, d.secret);
    }),
  );
}
const connectMs = Date.now() - t0;

// Messages go to the devices round-robin; each device sends its share with a few publishes in flight.
const quota = (d: number) => Math.floor(spec.messages / spec.devices.length) + (d < spec.messages % spec.devices.length ? 1 : 0);
let acked = 0;
let overloads = 0;
let errors = 0;
let lastAckAt = 0;
const cpu0 = process.cpuUsage();
const firstPublishAt = Date.now();

async function device(d: number): Promise<void> {
  const topic = `sitecloud/v1/${spec.devices[d].code}/telemetry`;
  const total = quota(d);
  let next = 0;
  let lastTs = 0;
  const lane = async () => {
    while (next < total) {
      const seq = next++;
      if (spec.ratePerSec) {
        // Message `seq` of device d is the (seq·devices + d)-th of the run: due at that share of the rate.
        const due = firstPublishAt + ((seq * spec.devices.length + d) / spec.ratePerSec) * 1000;
        const wait = due - Date.now();
        if (wait > 0) await new Promise((r) => setTimeout(r, wait));
      }
      // The publish time is the reading's ts (distinct per device), so alarm latency is measured from it.
      const ts = Math.max(Date.now(), lastTs + 1);
      lastTs = ts;
      const overload = isOverload(d, seq, spec.overloadOneIn);
      if (overload) overloads++;
      try {
        await clients[d].publishAsync(topic, JSON.stringify({ ts, seq, values: craneValues(d, seq, overload) }), { qos: 1 });
        acked++;
        lastAckAt = Date.now();
      } catch {
        errors++;
      }
    }
  };
  await Promise.all(Array.from({ length: spec.inflightPerDevice }, lane));
}

await Promise.all(spec.devices.map((_, d) => device(d)));
const cpu = process.cpuUsage(cpu0);
await Promise.all(clients.map((c) => c.endAsync(true)));
const result: PublishResult = { connectMs, firstPublishAt, lastAckAt, acked, overloads, errors, cpuMs: (cpu.user + cpu.system) / 1000 };
process.stdout.write(`${JSON.stringify(result)}\n`);
