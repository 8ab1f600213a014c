import { describe, expect, it } from "vitest";
import type { RuleDto } from "@contracts/iot/rules";
import { formatWindow, formValuesToInput, levelText, ruleToFormValues } from "./rule-form";

const moment: RuleDto = {
  id: "00000000-0000-4000-8000-000000000001",
  code: "crane.moment",
  name: "塔机力矩",
  deviceType: "tower_crane",
  region: "*",
  kind: "threshold",
  metric: "moment_pct",
  aggregation: "last",
  windowS: 0,
  direction: "above",
  levels: [
    { severity: "minor", threshold: 90 },
    { severity: "major", threshold: 100 },
    { severity: "critical", threshold: 110 },
  ],
  hysteresis: 5,
  period: "all",
  missedIntervals: null,
  action: null,
  source: "GB 5144-2006 6.2.2",
  enabled: true,
  version: 3,
  effectiveFrom: "2025-01-01T00:00:00.000Z",
  effectiveTo: null,
  createdAt: "2025-01-01T00:00:00.000Z",
  createdBy: null,
};

describe("rule form", () => {
  it("round-trips the current version into a valid new-version body", () => {
    const r = formValuesToInput(ruleToFormValues(moment));
    expect(r.ok).toBe(true);
    if (r.ok) {
      expect(r.input.levels).toEqual(moment.levels);
      expect(r.input.action).toBeNull();
      expect(r.input.effectiveFrom).toBeUndefined();
    }
  });

  it("reports levels out of order on the levels field, as the server would", () => {
    const v = ruleToFormValues(moment);
    v.levels = [v.levels[2], v.levels[0]];
    const r = formValuesToInput(v);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.issues.map((i) => i.path.join("."))).toContain("levels");
  });

  it("asks a windowed rule for a window of at least a minute", () => {
    const r = formValuesToInput({ ...ruleToFormValues(moment), aggregation: "mean", windowS: 30 });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.issues[0].path).toEqual(["windowS"]);
  });

  it("drops metric and levels of an offline rule and keeps its missed intervals; maps the spray action", () => {
    const v = { ...ruleToFormValues(moment), kind: "offline" as const, missedIntervals: 3, action: "spray" as const, effectiveFrom: "2025-07-01T00:00:00+08:00" };
    const r = formValuesToInput(v);
    expect(r.ok).toBe(true);
    if (r.ok) {
      expect(r.input.metric).toBeNull();
      expect(r.input.levels).toEqual([]);
      expect(r.input.missedIntervals).toBe(3);
      expect(r.input.action).toBe("spray");
      expect(r.input.effectiveFrom).toBe("2025-07-01T00:00:00+08:00");
    }
  });
});

describe("rule display", () => {
  it("formats windows and level comparisons", () => {
    expect(formatWindow(0)).toBe("—");
    expect(formatWindow(900)).toBe("15 min");
    expect(formatWindow(7_200)).toBe("2 h");
    expect(formatWindow(45)).toBe("45 s");
    expect(levelText("above", 10.8)).toBe("≥ 10.8");
    expect(levelText("below", 5)).toBe("≤ 5");
  });
});
