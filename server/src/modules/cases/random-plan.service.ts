import { randomBytes } from "node:crypto";
import { and, desc, eq, inArray, ne, sql } from "drizzle-orm";
import type { z } from "zod";
import type { CreateRandomPlanInput, RandomPlanDetailDto, RandomPlanSummaryDto } from "@contracts/cases/inspections";
import { LIVE_PROJECT_STATUSES } from "@contracts/registry/enums";
import { requirePermission } from "../../platform/auth/actor.js";
import { recordAudit } from "../../platform/audit/audit.js";
import type { ServiceContext } from "../../platform/context.js";
import type { Executor } from "../../platform/db/client.js";
import { AppError, conflict } from "../../platform/errors.js";
import { ruleInForce } from "../../platform/rules/rules.js";
import { activeUsers } from "../identity/index.js";
import { projectsWithParticipants } from "../registry/index.js";
import { notify } from "./notification.service.js";
import { drawPlan, RANDOM_DRAW_WEIGHTS_RULE, type InspectorCandidate, type LastRoundTarget, type PoolProject } from "./random-plan.calc.js";
import { findingCounts, getRandomPlan, parseRecord, type PlanRecord, type StoredTarget } from "./random-plan.queries.js";
import { casesCases as C, casesInspectorConflicts as X, casesInspections as I, casesRandomPlans as RP } from "./schema.js";

export const RANDOM_PLAN_CREATED = "cases.randomPlan.created";
export const RANDOM_PLAN_PUBLISHED = "cases.randomPlan.published";

type Input = z.output<typeof CreateRandomPlanInput>;

/** The target pool: every live project (在建, 停工, 复工) with its risk facts and its participating enterprises. */
export async function targetPool(db: Executor): Promise<PoolProject[]> {
  const projects = await projectsWithParticipants(db, LIVE_PROJECT_STATUSES);
  if (projects.length === 0) return [];
  const counts = await db
    .select({
      projectId: C.projectId,
      openMajorCases: sql<number>`count(*) filter (where ${C.grade} = 'major')`.mapWith(Number),
      overdueCases: sql<number>`count(*) filter (where ${C.deadline} < now())`.mapWith(Number),
    })
    .from(C)
    .where(and(inArray(C.projectId, projects.map((p) => p.projectId)), ne(C.state, "closed")))
    .groupBy(C.projectId);
  const countsOf = new Map(counts.map((c) => [c.projectId, c]));
  return projects.map((p) => ({
    projectId: p.projectId,
    openMajorCases: countsOf.get(p.projectId)?.openMajorCases ?? 0,
    overdueCases: countsOf.get(p.projectId)?.overdueCases ?? 0,
    enterpriseIds: p.enterpriseIds,
  }));
}

/** The inspector pool of a domain: active inspector users, each with the enterprises they declared a conflict with. */
export async function inspectorPool(db: Executor, domain: string): Promise<InspectorCandidate[]> {
  const users = (await activeUsers(db, { role: "inspector", domain })).map((u) => ({ userId: u.id }));
  if (users.length === 0) return [];
  const conflicts = await db
    .select({ userId: X.userId, enterpriseId: X.enterpriseId })
    .from(X)
    .where(
      inArray(
        X.userId,
        users.map((u) => u.userId),
      ),
    );
  return users.map((u) => ({ userId: u.userId, conflictEnterpriseIds: conflicts.filter((c) => c.userId === u.userId).map((c) => c.enterpriseId) }));
}

/** The previous plan of a domain (the newest one drawn), whose pairings the next draw avoids repeating. */
export async function lastRoundOf(db: Executor, domain: string): Promise<{ planId: string; targets: LastRoundTarget[] } | undefined> {
  const [row] = await db.select({ id: RP.id, targets: RP.targets }).from(RP).where(eq(RP.domain, domain)).orderBy(desc(RP.createdAt), desc(RP.id)).limit(1);
  return row && { planId: row.id, targets: row.targets.map((t) => ({ projectId: t.projectId, inspectorIds: t.inspectorIds })) };
}

/**
 * Draws a 双随机 plan: ceil(ratio × live projects) targets by risk weight, and `inspectorsPerTarget` distinct
 * conflict-free inspectors of the domain for each, from the given public seed or a generated one (logged
 * and stored, so anyone can replay the draw against the same previous plan). No pairing of the domain's
 * previous plan is repeated unless the pool leaves no other choice; such a repeat is logged, as the plan's
 * contract has no field for it. The assigned inspectors are told in their inbox.
 * @throws AppError FORBIDDEN without `cases.inspect`; PRECONDITION_FAILED when there is no live project or
 * a drawn target lacks enough conflict-free inspectors (the details list them).
 */
export async function createRandomPlan(ctx: ServiceContext, input: Input): Promise<RandomPlanDetailDto> {
  requirePermission(ctx.actor, "cases.inspect");
  const seed = input.seed ?? randomBytes(8).toString("hex");
  ctx.log.info({ seed, plan: input.name, domain: input.domain, ratioPct: input.ratioPct }, "random inspection draw");
  const id = await ctx.db.transaction(async (tx) => {
    // Two draws of a domain at once would both avoid the same previous plan instead of one following the other.
    await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${`cases.random_plan:${input.domain}`}))`);
    const pool = await targetPool(tx);
    if (pool.length === 0) throw new AppError("PRECONDITION_FAILED", "没有在建项目可供抽取 (no live project to draw from)", { issues: [{ path: "ratioPct", message: "empty pool" }] });
    const inspectors = await inspectorPool(tx, input.domain);
    const weights = (await ruleInForce(tx, RANDOM_DRAW_WEIGHTS_RULE, ctx.region)).value;
    const lastRound = await lastRoundOf(tx, input.domain);
    const draw = drawPlan(pool, inspectors, { seed, ratioPct: input.ratioPct, perTarget: input.inspectorsPerTarget, weights, lastRound: lastRound?.targets });
    if (draw.shortages.length > 0) {
      throw new AppError(
        "PRECONDITION_FAILED",
        `${input.domain} 专业可派检查人员不足：${draw.shortages.length} 个抽中项目不足 ${input.inspectorsPerTarget} 名无回避关系的检查人员 (not enough conflict-free inspectors; ${inspectors.length} in the pool)`,
        { issues: [{ path: "inspectorsPerTarget", message: "not enough inspectors" }], shortages: draw.shortages, poolInspectors: inspectors.length },
      );
    }
    if (draw.repeats.length > 0) {
      ctx.log.warn({ seed, domain: input.domain, previousPlanId: lastRound?.planId, repeats: draw.repeats }, "random inspection draw: last round's pairing repeated, the pool left no other choice");
    }
    const record: PlanRecord = { poolSize: pool.length, inspectorsPerTarget: input.inspectorsPerTarget, results: null, previousPlanId: lastRound?.planId ?? null, repeats: draw.repeats };
    const targets: StoredTarget[] = draw.targets.map((t) => ({ projectId: t.projectId, inspectorIds: t.inspectorIds, weight: t.weight }));
    const [row] = await tx
      .insert(RP)
      .values({ name: input.name, seed, ratioPct: input.ratioPct, domain: input.domain, targets, createdBy: ctx.actor.userId, createdByName: ctx.actor.displayName, summary: JSON.stringify(record) })
      .returning();
    await recordAudit(tx, ctx, { action: "cases.randomPlan.created", entity: "random_plan", entityId: row.id, after: row });
    await notify(
      tx,
      ctx,
      { userIds: [...new Set(targets.flatMap((t) => t.inspectorIds))] },
      { kind: "random_plan.assigned", title: `双随机抽查任务：${input.name}`, body: `本次抽取 ${targets.length} 个检查对象（随机种子 ${seed}）`, link: `/random-plans/${row.id}` },
    );
    return row.id;
  });
  ctx.events.publish(RANDOM_PLAN_CREATED, { planId: id, seed });
  return getRandomPlan(ctx.db, ctx.actor, id);
}

/** The results of a plan's inspections: targets inspected, findings by grade, the average score. */
export async function planResults(db: Executor, targets: readonly StoredTarget[]): Promise<RandomPlanSummaryDto> {
  const inspectionIds = targets.flatMap((t) => (t.inspectionId ? [t.inspectionId] : []));
  const counts = await findingCounts(db, inspectionIds);
  const scores = inspectionIds.length ? await db.select({ score: I.score }).from(I).where(inArray(I.id, inspectionIds)) : [];
  const scored = scores.map((s) => s.score).filter((s): s is number => s !== null);
  const findings = { general: 0, major: 0 };
  for (const c of counts.values()) {
    findings.general += c.general;
    findings.major += c.major;
  }
  return {
    targetCount: targets.length,
    inspectedCount: inspectionIds.length,
    findings,
    averageScore: scored.length ? Math.round((scored.reduce((a, b) => a + b, 0) / scored.length) * 10) / 10 : null,
  };
}

/**
 * Publishes a plan (一公开): its targets, inspectors and results become visible to every logged-in user and
 * the result summary is fixed. No further inspection can be recorded against it.
 * @throws AppError FORBIDDEN without `cases.inspect`; NOT_FOUND; CONFLICT when already published;
 * PRECONDITION_FAILED while none of its targets has been inspected.
 */
export async function publishRandomPlan(ctx: ServiceContext, id: string): Promise<RandomPlanDetailDto> {
  requirePermission(ctx.actor, "cases.inspect");
  await ctx.db.transaction(async (tx) => {
    const [plan] = await tx.select().from(RP).where(eq(RP.id, id)).for("update");
    if (!plan) throw new AppError("NOT_FOUND", `random plan ${id} not found`);
    if (plan.publishedAt) throw conflict("抽查计划已公开 (the plan is already published)");
    const results = await planResults(tx, plan.targets);
    if (results.inspectedCount === 0) {
      throw new AppError("PRECONDITION_FAILED", "抽查对象均未检查，暂不能公开结果 (no target has been inspected yet)", { issues: [{ path: "id", message: "nothing inspected" }] });
    }
    const record: PlanRecord = { ...parseRecord(plan.summary), results };
    const [after] = await tx
      .update(RP)
      .set({ publishedAt: sql`now()`, summary: JSON.stringify(record) })
      .where(eq(RP.id, id))
      .returning();
    await recordAudit(tx, ctx, { action: "cases.randomPlan.published", entity: "random_plan", entityId: id, before: plan, after });
  });
  ctx.events.publish(RANDOM_PLAN_PUBLISHED, { planId: id });
  return getRandomPlan(ctx.db, ctx.actor, id);
}
