import { severityRank, type Severity } from "@contracts/iot/alarms";
import type { DeviceType } from "@contracts/iot/devices";
import { NATIONAL_REGION } from "@contracts/platform/rules";

/** A rule version as the engine uses it (a row of iot_rules). */
export interface Rule {
  id: string;
  code: string;
  name: string;
  deviceType: DeviceType;
  region: string;
  version: number;
  kind: "threshold" | "offline";
  metric: string | null;
  aggregation: "last" | "mean" | "max" | "leq";
  windowS: number;
  direction: "above" | "below";
  levels: { severity: Severity; threshold: number }[];
  hysteresis: number;
  period: "all" | "day" | "night";
  missedIntervals: number | null;
  action: "spray" | null;
  enabled: boolean;
}

/** `raise`: the alarm should be active at this severity; `normal`: it should clear; `hold`: inside the hysteresis band, change nothing. */
export type Verdict = { kind: "raise"; severity: Severity; threshold: number } | { kind: "normal" } | { kind: "hold" };

const HOLD: Verdict = { kind: "hold" };
const NORMAL: Verdict = { kind: "normal" };

/** Asia/Shanghai is UTC+8 all year (no daylight saving). */
const SHANGHAI_OFFSET_MS = 8 * 3600_000;

/** Hour of day in Asia/Shanghai. */
export const shanghaiHour = (tsMs: number) => new Date(tsMs + SHANGHAI_OFFSET_MS).getUTCHours();

/** GB 12523-2011: day is 06:00–22:00, night 22:00–06:00 local time. */
export function inPeriod(period: Rule["period"], tsMs: number): boolean {
  if (period === "all") return true;
  const h = shanghaiHour(tsMs);
  const night = h >= 22 || h < 6;
  return period === "night" ? night : !night;
}

/** Sound energy of a level, so that levels average as energy (Leq), not arithmetically. */
export const energyOf = (db: number) => 10 ** (db / 10);
/** Equivalent continuous level: 10·log10 of the mean energy. */
export const leqOf = (energySum: number, count: number) => 10 * Math.log10(energySum / count);

/**
 * Compares an aggregated value with a threshold rule. The worst level reached raises; once raised,
 * the alarm clears only when the value is back past the mildest threshold by `hysteresis`, so a
 * value hovering at the threshold does not flap. Outside the rule's period the condition has ended.
 */
export function judge(rule: Rule, value: number, tsMs: number): Verdict {
  if (!inPeriod(rule.period, tsMs)) return NORMAL;
  const above = rule.direction === "above";
  let hit: Rule["levels"][number] | null = null;
  for (const level of rule.levels) {
    const reached = above ? value >= level.threshold : value <= level.threshold;
    if (reached && (!hit || severityRank(level.severity) >= severityRank(hit.severity))) hit = level;
  }
  if (hit) return { kind: "raise", severity: hit.severity, threshold: hit.threshold };
  const mildest = rule.levels[0];
  if (!mildest) return NORMAL;
  const clearAt = above ? mildest.threshold - rule.hysteresis : mildest.threshold + rule.hysteresis;
  const cleared = above ? value < clearAt : value > clearAt;
  return cleared ? NORMAL : HOLD;
}

/** Window aggregates of one device metric, from the 1-minute rollups. */
export interface WindowAggregate {
  sum: number;
  count: number;
  max: number;
  min: number;
  energySum: number | null;
}

/** The value a windowed rule compares; null when the window holds no readings. */
export function aggregateValue(rule: Rule, w: WindowAggregate): number | null {
  if (w.count === 0) return null;
  switch (rule.aggregation) {
    case "mean":
      return w.sum / w.count;
    case "max":
      return rule.direction === "above" ? w.max : w.min;
    case "leq":
      return w.energySum === null ? null : leqOf(w.energySum, w.count);
    default:
      return null;
  }
}

/** Severity of an offline alarm: the rule's first level, or 一般 (minor). */
export const offlineSeverity = (rule: Rule): Severity => rule.levels[0]?.severity ?? "minor";

/**
 * The rules in force for one city: per code, the city's own version wins over the national default.
 * Built from the current versions of all regions; immutable, swapped whole on reload.
 */
export class RuleSet {
  private readonly byType = new Map<DeviceType, Rule[]>();
  private readonly offline = new Map<DeviceType, Rule>();
  private readonly byCode = new Map<string, Rule>();

  constructor(current: Rule[], cityRegion: string) {
    for (const rule of current) {
      if (rule.region !== cityRegion && rule.region !== NATIONAL_REGION) continue;
      const existing = this.byCode.get(rule.code);
      if (!existing || (existing.region === NATIONAL_REGION && rule.region === cityRegion)) this.byCode.set(rule.code, rule);
    }
    for (const rule of this.byCode.values()) {
      // A disabled city version switches the rule off for the city; it does not fall back to the national one.
      if (!rule.enabled) continue;
      if (rule.kind === "offline") this.offline.set(rule.deviceType, rule);
      else this.byType.set(rule.deviceType, [...(this.byType.get(rule.deviceType) ?? []), rule]);
    }
  }

  /** Threshold rules for a device type. */
  thresholdRules(type: DeviceType): readonly Rule[] {
    return this.byType.get(type) ?? [];
  }

  offlineRule(type: DeviceType): Rule | undefined {
    return this.offline.get(type);
  }

  /** Every enabled rule in force. */
  all(): Rule[] {
    return [...this.byCode.values()].filter((r) => r.enabled);
  }

  get(code: string): Rule | undefined {
    const rule = this.byCode.get(code);
    return rule?.enabled ? rule : undefined;
  }
}
