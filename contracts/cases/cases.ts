import { z } from "zod";
import { csvEnum, IsoDate, PageQuery, sortParam } from "../platform/common";
import { PhotoIds as PhotoIdsFrom } from "../platform/files";
import type { Labels } from "../registry/enums";
import { CASE_CATEGORIES, CASE_GRADES, CASE_SOURCES, CASE_STATES, CaseCategory, CaseGrade, CaseSource, CaseState, OpenCaseInput, STOP_WORK_STATES, StopWorkState } from "./enums";

/**
 * What the caller may do to a case right now (permission, scope and state all allow it); the web shows
 * exactly these buttons. Each maps to `POST /cases/:id/<action with - for _>`.
 */
export const CASE_ACTIONS = ["accept", "reply", "recheck", "stop_work", "resume_apply", "resume_decision", "comment"] as const;
export const CaseAction = z.enum(CASE_ACTIONS);
export type CaseAction = z.infer<typeof CaseAction>;
export const CASE_ACTION_LABELS: Labels<CaseAction> = {
  accept: { zh: "签收", en: "Sign for" },
  reply: { zh: "整改回复", en: "Reply" },
  recheck: { zh: "复查", en: "Re-check" },
  stop_work: { zh: "停工整改", en: "Order stop-work" },
  resume_apply: { zh: "复工申请", en: "Apply to resume" },
  resume_decision: { zh: "复工审批", en: "Decide resumption" },
  comment: { zh: "备注", en: "Comment" },
};

/** Timeline entries (cases_events.action). */
export const CASE_EVENT_ACTIONS = [
  "opened",
  "accepted",
  "replied",
  "passed",
  "returned",
  "overdue",
  "stop_work_ordered",
  "resume_applied",
  "resume_approved",
  "resume_denied",
  "commented",
] as const;
export const CaseEventAction = z.enum(CASE_EVENT_ACTIONS);
export type CaseEventAction = z.infer<typeof CaseEventAction>;
export const CASE_EVENT_LABELS: Labels<CaseEventAction> = {
  opened: { zh: "下发整改通知", en: "Notice issued" },
  accepted: { zh: "签收", en: "Signed for" },
  replied: { zh: "整改回复", en: "Replied" },
  passed: { zh: "复查通过，销项", en: "Re-check passed, closed" },
  returned: { zh: "复查不通过，退回", en: "Re-check failed, sent back" },
  overdue: { zh: "逾期未回复", en: "Overdue" },
  stop_work_ordered: { zh: "下达停工整改", en: "Stop-work ordered" },
  resume_applied: { zh: "申请复工", en: "Resumption applied" },
  resume_approved: { zh: "同意复工", en: "Resumption approved" },
  resume_denied: { zh: "不同意复工", en: "Resumption denied" },
  commented: { zh: "备注", en: "Comment" },
};

/** 局部停工 / 全面停工 (domain-rules §5.2 stopScope). */
export const STOP_WORK_SCOPES = ["partial", "full"] as const;
export const StopWorkScope = z.enum(STOP_WORK_SCOPES);
export type StopWorkScope = z.infer<typeof StopWorkScope>;
export const STOP_WORK_SCOPE_LABELS: Labels<StopWorkScope> = {
  partial: { zh: "局部停工", en: "Partial stop" },
  full: { zh: "全面停工", en: "Full stop" },
};

export const CaseDto = z.object({
  id: z.uuid(),
  /** 整改通知书编号, e.g. ZG-2026-000123. */
  no: z.string(),
  /** Null for a case outside any construction project (gas: a pipeline, a leak, a station). */
  projectId: z.uuid().nullable(),
  projectCode: z.string().nullable(),
  projectName: z.string().nullable(),
  /** The responsible unit (责任单位), usually the general contractor. */
  enterpriseId: z.uuid().nullable(),
  enterpriseName: z.string().nullable(),
  inspectionId: z.uuid().nullable(),
  source: CaseSource,
  sourceRef: z.string().nullable(),
  category: CaseCategory,
  grade: CaseGrade,
  title: z.string(),
  description: z.string(),
  location: z.string(),
  legalBasis: z.string(),
  photoIds: z.array(z.string()),
  state: CaseState,
  deadline: z.string(),
  /** Open and flagged by the sweeper (the deadline passed without a reply); `overdueAt` keeps the record after closing. */
  overdue: z.boolean(),
  overdueAt: z.string().nullable(),
  stopWork: StopWorkState,
  issuerId: z.uuid().nullable(),
  issuerName: z.string(),
  closedAt: z.string().nullable(),
  version: z.number().int(),
  createdAt: z.string(),
  updatedAt: z.string(),
  actions: z.array(CaseAction),
});
export type CaseDto = z.infer<typeof CaseDto>;

export const CaseEventDto = z.object({
  id: z.number().int(),
  at: z.string(),
  actorId: z.uuid().nullable(),
  actorName: z.string(),
  action: CaseEventAction,
  fromState: CaseState.nullable(),
  toState: CaseState.nullable(),
  note: z.string(),
  photoIds: z.array(z.string()),
  /** Action-specific facts: stop-work {scope}, resume decision {approved}, overdue {deadline}. */
  data: z.record(z.string(), z.unknown()).nullable(),
});
export type CaseEventDto = z.infer<typeof CaseEventDto>;

export const CaseDetailDto = CaseDto.extend({
  /** The latest stop-work order, if any. */
  stopWorkOrder: z.object({ scope: StopWorkScope, reason: z.string(), at: z.string(), by: z.string() }).nullable(),
  events: z.array(CaseEventDto),
});
export type CaseDetailDto = z.infer<typeof CaseDetailDto>;

export const CASE_SORT = ["createdAt", "deadline", "no", "state", "grade", "updatedAt"] as const;

const BoolParam = z.enum(["true", "false"]).transform((v) => v === "true");

export const ListCasesQuery = PageQuery.extend({
  projectId: z.uuid().optional(),
  enterpriseId: z.uuid().optional(),
  state: csvEnum(CASE_STATES),
  grade: csvEnum(CASE_GRADES),
  category: csvEnum(CASE_CATEGORIES),
  source: csvEnum(CASE_SOURCES),
  /** true: only cases marked overdue and not closed; false: only those not overdue. */
  overdue: BoolParam.optional(),
  stopWork: csvEnum(STOP_WORK_STATES),
  /** Cases this user issued (an inspector's own follow-ups). */
  issuerId: z.uuid().optional(),
  /** Opened on or after this day (Asia/Shanghai). */
  from: IsoDate.optional(),
  /** Opened on or before this day (Asia/Shanghai). */
  to: IsoDate.optional(),
  /** Default `-createdAt`. */
  sort: sortParam(CASE_SORT),
});
export type ListCasesQuery = z.infer<typeof ListCasesQuery>;
export type ListCasesQueryInput = z.input<typeof ListCasesQuery>;

/** The board's head: open cases per state, plus overdue and stop-work counts, in the caller's scope. */
export const CaseBoardDto = z.object({
  byState: z.record(CaseState, z.number().int()),
  /** Not closed, grade major. */
  openMajor: z.number().int(),
  /** Not closed and flagged overdue. */
  overdue: z.number().int(),
  /** A stop-work order in force (ordered or resume applied). */
  stopWork: z.number().int(),
  /** Closed within the last 30 days. */
  closedLast30Days: z.number().int(),
});
export type CaseBoardDto = z.infer<typeof CaseBoardDto>;

/** Inspectors open a case directly (a finding on patrol, or from an IoT alarm: source "iot", sourceRef the alarm id). */
export const OpenCaseRequest = OpenCaseInput;
export type OpenCaseRequest = z.input<typeof OpenCaseRequest>;

export const OpenCaseResultDto = z.object({ id: z.uuid(), no: z.string(), created: z.boolean() });
export type OpenCaseResultDto = z.infer<typeof OpenCaseResultDto>;

const Note = z.string().trim().max(2000);
const RequiredText = (max: number) => z.string().trim().min(1).max(max);
const PhotoIds = PhotoIdsFrom("/cases/photos");

/** 签收: the responsible party acknowledges the notice; optional note. */
export const AcceptCaseInput = z.object({ note: Note.optional() });
export type AcceptCaseInput = z.infer<typeof AcceptCaseInput>;

/** 整改回复: the measures taken and at least one photo (ids from POST /cases/photos). */
export const ReplyCaseInput = z.object({ measures: RequiredText(4000), photoIds: PhotoIds.min(1) });
export type ReplyCaseInput = z.infer<typeof ReplyCaseInput>;

/** 复查: pass closes the case; fail sends it back and needs a reason. */
export const RecheckCaseInput = z.object({ passed: z.boolean(), reason: Note.optional(), photoIds: PhotoIds.optional() });
export type RecheckCaseInput = z.infer<typeof RecheckCaseInput>;

/** 停工整改 (major cases only): the project goes to 停工. */
export const StopWorkInput = z.object({ scope: StopWorkScope, reason: RequiredText(2000) });
export type StopWorkInput = z.infer<typeof StopWorkInput>;

/** 复工申请 with the rectification report, after the case is closed. */
export const ResumeApplyInput = z.object({ report: RequiredText(8000), photoIds: PhotoIds.optional() });
export type ResumeApplyInput = z.infer<typeof ResumeApplyInput>;

/** 复工审批: approve (project resumed) or deny with a reason. */
export const ResumeDecisionInput = z.object({ approved: z.boolean(), reason: Note.optional() });
export type ResumeDecisionInput = z.infer<typeof ResumeDecisionInput>;

export const CommentCaseInput = z.object({ text: RequiredText(2000) });
export type CommentCaseInput = z.infer<typeof CommentCaseInput>;


export type { CaseCategory, CaseGrade, CaseSource, CaseState, StopWorkState };
