import { and, asc, desc, eq, gte, ilike, lt, or, sql } from "drizzle-orm";
import type { HazardDto, HazardKind, ListHazardsQuery } from "@contracts/gas/patrol";
import type { PressureClass } from "@contracts/gas/pipeline";
import { requirePermission } from "../../../platform/auth/actor.js";
import type { Actor } from "../../../platform/context.js";
import type { Executor } from "../../../platform/db/client.js";
import { andAll, likePattern, offsetOf, toPage, totalOver, type Page } from "../../../platform/db/pagination.js";
import { notFound } from "../../../platform/errors.js";
import { casesView } from "../../cases/index.js";
import { enterprisesView } from "../../registry/index.js";
import { gasScope } from "../shared/index.js";
import { gasPatrolHazards as H, gasPipelines as L } from "./schema.js";

const E = enterprisesView();

/** Read side of patrol hazards, each with the state of the case it opened. */

const C = casesView();

function selectHazards(db: Executor) {
  return db
    .select({ h: H, enterpriseName: E.name, pipelineCode: L.code, pressureClass: L.pressureClass, caseNo: C.no, caseState: C.state, caseGrade: C.grade, total: totalOver })
    .from(H)
    .innerJoin(E, eq(E.id, H.enterpriseId))
    .leftJoin(L, eq(L.id, H.pipelineId))
    .leftJoin(C, eq(C.id, H.caseId));
}

type Row = Awaited<ReturnType<typeof selectHazards>>[number];

const toHazardDto = (r: Row): HazardDto => ({
  id: r.h.id,
  enterpriseId: r.h.enterpriseId,
  enterpriseName: r.enterpriseName,
  patrolId: r.h.patrolId,
  pipelineId: r.h.pipelineId,
  pipelineCode: r.pipelineCode,
  pressureClass: (r.pressureClass as PressureClass | null) ?? null,
  kind: r.h.kind as HazardKind,
  lng: r.h.lng,
  lat: r.h.lat,
  description: r.h.description,
  foundAt: r.h.foundAt.toISOString(),
  caseId: r.h.caseId,
  caseNo: r.caseNo,
  caseState: r.caseState,
  caseGrade: r.caseGrade,
  createdAt: r.h.createdAt.toISOString(),
});

const SORTS = { foundAt: H.foundAt, kind: H.kind } as const;

export async function listHazards(db: Executor, actor: Actor, q: ListHazardsQuery): Promise<Page<HazardDto>> {
  requirePermission(actor, "gas.read");
  const text = q.q?.trim();
  const sort = q.sort ?? "-foundAt";
  const isDesc = sort.startsWith("-");
  const column = SORTS[(isDesc ? sort.slice(1) : sort) as keyof typeof SORTS] ?? H.foundAt;
  const rows = await selectHazards(db)
    .where(
      andAll([
        gasScope(actor, H.enterpriseId),
        text ? or(ilike(H.description, likePattern(text)), ilike(L.code, likePattern(text)), eq(C.no, text)) : undefined,
        q.enterpriseId ? eq(H.enterpriseId, q.enterpriseId) : undefined,
        q.pipelineId ? eq(H.pipelineId, q.pipelineId) : undefined,
        q.patrolId ? eq(H.patrolId, q.patrolId) : undefined,
        q.kind?.length ? sql`${H.kind} = any(${sql.param(q.kind)}::text[])` : undefined,
        q.open === "true" ? sql`(${C.state} is null or ${C.state} <> 'closed')` : undefined,
        q.open === "false" ? sql`${C.state} = 'closed'` : undefined,
        q.from ? gte(H.foundAt, sql`(${q.from}::date)::timestamp at time zone 'Asia/Shanghai'`) : undefined,
        q.to ? lt(H.foundAt, sql`(${q.to}::date + 1)::timestamp at time zone 'Asia/Shanghai'`) : undefined,
      ]),
    )
    .orderBy(isDesc ? desc(column) : asc(column), desc(H.id))
    .limit(q.pageSize)
    .offset(offsetOf(q));
  return toPage(rows, q, toHazardDto);
}

/** @throws AppError NOT_FOUND when absent or outside scope. */
export async function getHazard(db: Executor, actor: Actor, id: string): Promise<HazardDto> {
  requirePermission(actor, "gas.read");
  const [row] = await selectHazards(db).where(and(eq(H.id, id), gasScope(actor, H.enterpriseId)));
  if (!row) throw notFound("hazard", id);
  return toHazardDto(row);
}
