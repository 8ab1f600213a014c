import { z } from "zod";
import type { CaseGrade } from "@contracts/cases/enums";
import type { RuleDefinition } from "../../platform/rules/rules.js";
import { RANDOM_DRAW_WEIGHTS_RULE } from "./random-plan.calc.js";

/** Days a responsible unit gets to rectify, by grade. */
export const CaseDeadline = z.object({
  generalDays: z.number().int().min(1).max(365),
  majorDays: z.number().int().min(1).max(365),
});
export type CaseDeadline = z.infer<typeof CaseDeadline>;

/**
 * 整改期限. No law fixes it: domain-rules §5.2 records practice (一般 24 h–7 d; 重大 as the notice sets,
 * with a mandatory re-inspection) and leaves it to each bureau, so the national default is only a
 * starting point a city overrides in the rule table; an explicit deadline on the notice wins over both.
 */
export const caseDeadlineRule: RuleDefinition<CaseDeadline> = {
  code: "cases.deadline",
  name: "整改期限（天）",
  schema: CaseDeadline,
  defaultValue: { generalDays: 7, majorDays: 15 },
  source: "各地住建局自定（domain-rules §5.2：一般隐患 24 小时–7 日；重大隐患按整改通知书载明期限并须复查），本值为平台默认，可按市局规定覆盖",
  effectiveFrom: "2024-01-01",
};

export const casesRuleDefinitions: RuleDefinition[] = [caseDeadlineRule as RuleDefinition, RANDOM_DRAW_WEIGHTS_RULE as RuleDefinition];

/** The deadline for a case opened at `from`, by the rule's days for its grade. */
export function deadlineFrom(rule: CaseDeadline, grade: CaseGrade, from: Date): Date {
  const days = grade === "major" ? rule.majorDays : rule.generalDays;
  return new Date(from.getTime() + days * 86_400_000);
}
