import { and, asc, desc, eq, gte, ilike, or, sql } from "drizzle-orm";
import { shanghaiDay } from "@contracts/platform/time";
import type { ProjectRiskDetailDto, ProjectRiskDto, RiskExportQuery, RiskListQuery } from "@contracts/risk/risk";
import { requirePermission } from "../../platform/auth/actor.js";
import type { Actor } from "../../platform/context.js";
import type { Executor } from "../../platform/db/client.js";
import { andAll, likePattern, offsetOf, toPage, totalOver, type Page } from "../../platform/db/pagination.js";
import { notFound } from "../../platform/errors.js";
import { projectScope, projectsView } from "../registry/index.js";
import { riskSnapshots as S } from "./schema.js";
import { scoreProjects } from "./risk.service.js";

/** Days of history the project's risk card shows. */
export const HISTORY_DAYS = 90;

const latestDay = sql`(select max(${S.day}) from ${S})`;

/**
 * The city ranking: the latest day's snapshot of every project the caller may see, highest score first
 * (then name), filtered by level, district and a search of the project's name or code.
 */
export async function listRisk(db: Executor, actor: Actor, q: RiskListQuery): Promise<Page<ProjectRiskDto>> {
  const rows = await rankingRows(db, actor, q, q.pageSize, offsetOf(q));
  return toPage(rows, q, ({ total: _total, ...r }) => r);
}

/** Every row of the ranking the filters select (the export), at most `limit`. */
export async function exportRiskRows(db: Executor, actor: Actor, q: RiskExportQuery, limit: number): Promise<ProjectRiskDto[]> {
  return (await rankingRows(db, actor, q, limit, 0)).map(({ total: _total, ...r }) => r);
}

async function rankingRows(db: Executor, actor: Actor, q: RiskExportQuery, limit: number, offset: number): Promise<(ProjectRiskDto & { total: number })[]> {
  requirePermission(actor, "registry.project.read");
  const P = projectsView();
  const term = q.search ?? q.q;
  const rows = await db
    .select({ projectId: S.projectId, projectName: P.name, score: S.score, level: S.level, factors: S.factors, computedAt: S.computedAt, total: totalOver })
    .from(S)
    .innerJoin(P, eq(P.id, S.projectId))
    .where(
      andAll([
        sql`${S.day} = ${latestDay}`,
        projectScope(actor, S.projectId),
        q.level ? eq(S.level, q.level) : undefined,
        q.district ? eq(P.district, q.district) : undefined,
        term ? or(ilike(P.name, likePattern(term)), ilike(P.code, likePattern(term))) : undefined,
      ]),
    )
    .orderBy(desc(S.score), asc(P.name), asc(S.projectId))
    .limit(limit)
    .offset(offset);
  return rows.map((r) => ({ ...r, level: r.level as ProjectRiskDto["level"], computedAt: r.computedAt.toISOString() }));
}

/**
 * One project's risk: its latest snapshot and the score of each day kept (the last {@link HISTORY_DAYS});
 * a live project not yet snapshotted is scored on the spot (not stored). NOT_FOUND outside the caller's scope.
 */
export async function projectRisk(db: Executor, actor: Actor, region: string, now: Date, projectId: string): Promise<ProjectRiskDetailDto> {
  requirePermission(actor, "registry.project.read");
  const P = projectsView();
  const [project] = await db
    .select({ id: P.id, name: P.name })
    .from(P)
    .where(and(eq(P.id, projectId), projectScope(actor, P.id)));
  if (!project) throw notFound("project", projectId);
  const from = shanghaiDay(now.getTime() - HISTORY_DAYS * 86_400_000);
  const snaps = await db
    .select()
    .from(S)
    .where(and(eq(S.projectId, projectId), gte(S.day, from)))
    .orderBy(asc(S.day));
  const history = snaps.map((s) => ({ day: s.day, score: s.score }));
  const last = snaps.at(-1);
  if (last) {
    return { projectId, projectName: project.name, score: last.score, level: last.level as ProjectRiskDto["level"], factors: last.factors, computedAt: last.computedAt.toISOString(), history };
  }
  const { scores } = await scoreProjects(db, region, now, [projectId]);
  const s = scores[0] ?? { score: 0, level: "low" as const, factors: [] };
  return { projectId, projectName: project.name, score: s.score, level: s.level, factors: s.factors, computedAt: now.toISOString(), history };
}
