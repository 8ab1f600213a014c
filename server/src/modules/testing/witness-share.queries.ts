import { eq, sql } from "drizzle-orm";
import type { WitnessShareDto } from "@contracts/testing/commission";
import { SAMPLE_TYPES, type SampleType } from "@contracts/testing/enums";
import { requirePermission } from "../../platform/auth/actor.js";
import type { ServiceContext } from "../../platform/context.js";
import { ruleInForce } from "../../platform/rules/rules.js";
import { assertProjectVisible } from "../registry/index.js";
import { testingCommissions as C } from "./schema.js";
import { witnessShareRule } from "./testing.rules.js";

/**
 * 见证取样比例 per project and sample type (建建〔2000〕211号): witnessed commissions over all commissions
 * of the type, against the share of the rule in force. The share is reckoned on the samples actually
 * commissioned, the platform's stand-in for "the samples the standards require".
 */

export interface ShareCount {
  sampleType: SampleType;
  total: number;
  witnessed: number;
}

/** Pure: the rows and flags from counts and the rule. A required type with no sample yet is not below. */
export function witnessShareRows(counts: ShareCount[], minShare: number, requiredTypes: readonly SampleType[]): WitnessShareDto["rows"] {
  const byType = new Map(counts.map((c) => [c.sampleType, c]));
  return SAMPLE_TYPES.filter((t) => byType.has(t) || requiredTypes.includes(t)).map((sampleType) => {
    const { total, witnessed } = byType.get(sampleType) ?? { total: 0, witnessed: 0 };
    const share = total === 0 ? 0 : Math.round((witnessed / total) * 10_000) / 10_000;
    const required = requiredTypes.includes(sampleType);
    // Judged on the exact ratio; `share` is rounded for display.
    return { sampleType, total, witnessed, share, required, below: required && total > 0 && witnessed < minShare * total - 1e-9 };
  });
}

export async function witnessShare(ctx: ServiceContext, projectId: string): Promise<WitnessShareDto> {
  requirePermission(ctx.actor, "testing.read");
  await assertProjectVisible(ctx.db, ctx.actor, projectId);
  const rule = await ruleInForce(ctx.db, witnessShareRule, ctx.region);
  const counts = await ctx.db
    .select({
      sampleType: C.sampleType,
      total: sql<number>`count(*)`.mapWith(Number),
      witnessed: sql<number>`count(*) filter (where ${C.witnessed})`.mapWith(Number),
    })
    .from(C)
    .where(eq(C.projectId, projectId))
    .groupBy(C.sampleType);
  const rows = witnessShareRows(counts as ShareCount[], rule.value.minShare, rule.value.sampleTypes);
  return {
    projectId,
    minShare: rule.value.minShare,
    rows,
    below: rows.some((r) => r.below),
    rule: { code: rule.code, version: rule.version, region: rule.region, source: rule.source },
  };
}
