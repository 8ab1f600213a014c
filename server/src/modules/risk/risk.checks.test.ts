import { describe, expect, it } from "vitest";
import type { RiskFact } from "@contracts/risk/risk";
import { EVIDENCE_LIMIT, factorOf, factPoints, levelOf, scoreProject } from "./risk.checks.js";
import { RISK_INDEX_RULE, RiskIndexRule } from "./risk.rules.js";

const rule = RISK_INDEX_RULE.defaultValue;
const AT = new Date("2026-06-30T04:00:00Z");
const daysAgo = (d: number) => new Date(AT.getTime() - d * 86_400_000);
const fact = (kind: string, at: Date | null, extra: Partial<RiskFact> = {}): RiskFact => ({ projectId: "p", id: `${kind}-${String(at?.getTime() ?? "now")}`, kind, at, ...extra });

describe("risk.index rule", () => {
  it("its default fits its schema, and the cut-offs must rise", () => {
    expect(RiskIndexRule.safeParse(rule).success).toBe(true);
    expect(RiskIndexRule.safeParse({ ...rule, levels: { medium: 50, high: 50, critical: 75 } }).success).toBe(false);
    expect(RiskIndexRule.safeParse({ ...rule, extra: 1 }).success).toBe(false);
  });
});

describe("levelOf: each cut-off is the lowest score of its level", () => {
  it.each([
    [0, "low"],
    [24, "low"],
    [25, "medium"],
    [49, "medium"],
    [50, "high"],
    [74, "high"],
    [75, "critical"],
    [100, "critical"],
  ] as const)("%d → %s", (score, level) => expect(levelOf(rule, score)).toBe(level));
});

describe("factPoints", () => {
  it("weighs by kind, default for kinds not listed, nothing for unknown kinds without a default", () => {
    expect(factPoints(rule, "open_cases", fact("major", null), AT)).toBe(10);
    expect(factPoints(rule, "open_cases", fact("general", null), AT)).toBe(2);
    expect(factPoints(rule, "open_cases", fact("other", null), AT)).toBe(0);
    expect(factPoints(rule, "lifting_inspection", fact("tower_crane", null), AT)).toBe(10);
    expect(factPoints(rule, "dangerous_works", fact("chaoweida", null), AT)).toBe(8);
    expect(factPoints(rule, "dangerous_works", fact("weida", null), AT)).toBe(3);
    expect(factPoints(rule, "dangerous_works", fact("none", null), AT)).toBe(0);
  });

  it("an active alarm counts in full; crane and hoist overloads count double", () => {
    expect(factPoints(rule, "alarms", fact("critical", null), AT)).toBe(8);
    expect(factPoints(rule, "alarms", fact("critical", null, { tag: "crane.moment" }), AT)).toBe(16);
    expect(factPoints(rule, "alarms", fact("major", null, { tag: "hoist.load" }), AT)).toBe(8);
    expect(factPoints(rule, "alarms", fact("major", null, { tag: "dust.pm10" }), AT)).toBe(4);
  });

  it("a dated record halves every half-life and counts nothing from the window's end", () => {
    expect(factPoints(rule, "alarms", fact("critical", AT), AT)).toBe(8);
    expect(factPoints(rule, "alarms", fact("critical", daysAgo(7)), AT)).toBeCloseTo(4, 9);
    expect(factPoints(rule, "alarms", fact("critical", daysAgo(14)), AT)).toBeCloseTo(2, 9);
    expect(factPoints(rule, "alarms", fact("critical", daysAgo(29.99)), AT)).toBeGreaterThan(0);
    expect(factPoints(rule, "alarms", fact("critical", daysAgo(30)), AT)).toBe(0);
    expect(factPoints(rule, "failed_tests", fact("concrete", daysAgo(30)), AT)).toBeCloseTo(4, 9);
    expect(factPoints(rule, "failed_tests", fact("concrete", daysAgo(89)), AT)).toBeGreaterThan(0);
    expect(factPoints(rule, "failed_tests", fact("concrete", daysAgo(90)), AT)).toBe(0);
  });

  it("a record dated after the scoring instant counts in full, not more", () => {
    expect(factPoints(rule, "alarms", fact("critical", daysAgo(-2)), AT)).toBe(8);
  });
});

describe("factorOf", () => {
  it("sums its records up to the cap and lists them heaviest first as evidence", () => {
    const f = factorOf(rule, "open_cases", [fact("general", null, { id: "g" }), fact("major", null, { id: "m" })], AT)!;
    expect(f).toEqual({ code: "open_cases", label: "未销项问题", points: 12, evidence: [{ type: "case", id: "m" }, { type: "case", id: "g" }] });
    const capped = factorOf(rule, "open_cases", [1, 2, 3].map((i) => fact("major", null, { id: `m${i}` })), AT)!;
    expect(capped.points).toBe(20);
    expect(capped.evidence).toHaveLength(3);
  });

  it("is absent when no record weighs anything; keeps at most the evidence limit", () => {
    expect(factorOf(rule, "alarms", [fact("info", null)], AT)).toBeNull();
    expect(factorOf(rule, "alarms", [fact("critical", daysAgo(31))], AT)).toBeNull();
    const many = Array.from({ length: EVIDENCE_LIMIT + 5 }, (_, i) => fact("minor", null, { id: `a${i}` }));
    expect(factorOf(rule, "alarms", many, AT)!.evidence).toHaveLength(EVIDENCE_LIMIT);
  });
});

describe("scoreProject", () => {
  it("no records: 0, low, no factors", () => {
    expect(scoreProject(rule, {}, AT)).toEqual({ score: 0, level: "low", factors: [] });
  });

  it("adds the factors, sorts them by points and levels the rounded sum", () => {
    const s = scoreProject(rule, { stop_work: [fact("ordered", null)], overdue_cases: [fact("major", null)], open_cases: [fact("major", null)], gas_main: [fact("main", null)] }, AT);
    expect(s.factors.map((f) => [f.code, f.points])).toEqual([
      ["stop_work", 25],
      ["overdue_cases", 15],
      ["gas_main", 12],
      ["open_cases", 10],
    ]);
    expect(s.score).toBe(62);
    expect(s.level).toBe("high");
  });

  it("never passes 100", () => {
    const full = Object.fromEntries(Object.keys(rule.factors).map((code) => [code, Array.from({ length: 10 }, (_, i) => fact(Object.keys(rule.factors[code as "alarms"]!.weights).at(-1)!, null, { id: `${code}${i}` }))]));
    const s = scoreProject({ ...rule, factors: { ...rule.factors, open_cases: { weights: { general: 100, major: 100 }, cap: 100 } } }, full, AT);
    expect(s.score).toBe(100);
    expect(s.level).toBe("critical");
  });
});
