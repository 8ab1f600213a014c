import { z } from "zod";
import { REBAR_GRADES, SAMPLE_TYPES } from "@contracts/testing/enums";
import type { RuleDefinition } from "../../platform/rules/rules.js";

/**
 * The thresholds testing judges by, as versioned rules (a city may file its own version): the GB/T 50107
 * λ tables and factors, the ≥ 30 % witnessed share, and the GB/T 1499.2 rebar minimums.
 */

const Factor = z.number().positive().max(5);

export const Gbt50107Rule = z.object({
  /** §6.3: a cube further than this share of the median from it is an outlier. */
  groupOutlierShare: Factor,
  /** Non-standard cube size (mm) → factor to the 150 mm cube. */
  sizeFactors: z.record(z.string().regex(/^\d+$/), Factor),
  sigmaKnown: z.object({
    lotGroups: z.number().int().positive(),
    sigmaFactor: Factor,
    sigmaFloor: z.number().nonnegative(),
    /** Classes up to this f_cu,k use `minFactorLow`, above it `minFactorHigh`. */
    lowClassMax: z.number().positive(),
    minFactorLow: Factor,
    minFactorHigh: Factor,
  }),
  sigmaUnknown: z.object({
    minGroups: z.number().int().positive(),
    sdFloor: z.number().nonnegative(),
    /** By ascending `fromN`: the row with the largest `fromN` ≤ n applies. */
    lambdas: z.array(z.object({ fromN: z.number().int().positive(), lambda1: Factor, lambda2: Factor })).min(1),
  }),
  nonStatistical: z.object({
    /** Classes from this f_cu,k on use `lambda3High`. */
    highClassFrom: z.number().positive(),
    lambda3Low: Factor,
    lambda3High: Factor,
    lambda4: Factor,
  }),
});
export type Gbt50107Rule = z.infer<typeof Gbt50107Rule>;

export const GBT50107_DEFAULT: Gbt50107Rule = {
  groupOutlierShare: 0.15,
  sizeFactors: { "100": 0.95, "150": 1, "200": 1.05 },
  sigmaKnown: { lotGroups: 3, sigmaFactor: 0.7, sigmaFloor: 2.5, lowClassMax: 20, minFactorLow: 0.85, minFactorHigh: 0.9 },
  sigmaUnknown: {
    minGroups: 10,
    sdFloor: 2.5,
    lambdas: [
      { fromN: 10, lambda1: 1.15, lambda2: 0.9 },
      { fromN: 15, lambda1: 1.05, lambda2: 0.85 },
      { fromN: 20, lambda1: 0.95, lambda2: 0.85 },
    ],
  },
  nonStatistical: { highClassFrom: 60, lambda3Low: 1.15, lambda3High: 1.1, lambda4: 0.95 },
};

export const gbt50107Rule: RuleDefinition<Gbt50107Rule> = {
  code: "testing.gbt50107",
  name: "混凝土强度检验评定 (GB/T 50107-2010)",
  schema: Gbt50107Rule,
  defaultValue: GBT50107_DEFAULT,
  source: "GB/T 50107-2010 《混凝土强度检验评定标准》 5.1–5.2; GB 50204-2015 (试件尺寸换算)",
  effectiveFrom: "2010-12-01",
};

export const WitnessShareRule = z.object({
  minShare: z.number().min(0).max(1),
  /** Sample types the share is required for (structural safety items). */
  sampleTypes: z.array(z.enum(SAMPLE_TYPES)),
});
export type WitnessShareRule = z.infer<typeof WitnessShareRule>;

export const witnessShareRule: RuleDefinition<WitnessShareRule> = {
  code: "testing.witness_share",
  name: "见证取样比例",
  schema: WitnessShareRule,
  defaultValue: { minShare: 0.3, sampleTypes: ["concrete", "rebar", "mortar", "cement", "admixture", "waterproof", "brick"] },
  source: "建建〔2000〕211号 《房屋建筑工程和市政基础设施工程实行见证取样和送检的规定》 第五、六条",
  effectiveFrom: "2000-09-26",
};

const GradeMinimums = z.object({
  ReL: z.number().positive(),
  Rm: z.number().positive(),
  /** Elongation after fracture; null where the standard does not require it (seismic grades judge by Agt). */
  A: z.number().positive().nullable(),
  Agt: z.number().positive(),
  /** Seismic grades: R°m/R°eL at least, R°eL/ReL at most. */
  minRmToReL: z.number().positive().nullable(),
  maxReLToSpecified: z.number().positive().nullable(),
});

export const RebarGradesRule = z.object({
  grades: z.record(z.enum(REBAR_GRADES), GradeMinimums),
  /** Tensile (and bend) specimens of a batch up to `batchTonnes`. */
  specimensPerBatch: z.number().int().positive(),
  /** The batch weight the base specimens cover (GB/T 1499.2 8.2: 60 t); defaulted so versions filed before it parse. */
  batchTonnes: z.number().positive().default(60),
  /** Each further part of this weight over `batchTonnes` adds one tensile and one bend specimen (40 t). */
  extraTonnesPerSpecimen: z.number().positive().default(40),
  /** A re-test takes this many times the original specimens. */
  retestMultiplier: z.number().int().positive(),
});
export type RebarGradesRule = z.infer<typeof RebarGradesRule>;

const seismic = { minRmToReL: 1.25, maxReLToSpecified: 1.3 };
export const rebarGradesRule: RuleDefinition<RebarGradesRule> = {
  code: "testing.rebar_grades",
  name: "钢筋混凝土用热轧带肋钢筋力学性能 (GB/T 1499.2-2018)",
  schema: RebarGradesRule,
  defaultValue: {
    grades: {
      HRB400: { ReL: 400, Rm: 540, A: 16, Agt: 7.5, minRmToReL: null, maxReLToSpecified: null },
      HRB500: { ReL: 500, Rm: 630, A: 15, Agt: 7.5, minRmToReL: null, maxReLToSpecified: null },
      HRB600: { ReL: 600, Rm: 730, A: 14, Agt: 7.5, minRmToReL: null, maxReLToSpecified: null },
      HRB400E: { ReL: 400, Rm: 540, A: null, Agt: 9, ...seismic },
      HRB500E: { ReL: 500, Rm: 630, A: null, Agt: 9, ...seismic },
    },
    specimensPerBatch: 2,
    batchTonnes: 60,
    extraTonnesPerSpecimen: 40,
    retestMultiplier: 2,
  },
  source: "GB/T 1499.2-2018 表6、7.4.3、7.4.4、8.2、9.3",
  effectiveFrom: "2018-11-01",
};

export const testingRuleList: RuleDefinition[] = [gbt50107Rule, witnessShareRule, rebarGradesRule] as RuleDefinition[];
