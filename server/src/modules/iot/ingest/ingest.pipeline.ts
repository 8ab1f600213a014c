import type { FastifyBaseLogger } from "fastify";
import type { AlarmChangeDto } from "@contracts/iot/alarms";
import type { DeviceType, RejectReason } from "@contracts/iot/devices";
import { Batcher } from "../../../platform/batch/batcher.js";
import type { Db } from "../../../platform/db/client.js";
import { applyVerdicts, type AlarmVerdict } from "../alarms/alarm.store.js";
import type { DeviceInfo } from "../device.cache.js";
import { evaluateBatch, evaluateWindows, phases } from "./ingest.checks.js";
import { addRejections, ensurePartitions, markSeen, storeReadings, utcDay, windowAggregates } from "./ingest.store.js";
import type { RuleSet } from "../rules/rule.checks.js";
import type { Reading } from "./telemetry.parse.js";

/** One device's readings from a stored batch. */
export interface StoredReadings {
  device: DeviceInfo;
  readings: Reading[];
}

/**
 * Another module's consumer of one device type's readings: called once per stored batch with every
 * device of that type in it (never per reading), after the batch committed. It must not throw: a failure
 * is logged and the readings stay stored (the batch is not retried for it).
 */
export type ReadingsHandler = (batch: StoredReadings[]) => Promise<void>;

export interface PipelineDeps {
  db: Db;
  rules: () => RuleSet;
  log: FastifyBaseLogger;
  /** Whether an alarm may be active for `deviceId|ruleCode` (see ActiveAlarms). */
  isActive: (key: string) => boolean;
  /** Called with every alarm change of a batch, after it committed. */
  onAlarmChanges: (changes: AlarmChangeDto[]) => void;
  /** Devices that were offline and have just reported. */
  onBackOnline: (devices: { id: string; projectId: string | null; code: string; lastSeenAt: string }[]) => void;
  /** Consumers of stored readings by device type (see IotRuntime.onReadings). */
  readingsHandlers?: ReadonlyMap<DeviceType, ReadingsHandler>;
  /** Flush when this many readings wait (default 5,000) … */
  maxBatchReadings?: number;
  /** … or when the oldest has waited this long (default 25 ms). */
  maxDelayMs?: number;
  /** Batches written at once (default 3): more overlaps round trips, but contends for the same rollup rows. */
  maxConcurrentFlushes?: number;
}

interface Pending {
  device: DeviceInfo;
  readings: Reading[];
}

/** A device whose last_seen was written this recently is not written again (one row update per device, not per message). */
const LAST_SEEN_WRITE_MS = 5_000;
const REJECTIONS_FLUSH_MS = 1_000;

/**
 * The ingest hot path. Messages wait briefly and are written as one batch: one statement for readings,
 * rollups and latest values; one for devices coming back online (only when due); one window query for
 * windowed rules; one statement applying the alarm verdicts. A message is acknowledged (its promise
 * resolves) only after its batch committed, so an unacknowledged message is redelivered and — storage
 * being idempotent — stored once. A failing batch is retried; nothing is dropped.
 */
export class IngestPipeline {
  private readonly batcher: Batcher<Pending>;
  private readonly knownDays = new Set<string>();
  private readonly lastSeenWritten = new Map<string, number>();
  private rejections = new Map<string, Map<RejectReason, number>>();
  private rejectionTimer: NodeJS.Timeout | null = null;
  readonly stats = { messages: 0, readings: 0, stored: 0, rejected: 0, batches: 0 };

  constructor(private readonly deps: PipelineDeps) {
    this.batcher = new Batcher<Pending>({
      write: (batch) => this.write(batch),
      weight: (p) => p.readings.length,
      maxWeight: deps.maxBatchReadings ?? 5_000,
      maxDelayMs: deps.maxDelayMs ?? 25,
      maxConcurrent: deps.maxConcurrentFlushes ?? 3,
      log: deps.log,
      name: "ingest batch",
    });
  }

  /** Queues a valid message's readings; resolves once they are stored and the rules have run. */
  submit(device: DeviceInfo, readings: Reading[]): Promise<void> {
    this.stats.messages++;
    this.stats.readings += readings.length;
    return this.batcher.submit({ device, readings });
  }

  /** Counts a refused message on its device; the counts are written about once a second. */
  reject(deviceId: string, reason: RejectReason): void {
    this.stats.rejected++;
    let byReason = this.rejections.get(deviceId);
    if (!byReason) this.rejections.set(deviceId, (byReason = new Map()));
    byReason.set(reason, (byReason.get(reason) ?? 0) + 1);
    if (!this.rejectionTimer) {
      this.rejectionTimer = setTimeout(() => void this.flushRejections(), REJECTIONS_FLUSH_MS);
      this.rejectionTimer.unref();
    }
  }

  /** Writes what is queued and waits for every batch in flight. */
  async drain(): Promise<void> {
    await this.batcher.drain();
    await this.flushRejections();
  }

  async close(): Promise<void> {
    await this.batcher.close();
    await this.flushRejections();
  }

  private async write(batch: Pending[]): Promise<void> {
    const { db } = this.deps;
    const deviceIds: string[] = [];
    const metrics: string[] = [];
    const ts: number[] = [];
    const values: number[] = [];
    const newestByDevice = new Map<string, number>();
    const days = new Set<string>();
    for (const p of batch) {
      for (const r of p.readings) {
        deviceIds.push(p.device.id);
        metrics.push(r.metric);
        ts.push(r.ts);
        values.push(r.value);
        const day = utcDay(r.ts);
        if (!this.knownDays.has(day)) days.add(day);
        if ((newestByDevice.get(p.device.id) ?? 0) < r.ts) newestByDevice.set(p.device.id, r.ts);
      }
    }
    if (days.size > 0) {
      await ensurePartitions(db, days);
      for (const d of days) this.knownDays.add(d);
    }
    const stored = await storeReadings(db, { deviceIds, metrics, ts, values });
    this.stats.stored += stored; // not `+= await`: batches run concurrently
    this.stats.batches++;
    await this.markDevicesSeen(newestByDevice);

    const { outcomes, windows } = evaluateBatch(this.deps.rules(), batch, this.deps.isActive);
    if (windows.length > 0) {
      const aggregates = await windowAggregates(
        db,
        windows.map((w) => ({ deviceId: w.device.id, metric: w.rule.metric!, windowS: w.rule.windowS, endMs: w.endMs })),
      );
      evaluateWindows(outcomes, windows, aggregates, this.deps.isActive);
    }
    const [first, second] = phases(outcomes);
    await this.apply(first);
    await this.apply(second);
    await this.handOn(batch);
  }

  /** Passes the stored batch to the modules that take readings of its device types, one call per type. */
  private async handOn(batch: Pending[]): Promise<void> {
    const handlers = this.deps.readingsHandlers;
    if (!handlers || handlers.size === 0) return;
    const byType = new Map<DeviceType, StoredReadings[]>();
    for (const p of batch) {
      if (!handlers.has(p.device.type)) continue;
      let list = byType.get(p.device.type);
      if (!list) byType.set(p.device.type, (list = []));
      list.push(p);
    }
    for (const [type, list] of byType) {
      try {
        await handlers.get(type)!(list);
      } catch (err) {
        this.deps.log.error({ err, deviceType: type }, "readings handler failed");
      }
    }
  }

  /** Applies verdicts (also used for offline and event verdicts from outside the batch path). */
  async apply(verdicts: AlarmVerdict[]): Promise<void> {
    if (verdicts.length === 0) return;
    const changes = await applyVerdicts(this.deps.db, verdicts);
    if (changes.length > 0) this.deps.onAlarmChanges(changes);
  }

  private async markDevicesSeen(newest: Map<string, number>): Promise<void> {
    const now = Date.now();
    const due = [...newest].filter(([id]) => now - (this.lastSeenWritten.get(id) ?? 0) >= LAST_SEEN_WRITE_MS).sort(([a], [b]) => (a < b ? -1 : 1));
    if (due.length === 0) return;
    const back = await markSeen(
      this.deps.db,
      due.map(([id]) => id),
      due.map(([, t]) => t),
    );
    for (const [id] of due) this.lastSeenWritten.set(id, now);
    if (back.length > 0) this.deps.onBackOnline(back);
  }

  /** A device said it is online (status topic) without telemetry: record it as seen now. */
  async touch(deviceId: string, ts: number): Promise<void> {
    this.lastSeenWritten.delete(deviceId);
    await this.markDevicesSeen(new Map([[deviceId, ts]]));
  }

  /** A device marked offline elsewhere (sweeper, last will) must have its next reading written at once. */
  forgetSeen(deviceId: string): void {
    this.lastSeenWritten.delete(deviceId);
  }

  private async flushRejections(): Promise<void> {
    if (this.rejectionTimer) clearTimeout(this.rejectionTimer);
    this.rejectionTimer = null;
    if (this.rejections.size === 0) return;
    const pending = this.rejections;
    this.rejections = new Map();
    const ids: string[] = [];
    const reasons: string[] = [];
    const counts: number[] = [];
    for (const [id, byReason] of pending) {
      for (const [reason, n] of byReason) {
        ids.push(id);
        reasons.push(reason);
        counts.push(n);
      }
    }
    try {
      await addRejections(this.deps.db, ids, reasons, counts);
    } catch (err) {
      this.deps.log.error({ err }, "could not record rejected-message counts");
    }
  }
}
