import type { RebarGrade, RebarVerdict } from "@contracts/testing/enums";
import type { ConditionDto, RebarSpecimenInput } from "@contracts/testing/evaluation";
import { round2 } from "./concrete.checks.js";
import type { RebarGradesRule } from "./testing.rules.js";

/**
 * Rebar tensile judgement by GB/T 1499.2-2018 (domain rules §6.5), pure. Every specimen must meet the
 * grade's minimums (and, for seismic grades, R°m/R°eL ≥ 1.25 and R°eL/ReL ≤ 1.30). A first test with any
 * failed specimen calls for a double-quantity re-test of the batch; a re-test decides: all pass → the
 * batch passes, any fail → the batch fails. The original result is never changed.
 */

export interface RebarJudgement {
  pass: boolean;
  verdict: RebarVerdict;
  specimens: { index: number; conditions: ConditionDto[]; ok: boolean }[];
  requiredSpecimens: number;
  batchTonnes: number | null;
  bendResults: number;
}

const atLeast = (expr: string, lhs: number, rhs: number): ConditionDto => ({ expr, lhs, rhs, ok: lhs >= rhs - 1e-9 });
// An upper bound is shown with its sides swapped so every condition reads lhs ≥ rhs.
const atMost = (expr: string, value: number, max: number): ConditionDto => ({ expr, lhs: max, rhs: value, ok: value <= max + 1e-9 });

/** The conditions one specimen is held to. */
export function checkSpecimen(s: RebarSpecimenInput, grade: RebarGrade, rule: RebarGradesRule): ConditionDto[] {
  const g = rule.grades[grade];
  if (!g) throw new RangeError(`no minimums for ${grade}`);
  const out = [atLeast("ReL ≥ ReL,min", s.ReL, g.ReL), atLeast("Rm ≥ Rm,min", s.Rm, g.Rm)];
  if (g.A !== null) out.push(atLeast("A ≥ A,min", s.A, g.A));
  out.push(atLeast("Agt ≥ Agt,min", s.Agt, g.Agt));
  const rel = s.ReL0 ?? s.ReL;
  const rm = s.Rm0 ?? s.Rm;
  if (g.minRmToReL !== null) out.push(atLeast("R°m/R°eL ≥ 1.25", round2(rm / rel), g.minRmToReL));
  if (g.maxReLToSpecified !== null) out.push(atMost("R°eL/ReL ≤ 1.30 (shown as 1.30 ≥ ratio)", round2(rel / g.ReL), g.maxReLToSpecified));
  return out;
}

/**
 * Specimens (tensile, and bend alike) one batch needs: the rule's base count for up to `batchTonnes`, plus one
 * for each started `extraTonnesPerSpecimen` beyond (GB/T 1499.2 8.2: 2 for ≤ 60 t, +1 per further 40 t).
 */
export function specimensForBatch(rule: RebarGradesRule, batchTonnes: number | null | undefined): number {
  if (!batchTonnes || batchTonnes <= rule.batchTonnes) return rule.specimensPerBatch;
  return rule.specimensPerBatch + Math.ceil((batchTonnes - rule.batchTonnes) / rule.extraTonnesPerSpecimen - 1e-9);
}

/**
 * Judges a batch's specimens. `originalSpecimens` is set for a re-test: it needs `retestMultiplier` times
 * as many specimens and decides the batch; a first test needs the batch's specimens by its weight. A bend
 * result, when reported, is one more condition of its specimen; once one is reported, each required one must be.
 * @throws RangeError naming the shortfall when too few specimens or bend results are given (the caller names the field).
 */
export function judgeRebar(
  specimens: readonly RebarSpecimenInput[],
  grade: RebarGrade,
  rule: RebarGradesRule,
  originalSpecimens?: number,
  batchTonnes?: number | null,
): RebarJudgement {
  const base = specimensForBatch(rule, batchTonnes);
  const requiredSpecimens = originalSpecimens === undefined ? base : Math.max(base, originalSpecimens) * rule.retestMultiplier;
  if (specimens.length < requiredSpecimens) throw new RangeError(`at least ${requiredSpecimens} specimens are required, got ${specimens.length}`);
  const bendResults = specimens.filter((s) => s.bendOk !== undefined).length;
  if (bendResults > 0 && bendResults < requiredSpecimens) throw new RangeError(`at least ${requiredSpecimens} bend results are required, got ${bendResults}`);
  const checked = specimens.map((s, index) => {
    const conditions = checkSpecimen(s, grade, rule);
    if (s.bendOk !== undefined) conditions.push({ expr: "弯曲后受弯曲部位表面无裂纹 (bend: no crack)", lhs: s.bendOk ? 1 : 0, rhs: 1, ok: s.bendOk });
    return { index, conditions, ok: conditions.every((c) => c.ok) };
  });
  const allOk = checked.every((c) => c.ok);
  const verdict: RebarVerdict = allOk ? "pass" : originalSpecimens === undefined ? "retest_required" : "fail";
  return { pass: allOk, verdict, specimens: checked, requiredSpecimens, batchTonnes: batchTonnes ?? null, bendResults };
}
