import { and, eq, sql } from "drizzle-orm";
import type { CityWitnessShareDto, CityWitnessShareQuery, ProjectWitnessShareDto } from "@contracts/testing/commission";
import { requirePermission } from "../../platform/auth/actor.js";
import type { ServiceContext } from "../../platform/context.js";
import { offsetOf } from "../../platform/db/pagination.js";
import { ruleInForce } from "../../platform/rules/rules.js";
import { projectsView } from "../registry/index.js";
import { commissionScope } from "./commission.scope.js";
import { testingCommissions as C } from "./schema.js";
import { witnessShareRows, type ShareCount } from "./witness-share.queries.js";
import { witnessShareRule } from "./testing.rules.js";

const P = projectsView();

/**
 * The city list of 见证取样 shares: every project in scope with commissions, judged per sample type by the
 * rule in force as the project page judges it (witnessShareRows), lowest share first; `below=true` keeps
 * those with a required type under the share. One grouped statement over the commissions; projects are a few
 * hundred, so the judging and paging happen here.
 */
export async function cityWitnessShare(ctx: ServiceContext, q: CityWitnessShareQuery): Promise<CityWitnessShareDto> {
  requirePermission(ctx.actor, "testing.read");
  const rule = await ruleInForce(ctx.db, witnessShareRule, ctx.region);
  const counts = await ctx.db
    .select({
      projectId: C.projectId,
      code: P.code,
      name: P.name,
      district: P.district,
      sampleType: C.sampleType,
      total: sql<number>`count(*)`.mapWith(Number),
      witnessed: sql<number>`count(*) filter (where ${C.witnessed})`.mapWith(Number),
    })
    .from(C)
    .innerJoin(P, eq(P.id, C.projectId))
    .where(and(commissionScope(ctx.actor), q.district ? eq(P.district, q.district) : undefined))
    .groupBy(C.projectId, P.code, P.name, P.district, C.sampleType);
  const projects = new Map<string, { code: string; name: string; district: string; counts: ShareCount[] }>();
  for (const c of counts) {
    const p = projects.get(c.projectId) ?? { code: c.code, name: c.name, district: c.district, counts: [] };
    p.counts.push({ sampleType: c.sampleType as ShareCount["sampleType"], total: c.total, witnessed: c.witnessed });
    projects.set(c.projectId, p);
  }
  const judged: ProjectWitnessShareDto[] = [...projects].map(([projectId, p]) => {
    const rows = witnessShareRows(p.counts, rule.value.minShare, rule.value.sampleTypes);
    const shares = rows.filter((r) => r.required && r.total > 0).map((r) => r.share);
    return { projectId, projectCode: p.code, projectName: p.name, district: p.district, rows, below: rows.some((r) => r.below), lowestShare: shares.length ? Math.min(...shares) : null };
  });
  const kept = judged
    .filter((p) => q.below === "false" || p.below)
    .sort((a, b) => (a.lowestShare ?? 2) - (b.lowestShare ?? 2) || a.projectCode.localeCompare(b.projectCode));
  return {
    items: kept.slice(offsetOf(q), offsetOf(q) + q.pageSize),
    total: kept.length,
    page: q.page,
    pageSize: q.pageSize,
    minShare: rule.value.minShare,
    rule: { code: rule.code, version: rule.version, region: rule.region, source: rule.source },
  };
}
