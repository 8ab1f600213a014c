import { and, asc, desc, eq, inArray, sql, type SQL } from "drizzle-orm";
import type { ChangeRequestState, EnterpriseChangeRequestDto, EnterpriseIdentity, ListChangeRequestsQuery } from "@contracts/registry/enterprise-change";
import { isCityWide, requirePermission } from "../../platform/auth/actor.js";
import type { Actor } from "../../platform/context.js";
import type { Executor } from "../../platform/db/client.js";
import { andAll, offsetOf, toPage, totalOver, type Page } from "../../platform/db/pagination.js";
import { AppError, notFound } from "../../platform/errors.js";
import { driftSince, identityOf } from "./enterprise-change.workflow.js";
import { registryEnterpriseChangeRequests as R, registryEnterprises as E, registryQualifications as Q } from "./schema.js";
import { enterpriseScope } from "./registry.scope.js";

/**
 * Read side of enterprise change requests. The bureau sees every request; an enterprise-bound user its own
 * enterprise's only (another enterprise's requests are its business, even when the enterprise is visible).
 */

/** Which requests the actor may see: all for the bureau, its own enterprise's for a bound user, none otherwise. */
function requestScope(actor: Actor): SQL | undefined {
  if (isCityWide(actor)) return undefined;
  return actor.enterpriseId ? eq(R.enterpriseId, actor.enterpriseId) : sql`false`;
}

/** The current identity of each enterprise (two queries whatever their number). */
export async function currentIdentities(db: Executor, enterpriseIds: string[]): Promise<Map<string, EnterpriseIdentity>> {
  const ids = [...new Set(enterpriseIds)];
  if (ids.length === 0) return new Map();
  const rows = await db.select({ id: E.id, name: E.name, creditCode: E.creditCode, type: E.type, legalRep: E.legalRep }).from(E).where(inArray(E.id, ids));
  const quals = await db
    .select({ enterpriseId: Q.enterpriseId, category: Q.category, grade: Q.grade, certNo: Q.certNo, issuedOn: Q.issuedOn, expiresOn: Q.expiresOn })
    .from(Q)
    .where(inArray(Q.enterpriseId, ids));
  return new Map(rows.map((r) => [r.id, identityOf({ ...r, qualifications: quals.filter((q) => q.enterpriseId === r.id) })]));
}

const columns = {
  id: R.id,
  enterpriseId: R.enterpriseId,
  enterpriseName: E.name,
  state: R.state,
  proposed: R.proposed,
  base: R.base,
  reason: R.reason,
  requestedByName: R.requestedByName,
  createdAt: R.createdAt,
  note: R.note,
  decidedByName: R.decidedByName,
  decidedAt: R.decidedAt,
};
const selectRequests = (db: Executor) => db.select({ ...columns, total: totalOver }).from(R).innerJoin(E, eq(E.id, R.enterpriseId));
type Row = Awaited<ReturnType<typeof selectRequests>>[number];

/** DTOs of request rows; a pending one is stale when its enterprise's identity moved since filing. */
async function toDtos(db: Executor, rows: Row[]): Promise<EnterpriseChangeRequestDto[]> {
  const identities = await currentIdentities(db, rows.filter((r) => r.state === "pending").map((r) => r.enterpriseId));
  return rows.map((r) => {
    const current = identities.get(r.enterpriseId);
    return {
      id: r.id,
      enterpriseId: r.enterpriseId,
      enterpriseName: r.enterpriseName,
      proposed: r.proposed,
      base: r.base,
      reason: r.reason,
      requestedByName: r.requestedByName,
      note: r.note,
      decidedByName: r.decidedByName,
      state: r.state as ChangeRequestState,
      stale: current !== undefined && driftSince(r.base, current).length > 0,
      createdAt: r.createdAt.toISOString(),
      decidedAt: r.decidedAt?.toISOString() ?? null,
    };
  });
}

async function listWhere(db: Executor, where: SQL | undefined, q: ListChangeRequestsQuery): Promise<Page<EnterpriseChangeRequestDto>> {
  const rows = await selectRequests(db)
    .where(andAll([where, q.state ? eq(R.state, q.state) : undefined]))
    // Pending ones oldest first (the review queue); decided ones newest first.
    .orderBy(q.state === "pending" ? asc(R.createdAt) : desc(R.createdAt), asc(R.id))
    .limit(q.pageSize)
    .offset(offsetOf(q));
  const dtos = await toDtos(db, rows);
  return { ...toPage(rows, q, () => null), items: dtos };
}

/** The city's change requests (`?state=`); a bound user gets its own enterprise's only. */
export async function listChangeRequests(db: Executor, actor: Actor, q: ListChangeRequestsQuery): Promise<Page<EnterpriseChangeRequestDto>> {
  requirePermission(actor, "registry.enterprise.read");
  return listWhere(db, requestScope(actor), q);
}

/**
 * One enterprise's change requests, for its detail page.
 * @throws AppError NOT_FOUND when the enterprise is outside the actor's scope; FORBIDDEN for a bound user
 *   and an enterprise not its own.
 */
export async function listEnterpriseChangeRequests(db: Executor, actor: Actor, enterpriseId: string, q: ListChangeRequestsQuery): Promise<Page<EnterpriseChangeRequestDto>> {
  requirePermission(actor, "registry.enterprise.read");
  const [visible] = await db.select({ id: E.id }).from(E).where(and(eq(E.id, enterpriseId), enterpriseScope(actor, E.id)));
  if (!visible) throw notFound("enterprise", enterpriseId);
  if (!isCityWide(actor) && actor.enterpriseId !== enterpriseId) throw new AppError("FORBIDDEN", "只能查看本企业的变更申请 (only your own enterprise's change requests)");
  return listWhere(db, eq(R.enterpriseId, enterpriseId), q);
}

/** One request as a DTO (after a write that has authorised it). */
export async function getChangeRequest(db: Executor, id: string): Promise<EnterpriseChangeRequestDto> {
  const rows = await selectRequests(db).where(eq(R.id, id));
  if (rows.length === 0) throw notFound("change request", id);
  return (await toDtos(db, rows))[0];
}
