import { and, eq, sql } from "drizzle-orm";
import type { z } from "zod";
import type { PatrolInput, PatrolPlanDto, PatrolPlanInput } from "@contracts/gas/patrol";
import { requirePermission } from "../../../platform/auth/actor.js";
import { recordAudit } from "../../../platform/audit/audit.js";
import type { ServiceContext } from "../../../platform/context.js";
import type { Executor } from "../../../platform/db/client.js";
import { invalid, notFound } from "../../../platform/errors.js";
import { ruleInForce } from "../../../platform/rules/rules.js";
import { enterprisesView, personsView } from "../../registry/index.js";
import { bboxOf, expandBBox, gasEnterpriseOf, gasScope, TrackIndex } from "../shared/index.js";
import { getPatrolPlan, planLinesWhere } from "./patrol.queries.js";
import { gasPatrolPlans as PL, gasPatrols as PT, gasPipelines as L } from "./schema.js";
import { patrolCoverageRule } from "./pipeline.rules.js";

const E = enterprisesView();
const PE = personsView();

/** Verbs of patrols: plans, and recording a patrol with its track's coverage of the planned lines. */

type PlanInput = z.output<typeof PatrolPlanInput>;

/** Named lines must be the plan company's own; each stranger is listed as `pipelineIds.<i>`. */
async function assertOwnLines(tx: Executor, enterpriseId: string, ids: string[]): Promise<void> {
  if (ids.length === 0) return;
  const own = new Set(
    (await tx.select({ id: L.id }).from(L).where(and(eq(L.enterpriseId, enterpriseId), sql`${L.id} = any(${sql.param(ids)}::uuid[])`))).map((r) => r.id),
  );
  const issues = ids.flatMap((id, i) => (own.has(id) ? [] : [{ path: `pipelineIds.${i}`, message: "不是本企业的管线 (not a line of this company)" }]));
  if (issues.length) throw invalid(issues);
}

async function assertGasCompany(tx: Executor, enterpriseId: string): Promise<void> {
  const [ent] = await tx.select({ type: E.type }).from(E).where(eq(E.id, enterpriseId));
  if (!ent || ent.type !== "gas") throw invalid([{ path: "enterpriseId", message: "须为已登记的燃气企业 (must be a registered gas company)" }]);
}

/** @throws AppError FORBIDDEN; VALIDATION naming the field. */
export async function createPatrolPlan(ctx: ServiceContext, input: PlanInput): Promise<PatrolPlanDto> {
  requirePermission(ctx.actor, "gas.manage");
  const enterpriseId = gasEnterpriseOf(ctx.actor, input.enterpriseId);
  const id = await ctx.db.transaction(async (tx) => {
    await assertGasCompany(tx, enterpriseId);
    const pipelineIds = [...new Set(input.pipelineIds)];
    await assertOwnLines(tx, enterpriseId, pipelineIds);
    const [row] = await tx
      .insert(PL)
      .values({ enterpriseId, name: input.name, pressureClasses: [...new Set(input.pressureClasses)], pipelineIds, intervalDays: input.intervalDays, active: input.active ? 1 : 0 })
      .returning();
    await recordAudit(tx, ctx, { action: "gas.patrol_plan.created", entity: "gas_patrol_plan", entityId: row.id, after: row });
    return row.id;
  });
  return getPatrolPlan(ctx.db, ctx.actor, id);
}

/** Replaces a plan's definition (the company stays). @throws AppError FORBIDDEN; NOT_FOUND; VALIDATION. */
export async function updatePatrolPlan(ctx: ServiceContext, id: string, input: PlanInput): Promise<PatrolPlanDto> {
  requirePermission(ctx.actor, "gas.manage");
  await ctx.db.transaction(async (tx) => {
    const [before] = await tx
      .select()
      .from(PL)
      .where(and(eq(PL.id, id), gasScope(ctx.actor, PL.enterpriseId)))
      .for("update");
    if (!before) throw notFound("patrol plan", id);
    const pipelineIds = [...new Set(input.pipelineIds)];
    await assertOwnLines(tx, before.enterpriseId, pipelineIds);
    const [after] = await tx
      .update(PL)
      .set({ name: input.name, pressureClasses: [...new Set(input.pressureClasses)], pipelineIds, intervalDays: input.intervalDays, active: input.active ? 1 : 0, updatedAt: new Date() })
      .where(eq(PL.id, id))
      .returning();
    await recordAudit(tx, ctx, { action: "gas.patrol_plan.updated", entity: "gas_patrol_plan", entityId: id, before, after });
  });
  return getPatrolPlan(ctx.db, ctx.actor, id);
}

/**
 * Records a patrol: the track is matched against the plan's lines whose bbox comes within the coverage
 * radius of the track's bbox (the others are not near it at all), one grid index for the whole track.
 * @throws AppError FORBIDDEN; NOT_FOUND (plan outside scope); VALIDATION naming `patrollerId` or `planId`.
 */
export async function recordPatrol(ctx: ServiceContext, input: z.output<typeof PatrolInput>): Promise<string> {
  requirePermission(ctx.actor, "gas.manage");
  const id = await ctx.db.transaction(async (tx) => {
    const [plan] = await tx
      .select()
      .from(PL)
      .where(and(eq(PL.id, input.planId), gasScope(ctx.actor, PL.enterpriseId)));
    if (!plan) throw notFound("patrol plan", input.planId);
    if (plan.active !== 1) throw invalid([{ path: "planId", message: "巡线计划已停用 (the plan is inactive)" }]);
    if (input.patrollerId) {
      const [person] = await tx.select({ id: PE.id }).from(PE).where(eq(PE.id, input.patrollerId));
      if (!person) throw invalid([{ path: "patrollerId", message: "人员不存在 (no such person)" }]);
    }
    const rule = (await ruleInForce(tx, patrolCoverageRule, ctx.region)).value;
    const box = expandBBox(bboxOf(input.track), rule.radiusM);
    const lines = await tx
      .select({
        id: L.id,
        lengthM: L.lengthM,
        // Only lines whose bbox meets the track's carry their geometry back; the rest are planned but unwalked.
        coordinates: sql<[number, number][] | null>`case when ${L.maxLng} >= ${box.minLng} and ${L.minLng} <= ${box.maxLng}
          and ${L.maxLat} >= ${box.minLat} and ${L.minLat} <= ${box.maxLat} then ${L.coordinates} end`,
      })
      .from(L)
      .where(planLinesWhere(plan));
    const index = new TrackIndex(input.track, rule.radiusM, rule.maxGapM);
    const coverage: Record<string, number> = {};
    let planned = 0;
    let covered = 0;
    for (const line of lines) {
      const m = line.coordinates ? Math.min(line.lengthM, index.coveredM(line.coordinates, rule.stepM)) : 0;
      coverage[line.id] = Math.round(m * 10) / 10;
      planned += line.lengthM;
      covered += m;
    }
    const [row] = await tx
      .insert(PT)
      .values({
        planId: plan.id,
        enterpriseId: plan.enterpriseId,
        patrollerId: input.patrollerId ?? null,
        patrollerName: input.patrollerName,
        startedAt: new Date(input.track[0][2]),
        endedAt: new Date(input.track[input.track.length - 1][2]),
        track: input.track,
        plannedLengthM: planned,
        coveredLengthM: covered,
        coveragePct: planned > 0 ? Math.round((1000 * covered) / planned) / 10 : 0,
        coverage,
      })
      .returning({ id: PT.id, coveragePct: PT.coveragePct });
    await recordAudit(tx, ctx, {
      action: "gas.patrol.recorded",
      entity: "gas_patrol",
      entityId: row.id,
      after: { planId: plan.id, points: input.track.length, plannedLengthM: planned, coveredLengthM: covered, coveragePct: row.coveragePct },
    });
    return row.id;
  });
  ctx.events.publish("gas.patrol.recorded", { patrolId: id, planId: input.planId });
  return id;
}
