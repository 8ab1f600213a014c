import type { CaseAction, CaseEventAction, StopWorkScope } from "@contracts/cases/cases";
import { CASE_STATE_LABELS, STOP_WORK_LABELS, type CaseGrade, type CaseState, type StopWorkState } from "@contracts/cases/enums";
import { AppError, invalidField } from "../../platform/errors.js";

/**
 * The one rectification loop (整改闭环, domain-rules §5.2) as a pure state machine:
 * 待整改 pending → (签收) 整改中 rectifying → (整改回复) 待复查 review → (复查通过) 已销项 closed, or
 * (复查不通过, 退回) back to rectifying. Beside it runs the 停工整改 track of major cases:
 * none → ordered (project 停工) → resume_applied (after the case is closed) → resumed (project 复工),
 * or back to ordered when the application is denied. Overdue is a flag the sweeper sets, not a state.
 * No I/O here: the service loads the facts, this decides, every edge and refusal is unit-tested.
 */

export interface CaseFacts {
  state: CaseState;
  grade: CaseGrade;
  stopWork: StopWorkState;
  /** False for a case outside any construction project (gas): there is no site to stop. */
  onSite?: boolean;
}

/** What the caller is, relative to this case (the service derives it from the actor and the case). */
export interface Caller {
  /** Holds `cases.inspect` (bureau inspectors, admin). */
  canInspect: boolean;
  /** Holds `cases.reply` (project parties). */
  canReply: boolean;
  /** A user of the responsible enterprise, or a user bound to the case's project. */
  isResponsible: boolean;
}

export type CaseInput =
  | { action: "accept"; note?: string }
  | { action: "reply"; measures: string; photoIds: string[] }
  | { action: "recheck"; passed: boolean; reason?: string; photoIds?: string[] }
  | { action: "stop_work"; scope: StopWorkScope; reason: string }
  | { action: "resume_apply"; report: string; photoIds?: string[] }
  | { action: "resume_decision"; approved: boolean; reason?: string }
  | { action: "comment"; text: string };

/** The decided change: new columns, the timeline entry, and what the project must do. */
export interface CasePlan {
  state: CaseState;
  stopWork: StopWorkState;
  closes: boolean;
  event: { action: CaseEventAction; note: string; photoIds: string[]; data: Record<string, unknown> | null };
  /** suspend: order the project to 停工; resume: 复工 unless another order still holds it. */
  project: "suspend" | "resume" | null;
}

const stateLabel = (s: CaseState) => `「${CASE_STATE_LABELS[s].zh}」(${s})`;
const stopLabel = (s: StopWorkState) => `「${STOP_WORK_LABELS[s].zh}」(${s})`;

const refuse = (message: string, details: Record<string, unknown>) => new AppError("PRECONDITION_FAILED", message, details);

/** Who may take an action at all; null when the caller qualifies. */
function whoBlocks(action: CaseAction, caller: Caller): string | null {
  switch (action) {
    case "accept":
    case "reply":
    case "resume_apply":
      if (!caller.canReply) return "需要整改回复权限 (cases.reply required)";
      if (!caller.isResponsible) return "仅责任单位或本项目人员可办理 (only the responsible unit or the project's users may do this)";
      return null;
    case "recheck":
    case "stop_work":
    case "resume_decision":
      return caller.canInspect ? null : "仅监督人员可办理 (cases.inspect required)";
    case "comment":
      if (caller.canInspect) return null;
      return caller.canReply && caller.isResponsible ? null : "仅监督人员、责任单位或本项目人员可备注 (only inspectors and the responsible parties may comment)";
  }
}

/** Why the case, as it stands, does not admit the action; null when it does (input not yet considered). */
function stateBlocks(action: CaseAction, f: CaseFacts): { message: string; details: Record<string, unknown> } | null {
  const needState = (want: CaseState, verb: string) =>
    f.state === want ? null : { message: `${verb}须在${stateLabel(want)}状态，当前为${stateLabel(f.state)} (${action} needs state ${want}, case is ${f.state})`, details: { state: f.state, required: want } };
  switch (action) {
    case "accept":
      return needState("pending", "签收");
    case "reply":
      return needState("rectifying", "整改回复");
    case "recheck":
      return needState("review", "复查");
    case "stop_work":
      if (f.onSite === false) return { message: "该案件不属于在建工程，不能下达停工整改 (a case outside a construction project has no site to stop)", details: { onSite: false } };
      if (f.grade !== "major") return { message: "仅重大隐患可下达停工整改 (stop-work applies to major cases only)", details: { grade: f.grade } };
      if (f.state === "closed") return { message: `案件已销项，不能下达停工整改 (case is closed)`, details: { state: f.state } };
      if (f.stopWork === "ordered" || f.stopWork === "resume_applied") {
        return { message: `停工整改已在执行中，当前为${stopLabel(f.stopWork)} (a stop-work order is already in force)`, details: { stopWork: f.stopWork } };
      }
      return null;
    case "resume_apply":
      if (f.stopWork !== "ordered") return { message: `没有执行中的停工整改，当前为${stopLabel(f.stopWork)} (no stop-work order to resume from)`, details: { stopWork: f.stopWork } };
      if (f.state !== "closed") return { message: `须先整改销项再申请复工，当前为${stateLabel(f.state)} (the case must be closed before applying to resume)`, details: { state: f.state } };
      return null;
    case "resume_decision":
      return f.stopWork === "resume_applied"
        ? null
        : { message: `没有待审批的复工申请，当前为${stopLabel(f.stopWork)} (no resumption application to decide)`, details: { stopWork: f.stopWork } };
    case "comment":
      return null;
  }
}

/** The actions the caller may take now; the web shows exactly these. */
export function allowedActions(f: CaseFacts, caller: Caller): CaseAction[] {
  const all: CaseAction[] = ["accept", "reply", "recheck", "stop_work", "resume_apply", "resume_decision", "comment"];
  return all.filter((a) => whoBlocks(a, caller) === null && stateBlocks(a, f) === null);
}

/**
 * Decides an action: the change, or why not.
 * @throws AppError FORBIDDEN naming who may; PRECONDITION_FAILED naming the state and why; VALIDATION naming the missing field.
 */
export function planCaseAction(f: CaseFacts, caller: Caller, input: CaseInput): CasePlan {
  const who = whoBlocks(input.action, caller);
  if (who) throw new AppError("FORBIDDEN", who, { action: input.action });
  const blocked = stateBlocks(input.action, f);
  if (blocked) throw refuse(blocked.message, { action: input.action, ...blocked.details });
  const keep = { state: f.state, stopWork: f.stopWork, closes: false, project: null } as const;
  switch (input.action) {
    case "accept":
      return { ...keep, state: "rectifying", event: { action: "accepted", note: input.note ?? "", photoIds: [], data: null } };
    case "reply":
      if (!input.measures.trim()) throw invalidField("measures", "请填写整改措施 (measures required)");
      if (input.photoIds.length === 0) throw invalidField("photoIds", "整改回复至少附一张照片 (at least one photo)");
      return { ...keep, state: "review", event: { action: "replied", note: input.measures, photoIds: input.photoIds, data: null } };
    case "recheck":
      if (input.passed) {
        return { ...keep, state: "closed", closes: true, event: { action: "passed", note: input.reason ?? "", photoIds: input.photoIds ?? [], data: { passed: true } } };
      }
      if (!input.reason?.trim()) throw invalidField("reason", "复查不通过须填写退回原因 (a failed re-check needs a reason)");
      return { ...keep, state: "rectifying", event: { action: "returned", note: input.reason, photoIds: input.photoIds ?? [], data: { passed: false } } };
    case "stop_work":
      if (!input.reason.trim()) throw invalidField("reason", "请填写停工原因 (reason required)");
      return { ...keep, stopWork: "ordered", project: "suspend", event: { action: "stop_work_ordered", note: input.reason, photoIds: [], data: { scope: input.scope } } };
    case "resume_apply":
      if (!input.report.trim()) throw invalidField("report", "请填写整改报告 (report required)");
      return { ...keep, stopWork: "resume_applied", event: { action: "resume_applied", note: input.report, photoIds: input.photoIds ?? [], data: null } };
    case "resume_decision":
      if (input.approved) {
        return { ...keep, stopWork: "resumed", project: "resume", event: { action: "resume_approved", note: input.reason ?? "", photoIds: [], data: { approved: true } } };
      }
      if (!input.reason?.trim()) throw invalidField("reason", "不同意复工须填写原因 (a denial needs a reason)");
      return { ...keep, stopWork: "ordered", event: { action: "resume_denied", note: input.reason, photoIds: [], data: { approved: false } } };
    case "comment":
      return { ...keep, event: { action: "commented", note: input.text, photoIds: [], data: null } };
  }
}

/** The sweeper's edge: a pending or rectifying case past its deadline without a reply is overdue. */
export const OVERDUE_STATES: readonly CaseState[] = ["pending", "rectifying"];

/** True when the case should be flagged overdue at `now`. */
export function isOverdue(c: { state: CaseState; deadline: Date; overdueAt: Date | null }, now: Date): boolean {
  return c.overdueAt === null && OVERDUE_STATES.includes(c.state) && c.deadline.getTime() < now.getTime();
}
