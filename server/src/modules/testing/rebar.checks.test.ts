import { describe, expect, it } from "vitest";
import { judgeRebar, specimensForBatch } from "./rebar.checks.js";
import { rebarGradesRule, RebarGradesRule } from "./testing.rules.js";

const RULE = rebarGradesRule.defaultValue;
const good = { ReL: 455, Rm: 610, A: 22, Agt: 11 };

describe("rebar by GB/T 1499.2-2018", () => {
  it("passes a batch whose specimens meet the grade's minimums", () => {
    const j = judgeRebar([good, { ReL: 400, Rm: 540, A: 16, Agt: 7.5 }], "HRB400", RULE);
    expect(j).toMatchObject({ pass: true, verdict: "pass", requiredSpecimens: 2 });
    expect(j.specimens[1].conditions.map((c) => c.ok)).toEqual([true, true, true, true]);
  });

  it("asks for a double-quantity re-test when one item fails, and decides the batch on the re-test", () => {
    const first = judgeRebar([good, { ...good, A: 15.5 }], "HRB400", RULE);
    expect(first).toMatchObject({ pass: false, verdict: "retest_required" });
    expect(first.specimens[1].conditions.find((c) => !c.ok)?.expr).toBe("A ≥ A,min");
    expect(() => judgeRebar([good, good, good], "HRB400", RULE, 2)).toThrow(/at least 4/);
    expect(judgeRebar([good, good, good, good], "HRB400", RULE, 2)).toMatchObject({ pass: true, verdict: "pass", requiredSpecimens: 4 });
    expect(judgeRebar([good, good, good, { ...good, Rm: 530 }], "HRB400", RULE, 2)).toMatchObject({ pass: false, verdict: "fail" });
  });

  it("holds seismic grades to Agt ≥ 9 %, R°m/R°eL ≥ 1.25 and R°eL/ReL ≤ 1.30, not to A", () => {
    expect(judgeRebar([good, { ...good, A: 10 }], "HRB400E", RULE).pass).toBe(true);
    expect(judgeRebar([good, { ...good, Agt: 8.9 }], "HRB400E", RULE).pass).toBe(false);
    // 560/455 = 1.23 < 1.25
    const lowRatio = judgeRebar([good, { ...good, Rm: 560 }], "HRB400E", RULE);
    expect(lowRatio.specimens[1].conditions.find((c) => !c.ok)).toMatchObject({ expr: "R°m/R°eL ≥ 1.25", lhs: 1.23 });
    // 525/400 = 1.31 > 1.30; the measured values given apart take precedence.
    expect(judgeRebar([good, { ...good, ReL0: 525, Rm0: 700 }], "HRB400E", RULE).pass).toBe(false);
    expect(judgeRebar([good, { ...good, Rm: 560 }], "HRB400", RULE).pass).toBe(true);
  });

  it("judges HRB500 by its own minimums", () => {
    expect(judgeRebar([good, good], "HRB500", RULE).pass).toBe(false);
    expect(judgeRebar([{ ReL: 520, Rm: 650, A: 15, Agt: 7.5 }, { ReL: 530, Rm: 660, A: 16, Agt: 8 }], "HRB500", RULE).pass).toBe(true);
  });

  it("takes 2 specimens up to 60 t and one more for each started 40 t beyond (GB/T 1499.2 8.2)", () => {
    expect([null, 30, 60, 60.01, 100, 100.01, 140, 180, 180.5].map((t) => specimensForBatch(RULE, t))).toEqual([2, 2, 2, 3, 3, 4, 4, 5, 6]);
    expect(() => judgeRebar([good, good], "HRB400", RULE, undefined, 100)).toThrow(/at least 3 specimens/);
    expect(judgeRebar([good, good, good], "HRB400", RULE, undefined, 100)).toMatchObject({ pass: true, requiredSpecimens: 3, batchTonnes: 100 });
    // A re-test of a 100 t batch: twice its 3.
    expect(judgeRebar([good, good, good, good, good, good], "HRB400", RULE, 3, 100)).toMatchObject({ verdict: "pass", requiredSpecimens: 6 });
  });

  it("judges the paired bend specimens once reported, each required one reported", () => {
    const bent = judgeRebar([{ ...good, bendOk: true }, { ...good, bendOk: false }], "HRB400", RULE);
    expect(bent).toMatchObject({ pass: false, verdict: "retest_required", bendResults: 2 });
    expect(bent.specimens[1].conditions.find((c) => !c.ok)?.expr).toContain("bend");
    expect(judgeRebar([{ ...good, bendOk: true }, { ...good, bendOk: true }], "HRB400", RULE).pass).toBe(true);
    expect(() => judgeRebar([{ ...good, bendOk: true }, good], "HRB400", RULE)).toThrow(/at least 2 bend results/);
    // Tensile alone, as results filed before bend reporting: judged on tensile.
    expect(judgeRebar([good, good], "HRB400", RULE)).toMatchObject({ pass: true, bendResults: 0 });
  });

  it("reads rule versions filed before the batch-weight fields with the standard's 60 t / 40 t", () => {
    const { batchTonnes: _a, extraTonnesPerSpecimen: _b, ...older } = RULE;
    expect(RebarGradesRule.parse(older)).toMatchObject({ batchTonnes: 60, extraTonnesPerSpecimen: 40 });
  });
});
