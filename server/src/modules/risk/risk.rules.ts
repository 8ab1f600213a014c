import { z } from "zod";
import { RISK_FACTORS, type RiskFactorCode } from "@contracts/risk/risk";
import type { RuleDefinition } from "../../platform/rules/rules.js";

/**
 * How one factor turns its records into points: a weight per kind (a severity, a grade, a danger level;
 * `default` for kinds not listed), the factor's cap, and — for dated records (alarms cleared, failed tests)
 * — the window they count in and the half-life their weight decays by. Standing records (an active alarm,
 * an open case) count in full.
 */
const FactorRule = z.object({
  weights: z.record(z.string(), z.number().min(0).max(100)),
  cap: z.number().min(0).max(100),
  windowDays: z.number().int().min(1).max(366).optional(),
  halfLifeDays: z.number().min(0.5).max(366).optional(),
});
export type FactorRule = z.infer<typeof FactorRule>;

export const RiskIndexRule = z
  .object({
    /** A factor the version leaves out is not weighed (so a version filed before a factor existed still reads). */
    factors: z.object(Object.fromEntries(RISK_FACTORS.map((f) => [f, FactorRule])) as Record<RiskFactorCode, typeof FactorRule>).partial(),
    /** Alarm rule codes whose alarms weigh `overloadMultiplier` times their severity's weight (crane and hoist overloads). */
    overloadRules: z.array(z.string()),
    overloadMultiplier: z.number().min(1).max(10),
    /** A medium-pressure main counts when it passes within this distance of a site that is excavating. */
    gasMainDistanceM: z.number().positive().max(1000),
    /** The lowest score of each level above low. */
    levels: z
      .object({ medium: z.number().int().min(1).max(100), high: z.number().int().min(1).max(100), critical: z.number().int().min(1).max(100) })
      .refine((l) => l.medium < l.high && l.high < l.critical, "medium < high < critical"),
    source: z.string().min(1),
  })
  .strict();
export type RiskIndexRule = z.infer<typeof RiskIndexRule>;

const OURS = "SiteCloud 默认值（our default, not from a standard; a city files its own version）";

/**
 * The project risk index's weights, windows, decay and level cut-offs (风险防控精准化). No national standard
 * sets them: these are our defaults, sized so that one active major problem of any kind makes a project
 * medium, a few together high, and a stop-work order with an overdue major case critical.
 */
export const RISK_INDEX_RULE: RuleDefinition<RiskIndexRule> = {
  code: "risk.index",
  name: "项目风险指数权重与分级",
  schema: RiskIndexRule,
  defaultValue: {
    factors: {
      alarms: { weights: { info: 0, minor: 1, major: 4, critical: 8 }, cap: 25, windowDays: 30, halfLifeDays: 7 },
      open_cases: { weights: { general: 2, major: 10 }, cap: 20 },
      overdue_cases: { weights: { general: 5, major: 15 }, cap: 25 },
      stop_work: { weights: { ordered: 25, resume_applied: 15 }, cap: 30 },
      dangerous_works: { weights: { weida: 3, chaoweida: 8, default: 0 }, cap: 15 },
      lifting_inspection: { weights: { default: 10 }, cap: 20 },
      failed_tests: { weights: { default: 8 }, cap: 20, windowDays: 90, halfLifeDays: 30 },
      key_personnel: { weights: { project_manager: 6, chief_supervisor: 4, safety_officer: 5, default: 3 }, cap: 12 },
      wage_arrears: { weights: { default: 5 }, cap: 15 },
      gas_main: { weights: { default: 12 }, cap: 12 },
    },
    overloadRules: ["crane.moment", "crane.load", "hoist.load"],
    overloadMultiplier: 2,
    gasMainDistanceM: 50,
    levels: { medium: 25, high: 50, critical: 75 },
    source: OURS,
  },
  source: OURS,
  effectiveFrom: "2000-01-01",
};

export const riskRuleDefinitions: RuleDefinition[] = [RISK_INDEX_RULE as RuleDefinition];
