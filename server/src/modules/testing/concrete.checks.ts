import { fcukOf, type ConcreteGrade } from "@contracts/testing/enums";
import type { ConditionDto, ConcreteGroupInput, GroupDto, LambdasDto } from "@contracts/testing/evaluation";
import type { Gbt50107Rule } from "./testing.rules.js";

/**
 * Concrete strength judgement, pure: a group's representative value from its three cubes (GB 50204 /
 * GB/T 50081, domain rules §6.3) and a lot's evaluation by GB/T 50107-2010 (§6.4) — σ known, σ unknown or
 * non-statistical — with every figure the verdict rests on. Strengths are rounded to 0.1 MPa and standard
 * deviations to 0.01 MPa before they are compared, as the standard's worked examples do; the right-hand
 * sides are rounded to 0.01 MPa so the figures shown are the figures compared.
 */

export type LotMethod = "sigma_known" | "sigma_unknown" | "non_statistical";

export interface LotEvaluation {
  pass: boolean;
  method: LotMethod;
  grade: ConcreteGrade;
  fcuk: number;
  n: number;
  mean: number;
  min: number;
  sd?: number;
  sdComputed?: number;
  sigma0?: number;
  lambdas: LambdasDto;
  conditions: ConditionDto[];
}

// Rounding half away from zero on decimal values: the epsilon keeps 32.45 from becoming 32.4 in binary.
const roundTo = (x: number, digits: number) => {
  const f = 10 ** digits;
  return Math.round((x + Math.sign(x) * 1e-9) * f) / f;
};
export const round1 = (x: number) => roundTo(x, 1);
export const round2 = (x: number) => roundTo(x, 2);

/** The factor that converts a cube of `sizeMm` to the 150 mm standard cube, or undefined when the rule has none. */
export function sizeFactorOf(rule: Gbt50107Rule, sizeMm: number): number | undefined {
  return rule.sizeFactors[String(sizeMm)];
}

/**
 * One group's representative value from its three cubes: the mean; the median when the largest or the
 * smallest differs from the median by more than the outlier share (15 %) of it; invalid when both do.
 * Converted to the standard cube by `sizeFactor` and rounded to 0.1 MPa.
 */
export function groupValue(cubes: readonly [number, number, number], sizeFactor: number, outlierShare: number): GroupDto {
  const [low, median, high] = [...cubes].sort((a, b) => a - b);
  const limit = outlierShare * median + 1e-9;
  const lowOut = median - low > limit;
  const highOut = high - median > limit;
  if (lowOut && highOut) return { cubes: [...cubes], rule: "invalid", value: null };
  if (lowOut || highOut) return { cubes: [...cubes], rule: "median", value: round1(median * sizeFactor) };
  return { cubes: [...cubes], rule: "mean", value: round1(((low + median + high) / 3) * sizeFactor) };
}

/** Groups as a lab reports them (raw triples or representative values) converted to standard-cube values. */
export function standardGroups(groups: readonly ConcreteGroupInput[], sizeFactor: number, outlierShare: number): GroupDto[] {
  return groups.map((g) => (typeof g === "number" ? { cubes: null, rule: "given", value: round1(g * sizeFactor) } : groupValue(g, sizeFactor, outlierShare)));
}

const condition = (expr: string, lhs: number, rhs: number): ConditionDto => ({ expr, lhs, rhs: round2(rhs), ok: lhs >= round2(rhs) - 1e-9 });

/** The sample standard deviation (n − 1), by the two-pass formula (equal to the standard's Σf² − n·m², without its cancellation). */
function sampleSd(values: readonly number[], mean: number): number {
  const ss = values.reduce((s, v) => s + (v - mean) ** 2, 0);
  return Math.sqrt(ss / (values.length - 1));
}

/**
 * Evaluates a lot of standard-cube group values (already converted and rounded) by GB/T 50107-2010:
 * σ known when `sigma0` is given for a lot of exactly the rule's consecutive groups (3); else σ unknown
 * from 10 groups on; else the non-statistical method.
 * @throws RangeError on an empty lot (the caller names the field).
 */
export function evaluateLot(grade: ConcreteGrade, values: readonly number[], rule: Gbt50107Rule, sigma0?: number): LotEvaluation {
  if (values.length === 0) throw new RangeError("a lot needs at least one valid group");
  const fcuk = fcukOf(grade);
  const n = values.length;
  const exactMean = values.reduce((a, b) => a + b, 0) / n;
  const mean = round1(exactMean);
  const min = round1(Math.min(...values));
  const base = { grade, fcuk, n, mean, min };

  if (sigma0 !== undefined && n === rule.sigmaKnown.lotGroups) {
    const k = rule.sigmaKnown;
    const s = Math.max(round2(sigma0), k.sigmaFloor);
    const minFactor = fcuk <= k.lowClassMax ? k.minFactorLow : k.minFactorHigh;
    const conditions = [
      condition(`m ≥ fcu,k + ${k.sigmaFactor}·σ0`, mean, fcuk + k.sigmaFactor * s),
      condition(`fmin ≥ fcu,k − ${k.sigmaFactor}·σ0`, min, fcuk - k.sigmaFactor * s),
      condition(`fmin ≥ ${minFactor}·fcu,k`, min, minFactor * fcuk),
    ];
    return { ...base, pass: conditions.every((c) => c.ok), method: "sigma_known", sigma0: s, lambdas: { sigmaFactor: k.sigmaFactor, minFactor }, conditions };
  }

  if (n >= rule.sigmaUnknown.minGroups) {
    const u = rule.sigmaUnknown;
    const row = [...u.lambdas].sort((a, b) => a.fromN - b.fromN).filter((r) => r.fromN <= n).pop() ?? u.lambdas[0];
    const sdComputed = round2(sampleSd(values, exactMean));
    const sd = Math.max(sdComputed, u.sdFloor);
    const conditions = [
      condition(`m ≥ fcu,k + λ1·S`, mean, fcuk + row.lambda1 * sd),
      condition(`fmin ≥ λ2·fcu,k`, min, row.lambda2 * fcuk),
    ];
    return { ...base, pass: conditions.every((c) => c.ok), method: "sigma_unknown", sd, sdComputed, lambdas: { lambda1: row.lambda1, lambda2: row.lambda2 }, conditions };
  }

  const ns = rule.nonStatistical;
  const lambda3 = fcuk >= ns.highClassFrom ? ns.lambda3High : ns.lambda3Low;
  const conditions = [condition(`m ≥ λ3·fcu,k`, mean, lambda3 * fcuk), condition(`fmin ≥ λ4·fcu,k`, min, ns.lambda4 * fcuk)];
  return { ...base, pass: conditions.every((c) => c.ok), method: "non_statistical", lambdas: { lambda3, lambda4: ns.lambda4 }, conditions };
}

/** The values a lot is evaluated on: invalid groups are left out (§6.3). */
export const validValues = (groups: readonly GroupDto[]): number[] => groups.flatMap((g) => (g.value === null ? [] : [g.value]));
