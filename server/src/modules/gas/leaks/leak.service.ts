import { and, eq, sql } from "drizzle-orm";
import { LEAK_LEVEL_LABELS, type LeakPointDto, type RecheckInput } from "@contracts/gas/leak";
import { recordAudit } from "../../../platform/audit/audit.js";
import { isCityWide, requirePermission, SYSTEM_ACTOR } from "../../../platform/auth/actor.js";
import type { ServiceContext } from "../../../platform/context.js";
import { conflict, notFound } from "../../../platform/errors.js";
import { ruleInForce } from "../../../platform/rules/rules.js";
import { openCase } from "../../cases/index.js";
import { pipelinesView } from "../pipelines/index.js";
import { gasScope } from "../shared/index.js";
import { judgeRecheck } from "./leak.checks.js";
import { getLeak } from "./leak.queries.js";
import { leakThresholdsRule } from "./leak.rules.js";
import { gasLeakPoints as G } from "./schema.js";

/**
 * Records the handheld re-check of a suspect point: confirmed (≥ 1 % LEL; enclosed ≥ 25 % / 50 % LEL raise the
 * level) or cleared (below). A confirmed leak opens an urgent (major) case in the one loop, no project, the
 * main's company responsible (else the vehicle's owner), with the rule's short deadline.
 * @throws AppError FORBIDDEN without `gas.manage`; NOT_FOUND out of scope; CONFLICT when already re-checked.
 */
export async function recheckLeak(ctx: ServiceContext, id: string, input: Required<RecheckInput>): Promise<LeakPointDto> {
  requirePermission(ctx.actor, "gas.manage");
  const { value: t, version } = await ruleInForce(ctx.db, leakThresholdsRule, ctx.region);
  const verdict = judgeRecheck(input, t);
  const caseId = await ctx.db.transaction(async (tx) => {
    const [before] = await tx
      .select()
      .from(G)
      .where(and(eq(G.id, id), gasScope(ctx.actor, G.enterpriseId)))
      .for("update");
    if (!before) throw notFound("leak point", id);
    if (before.state !== "suspect") {
      throw conflict(`该疑似点已复检 (${before.state}) (already re-checked)`, { issues: [{ path: "state", message: `already ${before.state}` }] });
    }
    const [after] = await tx
      .update(G)
      .set({
        state: verdict.state,
        level: verdict.level,
        recheckPpm: input.ppm,
        recheckEnclosed: input.enclosed,
        recheckNote: input.note || null,
        recheckAt: sql`now()`,
        recheckBy: ctx.actor.displayName,
        updatedAt: sql`now()`,
      })
      .where(eq(G.id, id))
      .returning();
    await recordAudit(tx, ctx, { action: `gas.leak.${verdict.state}`, entity: "gas_leak_point", entityId: id, before, after: { ...after, rule: `${leakThresholdsRule.code} v${version}` } });
    if (verdict.state !== "confirmed") return null;

    const L = pipelinesView();
    const [main] = before.pipelineId ? await tx.select({ enterpriseId: L.enterpriseId, code: L.code, name: L.name }).from(L).where(eq(L.id, before.pipelineId)) : [];
    const responsible = main?.enterpriseId ?? before.enterpriseId;
    // The case follows from the rule, not from the re-checker's own authority: when the main belongs to another
    // company than the re-checker's, the platform opens it (a gas company may open cases only for itself).
    const caseCtx = isCityWide(ctx.actor) || ctx.actor.enterpriseId === responsible ? ctx : { ...ctx, actor: SYSTEM_ACTOR };
    const level = LEAK_LEVEL_LABELS[verdict.level].zh;
    const opened = await openCase(
      tx,
      caseCtx,
      {
        projectId: null,
        enterpriseId: responsible,
        source: "gas",
        sourceRef: `gas_leak:${id}`,
        category: "gas",
        grade: "major",
        title: `燃气泄漏：${level}${main ? `（${main.code} ${main.name}）` : ""}`,
        description:
          `检测车读数 ${before.ppm} ppm（背景 ${before.backgroundPpm} ppm），手持复检 ${input.ppm} ppm${input.enclosed ? "（密闭空间）" : ""}。` +
          (verdict.level === "level2" ? "立即疏散、控制火源。" : "") +
          (input.note ? ` ${input.note}` : ""),
        location: `${before.lng.toFixed(6)},${before.lat.toFixed(6)}${main ? ` ${main.name}` : ""}`,
        legalBasis: "CJJ/T 215-2014《城镇燃气管网泄漏检测技术规程》; CJJ 51-2016《城镇燃气设施运行、维护和抢修安全技术规程》",
        deadline: new Date(Date.now() + t.caseDeadlineHours * 3600_000).toISOString(),
      },
    );
    await tx.update(G).set({ caseId: opened.id }).where(eq(G.id, id));
    return opened.id;
  });
  ctx.events.publish(`gas.leak.${verdict.state}`, { leakPointId: id, level: verdict.level, caseId });
  return getLeak(ctx.db, ctx.actor, id);
}
