import { describe, expect, it } from "vitest";
import type { RuleDto } from "@contracts/iot/rules";
import { gaugeLevels, gaugeMax, scaleLevels } from "./site-thresholds";

const rule = (over: Partial<RuleDto>): RuleDto => ({
  id: "00000000-0000-4000-8000-000000000001",
  code: "crane.wind",
  name: "风速",
  deviceType: "tower_crane",
  region: "*",
  kind: "threshold",
  metric: "wind_ms",
  aggregation: "last",
  windowS: 0,
  direction: "above",
  levels: [{ severity: "major", threshold: 10.8 }],
  hysteresis: 0.5,
  period: "all",
  missedIntervals: null,
  action: null,
  source: "JGJ 276 3.0.12",
  enabled: true,
  version: 1,
  effectiveFrom: "2025-01-01T00:00:00Z",
  effectiveTo: null,
  createdAt: "2025-01-01T00:00:00Z",
  createdBy: null,
  ...over,
});

describe("gaugeLevels", () => {
  it("takes the city's rule over the national default", () => {
    const rules = [rule({}), rule({ region: "330784", levels: [{ severity: "minor", threshold: 8 }, { severity: "major", threshold: 10 }] })];
    expect(gaugeLevels(rules, "wind_ms").map((l) => l.threshold)).toEqual([8, 10]);
  });
  it("falls back to the documented defaults when no enabled rule covers the metric", () => {
    expect(gaugeLevels([rule({ enabled: false })], "wind_ms")).toEqual([{ severity: "major", threshold: 10.8 }]);
    expect(gaugeLevels(undefined, "moment_pct").map((l) => l.threshold)).toEqual([90, 100, 110]);
    expect(gaugeLevels([], "radius_m")).toEqual([]);
  });
});

describe("scaleLevels and gaugeMax", () => {
  it("turns % of rated load into tonnes", () => {
    expect(scaleLevels([{ severity: "minor", threshold: 90 }, { severity: "major", threshold: 100 }], 6).map((l) => l.threshold)).toEqual([5.4, 6]);
  });
  it("leaves room above the worst threshold and grows for an off-scale value", () => {
    expect(gaugeMax([{ severity: "critical", threshold: 110 }], 50, 100)).toBe(130);
    expect(gaugeMax([{ severity: "major", threshold: 10.8 }], 3, 15)).toBe(15);
    expect(gaugeMax([{ severity: "major", threshold: 10.8 }], 19, 15)).toBe(20);
    expect(gaugeMax([], null, 6)).toBe(6);
  });
});
