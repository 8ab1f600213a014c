import { and, eq, inArray, ne, sql } from "drizzle-orm";
import type {
  AcceptCaseInput,
  CaseDetailDto,
  CommentCaseInput,
  OpenCaseRequest,
  OpenCaseResultDto,
  RecheckCaseInput,
  ReplyCaseInput,
  ResumeApplyInput,
  ResumeDecisionInput,
  StopWorkInput,
} from "@contracts/cases/cases";
import type { CaseNotificationKind } from "@contracts/cases/notifications";
import { CASE_STATE_LABELS, type CaseGrade, type CaseState, type StopWorkState } from "@contracts/cases/enums";
import { requirePermission } from "../../platform/auth/actor.js";
import { recordAudit } from "../../platform/audit/audit.js";
import type { ServiceContext } from "../../platform/context.js";
import type { Tx } from "../../platform/db/client.js";
import { forbidden, notFound } from "../../platform/errors.js";
import { PROJECT_STATUS_CHANGED, projectOf, type ProjectStatusChange, transitionProjectIn } from "../registry/index.js";
import { bureauTarget, caseLink, openCase, responsibleTarget } from "./case-open.service.js";
import { assertCasePhotos, photosOnCase } from "./case.files.js";
import { callerOf, caseScope, getCase } from "./case.queries.js";
import { planCaseAction, type CaseInput, type CasePlan } from "./case.workflow.js";
import { CASES_NOTIFIED, insertNotifications, type NotifyTarget } from "./notification.service.js";
import { casesCases as C, casesEvents as E } from "./schema.js";

/**
 * The verbs of the rectification loop. Each is one transaction: lock the case (inside the caller's scope),
 * let the workflow decide, write the case, its timeline entry, the project's lifecycle change when a
 * stop-work order starts or ends, the audit entry and the inbox notifications; after commit publish
 * `cases.case.<event>` and `cases.notified`.
 */

type CaseRow = typeof C.$inferSelect;

/** The permission an action needs; a role without it gets 403 before the record is read. */
const PERMISSION_OF = {
  accept: "cases.reply",
  reply: "cases.reply",
  resume_apply: "cases.reply",
  recheck: "cases.inspect",
  stop_work: "cases.inspect",
  resume_decision: "cases.inspect",
} as const;

/** Who hears of each event: the responsible side, the issuer, or both. */
function recipientsOf(plan: CasePlan, c: CaseRow, actorId: string | null): NotifyTarget[] {
  const bureau = bureauTarget(c);
  const responsible = responsibleTarget(c);
  switch (plan.event.action) {
    case "accepted":
    case "replied":
    case "resume_applied":
      return [bureau];
    case "commented":
      return [bureau, responsible].map((t) => ({ ...t, exceptUserId: actorId }));
    default:
      return [responsible];
  }
}

const KIND_OF: Record<CasePlan["event"]["action"], CaseNotificationKind> = {
  opened: "case.opened",
  accepted: "case.accepted",
  replied: "case.replied",
  passed: "case.passed",
  returned: "case.returned",
  overdue: "case.overdue",
  stop_work_ordered: "case.stop_work",
  resume_applied: "case.resume_applied",
  resume_approved: "case.resume_decided",
  resume_denied: "case.resume_decided",
  commented: "case.commented",
};

const TITLE_OF: Record<CasePlan["event"]["action"], string> = {
  opened: "整改通知",
  accepted: "整改通知已签收",
  replied: "收到整改回复，请复查",
  passed: "复查通过，已销项",
  returned: "复查不通过，已退回整改",
  overdue: "整改逾期未回复",
  stop_work_ordered: "停工整改通知",
  resume_applied: "收到复工申请，请审批",
  resume_approved: "同意复工",
  resume_denied: "不同意复工",
  commented: "案件有新备注",
};

/** True while another case of the project still holds a stop-work order (the project stays 停工). */
async function otherStopWorkInForce(tx: Tx, projectId: string, caseId: string): Promise<boolean> {
  const [row] = await tx
    .select({ id: C.id })
    .from(C)
    .where(and(eq(C.projectId, projectId), ne(C.id, caseId), inArray(C.stopWork, ["ordered", "resume_applied"])))
    .limit(1);
  return row !== undefined;
}

/** Suspends or resumes the project as the plan says; null when its status already is what the case needs. */
async function moveProject(tx: Tx, ctx: ServiceContext, plan: CasePlan, c: CaseRow, reason: string): Promise<ProjectStatusChange | null> {
  // Stop-work is refused for cases outside a project (case.workflow.ts), so a plan that moves a project has one.
  if (!plan.project || c.projectId === null) return null;
  const project = await projectOf(tx, c.projectId);
  if (plan.project === "suspend") {
    // Already 停工 under another order: this order adds to it, the project has nothing to change.
    if (project?.status === "suspended") return null;
    return transitionProjectIn(tx, ctx, c.projectId, { to: "suspended", reason: `停工整改 ${c.no}：${reason}` });
  }
  if (project?.status !== "suspended" || (await otherStopWorkInForce(tx, c.projectId, c.id))) return null;
  return transitionProjectIn(tx, ctx, c.projectId, { to: "resumed", reason: `复工 ${c.no}` });
}

async function actOnCase(ctx: ServiceContext, id: string, input: CaseInput): Promise<CaseDetailDto> {
  if (input.action === "comment") {
    if (!ctx.actor.permissions.has("cases.inspect") && !ctx.actor.permissions.has("cases.reply")) throw forbidden(`Role ${ctx.actor.role} may not comment on cases`);
  } else {
    requirePermission(ctx.actor, PERMISSION_OF[input.action]);
  }
  const photoIds = "photoIds" in input ? (input.photoIds ?? []) : [];
  const done = await ctx.db.transaction(async (tx) => {
    const [before] = await tx
      .select()
      .from(C)
      .where(and(eq(C.id, id), caseScope(ctx.actor)))
      .for("update");
    if (!before) throw notFound("case", id);
    const facts = { state: before.state as CaseState, grade: before.grade as CaseGrade, stopWork: before.stopWork as StopWorkState, onSite: before.projectId !== null };
    const plan = planCaseAction(facts, callerOf(ctx.actor, before), input);
    if (photoIds.length > 0) await assertCasePhotos(tx, ctx, photoIds, "photoIds", await photosOnCase(tx, id));
    const [after] = await tx
      .update(C)
      .set({
        state: plan.state,
        stopWork: plan.stopWork,
        ...(plan.closes ? { closedAt: sql`now()` } : {}),
        version: sql`${C.version} + 1`,
        updatedAt: sql`now()`,
      })
      .where(eq(C.id, id))
      .returning();
    await tx.insert(E).values({
      caseId: id,
      actorId: ctx.actor.userId,
      actorName: ctx.actor.displayName,
      action: plan.event.action,
      fromState: before.state,
      toState: after.state,
      note: plan.event.note,
      photoIds: plan.event.photoIds,
      data: plan.event.data,
    });
    const projectChange = await moveProject(tx, ctx, plan, before, plan.event.note);
    await recordAudit(tx, ctx, {
      action: `cases.case.${plan.event.action}`,
      entity: "case",
      entityId: id,
      before: { state: before.state, stopWork: before.stopWork },
      after: { state: after.state, stopWork: after.stopWork, note: plan.event.note, photoIds: plan.event.photoIds, data: plan.event.data },
    });
    const content = {
      kind: KIND_OF[plan.event.action],
      title: `${TITLE_OF[plan.event.action]} ${before.no}：${before.title}`,
      body: plan.event.note ? plan.event.note.slice(0, 500) : `当前状态：${CASE_STATE_LABELS[after.state as CaseState].zh}`,
      link: caseLink(id),
      caseId: id,
    };
    const notified: string[] = [];
    for (const target of recipientsOf(plan, before, ctx.actor.userId)) notified.push(...(await insertNotifications(tx, target, content)));
    return { projectChange, notified, event: plan.event.action, projectId: before.projectId };
  });
  ctx.events.publish(`cases.case.${done.event}`, { caseId: id, projectId: done.projectId });
  if (done.projectChange) ctx.events.publish(PROJECT_STATUS_CHANGED, { ...done.projectChange });
  if (done.notified.length > 0) ctx.events.publish(CASES_NOTIFIED, { notificationIds: done.notified });
  return getCase(ctx.db, ctx.actor, id, { scoped: false });
}

/** 签收. @throws FORBIDDEN unless the responsible side; PRECONDITION_FAILED unless pending. */
export const acceptCase = (ctx: ServiceContext, id: string, input: AcceptCaseInput) => actOnCase(ctx, id, { action: "accept", ...input });
/** 整改回复 with measures and ≥ 1 photo. @throws PRECONDITION_FAILED unless rectifying; VALIDATION naming `photoIds`. */
export const replyCase = (ctx: ServiceContext, id: string, input: ReplyCaseInput) => actOnCase(ctx, id, { action: "reply", ...input });
/** 复查: pass closes, fail (reason required) sends back. @throws PRECONDITION_FAILED unless in review. */
export const recheckCase = (ctx: ServiceContext, id: string, input: RecheckCaseInput) => actOnCase(ctx, id, { action: "recheck", ...input });
/** 停工整改 of a major case: the project goes to 停工 in the same transaction. */
export const orderStopWork = (ctx: ServiceContext, id: string, input: StopWorkInput) => actOnCase(ctx, id, { action: "stop_work", ...input });
/** 复工申请 after the case is closed. */
export const applyResume = (ctx: ServiceContext, id: string, input: ResumeApplyInput) => actOnCase(ctx, id, { action: "resume_apply", ...input });
/** 复工审批: approval resumes the project unless another order still holds it. */
export const decideResume = (ctx: ServiceContext, id: string, input: ResumeDecisionInput) => actOnCase(ctx, id, { action: "resume_decision", ...input });
/** A note on the timeline, by inspectors or the responsible side. */
export const commentCase = (ctx: ServiceContext, id: string, input: CommentCaseInput) => actOnCase(ctx, id, { action: "comment", ...input });

/**
 * An inspector opens a case directly (on patrol, or from an IoT alarm: source "iot", sourceRef the alarm id).
 * @throws AppError FORBIDDEN without `cases.inspect`; NOT_FOUND for an unknown project; VALIDATION naming the field.
 */
export async function openCaseByInspector(ctx: ServiceContext, input: OpenCaseRequest): Promise<OpenCaseResultDto> {
  requirePermission(ctx.actor, "cases.inspect");
  await assertCasePhotos(ctx.db, ctx, input.photoIds ?? [], "photoIds");
  const result = await ctx.db.transaction((tx) => openCase(tx, ctx, input));
  if (result.created) ctx.events.publish("cases.case.opened", { caseId: result.id, projectId: input.projectId });
  return result;
}
