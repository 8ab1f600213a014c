import { and, eq, sql } from "drizzle-orm";
import type { CylinderActionInput, CylinderDetailDto, FileCylinderInput } from "@contracts/gas/cylinder";
import { CylinderActionInput as ActionSchema, FileCylinderInput as FileSchema } from "@contracts/gas/cylinder";
import type { CylinderAction, CylinderStatus } from "@contracts/gas/cylinder-status";
import { shanghaiDay } from "@contracts/platform/time";
import { requirePermission } from "../../../platform/auth/actor.js";
import { recordAudit } from "../../../platform/audit/audit.js";
import type { ServiceContext } from "../../../platform/context.js";
import { isUniqueViolation } from "../../../platform/db/pg-errors.js";
import { conflict, invalid, notFound } from "../../../platform/errors.js";
import { ruleInForce } from "../../../platform/rules/rules.js";
import { gasCylinderEvents as V, gasCylinders as C } from "./schema.js";
import { filedRow, filingProblems } from "./cylinder.checks.js";
import { getCylinder } from "./cylinder.queries.js";
import { cylinderDates, cylinderLifeRule } from "./cylinder.rules.js";
import { cylinderTransition } from "./cylinder.workflow.js";
import { stationInScope } from "./station.checks.js";
import { gasScope } from "../shared/index.js";

export const codeTaken = (code: string) => conflict(`钢瓶编码 ${code} 已被使用，报废的编码也不能重用 (cylinder code ${code} is taken; voided codes are never reused)`, { field: "code" });

/** 建档 of one cylinder at a station in scope; the dates follow from the rule `gas.cylinder_life`. */
export async function fileCylinder(ctx: ServiceContext, input: FileCylinderInput): Promise<CylinderDetailDto> {
  requirePermission(ctx.actor, "gas.manage");
  const v = FileSchema.parse(input);
  const station = await stationInScope(ctx.db, ctx.actor, v.stationId, "stationId");
  const today = shanghaiDay(ctx.clock.now());
  const rule = await ruleInForce(ctx.db, cylinderLifeRule, ctx.region, today);
  const problems = filingProblems(v, rule.value, today);
  if (problems.length > 0) throw invalid(problems.map((p) => ({ path: p.field, message: p.message })));
  const id = await ctx.db
    .transaction(async (tx) => {
      const [c] = await tx.insert(C).values(filedRow(v, { enterpriseId: station.enterpriseId, stationId: station.id }, rule.value)).returning();
      await tx.insert(V).values({ cylinderId: c.id, at: new Date(), action: "file", toStatus: "filed", stationId: station.id, actorId: ctx.actor.userId, data: { rule: { code: rule.code, version: rule.version, region: rule.region } } });
      await recordAudit(tx, ctx, { action: "gas.cylinder.filed", entity: "gas_cylinder", entityId: c.id, after: c });
      return c.id;
    })
    .catch((err: unknown) => {
      throw isUniqueViolation(err) ? codeTaken(v.code) : err;
    });
  return getCylinder(ctx.db, ctx.actor, id);
}

/** The workflow action behind each manual action; lost/found are flags beside the status, not statuses. */
const WORKFLOW_ACTION: Partial<Record<CylinderActionInput["action"], CylinderAction>> = {
  stock_in: "stock_in",
  send_inspection: "send_inspection",
  pass_inspection: "pass_inspection",
  fail_inspection: "fail_inspection",
  scrap: "scrap",
};

/**
 * One action on one cylinder from its page, through the status machine; audited and on the timeline. The
 * update is guarded by the version read, so two people acting at once cannot both win.
 */
export async function actOnCylinder(ctx: ServiceContext, id: string, input: CylinderActionInput): Promise<CylinderDetailDto> {
  requirePermission(ctx.actor, "gas.manage");
  const v = ActionSchema.parse(input);
  const [before] = await ctx.db.select().from(C).where(and(eq(C.id, id), gasScope(ctx.actor, C.enterpriseId)));
  if (!before) throw notFound("cylinder", id);
  const now = ctx.clock.now();
  const today = shanghaiDay(now);
  const set: Partial<typeof C.$inferInsert> = {};
  let toStatus: CylinderStatus | null = null;
  const workflowAction = WORKFLOW_ACTION[v.action];
  if (workflowAction) {
    const t = cylinderTransition(before.status as CylinderStatus, workflowAction);
    if (!t.ok) throw conflict(t.reason);
    toStatus = t.to;
    set.status = t.to;
  }
  if (v.action === "pass_inspection") {
    const inspectedOn = v.inspectedOn ?? today;
    if (inspectedOn > today || inspectedOn < before.manufacturedOn) throw invalid([{ path: "inspectedOn", message: "检验日期须在制造日期与今天之间 (between manufacture and today)" }]);
    const rule = await ruleInForce(ctx.db, cylinderLifeRule, ctx.region, today);
    const dates = cylinderDates(rule.value, before.manufacturedOn, inspectedOn);
    Object.assign(set, { lastInspectedOn: inspectedOn, nextInspectionOn: dates.nextInspectionOn, scrapOn: dates.scrapOn });
  }
  if (v.action === "scrap") set.voidedAt = now;
  if (v.action === "report_lost") {
    if (before.lostAt) throw conflict("钢瓶已挂失 (already reported lost)");
    set.lostAt = now;
  }
  if (v.action === "report_found") {
    if (!before.lostAt) throw conflict("钢瓶未挂失 (not reported lost)");
    set.lostAt = null;
  }
  await ctx.db.transaction(async (tx) => {
    const [after] = await tx
      .update(C)
      .set({ ...set, version: sql`${C.version} + 1`, updatedAt: now })
      .where(and(eq(C.id, id), eq(C.version, before.version)))
      .returning();
    if (!after) throw conflict("钢瓶刚被他人修改，请刷新后重试 (changed by someone else; reload and retry)");
    await tx.insert(V).values({
      cylinderId: id,
      at: now,
      action: v.action,
      fromStatus: toStatus ? before.status : null,
      toStatus,
      stationId: before.stationId,
      actorId: ctx.actor.userId,
      note: v.note,
      data: v.action === "pass_inspection" ? { inspectedOn: set.lastInspectedOn, nextInspectionOn: set.nextInspectionOn } : null,
    });
    await recordAudit(tx, ctx, { action: `gas.cylinder.${v.action}`, entity: "gas_cylinder", entityId: id, before, after });
  });
  return getCylinder(ctx.db, ctx.actor, id);
}
