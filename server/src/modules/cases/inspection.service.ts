import { eq } from "drizzle-orm";
import type { z } from "zod";
import type { CaseCategory } from "@contracts/cases/enums";
import type { CreateInspectionInput, InspectionDetailDto } from "@contracts/cases/inspections";
import { requirePermission } from "../../platform/auth/actor.js";
import { recordAudit } from "../../platform/audit/audit.js";
import type { ServiceContext } from "../../platform/context.js";
import type { Tx } from "../../platform/db/client.js";
import { conflict, invalid, invalidField, type FieldIssue } from "../../platform/errors.js";
import { activeUsers } from "../identity/index.js";
import { assertProjectVisible, participantsView } from "../registry/index.js";
import { openCase } from "./case-open.service.js";
import { assertCasePhotos } from "./case.files.js";
import { findingRef, getInspection } from "./inspection.queries.js";
import { scoreInspection, unknownItemIssues } from "./inspection.checks.js";
import { casesInspections as I, casesRandomPlans as RP } from "./schema.js";
import { templateRow } from "./template.queries.js";

const PP = participantsView();

export const INSPECTION_CREATED = "cases.inspection.created";

type Input = z.output<typeof CreateInspectionInput>;

/** The inspectors named, plus the caller when an inspector; all must be active inspector users. */
async function inspectorsOf(tx: Tx, ctx: ServiceContext, ids: string[]): Promise<{ id: string; name: string }[]> {
  const wanted = [...new Set(ctx.actor.role === "inspector" && ctx.actor.userId ? [ctx.actor.userId, ...ids] : ids)];
  if (wanted.length === 0) throw invalidField("inspectorIds", "请指定检查人员 (name at least one inspector)");
  const rows = (await activeUsers(tx, { ids: wanted, role: "inspector" })).map((u) => ({ id: u.id, name: u.displayName }));
  const unknown = wanted.filter((id) => !rows.some((r) => r.id === id));
  if (unknown.length > 0) throw invalidField("inspectorIds", `不是有效的检查人员 (not active inspectors: ${unknown.join(", ")})`);
  return wanted.map((id) => rows.find((r) => r.id === id)!);
}

/** Locks the plan and checks the project is one of its targets, not yet inspected; returns its targets. */
async function planTargetFor(tx: Tx, planId: string, projectId: string) {
  const [plan] = await tx.select().from(RP).where(eq(RP.id, planId)).for("update");
  if (!plan) throw invalidField("planId", "抽查计划不存在 (no such random plan)");
  if (plan.publishedAt) throw conflict("抽查计划已公开，不能再补录检查 (the plan is published)", { issues: [{ path: "planId", message: "published" }] });
  const target = plan.targets.find((t) => t.projectId === projectId);
  if (!target) throw invalidField("planId", "该项目不在本次抽查名单中 (the project was not drawn in this plan)");
  if (target.inspectionId) throw conflict("该项目已按本计划检查 (this target is already inspected)", { issues: [{ path: "planId", message: "already inspected" }] });
  return plan;
}

/**
 * Records an inspection (检查) and opens one case per failed item, all in one transaction: the checklist
 * is scored against the template version used; each failed item becomes a case at the item's grade, citing
 * its clause, sent to the enterprise the overrides name or else the project's general contractor, with the
 * deadline the override gives or else the rule in force. A 双随机 inspection marks its plan's target done.
 * @throws AppError FORBIDDEN without `cases.inspect`; NOT_FOUND for a project out of scope; VALIDATION naming
 * the field (unknown template or one of another domain, unknown item, inspector, responsible enterprise not on the project, past deadline,
 * a photo the bureau did not upload);
 * CONFLICT when the plan is published or its target already inspected.
 */
export async function createInspection(ctx: ServiceContext, input: Input): Promise<InspectionDetailDto> {
  requirePermission(ctx.actor, "cases.inspect");
  const now = Date.now();
  const overrideIssues: FieldIssue[] = input.findings.flatMap((f, i) =>
    f.deadline && new Date(f.deadline).getTime() <= now ? [{ path: `findings.${i}.deadline`, message: "整改期限须晚于现在 (the deadline must be in the future)" }] : [],
  );
  if (overrideIssues.length > 0) throw invalid(overrideIssues);
  // A failed item's photos go onto the case it opens, where the responsible side is served them: only the inspectors' own.
  for (const [i, r] of input.results.entries()) await assertCasePhotos(ctx.db, ctx, r.photoIds ?? [], `results.${i}.photoIds`);
  const created = await ctx.db.transaction(async (tx) => {
    await assertProjectVisible(tx, ctx.actor, input.projectId);
    const template = await templateRow(tx, input.templateId);
    if (!template) throw invalidField("templateId", "检查表不存在 (no such template)");
    if (template.domain !== input.domain) throw invalidField("templateId", `检查表属于${template.domain}专业，与检查专业${input.domain}不符 (template of another domain)`);
    const unknown = unknownItemIssues(template.items, input.results);
    if (unknown.length > 0) throw invalid(unknown);
    const participants = await tx.select({ enterpriseId: PP.enterpriseId }).from(PP).where(eq(PP.projectId, input.projectId));
    const onProject = new Set(participants.map((p) => p.enterpriseId));
    const strangers = input.findings.flatMap((f, i) =>
      f.enterpriseId && !onProject.has(f.enterpriseId) ? [{ path: `findings.${i}.enterpriseId`, message: "责任单位不是本项目参建单位 (not a participant of the project)" }] : [],
    );
    if (strangers.length > 0) throw invalid(strangers);
    const plan = input.planId ? await planTargetFor(tx, input.planId, input.projectId) : undefined;
    const inspectors = await inspectorsOf(tx, ctx, input.inspectorIds);

    const scored = scoreInspection(template.items, input.results);
    const [row] = await tx
      .insert(I)
      .values({
        projectId: input.projectId,
        kind: input.kind,
        domain: input.domain,
        inspectedOn: input.inspectedOn,
        templateId: template.id,
        inspectorIds: inspectors.map((i) => i.id),
        inspectorNames: inspectors.map((i) => i.name),
        results: input.results,
        score: scored.score,
        summary: input.summary,
        planId: plan?.id ?? null,
        createdBy: ctx.actor.userId,
      })
      .returning();

    const resultOf = new Map(input.results.map((r) => [r.itemCode, r]));
    const overrideOf = new Map(input.findings.map((f) => [f.itemCode, f]));
    const cases: { id: string; no: string }[] = [];
    for (const item of scored.failed) {
      const result = resultOf.get(item.code)!;
      const override = overrideOf.get(item.code);
      const opened = await openCase(
        tx,
        ctx,
        {
          projectId: input.projectId,
          enterpriseId: override?.enterpriseId ?? null,
          source: plan ? "random" : "inspection",
          sourceRef: findingRef(row.id, item.code),
          category: item.category as CaseCategory,
          grade: item.grade,
          title: item.text.length > 200 ? `${item.text.slice(0, 199)}…` : item.text,
          description: override?.description ?? result.note ?? "",
          location: override?.location ?? "",
          legalBasis: item.clause,
          photoIds: result.photoIds ?? [],
          deadline: override?.deadline,
        },
        { inspectionId: row.id },
      );
      cases.push({ id: opened.id, no: opened.no });
    }
    if (plan) {
      const targets = plan.targets.map((t) => (t.projectId === input.projectId ? { ...t, inspectionId: row.id } : t));
      await tx.update(RP).set({ targets }).where(eq(RP.id, plan.id));
    }
    await recordAudit(tx, ctx, { action: "cases.inspection.created", entity: "inspection", entityId: row.id, after: { ...row, caseNos: cases.map((c) => c.no) } });
    return { row, cases };
  });
  ctx.events.publish(INSPECTION_CREATED, { inspectionId: created.row.id, projectId: input.projectId, planId: input.planId ?? null, caseIds: created.cases.map((c) => c.id) });
  return getInspection(ctx.db, ctx.actor, created.row.id);
}
