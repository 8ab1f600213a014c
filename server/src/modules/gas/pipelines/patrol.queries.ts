import { and, asc, desc, eq, gte, ilike, lt, or, sql } from "drizzle-orm";
import type { ListPatrolPlansQuery, ListPatrolsQuery, PatrolDetailDto, PatrolDto, PatrolPlanDto } from "@contracts/gas/patrol";
import type { PressureClass } from "@contracts/gas/pipeline";
import { requirePermission } from "../../../platform/auth/actor.js";
import type { Actor } from "../../../platform/context.js";
import type { Executor } from "../../../platform/db/client.js";
import { andAll, likePattern, offsetOf, toPage, totalOver, type Page } from "../../../platform/db/pagination.js";
import { notFound } from "../../../platform/errors.js";
import { enterprisesView } from "../../registry/index.js";
import { gasScope } from "../shared/index.js";
import { gasPatrolPlans as PL, gasPatrols as PT, gasPipelines as L } from "./schema.js";

const E = enterprisesView();

/** Read side of patrol plans (with their latest coverage and overdue state) and patrols. */

/** The lines a plan covers: the company's lines of its pressure classes plus the ones it names. */
export const planLinesWhere = (plan: { enterpriseId: string; pressureClasses: string[]; pipelineIds: string[] }) =>
  sql`${L.enterpriseId} = ${plan.enterpriseId} and (${L.pressureClass} = any(${sql.param(plan.pressureClasses)}::text[]) or ${L.id} = any(${sql.param(plan.pipelineIds)}::uuid[]))`;

const plannedOf = sql`(select jsonb_build_object('n', count(*), 'm', coalesce(sum(l.length_m), 0)) from gas_pipelines l
  where l.enterprise_id = ${PL.enterpriseId} and (l.pressure_class = any(${PL.pressureClasses}) or l.id = any(${PL.pipelineIds})))`;
const lastOf = sql`(select jsonb_build_object('at', p.started_at, 'pct', p.coverage_pct) from gas_patrols p where p.plan_id = ${PL.id} order by p.started_at desc limit 1)`;
const lastAt = sql`(select max(p.started_at) from gas_patrols p where p.plan_id = ${PL.id})`;
/** Active, and no patrol started within the interval (a plan never patrolled is overdue at once). */
const overdueSql = sql`(${PL.active} = 1 and coalesce(${lastAt} < now() - make_interval(days => ${PL.intervalDays}), true))`;

function selectPlans(db: Executor) {
  return db
    .select({
      p: PL,
      enterpriseName: E.name,
      planned: sql<{ n: number; m: number }>`${plannedOf}`,
      last: sql<{ at: string; pct: number } | null>`${lastOf}`,
      overdue: sql<boolean>`${overdueSql}`,
      total: totalOver,
    })
    .from(PL)
    .innerJoin(E, eq(E.id, PL.enterpriseId));
}

type PlanRow = Awaited<ReturnType<typeof selectPlans>>[number];

const toPlanDto = (r: PlanRow): PatrolPlanDto => ({
  id: r.p.id,
  name: r.p.name,
  enterpriseId: r.p.enterpriseId,
  enterpriseName: r.enterpriseName,
  pressureClasses: r.p.pressureClasses as PressureClass[],
  pipelineIds: r.p.pipelineIds,
  intervalDays: r.p.intervalDays,
  active: r.p.active === 1,
  plannedLines: Number(r.planned.n),
  plannedLengthM: Math.round(Number(r.planned.m) * 10) / 10,
  lastPatrolAt: r.last ? new Date(r.last.at).toISOString() : null,
  lastCoveragePct: r.last ? Number(r.last.pct) : null,
  overdue: Boolean(r.overdue),
  createdAt: r.p.createdAt.toISOString(),
});

export async function listPatrolPlans(db: Executor, actor: Actor, q: ListPatrolPlansQuery): Promise<Page<PatrolPlanDto>> {
  requirePermission(actor, "gas.read");
  const text = q.q?.trim();
  const rows = await selectPlans(db)
    .where(
      andAll([
        gasScope(actor, PL.enterpriseId),
        text ? or(ilike(PL.name, likePattern(text)), ilike(E.name, likePattern(text))) : undefined,
        q.enterpriseId ? eq(PL.enterpriseId, q.enterpriseId) : undefined,
        q.active ? eq(PL.active, q.active === "true" ? 1 : 0) : undefined,
        q.overdue === "true" ? overdueSql : q.overdue === "false" ? sql`not ${overdueSql}` : undefined,
      ]),
    )
    .orderBy(desc(overdueSql), asc(PL.name), asc(PL.id))
    .limit(q.pageSize)
    .offset(offsetOf(q));
  return toPage(rows, q, toPlanDto);
}

/** @throws AppError NOT_FOUND when absent or outside scope. */
export async function getPatrolPlan(db: Executor, actor: Actor, id: string): Promise<PatrolPlanDto> {
  requirePermission(actor, "gas.read");
  const [row] = await selectPlans(db).where(and(eq(PL.id, id), gasScope(actor, PL.enterpriseId)));
  if (!row) throw notFound("patrol plan", id);
  return toPlanDto(row);
}

/** `lineOf`: the line whose covered metres each row carries (the pipeline page's patrols); none on other lists. */
function selectPatrols(db: Executor, lineOf?: string) {
  return db
    .select({
      p: {
        id: PT.id,
        planId: PT.planId,
        enterpriseId: PT.enterpriseId,
        patrollerId: PT.patrollerId,
        patrollerName: PT.patrollerName,
        startedAt: PT.startedAt,
        endedAt: PT.endedAt,
        plannedLengthM: PT.plannedLengthM,
        coveredLengthM: PT.coveredLengthM,
        coveragePct: PT.coveragePct,
        createdAt: PT.createdAt,
      },
      points: sql<number>`jsonb_array_length(${PT.track})`.mapWith(Number),
      planName: PL.name,
      enterpriseName: E.name,
      hazards: sql<number>`(select count(*) from gas_patrol_hazards h where h.patrol_id = ${PT.id})`.mapWith(Number),
      lineCoveredM: (lineOf ? sql<number | null>`(${PT.coverage} ->> ${lineOf}::text)::float8` : sql<null>`null::float8`).mapWith(Number),
      total: totalOver,
    })
    .from(PT)
    .innerJoin(E, eq(E.id, PT.enterpriseId))
    .leftJoin(PL, eq(PL.id, PT.planId));
}

type PatrolRow = Awaited<ReturnType<typeof selectPatrols>>[number];

const toPatrolDto = (r: PatrolRow): PatrolDto => ({
  id: r.p.id,
  planId: r.p.planId,
  planName: r.planName,
  enterpriseId: r.p.enterpriseId,
  enterpriseName: r.enterpriseName,
  patrollerId: r.p.patrollerId,
  patrollerName: r.p.patrollerName,
  startedAt: r.p.startedAt.toISOString(),
  endedAt: r.p.endedAt?.toISOString() ?? null,
  points: r.points,
  plannedLengthM: Math.round(r.p.plannedLengthM * 10) / 10,
  coveredLengthM: Math.round(r.p.coveredLengthM * 10) / 10,
  coveragePct: r.p.coveragePct,
  hazards: r.hazards,
  lineCoveredM: r.lineCoveredM,
  createdAt: r.p.createdAt.toISOString(),
});

const PATROL_SORTS = { startedAt: PT.startedAt, coveragePct: PT.coveragePct, patrollerName: PT.patrollerName } as const;

export async function listPatrols(db: Executor, actor: Actor, q: ListPatrolsQuery): Promise<Page<PatrolDto>> {
  requirePermission(actor, "gas.read");
  const text = q.q?.trim();
  const sort = q.sort ?? "-startedAt";
  const isDesc = sort.startsWith("-");
  const column = PATROL_SORTS[(isDesc ? sort.slice(1) : sort) as keyof typeof PATROL_SORTS] ?? PT.startedAt;
  const rows = await selectPatrols(db, q.pipelineId)
    .where(
      andAll([
        gasScope(actor, PT.enterpriseId),
        text ? or(ilike(PT.patrollerName, likePattern(text)), ilike(PL.name, likePattern(text))) : undefined,
        q.planId ? eq(PT.planId, q.planId) : undefined,
        // Every line the plan covered is a key of the patrol's coverage (0 when the track never came near it).
        q.pipelineId ? sql`(${PT.coverage} ->> ${q.pipelineId}::text) is not null` : undefined,
        q.enterpriseId ? eq(PT.enterpriseId, q.enterpriseId) : undefined,
        q.from ? gte(PT.startedAt, sql`(${q.from}::date)::timestamp at time zone 'Asia/Shanghai'`) : undefined,
        q.to ? lt(PT.startedAt, sql`(${q.to}::date + 1)::timestamp at time zone 'Asia/Shanghai'`) : undefined,
      ]),
    )
    .orderBy(isDesc ? desc(column) : asc(column), desc(PT.id))
    .limit(q.pageSize)
    .offset(offsetOf(q));
  return toPage(rows, q, toPatrolDto);
}

/** One patrol with its track and per-line coverage. @throws AppError NOT_FOUND when absent or outside scope. */
export async function getPatrol(db: Executor, actor: Actor, id: string, rule: PatrolDetailDto["coverageRule"]): Promise<PatrolDetailDto> {
  requirePermission(actor, "gas.read");
  const [row] = await selectPatrols(db)
    .where(and(eq(PT.id, id), gasScope(actor, PT.enterpriseId)))
    .limit(1);
  if (!row) throw notFound("patrol", id);
  const [extra] = await db.select({ track: PT.track, coverage: PT.coverage }).from(PT).where(eq(PT.id, id));
  const ids = Object.keys(extra.coverage);
  const lines = ids.length ? await db.select({ id: L.id, code: L.code, lengthM: L.lengthM }).from(L).where(sql`${L.id} = any(${sql.param(ids)}::uuid[])`) : [];
  return {
    ...toPatrolDto(row),
    track: extra.track,
    coverage: lines
      .map((l) => ({ pipelineId: l.id, code: l.code, lengthM: Math.round(l.lengthM * 10) / 10, coveredM: Math.round(extra.coverage[l.id] * 10) / 10 }))
      .sort((a, b) => a.code.localeCompare(b.code)),
    coverageRule: rule,
  };
}
