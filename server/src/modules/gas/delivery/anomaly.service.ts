import { and, eq } from "drizzle-orm";
import { ANOMALY_KIND_LABELS, AnomalyToCaseInput, ResolveAnomalyInput, type AnomalyCaseResultDto, type AnomalyDto, type AnomalyKind } from "@contracts/gas/anomaly";
import { requirePermission } from "../../../platform/auth/actor.js";
import { recordAudit } from "../../../platform/audit/audit.js";
import type { ServiceContext } from "../../../platform/context.js";
import { conflict, notFound } from "../../../platform/errors.js";
import { openCase } from "../../cases/index.js";
import { getAnomaly } from "./anomaly.queries.js";
import { gasAnomalies as A } from "./schema.js";
import { gasScope } from "../shared/index.js";

/** Handling of anomalies: resolve with a note, or turn one into a rectification case (转为整改单). */

async function lockAnomaly(tx: Parameters<Parameters<ServiceContext["db"]["transaction"]>[0]>[0], ctx: ServiceContext, id: string) {
  const [row] = await tx.select().from(A).where(and(eq(A.id, id), gasScope(ctx.actor, A.enterpriseId))).for("update");
  if (!row) throw notFound("anomaly", id);
  return row;
}

/**
 * Closes an open anomaly with what was done; audited. The company resolves its own, the bureau's admin any.
 * @throws AppError FORBIDDEN without gas.manage; NOT_FOUND out of scope; CONFLICT when already resolved.
 */
export async function resolveAnomaly(ctx: ServiceContext, id: string, raw: ResolveAnomalyInput): Promise<AnomalyDto> {
  requirePermission(ctx.actor, "gas.manage");
  const { note } = ResolveAnomalyInput.parse(raw);
  await ctx.db.transaction(async (tx) => {
    const before = await lockAnomaly(tx, ctx, id);
    if (before.state !== "open") throw conflict("该异常已处理 (already resolved)");
    const [after] = await tx.update(A).set({ state: "resolved", resolvedAt: new Date(), resolvedNote: note }).where(eq(A.id, id)).returning();
    await recordAudit(tx, ctx, { action: "gas.anomaly.resolved", entity: "gas_anomaly", entityId: id, before, after });
  });
  return getAnomaly(ctx.db, ctx.actor, id);
}

const LEGAL_BASIS: Record<AnomalyKind, string> = {
  two_places: "DB4114/T 185-2023 液化石油气气瓶追溯（出库、交接、配送）",
  foreign_fill: "TSG 23-2021 气瓶安全技术规程：充装单位只充装自有产权并建档的气瓶",
  unregistered_customer: "瓶装燃气实名销售制度：气瓶须配送至登记在册的实名用户",
  uncertified_staff: "瓶装燃气经营者不得使用不合格的送气人员",
  check_overdue: "《城镇燃气管理条例》第十七条；CJJ 51-2016 3.5.1；建城规〔2023〕4号 第四条",
};

/**
 * Opens a case for the gas company through the one rectification loop (project-less, source "gas", sourceRef
 * `gas_anomaly:<id>`; opening again returns the open case) and links it to the anomaly. Bureau side only.
 * @throws AppError FORBIDDEN without cases.inspect; NOT_FOUND out of scope.
 */
export async function anomalyToCase(ctx: ServiceContext, id: string, raw: AnomalyToCaseInput): Promise<AnomalyCaseResultDto> {
  requirePermission(ctx.actor, "gas.read");
  requirePermission(ctx.actor, "cases.inspect");
  const input = AnomalyToCaseInput.parse(raw);
  const view = await getAnomaly(ctx.db, ctx.actor, id);
  const label = ANOMALY_KIND_LABELS[view.kind].zh;
  const subject = [view.cylinderCode && `钢瓶 ${view.cylinderCode}`, view.customerName && `用户 ${view.customerName}`, view.stationName && `站点 ${view.stationName}`].filter(Boolean).join("，");
  return ctx.db.transaction(async (tx) => {
    const anomaly = await lockAnomaly(tx, ctx, id);
    const opened = await openCase(
      tx,
      ctx,
      {
        projectId: null,
        enterpriseId: anomaly.enterpriseId,
        source: "gas",
        sourceRef: `gas_anomaly:${anomaly.id}`,
        category: "gas",
        grade: input.grade,
        title: input.title ?? `瓶装燃气异常：${label}${subject ? `（${subject}）` : ""}`,
        description: input.description ?? `${label}。${JSON.stringify(anomaly.detail)}`,
        legalBasis: LEGAL_BASIS[view.kind],
        deadline: input.deadline,
      },
    );
    if (anomaly.caseId !== opened.id) {
      await tx.update(A).set({ caseId: opened.id }).where(eq(A.id, id));
      await recordAudit(tx, ctx, { action: "gas.anomaly.caseOpened", entity: "gas_anomaly", entityId: id, before: { caseId: anomaly.caseId }, after: { caseId: opened.id } });
    }
    return { anomalyId: id, caseId: opened.id, caseNo: opened.no, created: opened.created };
  });
}
