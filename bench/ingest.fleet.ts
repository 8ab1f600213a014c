import { randomBytes } from "node:crypto";
import { sql } from "drizzle-orm";
import { sha256 } from "../server/src/platform/auth/secrets";
import type { Db } from "../server/src/platform/db/client";
import { rowsOf } from "../server/src/platform/db/client";

/** A simulated tower crane: its code and secret (to log in), its row id (for the baselines' rows). */
export interface BenchDevice {
  id: string;
  code: string;
  secret: string;
}

/** What the publisher child needs: where to connect, whom to log in as, what to send. */
export interface PublishSpec {
  port: number;
  devices: { code: string; secret: string }[];
  messages: number;
  /** Publishes each device keeps in flight (awaiting PUBACK). */
  inflightPerDevice: number;
  /** About one message in this many overloads its crane (moment 115%: a critical alarm). */
  overloadOneIn: number;
  /** Open loop: publish at this many messages/s in total (still at most `inflightPerDevice` each); absent: as fast as acknowledged. */
  ratePerSec?: number;
}

/** What it reports; times are epoch ms on this machine's clock. */
export interface PublishResult {
  connectMs: number;
  firstPublishAt: number;
  lastAckAt: number;
  acked: number;
  overloads: number;
  errors: number;
  cpuMs: number;
}

/** Readings a crane message becomes: its 8 metrics and the derived load_pct. */
export const READINGS_PER_MESSAGE = 9;
export const OVERLOAD_MOMENT_PCT = 115;

/** Whether message `seq` of device `d` is an overload: a fixed pseudo-random ~1/n of all messages. */
export const isOverload = (d: number, seq: number, oneIn: number) => Math.imul(d * 100_003 + seq, 2_654_435_761) >>> 0 < 4_294_967_296 / oneIn;

/** A crane's telemetry: normal lifting values (no rule fires) or, on overload, a moment of 115%. */
export function craneValues(d: number, seq: number, overload: boolean): Record<string, number> {
  const phase = (d * 31 + seq * 7) % 100;
  const rated = 8 + (d % 5) * 2;
  return {
    load_t: Math.round(rated * (0.2 + phase / 250) * 100) / 100,
    rated_load_t: rated,
    moment_pct: overload ? OVERLOAD_MOMENT_PCT : 20 + (phase % 50),
    radius_m: 10 + (phase % 40),
    height_m: 30 + (d % 20),
    slew_deg: (seq * 13) % 360,
    wind_ms: 1 + (phase % 60) / 10,
    tilt_deg: 0.1 + (phase % 10) / 20,
  };
}

/** Inserts `count` tower cranes spread over live projects (20 per project); returns their credentials. */
export async function insertFleet(db: Db, count: number): Promise<BenchDevice[]> {
  const tag = `${process.pid}-${Date.now().toString(36)}`;
  const projects = Math.ceil(count / 20);
  const projectIds = rowsOf<{ id: string }>(
    await db.execute(sql`
      insert into registry_projects (code, name, type, district, status)
      select 'BENCH-' || ${tag} || '-' || i, '压测工地' || i, 'building', '江南街道', 'in_progress' from generate_series(1, ${projects}::int) as i
      returning id`),
  ).map((r) => r.id);
  const devices: BenchDevice[] = [];
  for (let start = 0; start < count; start += 1000) {
    const codes: string[] = [];
    const secrets: string[] = [];
    const projectOf: string[] = [];
    for (let i = start; i < Math.min(count, start + 1000); i++) {
      codes.push(`BENCH-TC-${tag}-${i}`);
      secrets.push(randomBytes(18).toString("base64url"));
      projectOf.push(projectIds[Math.floor(i / 20)]);
    }
    const ids = rowsOf<{ id: string }>(
      await db.execute(sql`
        insert into iot_devices (project_id, type, code, name, report_interval_s, secret_hash, enabled)
        select p, 'tower_crane', c, '塔机 ' || c, 10, h, true
        from unnest(${sql.param(projectOf)}::uuid[], ${sql.param(codes)}::text[], ${sql.param(secrets.map((s) => sha256(s)))}::text[]) with ordinality as t(p, c, h, o)
        order by o
        returning id`),
    ).map((r) => r.id);
    codes.forEach((code, k) => devices.push({ id: ids[k], code, secret: secrets[k] }));
  }
  return devices;
}
