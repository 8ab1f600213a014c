import { and, eq, sql } from "drizzle-orm";
import { shanghaiDay } from "@contracts/platform/time";
import {
  CATEGORY_PARAMS,
  DANGEROUS_WORK_CATEGORY_LABELS,
  DANGEROUS_WORK_STATE_LABELS,
  EXCAVATION_CATEGORIES,
  EXPERT_VERDICT_LABELS,
  CreateDangerousWorkInput,
  type DangerousWorkCategory,
  type DangerousWorkDto,
  type DangerousWorkState,
  ExpertReviewInput,
  type GasClearanceInput,
  type Params,
  type ThresholdRow,
  TransitionInput,
  UpdateDangerousWorkInput,
  type DrafterSignoffInput,
} from "@contracts/safety/dangerous-works";
import type { z } from "zod";
import { requirePermission } from "../../platform/auth/actor.js";
import { recordAudit } from "../../platform/audit/audit.js";
import type { ServiceContext } from "../../platform/context.js";
import type { Executor, Tx } from "../../platform/db/client.js";
import { AppError, conflict, invalid, invalidField, notFound } from "../../platform/errors.js";
import { ruleInForce } from "../../platform/rules/rules.js";
import { assertProjectVisible, enterpriseOf, participantsOf, participatingEnterpriseName, personsView, projectScope } from "../registry/index.js";
import { classifyDangerousWork, entryThresholds, type Classification } from "./dangerous-work.checks.js";
import { notifyEmergency } from "./dangerous-work-emergency.service.js";
import { findWork, workFacts } from "./dangerous-work.queries.js";
import type { GasMainsNear } from "./gas-mains.port.js";
import { dangerousWorkThresholdsRule } from "./dangerous-work.rules.js";
import { afterExpertVerdict, checkDrafterSignoff, checkTransition, DRAFT_STATES, FROZEN_STATES, stepData, type Verdict } from "./dangerous-work.workflow.js";
import { actorParties } from "./project.queries.js";
import { safetyDangerousWorkEvents as EV, safetyDangerousWorks as W, safetyExpertReviews as R, safetyExperts as X } from "./schema.js";

const PE = personsView();

/**
 * Verbs of the 危大 register. A work is classified when saved, by the threshold rule in force for the city;
 * the register holds real 危大 only, so parameters below every threshold are refused naming the field.
 */

type Row = typeof W.$inferSelect;

/** Refuses parameters the category does not declare or of the wrong type, naming `params.<key>`. */
export function assertParamsFit(category: DangerousWorkCategory, params: Params): void {
  const specs = new Map(CATEGORY_PARAMS[category].map((s) => [s.key, s]));
  const issues = Object.entries(params).flatMap(([key, v]) => {
    const spec = specs.get(key);
    if (!spec) return [{ path: `params.${key}`, message: `「${DANGEROUS_WORK_CATEGORY_LABELS[category].zh}」没有此参数 (not a parameter of this category)` }];
    if (typeof v !== spec.type) return [{ path: `params.${key}`, message: spec.type === "number" ? `须为数值(${spec.unit}) (must be a number)` : "须为是/否 (must be true or false)" }];
    return [];
  });
  if (issues.length) throw invalid(issues);
}

/** Classifies, refusing a work that reaches no 危大 row (the message lists the entry thresholds). */
export function classifyOrRefuse(category: DangerousWorkCategory, params: Params, rows: readonly ThresholdRow[]): Classification {
  const c = classifyDangerousWork(category, params, rows);
  if (c.level !== "none") return c;
  const entry = entryThresholds(category, rows);
  const specs = new Map(CATEGORY_PARAMS[category].map((s) => [s.key, s]));
  const text = entry
    .filter((r) => r.op !== "any")
    .map((r) => (r.op === ">=" ? `${specs.get(r.metric)?.zh ?? r.metric}≥${r.value}${r.unit}` : (specs.get(r.metric)?.zh ?? r.metric)))
    .join("，或");
  const first = entry.find((r): r is Exclude<ThresholdRow, { op: "any" }> => r.op !== "any");
  const path = first ? `params.${first.metric}` : "category";
  const message = text
    ? `申报参数未达到危大工程标准（须${text}），不列入危大清单 (the declared parameters do not reach the 危大 thresholds)`
    : `「${DANGEROUS_WORK_CATEGORY_LABELS[category].zh}」须达到超过一定规模的标准方列入清单 (this category is listed only beyond its scale threshold)`;
  throw new AppError("VALIDATION", message, { issues: [{ path, message }] });
}

async function thresholds(db: Executor, region: string): Promise<ThresholdRow[]> {
  return (await ruleInForce(db, dangerousWorkThresholdsRule, region)).value;
}

function assertDates(start: string | null | undefined, end: string | null | undefined): void {
  if (start && end && end < start) throw invalidField("plannedEnd", "计划完成不能早于计划开始 (plannedEnd before plannedStart)");
}

/**
 * The drafting subcontractor must be a 专业分包 of the project (37号令 第十条: a specialty subcontractor may
 * draft the scheme of the work it carries out).
 * @throws AppError VALIDATION naming `drafterEnterpriseId`.
 */
async function assertDrafter(tx: Tx, projectId: string, enterpriseId: string | null | undefined): Promise<void> {
  if (!enterpriseId) return;
  const roles = await participantsOf(tx, projectId, enterpriseId);
  if (!roles.some((r) => r.role === "specialty_subcontractor")) throw invalidField("drafterEnterpriseId", "须为本项目的专业分包单位 (must be a specialty subcontractor of the project)");
}

export async function addEvent(tx: Tx, ctx: ServiceContext, workId: string, e: { action: string; from?: string | null; to?: string | null; note?: string; data?: unknown }) {
  await tx.insert(EV).values({ workId, actorId: ctx.actor.userId, actorName: ctx.actor.displayName, action: e.action, fromState: e.from ?? null, toState: e.to ?? null, note: e.note ?? "", data: e.data ?? null });
}

/** Loads a work in scope and locks it for the rest of the transaction. */
export async function lockWork(tx: Tx, ctx: ServiceContext, id: string): Promise<Row> {
  const [w] = await tx
    .select({ w: W })
    .from(W)
    .where(and(eq(W.id, id), projectScope(ctx.actor, W.projectId)))
    .for("update", { of: W });
  if (!w) throw notFound("dangerous work", id);
  return w.w;
}

/**
 * Registers a 危大 work on a project (state 已辨识), classified by the rule in force.
 * @throws AppError FORBIDDEN; NOT_FOUND (project out of scope); VALIDATION naming `params.<key>` (unknown, wrong type, or below every threshold).
 */
export async function createDangerousWork(ctx: ServiceContext, projectId: string, input: z.output<typeof CreateDangerousWorkInput>): Promise<DangerousWorkDto> {
  requirePermission(ctx.actor, "safety.manage");
  assertParamsFit(input.category, input.params);
  assertDates(input.plannedStart, input.plannedEnd);
  const id = await ctx.db.transaction(async (tx) => {
    await assertProjectVisible(tx, ctx.actor, projectId);
    await assertDrafter(tx, projectId, input.drafterEnterpriseId);
    const c = classifyOrRefuse(input.category, input.params, await thresholds(tx, ctx.region));
    const [row] = await tx
      .insert(W)
      .values({
        projectId,
        category: input.category,
        name: input.name,
        location: input.location,
        params: input.params,
        level: c.level,
        levelClauses: c.clauses,
        plannedStart: input.plannedStart ?? null,
        plannedEnd: input.plannedEnd ?? null,
        authorName: input.authorName ?? null,
        drafterEnterpriseId: input.drafterEnterpriseId ?? null,
      })
      .returning();
    await addEvent(tx, ctx, row.id, { action: "identified", to: "identified", data: { level: c.level, clauses: c.clauses } });
    await recordAudit(tx, ctx, { action: "safety.dangerous_work.created", entity: "dangerous_work", entityId: row.id, after: row });
    return row.id;
  });
  const dto = await findWork(ctx.db, ctx.actor, id);
  ctx.events.publish("safety.dangerous_work.created", { workId: id, projectId, level: dto.level });
  return dto;
}

const sameParams = (a: Params, b: Params) => JSON.stringify(Object.entries(a).sort()) === JSON.stringify(Object.entries(b).sort());

/**
 * Edits a work and re-classifies it. Changing the scheme (parameters or location) once a review has begun
 * sends it back to the contractor's review as a new revision (37号令 第十六条), so a 超危大 needs a new expert
 * review; a work in or past acceptance, or handling an emergency (the client's recovery plan comes first), can
 * no longer change. Changing the drafting subcontractor is a scheme change too (the new drafter signs).
 * @throws AppError FORBIDDEN; NOT_FOUND; PRECONDITION_FAILED (finished or emergency); VALIDATION naming the field.
 */
export async function updateDangerousWork(ctx: ServiceContext, id: string, input: z.output<typeof UpdateDangerousWorkInput>): Promise<DangerousWorkDto> {
  requirePermission(ctx.actor, "safety.manage");
  const result = await ctx.db.transaction(async (tx) => {
    const before = await lockWork(tx, ctx, id);
    const state = before.state as DangerousWorkState;
    if (FROZEN_STATES.includes(state)) {
      const message = `「${DANGEROUS_WORK_STATE_LABELS[state].zh}」阶段的危大工程不能再修改 (a work in ${DANGEROUS_WORK_STATE_LABELS[state].en} can no longer change)`;
      throw new AppError("PRECONDITION_FAILED", message, { issues: [{ path: "state", message }] });
    }
    const category = before.category as DangerousWorkCategory;
    const params = input.params ?? (before.params as Params);
    assertParamsFit(category, params);
    assertDates(input.plannedStart === undefined ? before.plannedStart : input.plannedStart, input.plannedEnd === undefined ? before.plannedEnd : input.plannedEnd);
    const drafter = input.drafterEnterpriseId === undefined ? before.drafterEnterpriseId : input.drafterEnterpriseId;
    await assertDrafter(tx, before.projectId, drafter);
    const c = classifyOrRefuse(category, params, await thresholds(tx, ctx.region));
    const schemeChanged =
      !sameParams(params, before.params as Params) || (input.location !== undefined && input.location !== before.location) || drafter !== before.drafterEnterpriseId;
    const backToReview = schemeChanged && !DRAFT_STATES.includes(state);
    const [after] = await tx
      .update(W)
      .set({
        name: input.name ?? before.name,
        location: input.location ?? before.location,
        params,
        level: c.level,
        levelClauses: c.clauses,
        plannedStart: input.plannedStart === undefined ? before.plannedStart : input.plannedStart,
        plannedEnd: input.plannedEnd === undefined ? before.plannedEnd : input.plannedEnd,
        authorName: input.authorName === undefined ? before.authorName : input.authorName,
        drafterEnterpriseId: drafter,
        state: backToReview ? "enterprise_review" : state,
        revision: backToReview ? before.revision + 1 : before.revision,
        updatedAt: new Date(),
      })
      .where(eq(W.id, id))
      .returning();
    if (backToReview) {
      await addEvent(tx, ctx, id, { action: "scheme_changed", from: state, to: "enterprise_review", note: input.note ?? "", data: { revision: after.revision, level: c.level, previousLevel: before.level } });
    } else if (schemeChanged || c.level !== before.level) {
      await addEvent(tx, ctx, id, { action: "reclassified", from: state, to: state, note: input.note ?? "", data: { level: c.level, previousLevel: before.level } });
    }
    await recordAudit(tx, ctx, { action: "safety.dangerous_work.updated", entity: "dangerous_work", entityId: id, before, after });
    return { projectId: after.projectId, backToReview };
  });
  ctx.events.publish("safety.dangerous_work.updated", { workId: id, projectId: result.projectId, backToReview: result.backToReview });
  return findWork(ctx.db, ctx.actor, id);
}

/**
 * Third-party digging is the main cause of gas-main ruptures (issue 6): an excavation (基坑, 暗挖) on a site
 * linked to a medium-pressure-or-higher main enters 实施 only with the gas company's clearance on record. Which
 * mains a site lies near, the gas network's module answers (`gasMainsNear`, gas-mains.port.ts).
 * @throws AppError CONFLICT naming the main(s) and their distance.
 */
async function assertGasCleared(tx: Executor, work: Row, gasMainsNear: GasMainsNear): Promise<void> {
  if (work.gasClearance || !EXCAVATION_CATEGORIES.includes(work.category as DangerousWorkCategory)) return;
  const mains = await gasMainsNear(tx, work.projectId);
  if (mains.length === 0) return;
  const zh = mains.map((m) => `${m.code}（${m.distanceM} m）`).join("、");
  const en = mains.map((m) => `${m.code} (${m.distanceM} m)`).join(", ");
  const message = `工地临近燃气管线 ${zh}，开挖类危大工程须先登记燃气企业确认方可实施 (the site lies near gas main ${en}; record the gas company's clearance before the excavation starts)`;
  throw conflict(message, { issues: [{ path: "gasClearance", message }], mains });
}

function throwIfRefused(verdict: Verdict): void {
  if (!verdict.ok) throw new AppError(verdict.code, verdict.reason, verdict.field ? { issues: [{ path: verdict.field, message: verdict.reason }] } : undefined);
}

/**
 * One workflow step, checked by the pure workflow (who signs, 危大 vs 超危大, expert clearance, reasons).
 * Entering 险情处置 tells the bureau and the project's parties at once (dangerous-work-emergency.service.ts).
 * @throws AppError FORBIDDEN (wrong party) or PRECONDITION_FAILED naming `to`, `note`, `files`, `drafterSignoff` or
 * `data.*`, with the reason in zh-CN and en; CONFLICT (an excavation near a gas main without clearance).
 */
export async function transitionDangerousWork(ctx: ServiceContext, id: string, input: z.output<typeof TransitionInput>, gasMainsNear: GasMainsNear): Promise<DangerousWorkDto> {
  requirePermission(ctx.actor, "safety.manage");
  const moved = await ctx.db.transaction(async (tx) => {
    const work = await lockWork(tx, ctx, id);
    const from = work.state as DangerousWorkState;
    const [who, facts] = await Promise.all([actorParties(tx, ctx.actor, work.projectId, work.drafterEnterpriseId), workFacts(tx, work)]);
    throwIfRefused(checkTransition(facts, input.to, who, input.note, input.data ?? {}));
    // Only the start (公示 → 实施); a failed acceptance or a recovered emergency sending the work back is not a new start.
    if (from === "posted" && input.to === "in_progress") await assertGasCleared(tx, work, gasMainsNear);
    // A return to drafting voids the subcontractor's signature: the scheme it signed is being redrafted.
    const voidSignature = input.to === "scheme_drafting" ? { drafterSignedRevision: null } : {};
    await tx.update(W).set({ state: input.to, ...voidSignature, updatedAt: new Date() }).where(eq(W.id, id));
    const data = stepData(from, input.to, input.data ?? {});
    await addEvent(tx, ctx, id, { action: "transition", from, to: input.to, note: input.note, data });
    await recordAudit(tx, ctx, { action: "safety.dangerous_work.transitioned", entity: "dangerous_work", entityId: id, before: { state: from }, after: { state: input.to, note: input.note } });
    if (input.to === "emergency") await notifyEmergency(tx, ctx, work, input.note, data?.occurredAt ?? "");
    return { projectId: work.projectId, from };
  });
  ctx.events.publish("safety.dangerous_work.transitioned", { workId: id, projectId: moved.projectId, from: moved.from, to: input.to });
  return findWork(ctx.db, ctx.actor, id);
}

/**
 * Records the expert review (专家论证) of a 超危大 scheme; its verdict moves the work (通过 → 交底,
 * 修改后通过 → 施工单位审核 with a new revision, 不通过 → 方案编制 with a new revision and a new review to come).
 * The general contractor organises it (37号令 第十二条). Experts: ≥ 5, distinct, active pool members, none
 * employed by an enterprise taking part in the project.
 * @throws AppError FORBIDDEN; NOT_FOUND; PRECONDITION_FAILED (not in expert review); VALIDATION naming `expertIds.<i>`.
 */
export async function recordExpertReview(ctx: ServiceContext, id: string, input: z.output<typeof ExpertReviewInput>): Promise<DangerousWorkDto> {
  requirePermission(ctx.actor, "safety.manage");
  const seen = new Map<string, number>();
  const dupes = input.expertIds.flatMap((e, i) => (seen.has(e) ? [{ path: `expertIds.${i}`, message: `与第 ${seen.get(e)! + 1} 位专家重复 (duplicate expert)` }] : (seen.set(e, i), [])));
  if (dupes.length) throw invalid(dupes);
  if (input.heldOn > shanghaiDay()) throw invalidField("heldOn", "论证日期不能晚于今天 (heldOn is in the future)");
  const moved = await ctx.db.transaction(async (tx) => {
    const work = await lockWork(tx, ctx, id);
    if (work.state !== "expert_review") {
      const message = `当前阶段为「${DANGEROUS_WORK_STATE_LABELS[work.state as DangerousWorkState].zh}」，不在专家论证阶段 (the work is not awaiting expert review)`;
      throw new AppError("PRECONDITION_FAILED", message, { issues: [{ path: "state", message }] });
    }
    const who = await actorParties(tx, ctx.actor, work.projectId);
    if (!who.generalContractor) throw new AppError("FORBIDDEN", "专家论证会由本项目施工总承包单位组织并录入 (the general contractor records the expert review)");
    const experts = await tx
      .select({
        id: X.id,
        name: PE.name,
        active: X.active,
        conflict: participatingEnterpriseName(work.projectId, [X.enterpriseId, PE.employerId]),
      })
      .from(X)
      .innerJoin(PE, eq(PE.id, X.personId))
      .where(sql`${X.id} = any(${sql.param(input.expertIds)}::uuid[])`);
    const byId = new Map(experts.map((e) => [e.id, e]));
    const issues = input.expertIds.flatMap((eid, i) => {
      const e = byId.get(eid);
      if (!e) return [{ path: `expertIds.${i}`, message: "不是专家库成员 (not in the expert pool)" }];
      if (!e.active) return [{ path: `expertIds.${i}`, message: `${e.name} 已停用，不能参加论证 (inactive pool member)` }];
      if (e.conflict) return [{ path: `expertIds.${i}`, message: `${e.name} 任职于本项目参建单位「${e.conflict}」，须回避 (employed by a party to the project)` }];
      return [];
    });
    if (issues.length) throw invalid(issues);
    const [review] = await tx.insert(R).values({ workId: id, revision: work.revision, expertIds: input.expertIds, heldOn: input.heldOn, verdict: input.verdict, opinion: input.opinion }).returning();
    const next = afterExpertVerdict(input.verdict);
    const revision = next.newRevision ? work.revision + 1 : work.revision;
    await tx.update(W).set({ state: next.to, revision, updatedAt: new Date() }).where(eq(W.id, id));
    await addEvent(tx, ctx, id, {
      action: "expert_review",
      from: "expert_review",
      to: next.to,
      note: `${EXPERT_VERDICT_LABELS[input.verdict].zh}${input.opinion ? `：${input.opinion}` : ""}`,
      data: { reviewId: review.id, verdict: input.verdict, experts: input.expertIds.length, revision },
    });
    await recordAudit(tx, ctx, { action: "safety.dangerous_work.expert_reviewed", entity: "dangerous_work", entityId: id, after: { review, state: next.to, revision } });
    return { projectId: work.projectId, to: next.to };
  });
  ctx.events.publish("safety.dangerous_work.expert_reviewed", { workId: id, projectId: moved.projectId, verdict: input.verdict, to: moved.to });
  return findWork(ctx.db, ctx.actor, id);
}

/**
 * Records the gas company's clearance (燃气管线安全交底/监护) of an excavation-type work. Issue 6 will require
 * it near gas mains; here it is only recorded.
 * @throws AppError FORBIDDEN; NOT_FOUND; PRECONDITION_FAILED (not an excavation); VALIDATION naming `enterpriseId`.
 */
export async function recordGasClearance(ctx: ServiceContext, id: string, input: GasClearanceInput): Promise<DangerousWorkDto> {
  requirePermission(ctx.actor, "safety.manage");
  const projectId = await ctx.db.transaction(async (tx) => {
    const work = await lockWork(tx, ctx, id);
    if (!EXCAVATION_CATEGORIES.includes(work.category as DangerousWorkCategory)) {
      const message = "仅基坑、暗挖等开挖类工程需要燃气企业确认 (only excavation works carry a gas clearance)";
      throw new AppError("PRECONDITION_FAILED", message, { issues: [{ path: "category", message }] });
    }
    const gas = await enterpriseOf(tx, input.enterpriseId);
    if (!gas) throw invalidField("enterpriseId", "企业不存在 (no such enterprise)");
    if (gas.type !== "gas") throw invalidField("enterpriseId", "须为燃气企业 (must be a gas company)");
    const clearance = { enterpriseId: input.enterpriseId, refNo: input.refNo, at: new Date().toISOString(), by: ctx.actor.displayName };
    await tx.update(W).set({ gasClearance: clearance, updatedAt: new Date() }).where(eq(W.id, id));
    await addEvent(tx, ctx, id, { action: "gas_clearance", from: work.state, to: work.state, note: input.refNo, data: clearance });
    await recordAudit(tx, ctx, { action: "safety.dangerous_work.gas_cleared", entity: "dangerous_work", entityId: id, before: work.gasClearance, after: clearance });
    return work.projectId;
  });
  ctx.events.publish("safety.dangerous_work.gas_cleared", { workId: id, projectId, enterpriseId: input.enterpriseId });
  return findWork(ctx.db, ctx.actor, id);
}

/**
 * The drafting subcontractor's technical lead signs the current revision (建办质〔2018〕31号: a scheme drafted by a
 * specialty subcontractor is signed by both the subcontractor's and the general contractor's technical leads);
 * the general contractor's step to the supervisor is refused until then.
 * @throws AppError FORBIDDEN (not the drafter); NOT_FOUND; PRECONDITION_FAILED (no subcontractor drafted, wrong stage, signed, no scheme on file).
 */
export async function signAsDrafter(ctx: ServiceContext, id: string, input: z.output<typeof DrafterSignoffInput>): Promise<DangerousWorkDto> {
  requirePermission(ctx.actor, "safety.manage");
  const projectId = await ctx.db.transaction(async (tx) => {
    const work = await lockWork(tx, ctx, id);
    const [who, facts] = await Promise.all([actorParties(tx, ctx.actor, work.projectId, work.drafterEnterpriseId), workFacts(tx, work)]);
    const verdict = checkDrafterSignoff(facts, who);
    if (!verdict) {
      const message = "本工程方案由施工总承包单位编制，无需分包单位签字 (no subcontractor drafted this scheme)";
      throw new AppError("PRECONDITION_FAILED", message, { issues: [{ path: "drafterEnterpriseId", message }] });
    }
    throwIfRefused(verdict);
    await tx.update(W).set({ drafterSignedRevision: work.revision, updatedAt: new Date() }).where(eq(W.id, id));
    await addEvent(tx, ctx, id, { action: "drafter_signed", from: work.state, to: work.state, note: input.note, data: { revision: work.revision, enterpriseId: work.drafterEnterpriseId } });
    await recordAudit(tx, ctx, { action: "safety.dangerous_work.drafter_signed", entity: "dangerous_work", entityId: id, after: { revision: work.revision } });
    return work.projectId;
  });
  ctx.events.publish("safety.dangerous_work.drafter_signed", { workId: id, projectId });
  return findWork(ctx.db, ctx.actor, id);
}
