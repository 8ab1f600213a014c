import { spawn, type ChildProcess } from "node:child_process";
import path from "node:path";
import { sql } from "drizzle-orm";
import type { MqttClient } from "mqtt";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "../server/src/platform/db/client";
import { rowsOf } from "../server/src/platform/db/client";
import { connectDevice, eventually, insertDeviceWithSecret } from "../server/src/modules/iot/device.test-fixtures";
import { insertProject } from "../server/src/modules/registry/project.test-fixtures";
import { startMosquitto, type OwnedMosquitto } from "./mosquitto";
import { createTestPgDatabase, TEST_DB_KIND } from "./setup/db";

/**
 * Scale-out (issue 3): two `npm run ingest` processes share Mosquitto's MQTT 5 shared subscription; one
 * is killed with SIGKILL mid-stream and restarted with the same INGEST_ID (so it resumes its persistent
 * session and gets its unacknowledged messages again). Every reading must end up stored exactly once
 * and counted once in the rollups. PostgreSQL only: two processes cannot share an embedded PGlite.
 */

const REPO = path.resolve(import.meta.dirname, "..");
const DEVICES = 10;
const MESSAGES_PER_DEVICE = 1_000;
const METRICS_PER_MESSAGE = 2;
const EXPECTED = DEVICES * MESSAGES_PER_DEVICE * METRICS_PER_MESSAGE;
/** Publishes awaited together per device: enough to keep both ingest processes busy. */
const WINDOW = 50;

const subscribedLine = (id: string) => new RegExp(`sitecloud-ingest-${id} 1 \\$share/sitecloud-ingest/sitecloud/v1/\\+/telemetry`);

/** The pipeline counters an ingest process logs when it stops (pino JSON lines). */
function shutdownStats(output: string): { messages: number; readings: number } | null {
  for (const line of output.split("\n")) {
    if (!line.includes('"ingest shutting down"')) continue;
    return (JSON.parse(line) as { stats: { messages: number; readings: number } }).stats;
  }
  return null;
}

describe.skipIf(TEST_DB_KIND !== "postgres")("ingest scale-out through Mosquitto", () => {
  let database: Database;
  let url: string;
  let broker: OwnedMosquitto;
  const ingest = new Map<string, { child: ChildProcess; output: () => string; exited: Promise<unknown> }>();
  const clients: MqttClient[] = [];

  beforeAll(async () => {
    broker = await startMosquitto();
    ({ database, url } = await createTestPgDatabase());
  });

  afterAll(async () => {
    for (const c of clients) c.end(true);
    for (const p of ingest.values()) {
      if (p.child.exitCode === null && p.child.signalCode === null) {
        p.child.kill("SIGTERM");
        await p.exited;
      }
    }
    await broker?.stop();
    await database?.close();
  });

  function startIngest(id: string): void {
    const child = spawn(process.execPath, ["--import", "tsx", "server/src/ingest-main.ts"], {
      cwd: REPO,
      env: { ...process.env, DATABASE_URL: url, MQTT_URL: broker.url, INGEST_ID: id, LOG_LEVEL: "info", SIMULATE: "0" },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let output = "";
    child.stdout!.on("data", (chunk: Buffer) => (output += chunk.toString()));
    child.stderr!.on("data", (chunk: Buffer) => (output += chunk.toString()));
    ingest.set(id, { child, output: () => output, exited: new Promise((r) => child.once("exit", r)) });
  }

  const count = async () =>
    rowsOf<{ n: number; distinct: number }>(
      await database.db.execute(sql`select count(*)::int as n, count(distinct (device_id, metric, ts))::int as distinct from iot_readings`),
    )[0];

  it(
    "stores every reading exactly once across two ingest processes, one killed -9 mid-stream and restarted",
    async () => {
      const project = await insertProject(database.db, { status: "in_progress" });
      const devices = await Promise.all(Array.from({ length: DEVICES }, () => insertDeviceWithSecret(database.db, project.id, "tower_crane")));

      startIngest("a");
      startIngest("b");
      try {
        await broker.waitForLog(subscribedLine("a"), 1, 30_000);
        await broker.waitForLog(subscribedLine("b"), 1, 30_000);
      } catch (err) {
        throw new Error(`${(err as Error).message}\ningest a: ${ingest.get("a")!.output()}\ningest b: ${ingest.get("b")!.output()}`, { cause: err });
      }

      // Mosquitto has no device authentication here: the devices connect with their codes as client ids.
      for (const { device, secret } of devices) clients.push(await connectDevice(broker.port, device.code, secret));
      const base = Date.now() - 10 * 60_000;
      let published = 0;
      let killedAt: number | null = null;
      let restarted: Promise<void> | null = null;
      for (let i = 0; i < MESSAGES_PER_DEVICE; i += WINDOW) {
        const sends: Promise<unknown>[] = [];
        for (let k = i; k < Math.min(i + WINDOW, MESSAGES_PER_DEVICE); k++) {
          devices.forEach(({ device }, d) => {
            const payload = JSON.stringify({ ts: base + k * 100, seq: k, values: { moment_pct: 30 + ((k + d) % 40), wind_ms: 2 + (k % 5) } });
            sends.push(clients[d].publishAsync(`sitecloud/v1/${device.code}/telemetry`, payload, { qos: 1 }));
          });
        }
        await Promise.all(sends);
        published += sends.length;
        // Halfway through, kill one consumer with work in flight; it comes back while publishing goes on.
        if (killedAt === null && published >= (DEVICES * MESSAGES_PER_DEVICE) / 2) {
          const a = ingest.get("a")!;
          await eventually(async () => (await count()).n > 0, 20_000);
          a.child.kill("SIGKILL");
          await a.exited;
          killedAt = (await count()).n;
          startIngest("a");
          // The broker logs the subscription again when the restarted process resumes its session.
          restarted = broker.waitForLog(subscribedLine("a"), 2, 30_000);
        }
      }
      expect(killedAt).not.toBeNull();
      expect(killedAt!).toBeLessThan(EXPECTED);
      await restarted;

      const final = await eventually(
        async () => {
          const c = await count();
          return c.n >= EXPECTED ? c : null;
        },
        40_000,
      ).catch(async (err: unknown) => {
        throw new Error(`${(err as Error).message}: ${JSON.stringify(await count())} of ${EXPECTED} readings stored\ningest a: ${ingest.get("a")!.output()}\ningest b: ${ingest.get("b")!.output()}`, {
          cause: err,
        });
      });
      expect(final).toEqual({ n: EXPECTED, distinct: EXPECTED });

      const rollups = rowsOf<{ m: number; h: number }>(
        await database.db.execute(sql`select (select sum(count) from iot_rollup_1m)::int as m, (select sum(count) from iot_rollup_1h)::int as h`),
      )[0];
      expect(rollups).toEqual({ m: EXPECTED, h: EXPECTED });
      // The latest value of every device is its last message's, whichever process stored it.
      const latest = rowsOf<{ n: number }>(
        await database.db.execute(sql`select count(*)::int as n from iot_latest where ts = to_timestamp(${(base + (MESSAGES_PER_DEVICE - 1) * 100) / 1000})`),
      )[0];
      expect(latest.n).toBe(DEVICES * METRICS_PER_MESSAGE);
      // Both processes (the restarted one included) took a share of the stream.
      for (const [id, p] of ingest) {
        p.child.kill("SIGTERM");
        await p.exited;
        expect(shutdownStats(p.output())?.messages, `ingest ${id}: ${p.output()}`).toBeGreaterThan(0);
      }
    },
    120_000,
  );
});
