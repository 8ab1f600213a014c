import { and, asc, count, desc, eq, ilike, inArray, isNotNull, isNull, ne, or, sql, type SQL } from "drizzle-orm";
import type { CaseBoardDto, CaseDetailDto, CaseDto, CaseEventDto, ListCasesQuery, StopWorkScope } from "@contracts/cases/cases";
import { CASE_STATES, type CaseCategory, type CaseGrade, type CaseSource, type CaseState, type StopWorkState } from "@contracts/cases/enums";
import type { AnyPgColumn } from "drizzle-orm/pg-core";
import { ENTERPRISE_BOUND_ROLES } from "@contracts/platform/auth";
import { requirePermission } from "../../platform/auth/actor.js";
import type { Actor } from "../../platform/context.js";
import { type Executor, rowsOf } from "../../platform/db/client.js";
import { andAll, likePattern, offsetOf, type Page } from "../../platform/db/pagination.js";
import { notFound } from "../../platform/errors.js";
import { isCityWide } from "../../platform/auth/actor.js";
import { enterprisesView, projectScope, projectsView } from "../registry/index.js";
import { allowedActions, type Caller } from "./case.workflow.js";
import { casesBoardCounts as B, casesCases as C, casesEvents as E } from "./schema.js";

const ENT = enterprisesView();
const P = projectsView();

/** Read side of the rectification loop: board counts, the filtered list, one case with its timeline. */

export const CASE_EXPORT_LIMIT = 50_000;

export const caseColumns = {
  id: C.id,
  no: C.no,
  projectId: C.projectId,
  projectCode: P.code,
  projectName: P.name,
  enterpriseId: C.enterpriseId,
  enterpriseName: ENT.name,
  inspectionId: C.inspectionId,
  source: C.source,
  sourceRef: C.sourceRef,
  category: C.category,
  grade: C.grade,
  title: C.title,
  description: C.description,
  location: C.location,
  legalBasis: C.legalBasis,
  photoIds: C.photoIds,
  state: C.state,
  deadline: C.deadline,
  overdueAt: C.overdueAt,
  stopWork: C.stopWork,
  issuerId: C.issuerId,
  issuerName: C.issuerName,
  closedAt: C.closedAt,
  version: C.version,
  createdAt: C.createdAt,
  updatedAt: C.updatedAt,
};

/** Cases joined with their project (none for a gas case) and responsible unit. */
export const selectCases = (db: Executor) => db.select(caseColumns).from(C).leftJoin(P, eq(P.id, C.projectId)).leftJoin(ENT, eq(ENT.id, C.enterpriseId));

/**
 * The cases an actor may see: those of its visible projects, and — for a user of an enterprise — the cases
 * outside any project (gas) that name its enterprise as the responsible unit.
 */
export function caseScope(actor: Actor, projectId: AnyPgColumn | SQL = C.projectId, enterpriseId: AnyPgColumn | SQL = C.enterpriseId): SQL | undefined {
  if (isCityWide(actor)) return undefined;
  const onProjects = projectScope(actor, projectId) ?? sql`true`;
  if (!ENTERPRISE_BOUND_ROLES.includes(actor.role) || !actor.enterpriseId) return onProjects;
  return sql`(${onProjects} or (${projectId} is null and ${enterpriseId} = ${actor.enterpriseId}))`;
}
export type CaseRow = Awaited<ReturnType<typeof selectCases>>[number];

/**
 * The caller relative to a case it can see: may it inspect, may it reply, and is it the responsible side
 * (a user of the responsible unit, or a user bound to the project; with no unit named, any in-scope
 * enterprise user).
 */
export function callerOf(actor: Actor, c: { projectId: string | null; enterpriseId: string | null }): Caller {
  const boundToProject = actor.role === "project" && c.projectId !== null && actor.projectIds.includes(c.projectId);
  const enterpriseBound = ENTERPRISE_BOUND_ROLES.includes(actor.role) && actor.enterpriseId !== null;
  const ofUnit = enterpriseBound && (c.enterpriseId === null || actor.enterpriseId === c.enterpriseId);
  return { canInspect: actor.permissions.has("cases.inspect"), canReply: actor.permissions.has("cases.reply"), isResponsible: boundToProject || ofUnit };
}

const iso = (d: Date | null) => (d ? d.toISOString() : null);

export function toCaseDto(r: CaseRow, actor: Actor): CaseDto {
  const facts = { state: r.state as CaseState, grade: r.grade as CaseGrade, stopWork: r.stopWork as StopWorkState };
  return {
    ...r,
    source: r.source as CaseSource,
    category: r.category as CaseCategory,
    ...facts,
    deadline: r.deadline.toISOString(),
    overdue: r.overdueAt !== null && r.state !== "closed",
    overdueAt: iso(r.overdueAt),
    closedAt: iso(r.closedAt),
    createdAt: r.createdAt.toISOString(),
    updatedAt: r.updatedAt.toISOString(),
    actions: allowedActions({ ...facts, onSite: r.projectId !== null }, callerOf(actor, r)),
  };
}

/** List and export filters with the data scope. */
export function caseFilters(actor: Actor, q: Partial<ListCasesQuery>): SQL | undefined {
  const pattern = q.q ? likePattern(q.q) : undefined;
  const anyOf = (col: AnyPgColumn, values: readonly string[] | undefined) => (values?.length ? inArray(col, [...values]) : undefined);
  return andAll([
    caseScope(actor),
    q.projectId ? eq(C.projectId, q.projectId) : undefined,
    q.enterpriseId ? eq(C.enterpriseId, q.enterpriseId) : undefined,
    anyOf(C.state, q.state),
    anyOf(C.grade, q.grade),
    anyOf(C.category, q.category),
    anyOf(C.source, q.source),
    anyOf(C.stopWork, q.stopWork),
    q.issuerId ? eq(C.issuerId, q.issuerId) : undefined,
    q.overdue === true ? and(isNotNull(C.overdueAt), ne(C.state, "closed")) : undefined,
    q.overdue === false ? or(isNull(C.overdueAt), eq(C.state, "closed")) : undefined,
    q.from ? sql`${C.createdAt} >= (${q.from}::date)::timestamp at time zone 'Asia/Shanghai'` : undefined,
    q.to ? sql`${C.createdAt} < (${q.to}::date + 1)::timestamp at time zone 'Asia/Shanghai'` : undefined,
    pattern ? or(ilike(C.no, pattern), ilike(C.title, pattern), ilike(P.name, pattern), ilike(P.code, pattern)) : undefined,
  ]);
}

const SORT_COLUMNS = { createdAt: C.createdAt, deadline: C.deadline, no: C.no, state: C.state, grade: C.grade, updatedAt: C.updatedAt } as const;

function orderOf(sort: string | undefined): SQL[] {
  const key = (sort ?? "-createdAt").replace(/^-/, "") as keyof typeof SORT_COLUMNS;
  const dir = sort?.startsWith("-") === false ? asc : desc;
  const col = SORT_COLUMNS[key] ?? C.createdAt;
  // The id breaks ties so pages never overlap.
  return [dir(col), dir(C.id)];
}

/**
 * One page of cases. The page and the total are two queries: the page reads only `pageSize` rows through
 * the (state, created_at) index, and the count touches cases_cases alone (the project join only when the
 * search needs it) instead of a window count over the whole joined set.
 */
export async function listCases(db: Executor, actor: Actor, q: ListCasesQuery): Promise<Page<CaseDto>> {
  requirePermission(actor, "cases.read");
  const where = caseFilters(actor, q);
  const rows = await selectCases(db)
    .where(where)
    .orderBy(...orderOf(q.sort))
    .limit(q.pageSize)
    .offset(offsetOf(q));
  const total =
    rows.length < q.pageSize && (rows.length > 0 || q.page === 1)
      ? offsetOf(q) + rows.length
      : (q.q ? await db.select({ n: count() }).from(C).leftJoin(P, eq(P.id, C.projectId)).where(where) : await db.select({ n: count() }).from(C).where(where))[0].n;
  return { items: rows.map((r) => toCaseDto(r, actor)), total, page: q.page, pageSize: q.pageSize };
}

/** Rows for the xlsx export (same filters and order, capped). */
export async function exportCaseRows(db: Executor, actor: Actor, q: Partial<ListCasesQuery>): Promise<CaseDto[]> {
  requirePermission(actor, "cases.read");
  const rows = await selectCases(db)
    .where(caseFilters(actor, q))
    .orderBy(...orderOf(q.sort))
    .limit(CASE_EXPORT_LIMIT);
  return rows.map((r) => toCaseDto(r, actor));
}

/**
 * The board's head in one statement: the per-project counts the triggers keep (cases_board_counts, a few
 * rows per project) summed over the caller's projects, and the closed-in-30-days tile as a range of the
 * closed cases' partial index. Over 100,000 cases neither reads the cases themselves (bench:api).
 */
export async function caseBoard(db: Executor, actor: Actor, projectId?: string): Promise<CaseBoardDto> {
  requirePermission(actor, "cases.read");
  const scopeOf = (column: AnyPgColumn) => andAll([projectScope(actor, column), projectId ? eq(column, projectId) : undefined]) ?? sql`true`;
  const result = await db.execute(sql`
    select ${B.state} as state, sum(${B.n})::int as n,
      coalesce(sum(${B.n}) filter (where ${B.grade} = 'major' and ${B.state} <> 'closed'), 0)::int as major,
      coalesce(sum(${B.n}) filter (where ${B.overdue} and ${B.state} <> 'closed'), 0)::int as overdue,
      coalesce(sum(${B.n}) filter (where ${B.stopActive}), 0)::int as stop_work, 0 as closed30
    from ${B} where ${scopeOf(B.projectId)} group by ${B.state}
    union all
    select null, 0, 0, 0, 0, count(*)::int from ${C}
    where ${C.state} = 'closed' and ${C.closedAt} > now() - interval '30 days' and ${scopeOf(C.projectId)}`);
  const rows = rowsOf<{ state: string | null; n: number; major: number; overdue: number; stop_work: number; closed30: number }>(result);
  const byState = Object.fromEntries(CASE_STATES.map((s) => [s, 0])) as Record<CaseState, number>;
  const board = { byState, openMajor: 0, overdue: 0, stopWork: 0, closedLast30Days: 0 };
  for (const r of rows) {
    if (r.state !== null && r.state in byState) byState[r.state as CaseState] = Number(r.n);
    board.openMajor += Number(r.major);
    board.overdue += Number(r.overdue);
    board.stopWork += Number(r.stop_work);
    board.closedLast30Days += Number(r.closed30);
  }
  return board;
}

export function toEventDto(e: typeof E.$inferSelect): CaseEventDto {
  return {
    id: e.id,
    at: e.at.toISOString(),
    actorId: e.actorId,
    actorName: e.actorName,
    action: e.action as CaseEventDto["action"],
    fromState: e.fromState as CaseState | null,
    toState: e.toState as CaseState | null,
    note: e.note,
    photoIds: e.photoIds,
    data: (e.data as Record<string, unknown> | null) ?? null,
  };
}

/**
 * One case with its timeline. `scoped: false` skips the scope check for a verb's answer (the verb checked).
 * @throws AppError NOT_FOUND when absent or out of scope.
 */
export async function getCase(db: Executor, actor: Actor, id: string, opts: { scoped?: boolean } = {}): Promise<CaseDetailDto> {
  requirePermission(actor, "cases.read");
  const [row] = await selectCases(db).where(and(eq(C.id, id), opts.scoped === false ? undefined : caseScope(actor)));
  if (!row) throw notFound("case", id);
  const events = (await db.select().from(E).where(eq(E.caseId, id)).orderBy(asc(E.at), asc(E.id))).map(toEventDto);
  const order = events.findLast((e) => e.action === "stop_work_ordered");
  return {
    ...toCaseDto(row, actor),
    stopWorkOrder: order ? { scope: (order.data?.scope as StopWorkScope) ?? "full", reason: order.note, at: order.at, by: order.actorName } : null,
    events,
  };
}

/** Count of open (not closed) major cases of a project — quality acceptance refuses while > 0. */
export async function openMajorCaseCount(db: Executor, projectId: string): Promise<number> {
  const [{ n }] = await db
    .select({ n: count() })
    .from(C)
    .where(and(eq(C.projectId, projectId), ne(C.state, "closed"), eq(C.grade, "major")));
  return n;
}
