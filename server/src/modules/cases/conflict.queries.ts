import { and, desc, eq, ilike, or, type SQL } from "drizzle-orm";
import type { InspectorConflictDto, ListInspectorConflictsQuery } from "@contracts/cases/inspections";
import { requirePermission } from "../../platform/auth/actor.js";
import type { Actor } from "../../platform/context.js";
import type { Executor } from "../../platform/db/client.js";
import { andAll, likePattern, offsetOf, toPage, totalOver, type Page } from "../../platform/db/pagination.js";
import { notFound } from "../../platform/errors.js";
import { usersView } from "../identity/index.js";
import { enterprisesView } from "../registry/index.js";
import { casesInspectorConflicts as X } from "./schema.js";

const E = enterprisesView();
const U = usersView();

/** Read side of declared conflicts (回避): an inspector sees their own, an admin everyone's. */

/** Own declarations only, unless admin. */
export const conflictScope = (actor: Actor): SQL | undefined => (actor.role === "admin" ? undefined : eq(X.userId, actor.userId ?? "00000000-0000-0000-0000-000000000000"));

const selectConflicts = (db: Executor) =>
  db
    .select({ row: X, userName: U.displayName, enterpriseName: E.name, total: totalOver })
    .from(X)
    .innerJoin(U, eq(U.id, X.userId))
    .innerJoin(E, eq(E.id, X.enterpriseId));
type Row = Awaited<ReturnType<ReturnType<typeof selectConflicts>["where"]>>[number];

const toDto = (r: Row): InspectorConflictDto => ({
  id: r.row.id,
  userId: r.row.userId,
  userName: r.userName,
  enterpriseId: r.row.enterpriseId,
  enterpriseName: r.enterpriseName,
  reason: r.row.reason,
  declaredOn: r.row.declaredOn,
  createdAt: r.row.createdAt.toISOString(),
});

export async function listConflicts(db: Executor, actor: Actor, q: ListInspectorConflictsQuery): Promise<Page<InspectorConflictDto>> {
  requirePermission(actor, "cases.inspect");
  const where = andAll([
    conflictScope(actor),
    q.userId ? eq(X.userId, q.userId) : undefined,
    q.enterpriseId ? eq(X.enterpriseId, q.enterpriseId) : undefined,
    q.q ? or(ilike(E.name, likePattern(q.q)), ilike(U.displayName, likePattern(q.q)), ilike(X.reason, likePattern(q.q))) : undefined,
  ]);
  const rows = await selectConflicts(db).where(where).orderBy(desc(X.createdAt), desc(X.id)).limit(q.pageSize).offset(offsetOf(q));
  return toPage(rows, q, toDto);
}

export async function getConflict(db: Executor, actor: Actor, id: string): Promise<InspectorConflictDto> {
  const [row] = await selectConflicts(db).where(and(eq(X.id, id), conflictScope(actor)));
  if (!row) throw notFound("inspector conflict", id);
  return toDto(row);
}
