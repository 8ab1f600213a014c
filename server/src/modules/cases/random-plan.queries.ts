import { and, desc, eq, ilike, inArray, isNotNull, isNull, sql, type SQL } from "drizzle-orm";
import type { FindingCountsDto, ListRandomPlansQuery, RandomPlanDetailDto, RandomPlanDto, RandomPlanSummaryDto, RandomPlanTargetDto } from "@contracts/cases/inspections";
import type { InspectorDomain } from "@contracts/platform/auth";
import { isCityWide } from "../../platform/auth/actor.js";
import type { Actor } from "../../platform/context.js";
import type { Executor } from "../../platform/db/client.js";
import { andAll, likePattern, offsetOf, toPage, totalOver, type Page } from "../../platform/db/pagination.js";
import { notFound } from "../../platform/errors.js";
import { userNamesOf } from "../identity/index.js";
import { projectNamesOf } from "../registry/index.js";
import { casesCases as C, casesInspections as I, casesRandomPlans as RP, type RandomPlanTarget } from "./schema.js";

/**
 * Read side of 双随机 plans. A drawn plan is the bureau's working list (it must not warn a site before the
 * visit): only city-wide roles see it. A published plan, with its results, is open to every logged-in user (一公开).
 */

/** What the draw stores besides the targets: `summary` holds this JSON, `results` filled when published. */
export interface PlanRecord {
  poolSize: number;
  inspectorsPerTarget: number;
  results: RandomPlanSummaryDto | null;
  /** The plan whose pairings this draw avoided: with the seed and the pool, what replays the draw. */
  previousPlanId?: string | null;
  /** Targets that had to keep a pairing of the previous plan (the pool left no other choice). */
  repeats?: unknown[];
}

/** A drawn target as stored: the schema's target plus the weight it was drawn with. */
export type StoredTarget = RandomPlanTarget & { weight?: number };

export type PlanRow = typeof RP.$inferSelect;

export const parseRecord = (summary: string | null): PlanRecord => {
  const parsed = summary ? (JSON.parse(summary) as Partial<PlanRecord>) : {};
  return { poolSize: parsed.poolSize ?? 0, inspectorsPerTarget: parsed.inspectorsPerTarget ?? 2, results: parsed.results ?? null, previousPlanId: parsed.previousPlanId ?? null, repeats: parsed.repeats ?? [] };
};

function planDto(row: PlanRow): RandomPlanDto {
  const record = parseRecord(row.summary);
  return {
    id: row.id,
    name: row.name,
    domain: row.domain as InspectorDomain,
    seed: row.seed,
    ratioPct: row.ratioPct,
    poolSize: record.poolSize,
    previousPlanId: record.previousPlanId ?? null,
    inspectorsPerTarget: record.inspectorsPerTarget,
    targetCount: row.targets.length,
    state: row.publishedAt ? "published" : "drawn",
    createdByName: row.createdByName,
    createdAt: row.createdAt.toISOString(),
    publishedAt: row.publishedAt?.toISOString() ?? null,
    summary: record.results,
  };
}

/** Drafts only for the bureau; everyone else sees published plans. */
const visibility = (actor: Actor): SQL | undefined => (isCityWide(actor) ? undefined : isNotNull(RP.publishedAt));

export async function listRandomPlans(db: Executor, actor: Actor, q: ListRandomPlansQuery): Promise<Page<RandomPlanDto>> {
  const where = andAll([
    visibility(actor),
    q.domain ? eq(RP.domain, q.domain) : undefined,
    q.state === "published" ? isNotNull(RP.publishedAt) : q.state === "drawn" ? isNull(RP.publishedAt) : undefined,
    q.q ? ilike(RP.name, likePattern(q.q)) : undefined,
  ]);
  const rows = await db
    .select({ row: RP, total: totalOver })
    .from(RP)
    .where(where)
    .orderBy(desc(RP.createdAt), desc(RP.id))
    .limit(q.pageSize)
    .offset(offsetOf(q));
  return toPage(rows, q, (r) => planDto(r.row));
}

/** Findings (cases) per inspection, by grade. */
export async function findingCounts(db: Executor, inspectionIds: string[]): Promise<Map<string, FindingCountsDto>> {
  const out = new Map<string, FindingCountsDto>();
  if (inspectionIds.length === 0) return out;
  const rows = await db
    .select({ inspectionId: C.inspectionId, grade: C.grade, n: sql<number>`count(*)`.mapWith(Number) })
    .from(C)
    .where(inArray(C.inspectionId, inspectionIds))
    .groupBy(C.inspectionId, C.grade);
  for (const r of rows) {
    const counts = out.get(r.inspectionId!) ?? { general: 0, major: 0 };
    if (r.grade === "major" || r.grade === "general") counts[r.grade] += r.n;
    out.set(r.inspectionId!, counts);
  }
  return out;
}

/** The targets with project, inspector and inspection details. */
export async function planTargets(db: Executor, row: PlanRow): Promise<RandomPlanTargetDto[]> {
  const targets = row.targets as StoredTarget[];
  const projectIds = targets.map((t) => t.projectId);
  const userIds = [...new Set(targets.flatMap((t) => t.inspectorIds))];
  const inspectionIds = targets.flatMap((t) => (t.inspectionId ? [t.inspectionId] : []));
  const [nameOf, userName, inspections, counts] = await Promise.all([
    projectNamesOf(db, projectIds),
    userNamesOf(db, userIds),
    inspectionIds.length ? db.select({ id: I.id, inspectedOn: I.inspectedOn, score: I.score }).from(I).where(inArray(I.id, inspectionIds)) : [],
    findingCounts(db, inspectionIds),
  ]);
  const inspectionOf = new Map(inspections.map((i) => [i.id, i]));
  return targets.map((t) => {
    const inspection = t.inspectionId ? inspectionOf.get(t.inspectionId) : undefined;
    return {
      projectId: t.projectId,
      projectName: nameOf.get(t.projectId) ?? "",
      weight: t.weight ?? 1,
      inspectorIds: t.inspectorIds,
      inspectorNames: t.inspectorIds.map((id) => userName.get(id) ?? ""),
      inspectionId: inspection?.id ?? null,
      inspectedOn: inspection?.inspectedOn ?? null,
      score: inspection?.score ?? null,
      findings: (inspection && counts.get(inspection.id)) || { general: 0, major: 0 },
    };
  });
}

export async function getRandomPlan(db: Executor, actor: Actor, id: string): Promise<RandomPlanDetailDto> {
  const [row] = await db
    .select()
    .from(RP)
    .where(and(eq(RP.id, id), visibility(actor)));
  if (!row) throw notFound("random plan", id);
  return { ...planDto(row), targets: await planTargets(db, row) };
}
