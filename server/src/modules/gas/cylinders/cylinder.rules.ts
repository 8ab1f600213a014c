import { z } from "zod";
import type { RuleDefinition } from "../../../platform/rules/rules.js";

/**
 * The dates of a cylinder's life (domain-rules §7.1): design life 8 years, periodic inspection every 4 years
 * from manufacture, and — after passing inspection — use up to 12 years at most, then scrap. One rule, so a
 * city that files its own version changes all three together.
 */
export const CylinderLifeRule = z.object({
  designLifeYears: z.number().int().min(1).max(30),
  inspectionIntervalYears: z.number().int().min(1).max(10),
  maxServiceYears: z.number().int().min(1).max(30),
});
export type CylinderLifeRule = z.infer<typeof CylinderLifeRule>;

export const cylinderLifeRule: RuleDefinition<CylinderLifeRule> = {
  code: "gas.cylinder_life",
  name: "液化石油气钢瓶使用年限与定期检验 (design life, inspection interval, maximum service)",
  schema: CylinderLifeRule,
  defaultValue: { designLifeYears: 8, inspectionIntervalYears: 4, maxServiceYears: 12 },
  source:
    "GB 5842-2023 《液化石油气钢瓶》; TSG 23-2021 《气瓶安全技术规程》; 设计使用年限8年、自制造日期起4年一检、检验合格后最长使用至12年 (长治市市场监管局、十堰市市场监管局)",
  effectiveFrom: "2023-12-01",
};

export const cylinderRuleList: RuleDefinition[] = [cylinderLifeRule as RuleDefinition];

/** `day` plus whole years; 29 February falls back to 28 February in a common year. */
export function addYears(day: string, years: number): string {
  const [y, m, d] = day.split("-").map(Number);
  const lastOfMonth = new Date(Date.UTC(y + years, m, 0)).getUTCDate();
  return `${String(y + years).padStart(4, "0")}-${String(m).padStart(2, "0")}-${String(Math.min(d, lastOfMonth)).padStart(2, "0")}`;
}

/** The next inspection and scrap dates of a cylinder under the rule (the next inspection never after the scrap date). */
export function cylinderDates(rule: CylinderLifeRule, manufacturedOn: string, lastInspectedOn: string | null | undefined): { nextInspectionOn: string; scrapOn: string } {
  const scrapOn = addYears(manufacturedOn, rule.maxServiceYears);
  const next = addYears(lastInspectedOn ?? manufacturedOn, rule.inspectionIntervalYears);
  return { nextInspectionOn: next < scrapOn ? next : scrapOn, scrapOn };
}
