import { describe, expect, it } from "vitest";
import { DEFAULT_RULES } from "./rule.defaults.js";
import { aggregateValue, energyOf, inPeriod, judge, leqOf, offlineSeverity, RuleSet, shanghaiHour, type Rule } from "./rule.checks.js";

const asRule = (r: (typeof DEFAULT_RULES)[number], version = 1): Rule => ({ ...r, id: `${r.code}-${r.region}-${version}`, version, enabled: true });
const rules = DEFAULT_RULES.map((r) => asRule(r));
const rule = (code: string) => rules.find((r) => r.code === code)!;
/** 2026-12-01 at hh:mm in Asia/Shanghai, as epoch ms. */
const shanghai = (hh: number, mm = 0) => Date.UTC(2026, 11, 1, hh - 8, mm);

describe("thresholds", () => {
  const moment = rule("crane.moment");
  it("raises the worst level reached: 90 % warning, 100 % alarm, 110 % critical", () => {
    expect(judge(moment, 89.9, shanghai(10))).toEqual({ kind: "hold" });
    expect(judge(moment, 90, shanghai(10))).toEqual({ kind: "raise", severity: "minor", threshold: 90 });
    expect(judge(moment, 100, shanghai(10))).toEqual({ kind: "raise", severity: "major", threshold: 100 });
    expect(judge(moment, 115, shanghai(10))).toEqual({ kind: "raise", severity: "critical", threshold: 110 });
  });

  it("clears only below the mildest threshold minus the hysteresis", () => {
    expect(judge(moment, 85.1, shanghai(10))).toEqual({ kind: "hold" });
    expect(judge(moment, 84.9, shanghai(10))).toEqual({ kind: "normal" });
  });

  it("wind stops lifting at Beaufort 6 (10.8 m/s)", () => {
    expect(judge(rule("crane.wind"), 10.7, shanghai(10)).kind).toBe("hold");
    expect(judge(rule("crane.wind"), 10.8, shanghai(10))).toMatchObject({ kind: "raise", severity: "major" });
    expect(judge(rule("crane.wind"), 9.7, shanghai(10)).kind).toBe("normal");
  });

  it("a 'below' rule mirrors the comparison", () => {
    const low: Rule = { ...moment, direction: "below", levels: [{ severity: "minor", threshold: 20 }, { severity: "major", threshold: 10 }], hysteresis: 2 };
    expect(judge(low, 9, shanghai(10))).toMatchObject({ severity: "major" });
    expect(judge(low, 21, shanghai(10)).kind).toBe("hold");
    expect(judge(low, 22.1, shanghai(10)).kind).toBe("normal");
  });
});

describe("day and night (GB 12523, Asia/Shanghai)", () => {
  it("night is 22:00–06:00 local time, whatever the UTC date", () => {
    expect(shanghaiHour(shanghai(21, 59))).toBe(21);
    expect(inPeriod("night", shanghai(21, 59))).toBe(false);
    expect(inPeriod("night", shanghai(22, 0))).toBe(true);
    expect(inPeriod("night", shanghai(5, 59))).toBe(true);
    expect(inPeriod("day", shanghai(6, 0))).toBe(true);
    expect(inPeriod("all", shanghai(3))).toBe(true);
  });

  it("65 dB(A) breaks the night limit (55) but not the day limit (70)", () => {
    expect(judge(rule("noise.night"), 65, shanghai(23))).toMatchObject({ kind: "raise", severity: "major", threshold: 55 });
    expect(judge(rule("noise.day"), 65, shanghai(23)).kind).toBe("normal");
    expect(judge(rule("noise.day"), 65, shanghai(14)).kind).toBe("normal");
    expect(judge(rule("noise.night"), 65, shanghai(14)).kind).toBe("normal");
  });
});

describe("windows and Leq", () => {
  it("Leq is the energy mean: 60 and 70 dB(A) give 67.4, not 65", () => {
    expect(leqOf(energyOf(60) + energyOf(70), 2)).toBeCloseTo(67.4, 1);
    expect(leqOf(energyOf(55) * 20, 20)).toBeCloseTo(55, 6);
  });

  it("a windowed rule compares the window's aggregate, and nothing when the window is empty", () => {
    const pm10 = rule("dust.pm10");
    expect(pm10.windowS).toBe(900);
    const w = { sum: 15 * 160, count: 15, max: 300, min: 100, energySum: null };
    expect(aggregateValue(pm10, w)).toBe(160);
    expect(judge(pm10, aggregateValue(pm10, w)!, shanghai(10))).toMatchObject({ kind: "raise", severity: "minor" });
    expect(aggregateValue(pm10, { ...w, count: 0 })).toBeNull();
    const night = rule("noise.night");
    expect(aggregateValue(night, { sum: 130, count: 2, max: 70, min: 60, energySum: energyOf(60) + energyOf(70) })).toBeCloseTo(67.4, 1);
    expect(aggregateValue({ ...pm10, aggregation: "max" }, w)).toBe(300);
  });
});

describe("rule sets per region and version", () => {
  it("a city version overrides the national one; a disabled city version switches the rule off", () => {
    const city = { ...rule("crane.moment"), id: "city", region: "330784", levels: [{ severity: "major" as const, threshold: 95 }] };
    expect(new RuleSet([...rules, city], "330784").get("crane.moment")?.id).toBe("city");
    expect(new RuleSet([...rules, city], "330700").get("crane.moment")?.region).toBe("CN");
    const off = new RuleSet([...rules, { ...city, enabled: false }], "330784");
    expect(off.get("crane.moment")).toBeUndefined();
    expect(off.thresholdRules("tower_crane").map((r) => r.code)).not.toContain("crane.moment");
  });

  it("has an offline rule for every device type: 3 missed intervals, cranes and hoists major", () => {
    const set = new RuleSet(rules, "330784");
    expect(set.offlineRule("hoist")).toMatchObject({ missedIntervals: 3 });
    expect(offlineSeverity(set.offlineRule("hoist")!)).toBe("major");
    expect(offlineSeverity(set.offlineRule("env_monitor")!)).toBe("minor");
    expect(set.get("dust.pm10_hour")?.region).toBe("330784");
  });
});
