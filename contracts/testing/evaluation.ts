import { z } from "zod";
import { ConcreteGrade, JudgeMethod, RebarGrade, RebarVerdict } from "./enums.js";

/** A positive strength in MPa, as a lab reports it. */
const Mpa = z.number({ error: "须为数字 (a number in MPa)" }).positive("须大于 0 (positive)").max(300, "不超过 300 MPa (at most 300)");
const SpecimenSize = z.union([z.literal(100), z.literal(150), z.literal(200)], { error: "试件尺寸须为 100、150 或 200 mm (100, 150 or 200)" });

/** `POST /testing/concrete-evaluations`: a lot's group strengths judged by GB/T 50107-2010 on their own. */
export const ConcreteEvaluationInput = z.object({
  grade: ConcreteGrade,
  /** Group representative strengths (MPa) of the lot, as tested on cubes of `specimenSizeMm`. */
  values: z.array(Mpa, { error: "values 须为强度代表值数组 (an array of group strengths)" }).min(1, "至少一组 (at least one group)").max(1000, "最多 1000 组 (at most 1000)"),
  /** Known σ0 of the producer's previous period; applies to a lot of 3 consecutive groups. */
  sigma0: z.number({ error: "须为数字 (a number)" }).positive("须大于 0 (positive)").max(50).optional(),
  specimenSizeMm: SpecimenSize.optional(),
});
export type ConcreteEvaluationInput = z.infer<typeof ConcreteEvaluationInput>;

/** One inequality of the method, with both sides as compared. */
export const ConditionDto = z.object({ expr: z.string(), lhs: z.number(), rhs: z.number(), ok: z.boolean() });
export type ConditionDto = z.infer<typeof ConditionDto>;

export const LambdasDto = z.object({
  lambda1: z.number().optional(),
  lambda2: z.number().optional(),
  lambda3: z.number().optional(),
  lambda4: z.number().optional(),
  /** σ-known method: the 0.7 of `m ≥ fcu,k + 0.7σ0`. */
  sigmaFactor: z.number().optional(),
  /** σ-known method: 0.85 (≤ C20) or 0.90 (> C20) of `fmin ≥ k·fcu,k`. */
  minFactor: z.number().optional(),
});
export type LambdasDto = z.infer<typeof LambdasDto>;

export const RuleRefDto = z.object({ code: z.string(), version: z.number().int(), region: z.string(), source: z.string() });
export type RuleRefDto = z.infer<typeof RuleRefDto>;

/** The verdict and every figure it rests on. */
export const ConcreteEvaluationDto = z.object({
  pass: z.boolean(),
  method: z.enum(["sigma_known", "sigma_unknown", "non_statistical"]),
  grade: ConcreteGrade,
  fcuk: z.number(),
  n: z.number().int(),
  mean: z.number(),
  min: z.number(),
  /** S of the lot (σ unknown), after the 2.5 MPa floor; `sdComputed` before it. */
  sd: z.number().optional(),
  sdComputed: z.number().optional(),
  /** σ0 used (after the 2.5 MPa floor). */
  sigma0: z.number().optional(),
  lambdas: LambdasDto,
  conditions: z.array(ConditionDto),
  sizeFactor: z.number(),
  specimenSizeMm: z.number().int(),
  /** The group strengths as evaluated: converted to the 150 mm standard cube and rounded to 0.1 MPa. */
  values: z.array(z.number()),
  rule: RuleRefDto,
});
export type ConcreteEvaluationDto = z.infer<typeof ConcreteEvaluationDto>;

/** A raw group of three cubes, or a group's representative value. */
export const ConcreteGroupInput = z.union([Mpa, z.tuple([Mpa, Mpa, Mpa], { error: "每组 3 个试件强度 (three cube strengths)" })]);
export type ConcreteGroupInput = z.infer<typeof ConcreteGroupInput>;

/** How a group's value was taken (§6.3): the mean, the median (one outlier), or the group is invalid. */
export const GroupDto = z.object({
  cubes: z.array(z.number()).nullable(),
  rule: z.enum(["given", "mean", "median", "invalid"]),
  /** Converted to the standard cube, 0.1 MPa; null when invalid. */
  value: z.number().nullable(),
});
export type GroupDto = z.infer<typeof GroupDto>;

/** A steel strength in MPa (rebar reaches 700+). */
const SteelMpa = z.number({ error: "须为数字 (a number in MPa)" }).positive("须大于 0 (positive)").max(2000, "不超过 2000 MPa (at most 2000)");

/** One rebar tensile specimen: yield ReL, tensile Rm (MPa), elongation A and Agt (%); ReL0/Rm0 the measured values for the seismic ratios when reported apart. */
export const RebarSpecimenInput = z.object({
  ReL: SteelMpa,
  Rm: SteelMpa,
  A: z.number({ error: "须为数字 (a number in %)" }).min(0).max(100),
  Agt: z.number({ error: "须为数字 (a number in %)" }).min(0).max(100),
  ReL0: SteelMpa.optional(),
  Rm0: SteelMpa.optional(),
  /**
   * The paired bend specimen (弯曲试验, GB/T 1499.2 7.4.4 / GB/T 232): true when no crack shows on the bent
   * part. Optional for results judged on tensile alone; once any specimen reports it, every required one must.
   */
  bendOk: z.boolean({ error: "弯曲试验须为合格/不合格 (bend result: true or false)" }).optional(),
});
export type RebarSpecimenInput = z.infer<typeof RebarSpecimenInput>;

export const RebarSpecimenCheckDto = z.object({ index: z.number().int(), conditions: z.array(ConditionDto), ok: z.boolean() });

export const RebarFiguresDto = z.object({
  grade: RebarGrade,
  verdict: RebarVerdict,
  specimens: z.array(RebarSpecimenCheckDto),
  /** Specimens the test needed: 2 per batch of ≤ 60 t plus 1 per further 40 t; a re-test twice the original's (GB/T 1499.2 8.2, 9.3 / GB/T 17505). */
  requiredSpecimens: z.number().int(),
  /** The batch's weight in tonnes from the commission, when given. */
  batchTonnes: z.number().nullable().optional(),
  /** How many specimens reported a bend result. */
  bendResults: z.number().int().optional(),
  retestOf: z.uuid().nullable(),
  rule: RuleRefDto,
});
export type RebarFiguresDto = z.infer<typeof RebarFiguresDto>;

export { JudgeMethod };
