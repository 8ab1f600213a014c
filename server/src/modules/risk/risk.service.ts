import { and, eq, inArray, notInArray, sql } from "drizzle-orm";
import { LIVE_PROJECT_STATUSES } from "@contracts/registry/enums";
import { shanghaiDay } from "@contracts/platform/time";
import type { ServiceContext } from "../../platform/context.js";
import type { Executor } from "../../platform/db/client.js";
import { ruleInForce } from "../../platform/rules/rules.js";
import { projectsView } from "../registry/index.js";
import { byProject, factorFacts } from "./factor.queries.js";
import { scoreProject, type ProjectScore } from "./risk.checks.js";
import { RISK_INDEX_RULE } from "./risk.rules.js";
import { riskSnapshots as S } from "./schema.js";

export interface ScoredProject extends ProjectScore {
  projectId: string;
}

/** The live projects' ids (在建, 停工, 复工), or those of `projectIds` that are live. */
async function liveProjects(db: Executor, projectIds?: string[]): Promise<string[]> {
  const P = projectsView();
  const rows = await db
    .select({ id: P.id })
    .from(P)
    .where(and(inArray(P.status, [...LIVE_PROJECT_STATUSES]), projectIds ? inArray(P.id, projectIds) : undefined));
  return rows.map((r) => r.id);
}

/**
 * Scores every live project (or those named) at `at` by the risk.index rule in force for the region that
 * day: one statement per factor for the whole set, then the pure scoring per project.
 */
export async function scoreProjects(db: Executor, region: string, at: Date, projectIds?: string[]): Promise<{ ruleVersion: number; scores: ScoredProject[] }> {
  const rule = await ruleInForce(db, RISK_INDEX_RULE, region, shanghaiDay(at));
  const [ids, facts] = await Promise.all([liveProjects(db, projectIds), factorFacts(db, rule.value, region, at, projectIds)]);
  const grouped = byProject(facts);
  return { ruleVersion: rule.version, scores: ids.map((projectId) => ({ projectId, ...scoreProject(rule.value, grouped.get(projectId) ?? {}, at) })) };
}

/** Rows per insert statement: well under PostgreSQL's 65 535 bound parameters at 7 columns. */
const CHUNK = 1000;

/**
 * Recomputes the city's risk index now and writes today's snapshot of every live project (replacing the
 * day's earlier one); a project no longer live loses today's row, so the ranking shows live projects only. Derived data, written by the system from records already audited where they were
 * made: no audit row of its own. Returns how many projects were scored.
 */
export async function recomputeRisk(ctx: Pick<ServiceContext, "db" | "region" | "clock">): Promise<number> {
  const at = ctx.clock.now();
  const day = shanghaiDay(at);
  const { ruleVersion, scores } = await scoreProjects(ctx.db, ctx.region, at);
  await ctx.db.transaction(async (tx) => {
    const live = scores.map((s) => s.projectId);
    await tx.delete(S).where(and(eq(S.day, day), live.length > 0 ? notInArray(S.projectId, live) : undefined));
    for (let i = 0; i < scores.length; i += CHUNK) {
      const rows = scores.slice(i, i + CHUNK).map((s) => ({ projectId: s.projectId, day, score: s.score, level: s.level, factors: s.factors, ruleVersion, computedAt: at }));
      await tx
        .insert(S)
        .values(rows)
        .onConflictDoUpdate({
          target: [S.projectId, S.day],
          set: { score: sql`excluded.score`, level: sql`excluded.level`, factors: sql`excluded.factors`, ruleVersion: sql`excluded.rule_version`, computedAt: sql`excluded.computed_at` },
        });
    }
  });
  return scores.length;
}
