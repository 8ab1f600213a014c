import { severityRank, type Severity } from "@contracts/iot/alarms";
import type { DeviceInfo } from "../device.cache.js";
import type { AlarmVerdict } from "../alarms/alarm.store.js";
import { aggregateValue, judge, type Rule, type RuleSet, type Verdict, type WindowAggregate } from "../rules/rule.checks.js";
import type { Reading } from "./telemetry.parse.js";

/** A windowed rule to evaluate on one device once the batch's rollups are written. */
/** A device on a site: the only kind the alarm rules judge (iot_alarms belong to a project). */
export type SiteDevice = DeviceInfo & { projectId: string };
const isOnSite = (d: DeviceInfo): d is SiteDevice => d.projectId !== null;

export interface WindowRequest {
  device: SiteDevice;
  rule: Rule;
  /** epoch ms of the device's newest reading of the metric in the batch: the window ends there */
  endMs: number;
}

/**
 * What one batch concluded for one device and rule: the worst raise seen (with how many readings
 * raised) and the final state. A short breach inside a batch (raise, then normal) still raises and
 * then clears: both are applied, in that order.
 */
export interface KeyOutcome {
  raise: AlarmVerdict | null;
  raises: number;
  final: AlarmVerdict | null;
}

export interface BatchEvaluation {
  outcomes: Map<string, KeyOutcome>;
  windows: WindowRequest[];
}

/** The verdicts to apply first (raises, or clears without a raise) and second (clears after a raise in the same batch). */
export function phases(outcomes: Map<string, KeyOutcome>): [AlarmVerdict[], AlarmVerdict[]] {
  const first: AlarmVerdict[] = [];
  const second: AlarmVerdict[] = [];
  for (const o of outcomes.values()) {
    if (o.raise) {
      first.push({ ...o.raise, repeats: o.raises });
      if (o.final?.severity === "normal") second.push(o.final);
    } else if (o.final) {
      first.push(o.final);
    }
  }
  return [first, second];
}

export const alarmKey = (deviceId: string, ruleCode: string) => `${deviceId}|${ruleCode}`;

/**
 * Evaluates one batch of readings against the rules: `last` rules reading by reading in time order
 * (the last verdict per device and rule wins), windowed rules are returned as requests for the
 * rollups. `isActive` tells whether an alarm may be active: a `normal` verdict matters only then.
 */
export function evaluateBatch(rules: RuleSet, batch: { device: DeviceInfo; readings: Reading[] }[], isActive: (key: string) => boolean): BatchEvaluation {
  const outcomes = new Map<string, KeyOutcome>();
  const windowEnds = new Map<string, WindowRequest>();
  for (const { device, readings } of batch) {
    // A device off-site (the detection vehicle) is judged by its owning module, not by site alarm rules.
    if (!isOnSite(device)) continue;
    const typeRules = rules.thresholdRules(device.type);
    if (typeRules.length === 0) continue;
    for (const r of readings) {
      for (const rule of typeRules) {
        if (rule.metric !== r.metric) continue;
        const key = alarmKey(device.id, rule.code);
        if (rule.aggregation !== "last") {
          const w = windowEnds.get(key);
          if (!w || w.endMs < r.ts) windowEnds.set(key, { device, rule, endMs: r.ts });
          continue;
        }
        record(outcomes, key, device, rule, judge(rule, r.value, r.ts), r.value, r.ts, isActive);
      }
    }
  }
  return { outcomes, windows: [...windowEnds.values()] };
}

/** Adds the verdicts of windowed rules, given the window aggregates in the order of `windows`. */
export function evaluateWindows(outcomes: Map<string, KeyOutcome>, windows: WindowRequest[], aggregates: WindowAggregate[], isActive: (key: string) => boolean): void {
  windows.forEach((w, i) => {
    const value = aggregateValue(w.rule, aggregates[i]);
    if (value === null) return;
    record(outcomes, alarmKey(w.device.id, w.rule.code), w.device, w.rule, judge(w.rule, value, w.endMs), round3(value), w.endMs, isActive);
  });
}

function record(
  outcomes: Map<string, KeyOutcome>,
  key: string,
  device: SiteDevice,
  rule: Rule,
  verdict: Verdict,
  value: number,
  at: number,
  isActive: (key: string) => boolean,
): void {
  // Inside the hysteresis band nothing changes: an active alarm stays, a cleared one stays cleared.
  if (verdict.kind === "hold") return;
  let o = outcomes.get(key);
  if (verdict.kind === "normal" && !o?.raise && !isActive(key)) return;
  if (!o) outcomes.set(key, (o = { raise: null, raises: 0, final: null }));
  const v: AlarmVerdict = {
    deviceId: device.id,
    projectId: device.projectId,
    ruleId: rule.id,
    ruleCode: rule.code,
    ruleName: rule.name,
    metric: rule.metric,
    severity: verdict.kind === "raise" ? verdict.severity : "normal",
    value,
    threshold: verdict.kind === "raise" ? verdict.threshold : null,
    at,
    repeats: 1,
  };
  if (verdict.kind === "raise") {
    o.raises++;
    if (!o.raise || severityRank(verdict.severity) > severityRank(o.raise.severity as Severity) || (verdict.severity === o.raise.severity && at > o.raise.at)) o.raise = v;
  }
  o.final = v;
}

const round3 = (x: number) => Math.round(x * 1000) / 1000;
