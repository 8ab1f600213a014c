import { and, asc, desc, eq, ilike, inArray, or, sql, type SQL } from "drizzle-orm";
import type { AnyPgColumn } from "drizzle-orm/pg-core";
import { MILESTONE_REQUIRED_PARTIES, type AcceptanceDto, type AcceptanceState, type ListAcceptancesQuery, type Milestone } from "@contracts/quality/acceptance";
import type { ParticipantRole } from "@contracts/registry/enums";
import { requirePermission } from "../../platform/auth/actor.js";
import type { Actor } from "../../platform/context.js";
import type { Executor } from "../../platform/db/client.js";
import { andAll, likePattern, offsetOf, toPage, totalOver, type Page } from "../../platform/db/pagination.js";
import { notFound } from "../../platform/errors.js";
import { assertProjectVisible, enterprisesView, projectScope, projectsView } from "../registry/index.js";
import { missingParties } from "./acceptance.checks.js";
import { qualityAcceptances as A } from "./schema.js";

const E = enterprisesView();
const P = projectsView();

/** Read side of milestone acceptance. Supervision readers (`cases.read`) see the acceptances of the projects in their scope. */

const selectAcceptances = (db: Executor) => db.select({ row: A, projectName: P.name, total: totalOver }).from(A).innerJoin(P, eq(P.id, A.projectId));
type Row = Awaited<ReturnType<ReturnType<typeof selectAcceptances>["where"]>>[number];

/** Enterprise names of the sign-offs, in one query for a page. */
async function enterpriseNames(db: Executor, rows: Row[]): Promise<Map<string, string>> {
  const ids = [...new Set(rows.flatMap((r) => r.row.signoffs.map((s) => s.enterpriseId)))];
  if (ids.length === 0) return new Map();
  const ents = await db.select({ id: E.id, name: E.name }).from(E).where(inArray(E.id, ids));
  return new Map(ents.map((e) => [e.id, e.name]));
}

function toDto(r: Row, names: Map<string, string>): AcceptanceDto {
  const row = r.row;
  const milestone = row.milestone as Milestone;
  return {
    id: row.id,
    projectId: row.projectId,
    projectName: r.projectName,
    milestone,
    state: row.state as AcceptanceState,
    plannedOn: row.plannedOn,
    signoffs: row.signoffs.map((s) => ({ ...s, role: s.role as ParticipantRole, enterpriseName: names.get(s.enterpriseId) ?? "" })),
    requiredParties: [...MILESTONE_REQUIRED_PARTIES[milestone]],
    missingParties: missingParties(milestone, row.signoffs),
    acceptedAt: row.acceptedAt?.toISOString() ?? null,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}

const SORTS: Record<string, AnyPgColumn> = { plannedOn: A.plannedOn, createdAt: A.createdAt, acceptedAt: A.acceptedAt };

/** The city list (or one project's, with `projectId`), in the actor's scope. */
export async function listAcceptances(db: Executor, actor: Actor, q: ListAcceptancesQuery): Promise<Page<AcceptanceDto>> {
  requirePermission(actor, "cases.read");
  const where: SQL | undefined = andAll([
    projectScope(actor, A.projectId),
    q.projectId ? eq(A.projectId, q.projectId) : undefined,
    q.milestone?.length ? inArray(A.milestone, q.milestone) : undefined,
    q.state?.length ? inArray(A.state, q.state) : undefined,
    q.q ? or(ilike(P.name, likePattern(q.q)), ilike(P.code, likePattern(q.q))) : undefined,
  ]);
  const key = q.sort?.replace(/^-/, "") ?? "plannedOn";
  const dir = q.sort && !q.sort.startsWith("-") ? asc : desc;
  const rows = await selectAcceptances(db)
    .where(where)
    .orderBy(sql`${dir(SORTS[key] ?? A.plannedOn)} nulls last`, asc(A.id))
    .limit(q.pageSize)
    .offset(offsetOf(q));
  const names = await enterpriseNames(db, rows);
  return toPage(rows, q, (r) => toDto(r, names));
}

/** A project's acceptances in milestone order. @throws AppError NOT_FOUND out of scope. */
export async function projectAcceptances(db: Executor, actor: Actor, projectId: string): Promise<AcceptanceDto[]> {
  requirePermission(actor, "cases.read");
  await assertProjectVisible(db, actor, projectId);
  const rows = await selectAcceptances(db)
    .where(eq(A.projectId, projectId))
    .orderBy(sql`array_position(array['foundation','main_structure','completion']::text[], ${A.milestone})`);
  const names = await enterpriseNames(db, rows);
  return rows.map((r) => toDto(r, names));
}

export async function getAcceptance(db: Executor, actor: Actor, id: string): Promise<AcceptanceDto> {
  const [row] = await selectAcceptances(db).where(and(eq(A.id, id), projectScope(actor, A.projectId)));
  if (!row) throw notFound("acceptance", id);
  return toDto(row, await enterpriseNames(db, [row]));
}
