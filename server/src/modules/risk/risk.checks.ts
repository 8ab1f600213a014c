import { RISK_FACTOR_LABELS, RISK_FACTORS, type RiskFact, type RiskFactorCode, type RiskFactorDto, type RiskLevel } from "@contracts/risk/risk";
import type { FactorRule, RiskIndexRule } from "./risk.rules.js";

const DAY_MS = 86_400_000;

/** The evidence type of each factor's records (the web links them). */
export const EVIDENCE_TYPE: Record<RiskFactorCode, string> = {
  alarms: "alarm",
  open_cases: "case",
  overdue_cases: "case",
  stop_work: "case",
  dangerous_works: "dangerous_work",
  lifting_inspection: "equipment",
  failed_tests: "test_result",
  key_personnel: "key_post",
  wage_arrears: "wage_month",
  gas_main: "pipeline",
};

/** At most this many evidence records per factor are kept in a snapshot (the heaviest first). */
export const EVIDENCE_LIMIT = 20;

/**
 * One record's points: its kind's weight (or `default`), times the overload multiplier for an alarm of an
 * overload rule, halved every half-life of its age when dated. A dated record older than the window, or
 * dated in the future, counts nothing / in full respectively.
 */
export function factPoints(rule: RiskIndexRule, code: RiskFactorCode, f: RiskFact, at: Date): number {
  const fr: FactorRule | undefined = rule.factors[code];
  if (!fr) return 0;
  let w = fr.weights[f.kind] ?? fr.weights.default ?? 0;
  if (code === "alarms" && f.tag && rule.overloadRules.includes(f.tag)) w *= rule.overloadMultiplier;
  if (f.at === null || w === 0) return w;
  const ageDays = Math.max(0, (at.getTime() - f.at.getTime()) / DAY_MS);
  if (fr.windowDays !== undefined && ageDays >= fr.windowDays) return 0;
  return fr.halfLifeDays === undefined ? w : w * 0.5 ** (ageDays / fr.halfLifeDays);
}

const round1 = (n: number) => Math.round(n * 10) / 10;

/** One factor of one project: its points (capped, one decimal) and the records that gave them, heaviest first. */
export function factorOf(rule: RiskIndexRule, code: RiskFactorCode, facts: readonly RiskFact[], at: Date): RiskFactorDto | null {
  const scored = facts.map((f) => ({ f, p: factPoints(rule, code, f, at) })).filter((x) => x.p > 0);
  if (scored.length === 0) return null;
  scored.sort((a, b) => b.p - a.p || a.f.id.localeCompare(b.f.id));
  const total = scored.reduce((s, x) => s + x.p, 0);
  return {
    code,
    label: RISK_FACTOR_LABELS[code].zh,
    points: round1(Math.min(rule.factors[code]?.cap ?? 0, total)),
    evidence: scored.slice(0, EVIDENCE_LIMIT).map((x) => ({ type: EVIDENCE_TYPE[code], id: x.f.id })),
  };
}

/** The level of a score by the rule's cut-offs: each cut-off is the lowest score of its level. */
export function levelOf(rule: RiskIndexRule, score: number): RiskLevel {
  if (score >= rule.levels.critical) return "critical";
  if (score >= rule.levels.high) return "high";
  if (score >= rule.levels.medium) return "medium";
  return "low";
}

export interface ProjectScore {
  score: number;
  level: RiskLevel;
  factors: RiskFactorDto[];
}

/** A project's score from its records per factor: the sum of the factors' points, rounded, at most 100. */
export function scoreProject(rule: RiskIndexRule, facts: Partial<Record<RiskFactorCode, readonly RiskFact[]>>, at: Date): ProjectScore {
  const factors: RiskFactorDto[] = [];
  for (const code of RISK_FACTORS) {
    const f = factorOf(rule, code, facts[code] ?? [], at);
    if (f) factors.push(f);
  }
  factors.sort((a, b) => b.points - a.points);
  const score = Math.min(100, Math.round(factors.reduce((s, f) => s + f.points, 0)));
  return { score, level: levelOf(rule, score), factors };
}
