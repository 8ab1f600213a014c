import { z } from "zod";
import { IsoDate } from "./common";

/** One version of a rule (platform_rules): national (`CN`) or a city's own. */
export const RuleVersionDto = z.object({
  id: z.uuid(),
  code: z.string(),
  region: z.string(),
  version: z.number().int(),
  name: z.string(),
  value: z.unknown(),
  source: z.string(),
  effectiveFrom: z.string(),
  effectiveTo: z.string().nullable(),
  /** True for the version that judges today in the platform's city. */
  inForce: z.boolean(),
  createdAt: z.string(),
  createdBy: z.string().nullable(),
});
export type RuleVersionDto = z.infer<typeof RuleVersionDto>;

export const ListRulesQuery = z.object({ code: z.string().trim().max(100).optional() });
export type ListRulesQuery = z.infer<typeof ListRulesQuery>;

/**
 * A new version of a rule for the city (or, by the bureau's admin, the national default). The value must fit
 * the rule's schema; the previous open-ended version of the same region ends the day before `effectiveFrom`.
 */
export const NewRuleVersionInput = z.object({
  code: z.string().trim().min(1).max(100),
  region: z.union([z.literal("CN"), z.string().regex(/^\d{6}$/, "a 6-digit administrative code or CN")]),
  value: z.unknown(),
  source: z.string().trim().min(1).max(500),
  effectiveFrom: IsoDate,
});
export type NewRuleVersionInput = z.infer<typeof NewRuleVersionInput>;
