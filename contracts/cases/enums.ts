import { z } from "zod";
import type { Labels } from "../registry/enums.js";

/** 待整改 → 整改中 → 待复查 → 已销项; 退回 (failed re-check) goes back to rectifying. */
export const CASE_STATES = ["pending", "rectifying", "review", "closed"] as const;
export const CaseState = z.enum(CASE_STATES);
export type CaseState = z.infer<typeof CaseState>;
export const CASE_STATE_LABELS: Labels<CaseState> = {
  pending: { zh: "待整改", en: "Pending" },
  rectifying: { zh: "整改中", en: "Rectifying" },
  review: { zh: "待复查", en: "Awaiting re-check" },
  closed: { zh: "已销项", en: "Closed" },
};

/** 一般 / 重大 (安监总局令第16号; construction: 建质规〔2024〕5号). */
export const CASE_GRADES = ["general", "major"] as const;
export const CaseGrade = z.enum(CASE_GRADES);
export type CaseGrade = z.infer<typeof CaseGrade>;
export const CASE_GRADE_LABELS: Labels<CaseGrade> = {
  general: { zh: "一般", en: "General" },
  major: { zh: "重大", en: "Major" },
};

export const CASE_CATEGORIES = ["quality", "safety", "civilized", "testing", "equipment", "environment", "gas", "other"] as const;
export const CaseCategory = z.enum(CASE_CATEGORIES);
export type CaseCategory = z.infer<typeof CaseCategory>;
export const CASE_CATEGORY_LABELS: Labels<CaseCategory> = {
  quality: { zh: "质量", en: "Quality" },
  safety: { zh: "安全", en: "Safety" },
  civilized: { zh: "文明施工", en: "Site conduct" },
  testing: { zh: "检测", en: "Testing" },
  equipment: { zh: "起重机械", en: "Lifting equipment" },
  environment: { zh: "扬尘噪声", en: "Dust & noise" },
  gas: { zh: "燃气", en: "Gas" },
  other: { zh: "其他", en: "Other" },
};

/** Who opened a case: an inspection, or another module through `cases` (its `sourceRef` names the record). */
export const CASE_SOURCES = ["inspection", "random", "supervisor", "self_check", "iot", "testing", "equipment", "dangerous_work", "gas", "patrol", "complaint"] as const;
export const CaseSource = z.enum(CASE_SOURCES);
export type CaseSource = z.infer<typeof CaseSource>;
export const CASE_SOURCE_LABELS: Labels<CaseSource> = {
  inspection: { zh: "监督检查", en: "Inspection" },
  random: { zh: "双随机", en: "Random inspection" },
  supervisor: { zh: "监理发现", en: "Supervisor" },
  self_check: { zh: "施工自查", en: "Self-check" },
  iot: { zh: "物联网报警", en: "IoT alarm" },
  testing: { zh: "检测不合格", en: "Failed test" },
  equipment: { zh: "起重机械", en: "Lifting equipment" },
  dangerous_work: { zh: "危大工程", en: "Dangerous work" },
  gas: { zh: "燃气", en: "Gas" },
  patrol: { zh: "巡查", en: "Patrol" },
  complaint: { zh: "投诉", en: "Complaint" },
};

/** 停工整改: none, ordered (project set to 停工), 复工申请 submitted, 复工 approved. */
export const STOP_WORK_STATES = ["none", "ordered", "resume_applied", "resumed"] as const;
export const StopWorkState = z.enum(STOP_WORK_STATES);
export type StopWorkState = z.infer<typeof StopWorkState>;
export const STOP_WORK_LABELS: Labels<StopWorkState> = {
  none: { zh: "无", en: "None" },
  ordered: { zh: "停工整改", en: "Stop-work ordered" },
  resume_applied: { zh: "复工申请中", en: "Resumption applied" },
  resumed: { zh: "已复工", en: "Resumed" },
};

export const INSPECTION_KINDS = ["daily", "special", "random", "patrol", "complaint"] as const;
export const InspectionKind = z.enum(INSPECTION_KINDS);
export type InspectionKind = z.infer<typeof InspectionKind>;
export const INSPECTION_KIND_LABELS: Labels<InspectionKind> = {
  daily: { zh: "日常检查", en: "Routine" },
  special: { zh: "专项检查", en: "Special" },
  random: { zh: "双随机", en: "Random" },
  patrol: { zh: "巡查", en: "Patrol" },
  complaint: { zh: "投诉核查", en: "Complaint" },
};

/**
 * What another module hands `cases` to open a case (IoT alarm, failed test, expired crane inspection, gas
 * hazard). One open case per (source, sourceRef): opening again while it is open returns the open one.
 */
export const OpenCaseInput = z.object({
  /** The construction project; omitted (null) for a case outside any project, which then names `enterpriseId`. */
  projectId: z.uuid().nullable().optional(),
  enterpriseId: z.uuid().nullable().optional(),
  source: CaseSource,
  sourceRef: z.string().max(200).nullable().optional(),
  category: CaseCategory,
  grade: CaseGrade,
  title: z.string().trim().min(1).max(200),
  description: z.string().max(4000).default(""),
  location: z.string().max(200).default(""),
  legalBasis: z.string().max(500).default(""),
  photoIds: z.array(z.string()).max(20).default([]),
  /** When omitted, the deadline rule in force gives it (一般 / 重大). */
  deadline: z.iso.datetime({ offset: true }).optional(),
});
export type OpenCaseInput = z.input<typeof OpenCaseInput>;
