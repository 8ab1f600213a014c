import type { RuleDto } from "@contracts/iot/rules";
import type { Level } from "../../../charts/iot-charts";

/**
 * Defaults from the domain rules, used only while the rules have not loaded or a city has switched the
 * rule off: crane moment 90 % warning / 100 % alarm / 110 % cut-off (GB 5144 6.2.2), wind ≥ 10.8 m/s
 * stop lifting (6 级, JGJ 276 3.0.12), load 90 / 100 / 110 % of rated.
 */
const FALLBACK: Record<string, Level[]> = {
  moment_pct: [
    { severity: "minor", threshold: 90 },
    { severity: "major", threshold: 100 },
    { severity: "critical", threshold: 110 },
  ],
  load_pct: [
    { severity: "minor", threshold: 90 },
    { severity: "major", threshold: 100 },
    { severity: "critical", threshold: 110 },
  ],
  wind_ms: [{ severity: "major", threshold: 10.8 }],
};

/**
 * The levels a gauge is banded with: those of the enabled "above" rule in force on that metric (the
 * city's own version wins over the national default), else the documented defaults.
 */
export function gaugeLevels(rules: readonly RuleDto[] | undefined, metric: string): Level[] {
  const candidates = (rules ?? []).filter((r) => r.kind === "threshold" && r.enabled && r.metric === metric && r.direction === "above" && r.levels.length);
  const rule = candidates.find((r) => r.region !== "*") ?? candidates[0];
  return rule ? rule.levels.map((l) => ({ ...l })) : (FALLBACK[metric] ?? []).map((l) => ({ ...l }));
}

/** Levels given in % of rated (load_pct) turned into the gauge's own unit (t, kg) for a rated capacity. */
export const scaleLevels = (levels: readonly Level[], rated: number): Level[] => levels.map((l) => ({ severity: l.severity, threshold: Math.round(((l.threshold * rated) / 100) * 100) / 100 }));

/** A gauge range that shows the worst threshold with some room above it, and the value if it is higher. */
export function gaugeMax(levels: readonly Level[], value: number | null | undefined, floor: number): number {
  const top = Math.max(floor, ...levels.map((l) => l.threshold * 1.1), (value ?? 0) * 1.05);
  const step = top > 50 ? 10 : top > 10 ? 5 : 1;
  return Math.ceil(top / step) * step;
}
