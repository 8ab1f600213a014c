import { and, asc, desc, eq, gte, ilike, lte, or, sql } from "drizzle-orm";
import type { AnyPgColumn } from "drizzle-orm/pg-core";
import type { JudgeMethod, SampleType } from "@contracts/testing/enums";
import type { ListResultsQuery, ResultDto } from "@contracts/testing/result";
import { requirePermission } from "../../platform/auth/actor.js";
import type { Actor } from "../../platform/context.js";
import type { Executor } from "../../platform/db/client.js";
import { andAll, likePattern, offsetOf, toPage, totalOver, type Page } from "../../platform/db/pagination.js";
import { notFound } from "../../platform/errors.js";
import { enterprisesView, projectsView } from "../registry/index.js";
import { commissionScope } from "./commission.scope.js";
import { testingCommissions as C, testingReports as REP, testingResults as R } from "./schema.js";

const E = enterprisesView();
const P = projectsView();

/** Read side of results: each with its commission, project, agency and report, scoped like commissions. */

export const RESULT_EXPORT_LIMIT = 50_000;

function selectResults(db: Executor) {
  return db
    .select({
      r: R,
      no: C.no,
      projectId: C.projectId,
      agencyId: C.agencyId,
      sampleType: C.sampleType,
      strengthClass: C.strengthClass,
      lotNo: C.lotNo,
      projectName: P.name,
      agencyName: E.name,
      reportId: REP.id,
      reportNo: REP.reportNo,
      total: totalOver,
    })
    .from(R)
    .innerJoin(C, eq(C.id, R.commissionId))
    .innerJoin(P, eq(P.id, C.projectId))
    .innerJoin(E, eq(E.id, C.agencyId))
    .leftJoin(REP, eq(REP.resultId, R.id));
}

type Row = Awaited<ReturnType<typeof selectResults>>[number];

const toDto = (x: Row): ResultDto => ({
  id: x.r.id,
  commissionId: x.r.commissionId,
  commissionNo: x.no,
  projectId: x.projectId,
  projectName: x.projectName,
  agencyId: x.agencyId,
  agencyName: x.agencyName,
  sampleType: x.sampleType as SampleType,
  strengthClass: x.strengthClass,
  lotNo: x.lotNo,
  retestOf: x.r.retestOf,
  values: x.r.values,
  pass: x.r.pass,
  method: x.r.method as JudgeMethod,
  figures: x.r.figures,
  testedOn: x.r.testedOn,
  caseId: x.r.caseId,
  reportId: x.reportId,
  reportNo: x.reportNo,
  createdAt: x.r.createdAt.toISOString(),
});

const SORTABLE: Record<string, AnyPgColumn> = { testedOn: R.testedOn, createdAt: R.createdAt };

type Filters = Omit<ListResultsQuery, "page" | "pageSize"> & { commissionId?: string };

function filtered(db: Executor, actor: Actor, q: Filters) {
  const text = q.q?.trim();
  const where = andAll([
    commissionScope(actor),
    text ? or(eq(C.no, text.toUpperCase()), eq(REP.reportNo, text.toUpperCase()), ilike(C.lotNo, likePattern(text)), ilike(P.name, likePattern(text))) : undefined,
    q.commissionId ? eq(R.commissionId, q.commissionId) : undefined,
    q.projectId ? eq(C.projectId, q.projectId) : undefined,
    q.agencyId ? eq(C.agencyId, q.agencyId) : undefined,
    q.sampleType?.length ? sql`${C.sampleType} = any(${sql.param(q.sampleType)}::text[])` : undefined,
    q.pass ? eq(R.pass, q.pass === "true") : undefined,
    q.from ? gte(R.testedOn, q.from) : undefined,
    q.to ? lte(R.testedOn, q.to) : undefined,
  ]);
  const sort = q.sort ?? "-createdAt";
  const isDesc = sort.startsWith("-");
  const column = SORTABLE[isDesc ? sort.slice(1) : sort] ?? R.createdAt;
  return selectResults(db)
    .where(where)
    .orderBy(isDesc ? desc(column) : asc(column), desc(R.id));
}

export async function listResults(db: Executor, actor: Actor, q: ListResultsQuery & { commissionId?: string }): Promise<Page<ResultDto>> {
  requirePermission(actor, "testing.read");
  const rows = await filtered(db, actor, q).limit(q.pageSize).offset(offsetOf(q));
  return toPage(rows, q, toDto);
}

export async function resultsForExport(db: Executor, actor: Actor, q: Filters): Promise<ResultDto[]> {
  requirePermission(actor, "testing.read");
  return (await filtered(db, actor, q).limit(RESULT_EXPORT_LIMIT)).map(toDto);
}

/** @throws AppError NOT_FOUND when absent or outside the actor's scope. */
export async function getResult(db: Executor, actor: Actor, id: string): Promise<ResultDto> {
  requirePermission(actor, "testing.read");
  const [row] = await selectResults(db).where(and(eq(R.id, id), commissionScope(actor)));
  if (!row) throw notFound("result", id);
  return toDto(row);
}
