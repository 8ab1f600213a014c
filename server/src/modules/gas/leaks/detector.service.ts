import { sql } from "drizzle-orm";
import type { FastifyBaseLogger } from "fastify";
import { recordAudit } from "../../../platform/audit/audit.js";
import { SYSTEM_ACTOR } from "../../../platform/auth/actor.js";
import { type Db, type Executor, rowsOf } from "../../../platform/db/client.js";
import { ruleInForce } from "../../../platform/rules/rules.js";
import { offSiteDevicesView, type StoredReadings } from "../../iot/index.js";
import { nearestMains } from "../pipelines/index.js";
import { fixesOf, judgeFixes, mergeSuspects, type Fix, type JudgedFix, type PointDraft, type Sample } from "./leak.checks.js";
import { leakThresholdsRule, type LeakThresholds } from "./leak.rules.js";

/** How long the thresholds in force are reused before they are read again (a new rule version applies within it). */
const RULE_TTL_MS = 60_000;

export interface DetectorDeps {
  db: Db;
  region: string;
  log: FastifyBaseLogger;
}

interface VehicleBatch {
  deviceId: string;
  fixes: Fix[];
}

/**
 * Takes the detection vehicles' stored readings (gas_detector devices off-site) batch by batch: judges each
 * fix against the vehicle's rolling background, stores it with its background in gas_detector_readings, and
 * turns suspects into leak points (merged, with the nearest main). Every step is one statement for the whole
 * batch. Batches are processed one after another (the background of a fix depends on the ones before it).
 */
export class Detector {
  private chain: Promise<void> = Promise.resolve();
  private rule: { value: LeakThresholds; at: number } | null = null;

  constructor(private readonly deps: DetectorDeps) {}

  /** Queues a batch; resolves when it is processed. Never rejects: a failure is logged (the readings stay in iot). */
  take(batch: StoredReadings[]): Promise<void> {
    // One entry per vehicle: a batch may hold several messages of one device, judged as one run.
    const readingsOf = new Map<string, StoredReadings["readings"]>();
    for (const b of batch) {
      if (b.device.projectId !== null) continue;
      readingsOf.set(b.device.id, [...(readingsOf.get(b.device.id) ?? []), ...b.readings]);
    }
    const vehicles: VehicleBatch[] = [...readingsOf]
      .map(([deviceId, readings]) => ({ deviceId, fixes: fixesOf(readings) }))
      .filter((v) => v.fixes.length > 0);
    if (vehicles.length === 0) return Promise.resolve();
    this.chain = this.chain
      .then(async () => void (await this.process(vehicles)))
      .catch((err: unknown) => this.deps.log.error({ err }, "gas detector batch failed"));
    return this.chain;
  }

  private async thresholds(): Promise<LeakThresholds> {
    if (this.rule && Date.now() - this.rule.at < RULE_TTL_MS) return this.rule.value;
    const r = await ruleInForce(this.deps.db, leakThresholdsRule, this.deps.region);
    this.rule = { value: r.value, at: Date.now() };
    return r.value;
  }

  /** Judges and stores one batch; answers the ids of the leak points it created. */
  async process(vehicles: VehicleBatch[]): Promise<string[]> {
    const t = await this.thresholds();
    const history = await loadHistory(this.deps.db, vehicles, t.backgroundWindowS);
    const judged = vehicles.map((v) => ({ deviceId: v.deviceId, fixes: judgeFixes(history.get(v.deviceId) ?? [], v.fixes, t) }));
    return this.deps.db.transaction(async (tx) => {
      const stored = await storeJudged(tx, judged);
      // A redelivered message was judged before: only newly stored suspects may create or grow a point.
      const withSuspects = judged
        .map((v) => ({ deviceId: v.deviceId, fixes: v.fixes.filter((f) => f.suspect && stored.has(`${v.deviceId}|${f.ts}`)) }))
        .filter((v) => v.fixes.length > 0);
      if (withSuspects.length === 0) return [];
      return recordSuspects(tx, withSuspects, t);
    });
  }
}

/** Each vehicle's readings in the background window before its first new fix (one query for the batch). */
async function loadHistory(db: Executor, vehicles: VehicleBatch[], windowS: number): Promise<Map<string, Sample[]>> {
  const ids = vehicles.map((v) => v.deviceId);
  const froms = vehicles.map((v) => v.fixes[0].ts - windowS * 1000);
  const tos = vehicles.map((v) => v.fixes[0].ts);
  const rows = rowsOf<{ deviceId: string; ms: number; ppm: number }>(
    await db.execute(sql`
      select r.device_id as "deviceId", (extract(epoch from r.ts) * 1000)::float8 as ms, r.ch4_ppm as ppm
      from unnest(${sql.param(ids)}::uuid[], ${sql.param(froms)}::float8[], ${sql.param(tos)}::float8[]) as w(id, from_ms, to_ms)
      join gas_detector_readings r on r.device_id = w.id and r.ts >= to_timestamp(w.from_ms / 1000.0) and r.ts < to_timestamp(w.to_ms / 1000.0)`),
  );
  const out = new Map<string, Sample[]>();
  for (const r of rows) {
    let list = out.get(r.deviceId);
    if (!list) out.set(r.deviceId, (list = []));
    list.push({ ts: Number(r.ms), ppm: Number(r.ppm) });
  }
  return out;
}

/** One insert for every judged fix; a redelivered message (same device and time) is stored once. Answers `deviceId|ms` of the rows stored now. */
async function storeJudged(tx: Executor, judged: { deviceId: string; fixes: JudgedFix[] }[]): Promise<Set<string>> {
  const rows = judged.flatMap((v) => v.fixes.map((f) => ({ ...f, deviceId: v.deviceId })));
  const col = <K extends keyof (typeof rows)[number]>(k: K) => rows.map((r) => r[k]);
  const inserted = rowsOf<{ deviceId: string; ms: number }>(
    await tx.execute(sql`
      insert into gas_detector_readings (device_id, ts, lat, lng, ch4_ppm, background_ppm)
      select id, to_timestamp(ms / 1000.0), lat, lng, ppm, bg
      from unnest(${sql.param(col("deviceId"))}::uuid[], ${sql.param(col("ts"))}::float8[], ${sql.param(col("lat"))}::float8[], ${sql.param(col("lng"))}::float8[],
                  ${sql.param(col("ppm"))}::float8[], ${sql.param(col("backgroundPpm"))}::float8[]) as r(id, ms, lat, lng, ppm, bg)
      on conflict (device_id, ts) do nothing
      returning device_id as "deviceId", (extract(epoch from ts) * 1000)::float8 as ms`),
  );
  return new Set(inserted.map((r) => `${r.deviceId}|${Math.round(Number(r.ms))}`));
}

interface OpenPointRow {
  id: string;
  deviceId: string;
  detectedMs: number;
  lastMs: number;
  readings: number;
  lat: number;
  lng: number;
  ppm: number;
  backgroundPpm: number;
}

/**
 * Merges the batch's suspects into the vehicles' open suspect points (loaded in one query), finds the nearest
 * main of every new or moved point (one bbox-prefiltered query), and writes them. Answers the new points' ids.
 */
async function recordSuspects(tx: Executor, vehicles: { deviceId: string; fixes: JudgedFix[] }[], t: LeakThresholds): Promise<string[]> {
  const ids = vehicles.map((v) => v.deviceId);
  const since = Math.min(...vehicles.flatMap((v) => v.fixes.filter((f) => f.suspect).map((f) => f.ts))) - t.mergeWindowS * 1000;
  const open = rowsOf<OpenPointRow>(
    await tx.execute(sql`
      select id, device_id as "deviceId", (extract(epoch from detected_at) * 1000)::float8 as "detectedMs", (extract(epoch from last_detected_at) * 1000)::float8 as "lastMs",
        readings, lat, lng, ppm, background_ppm as "backgroundPpm"
      from gas_leak_points
      where device_id = any(${sql.param(ids)}::uuid[]) and state = 'suspect' and last_detected_at >= to_timestamp(${since}::float8 / 1000.0)
      for update`),
  );
  // The owners come from the device registry, which also keeps a point from naming a device it does not know
  // (iot is another module: no foreign key holds gas_leak_points.device_id to it).
  const owners = new Map(
    rowsOf<{ id: string; enterpriseId: string | null }>(
      await tx.execute(sql`select d.id, d.enterprise_id as "enterpriseId" from ${offSiteDevicesView("d")} where d.id = any(${sql.param(ids)}::uuid[])`),
    ).map((r) => [r.id, r.enterpriseId]),
  );
  const drafts: { deviceId: string; enterpriseId: string; p: PointDraft }[] = [];
  for (const v of vehicles) {
    const enterpriseId = owners.get(v.deviceId);
    if (!enterpriseId) continue; // unknown to the registry, or (never, by its check constraint) without an owner
    const mine = open
      .filter((o) => o.deviceId === v.deviceId)
      .map((o) => ({ id: o.id, detectedAt: Number(o.detectedMs), lastDetectedAt: Number(o.lastMs), readings: o.readings, lat: o.lat, lng: o.lng, ppm: o.ppm, backgroundPpm: o.backgroundPpm, changed: false }));
    for (const p of mergeSuspects(mine, v.fixes.filter((f) => f.suspect), t)) drafts.push({ deviceId: v.deviceId, enterpriseId, p });
  }
  if (drafts.length === 0) return [];
  const mains = await nearestMains(tx, drafts.map((d) => [d.p.lng, d.p.lat] as const), t.pipelineSearchM);
  const rows = drafts.map((d, i) => ({ ...d, main: mains[i] }));
  const fresh = rows.filter((r) => r.p.id === null);
  const moved = rows.filter((r) => r.p.id !== null);
  let created: string[] = [];
  if (fresh.length > 0) {
    const col = <T>(f: (r: (typeof fresh)[number]) => T) => fresh.map(f);
    created = rowsOf<{ id: string }>(
      await tx.execute(sql`
        insert into gas_leak_points (enterprise_id, device_id, detected_at, last_detected_at, readings, lat, lng, ppm, background_ppm, pipeline_id, pipeline_distance_m)
        select e, d, to_timestamp(first_ms / 1000.0), to_timestamp(last_ms / 1000.0), n, lat, lng, ppm, bg, pl, dist
        from unnest(${sql.param(col((r) => r.enterpriseId))}::uuid[], ${sql.param(col((r) => r.deviceId))}::uuid[], ${sql.param(col((r) => r.p.detectedAt))}::float8[],
                    ${sql.param(col((r) => r.p.lastDetectedAt))}::float8[], ${sql.param(col((r) => r.p.readings))}::int[], ${sql.param(col((r) => r.p.lat))}::float8[],
                    ${sql.param(col((r) => r.p.lng))}::float8[], ${sql.param(col((r) => r.p.ppm))}::float8[], ${sql.param(col((r) => r.p.backgroundPpm))}::float8[],
                    ${sql.param(col((r) => r.main?.id ?? null))}::uuid[], ${sql.param(col((r) => r.main?.distanceM ?? null))}::float8[])
          as r(e, d, first_ms, last_ms, n, lat, lng, ppm, bg, pl, dist)
        returning id`),
    ).map((r) => r.id);
  }
  if (moved.length > 0) {
    const col = <T>(f: (r: (typeof moved)[number]) => T) => moved.map(f);
    await tx.execute(sql`
      update gas_leak_points g set detected_at = to_timestamp(u.first_ms / 1000.0), last_detected_at = to_timestamp(u.last_ms / 1000.0), readings = u.n,
        lat = u.lat, lng = u.lng, ppm = u.ppm, background_ppm = u.bg, pipeline_id = u.pl, pipeline_distance_m = u.dist, updated_at = now()
      from unnest(${sql.param(col((r) => r.p.id))}::uuid[], ${sql.param(col((r) => r.p.detectedAt))}::float8[], ${sql.param(col((r) => r.p.lastDetectedAt))}::float8[],
                  ${sql.param(col((r) => r.p.readings))}::int[], ${sql.param(col((r) => r.p.lat))}::float8[], ${sql.param(col((r) => r.p.lng))}::float8[],
                  ${sql.param(col((r) => r.p.ppm))}::float8[], ${sql.param(col((r) => r.p.backgroundPpm))}::float8[], ${sql.param(col((r) => r.main?.id ?? null))}::uuid[],
                  ${sql.param(col((r) => r.main?.distanceM ?? null))}::float8[]) as u(id, first_ms, last_ms, n, lat, lng, ppm, bg, pl, dist)
      where g.id = u.id`);
  }
  if (created.length > 0) {
    // Machine-made records: audited once per batch by the system, like the case sweeper does.
    await recordAudit(tx, { actor: SYSTEM_ACTOR, requestId: null, ip: null }, { action: "gas.leak.suspected", entity: "gas_leak_point", after: { leakPointIds: created, rule: leakThresholdsRule.code } });
  }
  return created;
}
