import { and, eq } from "drizzle-orm";
import type {
  ApproveChangeRequestInput,
  CreateEnterpriseChangeRequestInput,
  EnterpriseChangeRequestDto,
  RejectChangeRequestInput,
} from "@contracts/registry/enterprise-change";
import { requirePermission } from "../../platform/auth/actor.js";
import { recordAudit } from "../../platform/audit/audit.js";
import type { ServiceContext } from "../../platform/context.js";
import type { Tx } from "../../platform/db/client.js";
import { AppError, conflict, notFound } from "../../platform/errors.js";
import { noFollowUps, type EnterpriseChangeFollowUps } from "./enterprise-change.port.js";
import { getChangeRequest } from "./enterprise-change.queries.js";
import { driftSince, effectiveChange, identityOf } from "./enterprise-change.workflow.js";
import { assertQualificationsFree, duplicateCreditCode, enterpriseAuditView, writeEnterpriseFields } from "./enterprise.service.js";
import { registryEnterpriseChangeRequests as R, registryEnterprises as E } from "./schema.js";
import { enterpriseScope } from "./registry.scope.js";

/**
 * 企业信息变更申请: an enterprise's own user proposes new identity fields; a bureau registry role approves
 * (the fields are applied, audited before/after, in the same transaction) or rejects with a note. What other
 * modules do about a filing or a decision (the inbox notices) runs in the same transaction (`followUps`).
 */

/** Published after a request is filed, payload {requestId, enterpriseId, enterpriseName}. */
export const ENTERPRISE_CHANGE_REQUESTED = "registry.enterpriseChange.requested";
/** Published after a decision, payload {requestId, enterpriseId, enterpriseName, state, note}. */
export const ENTERPRISE_CHANGE_DECIDED = "registry.enterpriseChange.decided";

const AUDIT_ENTITY = "enterprise_change_request";

/**
 * Files a change request for the actor's own enterprise. Only the fields that differ from the stored
 * ones are kept; a credit code or certificate number already held by another enterprise is refused now
 * (and checked again on approval).
 * @throws AppError FORBIDDEN without `registry.enterprise.requestChange` or for an enterprise not the
 *   actor's own; NOT_FOUND outside its scope; VALIDATION when nothing would change; CONFLICT naming
 *   `creditCode` or `qualifications.<i>.certNo`.
 */
export async function requestEnterpriseChange(
  ctx: ServiceContext,
  input: CreateEnterpriseChangeRequestInput & { enterpriseId: string },
  followUps: EnterpriseChangeFollowUps = noFollowUps,
): Promise<EnterpriseChangeRequestDto> {
  requirePermission(ctx.actor, "registry.enterprise.requestChange");
  const { enterpriseId, reason, ...proposal } = input;
  const { id, enterpriseName } = await ctx.db.transaction(async (tx) => {
    const [visible] = await tx.select({ id: E.id }).from(E).where(and(eq(E.id, enterpriseId), enterpriseScope(ctx.actor, E.id)));
    if (!visible) throw notFound("enterprise", enterpriseId);
    if (ctx.actor.enterpriseId !== enterpriseId) throw new AppError("FORBIDDEN", "只能为本企业申请变更 (only for your own enterprise)");
    const stored = (await enterpriseAuditView(tx, enterpriseId))!;
    const base = identityOf(stored);
    const proposed = effectiveChange(base, proposal);
    if (Object.keys(proposed).length === 0) {
      // No single field is wrong here, so no issues list: the message names the fields that could change.
      throw new AppError("VALIDATION", "变更申请须至少改变一项：企业名称、统一社会信用代码、企业类型、法定代表人、资质 (the request changes none of name, creditCode, type, legalRep, qualifications)");
    }
    if (proposed.creditCode) {
      const [other] = await tx.select({ id: E.id }).from(E).where(eq(E.creditCode, proposed.creditCode));
      if (other) throw duplicateCreditCode(proposed.creditCode);
    }
    if (proposed.qualifications) await assertQualificationsFree(tx, proposed.qualifications, enterpriseId);
    const [row] = await tx
      .insert(R)
      .values({ enterpriseId, proposed, base, reason, requestedBy: ctx.actor.userId, requestedByName: ctx.actor.displayName })
      .returning();
    await recordAudit(tx, ctx, { action: "registry.enterpriseChange.requested", entity: AUDIT_ENTITY, entityId: row.id, after: row });
    await followUps.requested(tx, ctx, { requestId: row.id, enterpriseId, enterpriseName: stored.name });
    return { id: row.id, enterpriseName: stored.name };
  });
  ctx.events.publish(ENTERPRISE_CHANGE_REQUESTED, { requestId: id, enterpriseId, enterpriseName });
  return getChangeRequest(ctx.db, id);
}

/**
 * Locks a pending request and its enterprise (enterprise first, the order of a direct update).
 * @throws AppError NOT_FOUND; CONFLICT when already decided.
 */
async function lockPending(tx: Tx, id: string) {
  const [peek] = await tx.select({ enterpriseId: R.enterpriseId }).from(R).where(eq(R.id, id));
  if (!peek) throw notFound("change request", id);
  await tx.select({ id: E.id }).from(E).where(eq(E.id, peek.enterpriseId)).for("update");
  const [request] = await tx.select().from(R).where(eq(R.id, id)).for("update");
  if (request.state !== "pending") throw conflict(`变更申请已${request.state === "approved" ? "通过" : "驳回"} (the request is already ${request.state})`, { state: request.state });
  return request;
}

/**
 * Approves a pending request: applies its fields to the enterprise and marks it approved, with the audit
 * of both, in one transaction.
 * @throws AppError FORBIDDEN without `registry.enterprise.reviewChange`; NOT_FOUND; CONFLICT when already
 *   decided, when the enterprise's identity changed since filing (stale, naming the fields), or naming
 *   `creditCode` / `qualifications.<i>.certNo` now held by another enterprise.
 */
export async function approveEnterpriseChange(
  ctx: ServiceContext,
  input: ApproveChangeRequestInput & { id: string },
  followUps: EnterpriseChangeFollowUps = noFollowUps,
): Promise<EnterpriseChangeRequestDto> {
  requirePermission(ctx.actor, "registry.enterprise.reviewChange");
  const decided = await ctx.db.transaction(async (tx) => {
    const request = await lockPending(tx, input.id);
    const before = (await enterpriseAuditView(tx, request.enterpriseId))!;
    const drift = driftSince(request.base, identityOf(before));
    if (drift.length > 0) {
      throw conflict("企业信息在申请后已变更，请驳回后重新申请 (the enterprise changed since the request was filed; reject it and file again)", {
        issues: drift.map((path) => ({ path, message: "申请后已变更 (changed since the request was filed)" })),
      });
    }
    await writeEnterpriseFields(tx, request.enterpriseId, request.proposed, before);
    const after = await enterpriseAuditView(tx, request.enterpriseId);
    const [done] = await tx
      .update(R)
      .set({ state: "approved", note: input.note ?? null, decidedBy: ctx.actor.userId, decidedByName: ctx.actor.displayName, decidedAt: new Date() })
      .where(eq(R.id, input.id))
      .returning();
    await recordAudit(tx, ctx, { action: "registry.enterprise.updated", entity: "enterprise", entityId: request.enterpriseId, before, after });
    await recordAudit(tx, ctx, { action: "registry.enterpriseChange.approved", entity: AUDIT_ENTITY, entityId: input.id, before: request, after: done });
    await followUps.decided(tx, ctx, { requestId: done.id, enterpriseId: done.enterpriseId, enterpriseName: after!.name, state: "approved", note: done.note });
    return { request: done, enterpriseName: after!.name };
  });
  const { request } = decided;
  ctx.events.publish("registry.enterprise.updated", { enterpriseId: request.enterpriseId, fields: Object.keys(request.proposed) });
  ctx.events.publish(ENTERPRISE_CHANGE_DECIDED, { requestId: request.id, enterpriseId: request.enterpriseId, enterpriseName: decided.enterpriseName, state: "approved", note: request.note });
  return getChangeRequest(ctx.db, request.id);
}

/**
 * Rejects a pending request with a note the enterprise sees.
 * @throws AppError FORBIDDEN without `registry.enterprise.reviewChange`; NOT_FOUND; CONFLICT when already decided.
 */
export async function rejectEnterpriseChange(
  ctx: ServiceContext,
  input: RejectChangeRequestInput & { id: string },
  followUps: EnterpriseChangeFollowUps = noFollowUps,
): Promise<EnterpriseChangeRequestDto> {
  requirePermission(ctx.actor, "registry.enterprise.reviewChange");
  const decided = await ctx.db.transaction(async (tx) => {
    const request = await lockPending(tx, input.id);
    const [done] = await tx
      .update(R)
      .set({ state: "rejected", note: input.note, decidedBy: ctx.actor.userId, decidedByName: ctx.actor.displayName, decidedAt: new Date() })
      .where(eq(R.id, input.id))
      .returning();
    await recordAudit(tx, ctx, { action: "registry.enterpriseChange.rejected", entity: AUDIT_ENTITY, entityId: input.id, before: request, after: done });
    const [e] = await tx.select({ name: E.name }).from(E).where(eq(E.id, request.enterpriseId));
    await followUps.decided(tx, ctx, { requestId: done.id, enterpriseId: done.enterpriseId, enterpriseName: e.name, state: "rejected", note: done.note });
    return { request: done, enterpriseName: e.name };
  });
  const { request } = decided;
  ctx.events.publish(ENTERPRISE_CHANGE_DECIDED, { requestId: request.id, enterpriseId: request.enterpriseId, enterpriseName: decided.enterpriseName, state: "rejected", note: request.note });
  return getChangeRequest(ctx.db, request.id);
}
