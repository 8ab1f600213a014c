import type { z } from "zod";
import type { ConcreteGrade, JudgeMethod, RebarGrade, SampleType } from "@contracts/testing/enums";
import type { ConcreteEvaluationDto, GroupDto, RuleRefDto } from "@contracts/testing/evaluation";
import type { AgencyItemInput } from "@contracts/testing/result";
import type { ConcreteGroupInput, RebarSpecimenInput } from "@contracts/testing/evaluation";
import { evaluateLot, sizeFactorOf, standardGroups, validValues, type LotEvaluation } from "./concrete.checks.js";
import { judgeRebar, type RebarJudgement } from "./rebar.checks.js";
import type { Gbt50107Rule, RebarGradesRule } from "./testing.rules.js";

/**
 * What a submitted result is judged to be, pure: the figures stored with the result (never recomputed,
 * so a later rule version does not rewrite history) and its verdict.
 */

export interface ConcreteFigures {
  kind: "concrete";
  specimenSizeMm: number;
  sizeFactor: number;
  groups: GroupDto[];
  lot: { lotNo: string; strengthClass: ConcreteGrade; resultIds: string[]; values: number[]; evaluation: LotEvaluation };
  rule: RuleRefDto;
}

export interface RebarFigures extends RebarJudgement {
  kind: "rebar";
  grade: RebarGrade;
  retestOf: string | null;
  rule: RuleRefDto;
}

export interface AgencyFigures {
  kind: "agency";
  items: z.output<typeof AgencyItemInput>[];
  failedItems: string[];
}

export type Figures = ConcreteFigures | RebarFigures | AgencyFigures;

export interface Judged {
  pass: boolean;
  method: JudgeMethod;
  figures: Figures;
}

/** A judging problem the caller reports against a field of the submitted result. */
export class JudgeInputError extends Error {
  constructor(
    readonly path: string,
    message: string,
  ) {
    super(message);
  }
}

/**
 * A concrete result within its lot: its groups (mean/median/invalid, converted to the standard cube) join
 * the lot's earlier valid groups and the whole lot is evaluated by GB/T 50107.
 */
export function judgeConcrete(
  groups: readonly z.output<typeof ConcreteGroupInput>[],
  lot: { lotNo: string; strengthClass: ConcreteGrade; specimenSizeMm: number; earlier: { resultId: string; values: number[] }[] },
  rule: Gbt50107Rule,
  ruleRef: RuleRefDto,
): Judged {
  const sizeFactor = sizeFactorOf(rule, lot.specimenSizeMm);
  if (sizeFactor === undefined) throw new JudgeInputError("specimenSizeMm", `没有 ${lot.specimenSizeMm} mm 试件的尺寸换算系数 (no size factor)`);
  const judged = standardGroups(groups, sizeFactor, rule.groupOutlierShare);
  const own = validValues(judged);
  if (own.length === 0) throw new JudgeInputError("values", "各组试件强度离散过大，均无效，不能评定 (every group is invalid)");
  const values = [...lot.earlier.flatMap((e) => e.values), ...own];
  const evaluation = evaluateLot(lot.strengthClass, values, rule);
  return {
    pass: evaluation.pass,
    method: evaluation.method,
    figures: {
      kind: "concrete",
      specimenSizeMm: lot.specimenSizeMm,
      sizeFactor,
      groups: judged,
      lot: { lotNo: lot.lotNo, strengthClass: lot.strengthClass, resultIds: lot.earlier.map((e) => e.resultId), values, evaluation },
      rule: ruleRef,
    },
  };
}

export function judgeRebarResult(
  specimens: readonly z.output<typeof RebarSpecimenInput>[],
  grade: RebarGrade,
  retest: { resultId: string; specimens: number } | null,
  rule: RebarGradesRule,
  ruleRef: RuleRefDto,
  batchTonnes: number | null = null,
): Judged {
  try {
    const j = judgeRebar(specimens, grade, rule, retest?.specimens, batchTonnes);
    return { pass: j.pass, method: "rebar", figures: { kind: "rebar", grade, retestOf: retest?.resultId ?? null, ...j, rule: ruleRef } };
  } catch (e) {
    if (e instanceof RangeError) throw new JudgeInputError("values", `试件数量不足：${e.message} (too few specimens)`);
    throw e;
  }
}

export function judgeByAgency(items: z.output<typeof AgencyItemInput>[]): Judged {
  const failedItems = items.filter((i) => !i.pass).map((i) => i.name);
  return { pass: failedItems.length === 0, method: "agency", figures: { kind: "agency", items, failedItems } };
}

/** Structural-safety items (57号令 duty to report): a failure is a major case. */
export const STRUCTURAL_TYPES: readonly SampleType[] = ["concrete", "rebar", "mortar", "brick", "cement", "admixture"];

/** The standalone calculator's answer, shaped for the API contract. */
export function toEvaluationDto(e: LotEvaluation, values: number[], sizeFactor: number, specimenSizeMm: number, rule: RuleRefDto): ConcreteEvaluationDto {
  return { ...e, sizeFactor, specimenSizeMm, values, rule };
}
