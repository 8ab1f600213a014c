import { and, asc, desc, eq, gte, ilike, lt, or, sql } from "drizzle-orm";
import type { AnyPgColumn } from "drizzle-orm/pg-core";
import type { CommissionDto, ListCommissionsQuery } from "@contracts/testing/commission";
import type { CommissionState, SampleType } from "@contracts/testing/enums";
import { requirePermission } from "../../platform/auth/actor.js";
import type { Actor } from "../../platform/context.js";
import type { Executor } from "../../platform/db/client.js";
import { andAll, likePattern, offsetOf, toPage, totalOver, type Page } from "../../platform/db/pagination.js";
import { notFound } from "../../platform/errors.js";
import { enterprisesView, personsView, projectsView } from "../registry/index.js";
import { commissionScope } from "./commission.scope.js";
import { testingCommissions as C } from "./schema.js";

const E = enterprisesView();
const P = projectsView();

/** Read side of commissions: one statement gives a page, its total, names and the latest verdict. */

const W = personsView("witness");
const S = personsView("sampler");

/** Rows per export: a city's year of commissions fits. */
export const COMMISSION_EXPORT_LIMIT = 50_000;

function selectCommissions(db: Executor) {
  return db
    .select({
      c: C,
      projectName: P.name,
      agencyName: E.name,
      witnessName: W.name,
      samplerName: S.name,
      pass: sql<boolean | null>`(select r.pass from testing_results r where r.commission_id = ${C.id} order by r.created_at desc, r.id desc limit 1)`,
      total: totalOver,
    })
    .from(C)
    .innerJoin(P, eq(P.id, C.projectId))
    .innerJoin(E, eq(E.id, C.agencyId))
    .leftJoin(W, eq(W.id, C.witnessPersonId))
    .leftJoin(S, eq(S.id, C.samplerPersonId));
}

type Row = Awaited<ReturnType<typeof selectCommissions>>[number];

export const toCommissionDto = (r: Row): CommissionDto => ({
  id: r.c.id,
  no: r.c.no,
  projectId: r.c.projectId,
  projectName: r.projectName,
  agencyId: r.c.agencyId,
  agencyName: r.agencyName,
  sampleType: r.c.sampleType as SampleType,
  spec: r.c.spec,
  strengthClass: r.c.strengthClass,
  lotNo: r.c.lotNo,
  part: r.c.part,
  specimenCount: r.c.specimenCount,
  specimenSizeMm: r.c.specimenSizeMm,
  batchTonnes: r.c.batchTonnes,
  witnessed: r.c.witnessed,
  witnessPersonId: r.c.witnessPersonId,
  witnessName: r.witnessName,
  samplerPersonId: r.c.samplerPersonId,
  samplerName: r.samplerName,
  sampleCode: r.c.sampleCode,
  sampledAt: r.c.sampledAt?.toISOString() ?? null,
  samplePlace: r.c.samplePlace,
  samplePhotoIds: r.c.samplePhotoIds,
  state: r.c.state as CommissionState,
  pass: r.pass,
  createdAt: r.c.createdAt.toISOString(),
});

const SORTABLE: Record<string, AnyPgColumn> = { no: C.no, createdAt: C.createdAt, sampleType: C.sampleType, state: C.state, sampledAt: C.sampledAt };

type Filters = Omit<ListCommissionsQuery, "page" | "pageSize">;

function filtered(db: Executor, actor: Actor, q: Filters) {
  const text = q.q?.trim();
  const lastResult = sql`(select r.pass from testing_results r where r.commission_id = ${C.id} order by r.created_at desc, r.id desc limit 1)`;
  const where = andAll([
    commissionScope(actor),
    text ? or(eq(C.no, text.toUpperCase()), eq(C.sampleCode, text), ilike(C.lotNo, likePattern(text)), ilike(C.part, likePattern(text)), ilike(P.name, likePattern(text))) : undefined,
    q.projectId ? eq(C.projectId, q.projectId) : undefined,
    q.agencyId ? eq(C.agencyId, q.agencyId) : undefined,
    q.sampleType?.length ? sql`${C.sampleType} = any(${sql.param(q.sampleType)}::text[])` : undefined,
    q.state?.length ? sql`${C.state} = any(${sql.param(q.state)}::text[])` : undefined,
    q.witnessed ? eq(C.witnessed, q.witnessed === "true") : undefined,
    q.failed === "true" ? sql`${lastResult} = false` : q.failed === "false" ? sql`${lastResult} = true` : undefined,
    q.from ? gte(C.createdAt, sql`(${q.from}::date)::timestamp at time zone 'Asia/Shanghai'`) : undefined,
    q.to ? lt(C.createdAt, sql`(${q.to}::date + 1)::timestamp at time zone 'Asia/Shanghai'`) : undefined,
  ]);
  const sort = q.sort ?? "-createdAt";
  const isDesc = sort.startsWith("-");
  const column = SORTABLE[isDesc ? sort.slice(1) : sort] ?? C.createdAt;
  return selectCommissions(db)
    .where(where)
    .orderBy(isDesc ? desc(column) : asc(column), desc(C.id));
}

export async function listCommissions(db: Executor, actor: Actor, q: ListCommissionsQuery): Promise<Page<CommissionDto>> {
  requirePermission(actor, "testing.read");
  const rows = await filtered(db, actor, q).limit(q.pageSize).offset(offsetOf(q));
  return toPage(rows, q, toCommissionDto);
}

export async function commissionsForExport(db: Executor, actor: Actor, q: Filters): Promise<CommissionDto[]> {
  requirePermission(actor, "testing.read");
  return (await filtered(db, actor, q).limit(COMMISSION_EXPORT_LIMIT)).map(toCommissionDto);
}

/** @throws AppError NOT_FOUND when absent or outside the actor's scope. */
export async function getCommission(db: Executor, actor: Actor, id: string): Promise<CommissionDto> {
  requirePermission(actor, "testing.read");
  const [row] = await selectCommissions(db).where(and(eq(C.id, id), commissionScope(actor)));
  if (!row) throw notFound("commission", id);
  return toCommissionDto(row);
}
