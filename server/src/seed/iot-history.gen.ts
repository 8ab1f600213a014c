import type { DeviceType } from "@contracts/iot/devices";
import { deviceModel, readingGrid, REPORT_INTERVAL_S, type ModelDevice } from "./device.model.js";
import { HOUR_MS, MINUTE_MS, round } from "./site.model.js";

/**
 * Which metrics get seeded history. `compact` (the default) keeps to what the dashboards chart over a week —
 * dust, noise, crane moment, hoist load, spray state — because PGlite inserts only ~40k rows/s and the
 * full set at scale 1 is 1.4 million rows (over a minute). `full` adds weather, crane load and wind, hoist
 * people: affordable on PostgreSQL.
 */
export const HISTORY_METRICS: Record<"compact" | "full", Partial<Record<DeviceType, readonly string[]>>> = {
  compact: {
    env_monitor: ["noise_db", "pm10", "pm25"],
    tower_crane: ["moment_pct"],
    hoist: ["load_kg"],
    spray: ["state"],
  },
  full: {
    env_monitor: ["humidity_pct", "noise_db", "pm10", "pm25", "temp_c", "tsp", "wind_ms"],
    tower_crane: ["load_t", "moment_pct", "wind_ms"],
    hoist: ["load_kg", "people"],
    spray: ["state"],
  },
};
export type HistoryLevel = keyof typeof HISTORY_METRICS;

/** Metrics in dB: their rollups also carry Σ10^(L/10), from which the energy-mean level Leq is computed. */
const DB_METRICS = new Set(["noise_db"]);

export interface RollupRow {
  metric: string;
  bucket: number;
  min: number;
  max: number;
  sum: number;
  count: number;
  energySum: number | null;
}

export interface DeviceHistory {
  /** Per metric (alphabetical), one row per hour, oldest first; the last is the current, partial hour. */
  hourly: RollupRow[];
  /** Per metric (alphabetical), one row per minute of the exact window, up to the current minute. */
  minutely: RollupRow[];
  /** The newest reading: every metric of the type. */
  latest: { metric: string; ts: number; value: number }[];
  lastSeenAt: number;
}

export interface HistoryWindow {
  /** Hourly buckets, the current one included (7 × 24). */
  hours: number;
  /** Minutes before now built from every reading, with minute rollups. */
  exactMinutes: number;
  /** Older readings are summarised from this many evenly spaced ones per hour instead of all of them. */
  samplesPerHour: number;
  /** …or this many for cranes and hoists, whose lifting cycles and trips vary within minutes. */
  machineSamplesPerHour: number;
  level: HistoryLevel;
}

export const HISTORY_WINDOWS: Record<HistoryLevel, HistoryWindow> = {
  compact: { hours: 7 * 24, exactMinutes: 30, samplesPerHour: 4, machineSamplesPerHour: 8, level: "compact" },
  full: { hours: 7 * 24, exactMinutes: 180, samplesPerHour: 4, machineSamplesPerHour: 8, level: "full" },
};

class Acc {
  min = Infinity;
  max = -Infinity;
  sum = 0;
  energy = 0;
  n = 0;
  add(v: number, energy: boolean): void {
    if (v < this.min) this.min = v;
    if (v > this.max) this.max = v;
    this.sum += v;
    if (energy) this.energy += 10 ** (v / 10);
    this.n++;
  }
}

/** Rollup of `count` readings, `sampled` of which are represented by the n readings in `sample`, the rest in `exact`. */
function rollup(metric: string, bucket: number, sample: Acc, sampled: number, exact: Acc, energy: boolean): RollupRow {
  const scale = sample.n ? sampled / sample.n : 0;
  return {
    metric,
    bucket,
    min: Math.min(sample.min, exact.min),
    max: Math.max(sample.max, exact.max),
    sum: round(sample.sum * scale + exact.sum, 3),
    count: sampled + exact.n,
    energySum: energy ? sample.energy * scale + exact.energy : null,
  };
}

const NONE = new Acc();
const accs = (n: number) => Array.from({ length: n }, () => new Acc());

/**
 * A device's past week as the ingest path would have rolled it up, computed from the same models the
 * simulator publishes. Readings older than the exact window are summarised from a sample of each hour
 * (min, max and means stay realistic while the seed stays fast); the exact window is built from every
 * reading, so its minute rollups and the hours they fall in agree exactly.
 */
export function deviceHistory(device: ModelDevice & { reportIntervalS?: number }, now: number, window: HistoryWindow = HISTORY_WINDOWS.compact): DeviceHistory {
  const intervalMs = (device.reportIntervalS ?? REPORT_INTERVAL_S[device.type]) * 1000;
  const metrics = HISTORY_METRICS[window.level][device.type] ?? [];
  const energy = metrics.map((m) => DB_METRICS.has(m));
  const read = deviceModel(device);
  const grid = readingGrid(device.code, intervalMs);
  const last = grid.indexAtOrBefore(now);
  const currentHour = Math.floor(now / HOUR_MS) * HOUR_MS;
  const exactFrom = grid.indexAtOrAfter(Math.floor(now / MINUTE_MS) * MINUTE_MS - window.exactMinutes * MINUTE_MS);
  const samples = device.type === "tower_crane" || device.type === "hoist" ? window.machineSamplesPerHour : window.samplesPerHour;
  const hourRows: RollupRow[][] = metrics.map(() => []);
  const minuteRows: RollupRow[][] = metrics.map(() => []);

  for (let bucket = currentHour - (window.hours - 1) * HOUR_MS; metrics.length && bucket <= currentHour; bucket += HOUR_MS) {
    const first = grid.indexAtOrAfter(bucket);
    const end = Math.min(grid.indexAtOrAfter(bucket + HOUR_MS), last + 1);
    const split = Math.min(Math.max(exactFrom, first), end);
    const sample = accs(metrics.length);
    const step = Math.max(1, Math.floor((split - first) / samples));
    for (let i = first; i < split; i += step) {
      const values = read(grid.timeOf(i), i);
      for (let k = 0; k < metrics.length; k++) sample[k].add(values[metrics[k]], energy[k]);
    }
    const exact = accs(metrics.length);
    let minute = accs(metrics.length);
    let minuteBucket = -1;
    const flushMinute = () => {
      for (let k = 0; k < metrics.length; k++) minuteRows[k].push(rollup(metrics[k], minuteBucket, NONE, 0, minute[k], energy[k]));
    };
    for (let i = split; i < end; i++) {
      const t = grid.timeOf(i);
      const m = Math.floor(t / MINUTE_MS) * MINUTE_MS;
      if (m !== minuteBucket) {
        if (minuteBucket >= 0) flushMinute();
        minuteBucket = m;
        minute = accs(metrics.length);
      }
      const values = read(t, i);
      for (let k = 0; k < metrics.length; k++) {
        exact[k].add(values[metrics[k]], energy[k]);
        minute[k].add(values[metrics[k]], energy[k]);
      }
    }
    if (minuteBucket >= 0) flushMinute();
    if (end > first) for (let k = 0; k < metrics.length; k++) hourRows[k].push(rollup(metrics[k], bucket, sample[k], split - first, exact[k], energy[k]));
  }

  const lastSeenAt = grid.timeOf(last);
  const latest = Object.entries(read(lastSeenAt, last)).map(([metric, value]) => ({ metric, ts: lastSeenAt, value }));
  return { hourly: hourRows.flat(), minutely: minuteRows.flat(), latest, lastSeenAt };
}
