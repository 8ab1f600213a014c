import { and, eq } from "drizzle-orm";
import type { CreateInspectorConflictInput, InspectorConflictDto } from "@contracts/cases/inspections";
import { shanghaiDay } from "@contracts/platform/time";
import { requirePermission } from "../../platform/auth/actor.js";
import { recordAudit } from "../../platform/audit/audit.js";
import type { ServiceContext } from "../../platform/context.js";
import { conflict, forbidden, invalidField, notFound } from "../../platform/errors.js";
import { userOf } from "../identity/index.js";
import { enterprisesView } from "../registry/index.js";
import { conflictScope, getConflict } from "./conflict.queries.js";
import { casesInspectorConflicts as X } from "./schema.js";

const E = enterprisesView();

export const CONFLICT_DECLARED = "cases.inspectorConflict.declared";
export const CONFLICT_WITHDRAWN = "cases.inspectorConflict.withdrawn";

const duplicate = () => conflict("已申报与该企业的回避关系 (this conflict is already declared)", { issues: [{ path: "enterpriseId", message: "already declared" }] });

/**
 * Declares that an inspector must not be sent to projects of an enterprise (回避: former employer, a
 * relative's firm …). An inspector declares for themself; an admin for any inspector.
 * @throws AppError FORBIDDEN without `cases.inspect` or for someone else when not admin; VALIDATION naming
 * `userId` (not an inspector) or `enterpriseId` (unknown); CONFLICT when already declared.
 */
export async function declareConflict(ctx: ServiceContext, input: CreateInspectorConflictInput): Promise<InspectorConflictDto> {
  requirePermission(ctx.actor, "cases.inspect");
  const userId = input.userId ?? ctx.actor.userId;
  if (!userId) throw invalidField("userId", "请指定检查人员 (name the inspector)");
  if (userId !== ctx.actor.userId && ctx.actor.role !== "admin") throw forbidden("只能申报本人的回避关系 (you may declare only your own conflicts)");
  const id = await ctx.db.transaction(async (tx) => {
      const user = await userOf(tx, userId);
      if (!user || user.role !== "inspector") throw invalidField("userId", "不是检查人员 (not an inspector)");
      const [ent] = await tx.select({ id: E.id }).from(E).where(eq(E.id, input.enterpriseId));
      if (!ent) throw invalidField("enterpriseId", "企业不存在 (no such enterprise)");
      const [row] = await tx
        .insert(X)
        .values({ userId, enterpriseId: input.enterpriseId, reason: input.reason, declaredOn: input.declaredOn ?? shanghaiDay() })
        .onConflictDoNothing()
        .returning();
      if (!row) throw duplicate();
      await recordAudit(tx, ctx, { action: "cases.inspectorConflict.declared", entity: "inspector_conflict", entityId: row.id, after: row });
      return row.id;
  });
  ctx.events.publish(CONFLICT_DECLARED, { conflictId: id, userId, enterpriseId: input.enterpriseId });
  return getConflict(ctx.db, ctx.actor, id);
}

/**
 * Withdraws a declaration (own, or anyone's for an admin). Later draws may then send the inspector there.
 * @throws AppError FORBIDDEN without `cases.inspect`; NOT_FOUND for another inspector's declaration.
 */
export async function withdrawConflict(ctx: ServiceContext, id: string): Promise<void> {
  requirePermission(ctx.actor, "cases.inspect");
  const removed = await ctx.db.transaction(async (tx) => {
    const [row] = await tx
      .delete(X)
      .where(and(eq(X.id, id), conflictScope(ctx.actor)))
      .returning();
    if (!row) throw notFound("inspector conflict", id);
    await recordAudit(tx, ctx, { action: "cases.inspectorConflict.withdrawn", entity: "inspector_conflict", entityId: id, before: row });
    return row;
  });
  ctx.events.publish(CONFLICT_WITHDRAWN, { conflictId: id, userId: removed.userId, enterpriseId: removed.enterpriseId });
}
