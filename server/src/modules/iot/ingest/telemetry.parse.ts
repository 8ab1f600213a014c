import { METRICS, MAX_TELEMETRY_BYTES, type DeviceType, type RejectReason } from "@contracts/iot/devices";

/** One stored value: a metric of a device at a time (epoch ms). */
export interface Reading {
  metric: string;
  ts: number;
  value: number;
}

export type ParseResult =
  | { ok: true; readings: Reading[] }
  | { ok: false; reason: RejectReason; path: string; message: string };

export interface ParseLimits {
  now: number;
  /** Readings older than this many ms are refused (their partition is, or is about to be, dropped). */
  maxAgeMs: number;
}

/** Device clocks drift; a reading up to this far in the future is accepted. */
export const MAX_CLOCK_SKEW_MS = 5 * 60_000;
/** Epoch milliseconds below this are almost certainly epoch seconds sent by mistake (before 1973). */
const MIN_EPOCH_MS = 1e11;
const ISO_8601 = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:?\d{2})$/;

const reject = (reason: RejectReason, path: string, message: string): ParseResult => ({ ok: false, reason, path, message });

/**
 * Validates a telemetry message — `{ts, seq?, values}` or an array of them — for a device of `type`
 * and flattens it into readings, derived metrics included. Any bad part rejects the whole message,
 * so a device never gets half a message stored. `payload` is raw bytes (MQTT) or parsed JSON (HTTP).
 */
export function parseTelemetry(payload: Buffer | unknown, type: DeviceType, limits: ParseLimits): ParseResult {
  let body: unknown = payload;
  if (Buffer.isBuffer(payload)) {
    if (payload.length > MAX_TELEMETRY_BYTES) return reject("oversized", "", `payload over ${MAX_TELEMETRY_BYTES} bytes`);
    try {
      body = JSON.parse(payload.toString("utf8"));
    } catch {
      return reject("bad_json", "", "payload is not JSON");
    }
  }
  const items = Array.isArray(body) ? body : [body];
  if (items.length === 0) return reject("bad_shape", "", "empty batch");
  const specs = METRICS[type];
  const readings: Reading[] = [];
  for (let i = 0; i < items.length; i++) {
    const at = Array.isArray(body) ? `${i}.` : "";
    const item = items[i] as { ts?: unknown; seq?: unknown; values?: unknown } | null;
    if (typeof item !== "object" || item === null || Array.isArray(item)) return reject("bad_shape", at, "each message must be an object {ts, values}");
    const ts = parseTimestamp(item.ts);
    if (ts === null) return reject("bad_timestamp", `${at}ts`, "ts must be epoch milliseconds or ISO 8601 with a time zone");
    if (ts < limits.now - limits.maxAgeMs || ts > limits.now + MAX_CLOCK_SKEW_MS) {
      return reject("bad_timestamp", `${at}ts`, "ts is outside the accepted window (raw retention … now + 5 min)");
    }
    if (item.seq !== undefined && !(Number.isInteger(item.seq) && (item.seq as number) >= 0)) return reject("bad_shape", `${at}seq`, "seq must be a non-negative integer");
    const values = item.values;
    if (typeof values !== "object" || values === null || Array.isArray(values)) return reject("bad_shape", `${at}values`, "values must be an object of metric: number");
    const start = readings.length;
    for (const metric in values) {
      const spec = specs[metric];
      if (!spec) return reject("unknown_metric", `${at}values.${metric}`, `unknown metric for ${type}`);
      const value = (values as Record<string, unknown>)[metric];
      if (typeof value !== "number" || !Number.isFinite(value)) return reject("not_a_number", `${at}values.${metric}`, "must be a finite number");
      if (value < spec.min || value > spec.max) return reject("out_of_range", `${at}values.${metric}`, `must be within ${spec.min}…${spec.max} ${spec.unit}`);
      readings.push({ metric, ts, value });
    }
    if (readings.length === start) return reject("bad_shape", `${at}values`, "values is empty");
    derive(type, values as Record<string, number>, ts, readings);
  }
  return { ok: true, readings };
}

/** A device timestamp: epoch milliseconds, or ISO 8601 with a time zone; null when it is neither. */
export function parseTimestamp(ts: unknown): number | null {
  if (typeof ts === "number") return Number.isFinite(ts) && ts >= MIN_EPOCH_MS ? Math.trunc(ts) : null;
  if (typeof ts === "string" && ISO_8601.test(ts)) {
    const ms = Date.parse(ts);
    return Number.isNaN(ms) ? null : ms;
  }
  return null;
}

/** Metrics the rules need that devices do not send: load as % of rated, a hoist moving with its door open. */
function derive(type: DeviceType, v: Record<string, number>, ts: number, out: Reading[]): void {
  if (type === "tower_crane" && v.load_t !== undefined && v.rated_load_t) {
    out.push({ metric: "load_pct", ts, value: round2((v.load_t / v.rated_load_t) * 100) });
  } else if (type === "hoist") {
    if (v.load_kg !== undefined && v.rated_load_kg) out.push({ metric: "load_pct", ts, value: round2((v.load_kg / v.rated_load_kg) * 100) });
    if (v.door_open !== undefined && v.speed_ms !== undefined) out.push({ metric: "door_open_moving", ts, value: v.door_open >= 1 && Math.abs(v.speed_ms) > MOVING_MS ? 1 : 0 });
  }
}

/** Cage speeds below this are sensor noise at a standstill. */
const MOVING_MS = 0.1;
const round2 = (x: number) => Math.round(x * 100) / 100;
