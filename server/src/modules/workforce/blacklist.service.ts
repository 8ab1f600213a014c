import { and, desc, eq, ilike, not, or, sql } from "drizzle-orm";
import { maskIdNumber } from "@contracts/registry/identifiers";
import type { BlacklistEntryDto, BlacklistInput, ListBlacklistQuery } from "@contracts/workforce/workers";
import { shanghaiDay } from "@contracts/platform/time";
import { requirePermission } from "../../platform/auth/actor.js";
import { recordAudit } from "../../platform/audit/audit.js";
import type { Actor, ServiceContext } from "../../platform/context.js";
import type { Executor } from "../../platform/db/client.js";
import { andAll, likePattern, offsetOf, toPage, totalOver, type Page } from "../../platform/db/pagination.js";
import { AppError, conflict, invalidField, notFound } from "../../platform/errors.js";
import { personsView } from "../registry/index.js";
import { workforceBlacklist as B, workforceWorkers as W } from "./schema.js";
import { ROSTER_CHANGED } from "./worker.service.js";
import { mayReadIdNumber } from "./worker.queries.js";

const PE = personsView();

/**
 * The city-wide blacklist (黑名单): an entry in force (not revoked, within its validity) blocks 进场 on
 * every project and makes the gates refuse the person. Kept by the bureau (`workforce.blacklist`);
 * everyone with `workforce.read` may consult it.
 */

/** SQL: the entry is in force on `day`. */
const inForce = (day: string) => sql<boolean>`(${B.revokedAt} is null and ${B.validFrom} <= ${day}::date and (${B.validTo} is null or ${B.validTo} >= ${day}::date))`;

function selectEntries(db: Executor, day: string) {
  return db
    .select({ entry: B, name: PE.name, idNumber: PE.idNumber, active: inForce(day), total: totalOver })
    .from(B)
    .innerJoin(PE, eq(PE.id, B.personId));
}

type EntryRow = Awaited<ReturnType<typeof selectEntries>>[number];

function toDto(r: EntryRow, showIdNumber: boolean): BlacklistEntryDto {
  const e = r.entry;
  return {
    id: e.id,
    personId: e.personId,
    name: r.name,
    idNumber: showIdNumber ? r.idNumber : maskIdNumber(r.idNumber),
    reason: e.reason,
    validFrom: e.validFrom,
    validTo: e.validTo,
    createdBy: e.createdBy,
    revokedAt: e.revokedAt?.toISOString() ?? null,
    active: r.active,
    createdAt: e.createdAt.toISOString(),
  };
}

/** One page of entries, newest first; `q` is a name fragment or a whole ID number. */
export async function listBlacklist(db: Executor, actor: Actor, q: ListBlacklistQuery): Promise<Page<BlacklistEntryDto>> {
  requirePermission(actor, "workforce.read");
  const day = shanghaiDay();
  const text = q.q?.trim();
  const where = andAll([
    text ? or(ilike(PE.name, likePattern(text)), eq(PE.idNumber, text.toUpperCase())) : undefined,
    q.active === undefined ? undefined : q.active ? inForce(day) : not(inForce(day)),
  ]);
  const rows = await selectEntries(db, day).where(where).orderBy(desc(B.createdAt), desc(B.id)).limit(q.pageSize).offset(offsetOf(q));
  const show = mayReadIdNumber(actor);
  return toPage(rows, q, (r) => toDto(r, show));
}

async function entryDto(db: Executor, actor: Actor, id: string): Promise<BlacklistEntryDto> {
  const [row] = await selectEntries(db, shanghaiDay()).where(eq(B.id, id));
  if (!row) throw notFound("blacklist entry", id);
  return toDto(row, mayReadIdNumber(actor));
}

/** Projects where the person is enrolled now: their gate rosters change with the blacklist. */
async function liveProjectsOf(tx: Executor, personId: string): Promise<string[]> {
  const rows = await tx
    .selectDistinct({ projectId: W.projectId })
    .from(W)
    .where(and(eq(W.personId, personId), sql`${W.status} <> 'exited'`));
  return rows.map((r) => r.projectId);
}

/**
 * Blacklists a person city-wide from `validFrom` (to `validTo`, or indefinitely).
 * @throws AppError FORBIDDEN without `workforce.blacklist`; NOT_FOUND naming `personId`; VALIDATION naming `validTo`.
 */
export async function addToBlacklist(ctx: ServiceContext, input: BlacklistInput): Promise<BlacklistEntryDto> {
  requirePermission(ctx.actor, "workforce.blacklist");
  if (input.validTo && input.validTo < input.validFrom) throw invalidField("validTo", "有效期止早于起始日期 (validTo is before validFrom)");
  const { id, projects } = await ctx.db.transaction(async (tx) => {
    const [person] = await tx.select({ id: PE.id }).from(PE).where(eq(PE.id, input.personId));
    if (!person) throw new AppError("NOT_FOUND", `人员不存在 (person ${input.personId} not found)`, { issues: [{ path: "personId", message: "not found" }] });
    const [row] = await tx
      .insert(B)
      .values({ personId: input.personId, reason: input.reason, validFrom: input.validFrom, validTo: input.validTo ?? null, createdBy: ctx.actor.username })
      .returning();
    await recordAudit(tx, ctx, { action: "workforce.blacklist.added", entity: "person", entityId: input.personId, after: row });
    return { id: row.id, projects: await liveProjectsOf(tx, input.personId) };
  });
  ctx.events.publish("workforce.blacklist.added", { entryId: id, personId: input.personId });
  for (const projectId of projects) ctx.events.publish(ROSTER_CHANGED, { projectId });
  return entryDto(ctx.db, ctx.actor, id);
}

/**
 * Revokes an entry (it stays listed, inactive).
 * @throws AppError FORBIDDEN; NOT_FOUND; CONFLICT when already revoked.
 */
export async function revokeBlacklist(ctx: ServiceContext, id: string, input: { reason?: string }): Promise<BlacklistEntryDto> {
  requirePermission(ctx.actor, "workforce.blacklist");
  const { personId, projects } = await ctx.db.transaction(async (tx) => {
    const [before] = await tx.select().from(B).where(eq(B.id, id)).for("update");
    if (!before) throw notFound("blacklist entry", id);
    if (before.revokedAt) throw conflict("该黑名单记录已撤销 (the entry is already revoked)");
    const [after] = await tx.update(B).set({ revokedAt: new Date(), updatedAt: new Date() }).where(eq(B.id, id)).returning();
    await recordAudit(tx, ctx, { action: "workforce.blacklist.revoked", entity: "person", entityId: before.personId, before, after: { ...after, revokeReason: input.reason ?? null } });
    return { personId: before.personId, projects: await liveProjectsOf(tx, before.personId) };
  });
  ctx.events.publish("workforce.blacklist.revoked", { entryId: id, personId });
  for (const projectId of projects) ctx.events.publish(ROSTER_CHANGED, { projectId });
  return entryDto(ctx.db, ctx.actor, id);
}
