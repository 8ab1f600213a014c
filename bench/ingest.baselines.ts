import { spawn } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { Aedes, type AedesPublishPacket } from "aedes";
import pg from "pg";
import { craneValues, READINGS_PER_MESSAGE, type BenchDevice, type PublishResult, type PublishSpec } from "./ingest.fleet.js";

const PUBLISHER = path.join(path.dirname(fileURLToPath(import.meta.url)), "ingest.publisher.ts");

/** Runs the publisher child (node --import tsx) against a broker and returns its report. */
export function runPublisher(spec: PublishSpec): Promise<PublishResult> {
  const dir = mkdtempSync(path.join(tmpdir(), "sc-ingest-bench-"));
  const file = path.join(dir, "spec.json");
  writeFileSync(file, JSON.stringify(spec));
  return new Promise<PublishResult>((resolve, reject) => {
    const child = spawn(process.execPath, ["--import", "tsx", PUBLISHER, file], { stdio: ["ignore", "pipe", "inherit"] });
    let out = "";
    child.stdout.on("data", (chunk: Buffer) => (out += chunk.toString()));
    child.on("error", reject);
    child.on("exit", (code) => {
      if (code !== 0) return reject(new Error(`publisher exited with ${code}`));
      try {
        resolve(JSON.parse(out.trim().split("\n").pop() ?? "") as PublishResult);
      } catch (err) {
        reject(new Error(`publisher printed no result: ${out} (${String(err)})`));
      }
    });
  }).finally(() => rmSync(dir, { recursive: true, force: true }));
}

export const msgsPerSec = (r: PublishResult) => r.acked / ((r.lastAckAt - r.firstPublishAt) / 1000);

/**
 * A bare Aedes (no authentication, no storage) whose in-process subscriber runs `handle` for each telemetry
 * message and lets the PUBACK go when it resolves — the same acknowledgement point as the real pipeline.
 */
async function bareBroker(handle: (packet: AedesPublishPacket) => Promise<void> | void): Promise<{ port: number; close(): Promise<void> }> {
  const broker = await Aedes.createBroker({ concurrency: 10_000, maxClientsIdLength: 128 });
  await new Promise<void>((resolve) =>
    broker.subscribe(
      "sitecloud/v1/+/telemetry",
      (packet, cb) => {
        const r = handle(packet);
        if (r) r.then(() => cb(), () => cb());
        else cb();
      },
      resolve,
    ),
  );
  const server = createServer(broker.handle);
  const port = await new Promise<number>((resolve) => server.listen(0, "127.0.0.1", () => resolve((server.address() as { port: number }).port)));
  return {
    port,
    close: async () => {
      await new Promise<void>((resolve) => broker.close(() => resolve()));
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

/** (a) The broker alone: the same devices and messages to a do-nothing subscriber. */
export async function measureBareBroker(spec: Omit<PublishSpec, "port">): Promise<PublishResult> {
  const broker = await bareBroker(() => undefined);
  try {
    return await runPublisher({ ...spec, port: broker.port });
  } finally {
    await broker.close();
  }
}

const NAIVE_TABLE = "bench_naive_readings";
const COPY_TABLE = "bench_copy_readings";
const readingsTable = (name: string) =>
  `create table ${name} (device_id uuid not null, metric text not null, ts timestamptz not null, value double precision not null, primary key (device_id, metric, ts))`;

/** The readings of one crane message, as the real parser makes them (8 metrics + derived load_pct). */
function rowsOfMessage(values: Record<string, number>): [string, number][] {
  const rows = Object.entries(values);
  if (values.rated_load_t) rows.push(["load_pct", Math.round((values.load_t / values.rated_load_t) * 10_000) / 100]);
  return rows;
}

/**
 * (b) The naive pipeline: the same broker path, but each message is parsed and written with its own INSERT
 * (one statement per message, one row per reading; idempotent like the real table) before its PUBACK.
 */
export async function measureNaive(pool: pg.Pool, devices: BenchDevice[], spec: Omit<PublishSpec, "port">): Promise<PublishResult> {
  await pool.query(`drop table if exists ${NAIVE_TABLE}`);
  await pool.query(readingsTable(NAIVE_TABLE));
  const idOf = new Map(devices.map((d) => [d.code, d.id]));
  const broker = await bareBroker(async (packet) => {
    const code = packet.topic.split("/")[2];
    const msg = JSON.parse(packet.payload.toString()) as { ts: number; values: Record<string, number> };
    const rows = rowsOfMessage(msg.values);
    const params: unknown[] = [];
    const tuples = rows.map(([metric, value]) => {
      params.push(idOf.get(code), metric, new Date(msg.ts), value);
      const n = params.length;
      return `($${n - 3}, $${n - 2}, $${n - 1}, $${n})`;
    });
    await pool.query(`insert into ${NAIVE_TABLE} (device_id, metric, ts, value) values ${tuples.join(", ")} on conflict do nothing`, params);
  });
  try {
    return await runPublisher({ ...spec, port: broker.port });
  } finally {
    await broker.close();
  }
}

/** `COPY … FROM STDIN` through pg's own protocol writer (pg-copy-streams is not a dependency): sends the chunks, resolves with the row count. */
class CopyIn extends pg.Query {
  constructor(
    text: string,
    private readonly chunks: Buffer[],
    callback: (err: Error | null, result?: pg.QueryResult) => void,
  ) {
    super({ text }, undefined, callback as never);
  }

  handleCopyInResponse(connection: { sendCopyFromChunk(chunk: Buffer): void; endCopyFrom(): void }): void {
    for (const chunk of this.chunks) connection.sendCopyFromChunk(chunk);
    connection.endCopyFrom();
  }
}

const copyIn = (client: pg.PoolClient, text: string, chunks: Buffer[]) =>
  new Promise<number>((resolve, reject) => {
    void client.query(new CopyIn(text, chunks, (err, result) => (err ? reject(err) : resolve(result?.rowCount ?? 0))) as never);
  });

/**
 * (c) Raw COPY of the same rows (as many messages × 9 readings, 2,000 devices) in text format into a plain table
 * with iot_readings' primary key, 100,000 rows per COPY. Encoding the text is not timed: this is the database's
 * bulk-load ceiling for these rows.
 */
export async function measureCopy(pool: pg.Pool, devices: BenchDevice[], messages: number): Promise<{ rows: number; ms: number; rowsPerSec: number }> {
  await pool.query(`drop table if exists ${COPY_TABLE}`);
  await pool.query(readingsTable(COPY_TABLE));
  const client = await pool.connect();
  const base = Date.now() - 3600_000;
  const ROWS_PER_COPY = 100_000;
  const messagesPerCopy = Math.floor(ROWS_PER_COPY / READINGS_PER_MESSAGE);
  let rows = 0;
  let ms = 0;
  try {
    for (let m0 = 0; m0 < messages; m0 += messagesPerCopy) {
      const lines: string[] = [];
      for (let m = m0; m < Math.min(messages, m0 + messagesPerCopy); m++) {
        const d = m % devices.length;
        const seq = Math.floor(m / devices.length);
        const ts = new Date(base + seq * 10).toISOString();
        for (const [metric, value] of rowsOfMessage(craneValues(d, seq, false))) lines.push(`${devices[d].id}\t${metric}\t${ts}\t${value}\n`);
      }
      const text = Buffer.from(lines.join(""));
      const chunks: Buffer[] = [];
      for (let i = 0; i < text.length; i += 64 * 1024) chunks.push(text.subarray(i, i + 64 * 1024));
      const t0 = performance.now();
      rows += await copyIn(client, `copy ${COPY_TABLE} (device_id, metric, ts, value) from stdin`, chunks);
      ms += performance.now() - t0;
    }
  } finally {
    client.release();
  }
  return { rows, ms, rowsPerSec: rows / (ms / 1000) };
}
