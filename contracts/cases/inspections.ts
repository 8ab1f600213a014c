import { z } from "zod";
import { InspectorDomain } from "../platform/auth";
import { csvEnum, IsoDate, PageQuery, sortParam } from "../platform/common";
import type { Labels } from "../registry/enums";
import { CaseCategory, CaseGrade, CaseState, INSPECTION_KINDS, InspectionKind } from "./enums";

// ───────────────────────────── templates (检查表) ─────────────────────────────

const ItemCode = z
  .string()
  .trim()
  .regex(/^[A-Za-z0-9_.-]{1,40}$/, "1–40 letters, digits, _ . -");

/** One checklist item; a failed item opens a case at the item's grade, citing its clause. */
export const TemplateItemDto = z.object({
  code: ItemCode,
  text: z.string().trim().min(1).max(500),
  category: CaseCategory,
  grade: CaseGrade,
  /** Points the item weighs in the inspection score. */
  score: z.number().int().min(0).max(100),
  /** Legal basis (e.g. 建质规〔2024〕5号 第七条); becomes the case's legalBasis. */
  clause: z.string().trim().max(200),
});
export type TemplateItemDto = z.infer<typeof TemplateItemDto>;

export const TemplateDto = z.object({
  id: z.uuid(),
  code: z.string(),
  version: z.number().int(),
  name: z.string(),
  domain: InspectorDomain,
  source: z.string(),
  /** Only the latest version of a code is active; inspections keep the version they used. */
  active: z.boolean(),
  itemCount: z.number().int(),
  totalScore: z.number().int(),
  majorItemCount: z.number().int(),
  createdAt: z.string(),
});
export type TemplateDto = z.infer<typeof TemplateDto>;

export const TemplateDetailDto = TemplateDto.extend({ items: z.array(TemplateItemDto) });
export type TemplateDetailDto = z.infer<typeof TemplateDetailDto>;

/** A new version of `code` (version 1 when the code is new); the earlier versions become inactive. */
export const CreateTemplateInput = z
  .object({
    code: z
      .string()
      .trim()
      .regex(/^[a-z0-9_.-]{2,60}$/, "2–60 lowercase letters, digits, _ . -"),
    name: z.string().trim().min(1).max(120),
    domain: InspectorDomain,
    source: z.string().trim().max(300).default(""),
    items: z.array(TemplateItemDto).min(1).max(500),
  })
  .superRefine((v, ctx) => {
    const seen = new Set<string>();
    v.items.forEach((item, i) => {
      if (seen.has(item.code)) ctx.addIssue({ code: "custom", path: ["items", i, "code"], message: `检查项编号重复 (duplicate item code ${item.code})` });
      seen.add(item.code);
    });
  });
export type CreateTemplateInput = z.infer<typeof CreateTemplateInput>;

export const ListTemplatesQuery = PageQuery.extend({
  domain: InspectorDomain.optional(),
  code: z.string().trim().max(60).optional(),
  /** Default true: the latest version of each template only. */
  activeOnly: z.stringbool().default(true),
});
export type ListTemplatesQuery = z.infer<typeof ListTemplatesQuery>;

// ───────────────────────────── inspections (检查) ─────────────────────────────

export const ChecklistResultInput = z.object({
  itemCode: ItemCode,
  passed: z.boolean(),
  note: z.string().trim().max(1000).optional(),
  photoIds: z.array(z.string().max(200)).max(20).optional(),
});
export type ChecklistResultInput = z.infer<typeof ChecklistResultInput>;

/** Overrides for the case a failed item opens; everything else comes from the item and the project. */
export const FindingOverrideInput = z.object({
  itemCode: ItemCode,
  description: z.string().trim().max(4000).optional(),
  location: z.string().trim().max(200).optional(),
  /** Responsible enterprise; default the project's general contractor (施工总承包). */
  enterpriseId: z.uuid().optional(),
  /** Default: the deadline rule in force for the grade. */
  deadline: z.iso.datetime({ offset: true }).optional(),
});
export type FindingOverrideInput = z.infer<typeof FindingOverrideInput>;

export const CreateInspectionInput = z
  .object({
    projectId: z.uuid(),
    kind: InspectionKind,
    domain: InspectorDomain,
    inspectedOn: IsoDate,
    templateId: z.uuid(),
    /** The inspectors who took part (the caller is added when an inspector and not listed). */
    inspectorIds: z.array(z.uuid()).max(10).default([]),
    /** Items not listed were not checked (不适用) and do not count in the score. */
    results: z.array(ChecklistResultInput).min(1).max(500),
    findings: z.array(FindingOverrideInput).max(500).default([]),
    summary: z.string().trim().max(4000).default(""),
    /** The 双随机 plan this inspection carries out (kind must then be `random`). */
    planId: z.uuid().optional(),
  })
  .superRefine((v, ctx) => {
    const seen = new Set<string>();
    v.results.forEach((r, i) => {
      if (seen.has(r.itemCode)) ctx.addIssue({ code: "custom", path: ["results", i, "itemCode"], message: `检查项重复 (duplicate result for ${r.itemCode})` });
      seen.add(r.itemCode);
    });
    const failed = new Set(v.results.filter((r) => !r.passed).map((r) => r.itemCode));
    v.findings.forEach((f, i) => {
      if (!failed.has(f.itemCode)) ctx.addIssue({ code: "custom", path: ["findings", i, "itemCode"], message: `该检查项未判为不合格 (item ${f.itemCode} did not fail)` });
    });
    if (v.planId && v.kind !== "random") ctx.addIssue({ code: "custom", path: ["kind"], message: "双随机计划的检查类型须为 random (a plan's inspection is of kind random)" });
    if (v.kind === "random" && !v.planId) ctx.addIssue({ code: "custom", path: ["planId"], message: "双随机检查须关联抽查计划 (a random inspection belongs to a plan)" });
  });
export type CreateInspectionInput = z.input<typeof CreateInspectionInput>;

export const InspectionDto = z.object({
  id: z.uuid(),
  projectId: z.uuid(),
  projectName: z.string(),
  kind: InspectionKind,
  domain: InspectorDomain,
  inspectedOn: z.string(),
  templateId: z.uuid().nullable(),
  templateCode: z.string().nullable(),
  templateVersion: z.number().int().nullable(),
  templateName: z.string().nullable(),
  inspectorIds: z.array(z.uuid()),
  inspectorNames: z.array(z.string()),
  /** 0–100: passed item points over the points of the items checked. */
  score: z.number().int().nullable(),
  checkedCount: z.number().int(),
  failedCount: z.number().int(),
  caseCount: z.number().int(),
  majorCaseCount: z.number().int(),
  summary: z.string(),
  planId: z.uuid().nullable(),
  createdAt: z.string(),
});
export type InspectionDto = z.infer<typeof InspectionDto>;

export const InspectionResultDto = z.object({
  itemCode: z.string(),
  /** From the template version used (null when the item is no longer in it). */
  text: z.string().nullable(),
  category: CaseCategory.nullable(),
  grade: CaseGrade.nullable(),
  score: z.number().int().nullable(),
  clause: z.string().nullable(),
  passed: z.boolean(),
  note: z.string().nullable(),
  photoIds: z.array(z.string()),
  /** The case the failure opened (or the one already open for it). */
  caseId: z.uuid().nullable(),
});
export type InspectionResultDto = z.infer<typeof InspectionResultDto>;

export const InspectionCaseDto = z.object({
  id: z.uuid(),
  no: z.string(),
  title: z.string(),
  grade: CaseGrade,
  state: CaseState,
  deadline: z.string(),
  enterpriseId: z.uuid().nullable(),
  itemCode: z.string().nullable(),
});
export type InspectionCaseDto = z.infer<typeof InspectionCaseDto>;

export const InspectionDetailDto = InspectionDto.extend({
  results: z.array(InspectionResultDto),
  cases: z.array(InspectionCaseDto),
});
export type InspectionDetailDto = z.infer<typeof InspectionDetailDto>;

export const INSPECTION_SORT = ["inspectedOn", "score", "createdAt"] as const;

export const ListInspectionsQuery = PageQuery.extend({
  projectId: z.uuid().optional(),
  kind: csvEnum(INSPECTION_KINDS),
  domain: InspectorDomain.optional(),
  from: IsoDate.optional(),
  to: IsoDate.optional(),
  inspectorId: z.uuid().optional(),
  planId: z.uuid().optional(),
  sort: sortParam(INSPECTION_SORT),
});
export type ListInspectionsQuery = z.infer<typeof ListInspectionsQuery>;
export const InspectionExportQuery = ListInspectionsQuery.omit({ page: true, pageSize: true });
export type InspectionExportQuery = z.infer<typeof InspectionExportQuery>;

// ───────────────────────────── 双随机 random plans ─────────────────────────────

export const RANDOM_PLAN_STATES = ["drawn", "published"] as const;
export const RandomPlanState = z.enum(RANDOM_PLAN_STATES);
export type RandomPlanState = z.infer<typeof RandomPlanState>;
export const RANDOM_PLAN_STATE_LABELS: Labels<RandomPlanState> = {
  drawn: { zh: "已抽取", en: "Drawn" },
  published: { zh: "已公开", en: "Published" },
};

export const CreateRandomPlanInput = z.object({
  name: z.string().trim().min(1).max(120),
  domain: InspectorDomain,
  /** Share of the live-project pool drawn, rounded up. */
  ratioPct: z.number().int().min(1).max(100),
  /** Public random seed; generated (and logged) when omitted. Same seed + same pool → same draw. */
  seed: z
    .string()
    .trim()
    .regex(/^[A-Za-z0-9_.:-]{1,64}$/, "1–64 letters, digits, _ . : -")
    .optional(),
  inspectorsPerTarget: z.number().int().min(2).max(5).default(2),
});
export type CreateRandomPlanInput = z.input<typeof CreateRandomPlanInput>;

export const FindingCountsDto = z.object({ general: z.number().int(), major: z.number().int() });
export type FindingCountsDto = z.infer<typeof FindingCountsDto>;

export const RandomPlanTargetDto = z.object({
  projectId: z.uuid(),
  projectName: z.string(),
  /** The draw weight (1 + risk factors), shown so the draw can be checked. */
  weight: z.number(),
  inspectorIds: z.array(z.uuid()),
  inspectorNames: z.array(z.string()),
  inspectionId: z.uuid().nullable(),
  inspectedOn: z.string().nullable(),
  score: z.number().int().nullable(),
  findings: FindingCountsDto,
});
export type RandomPlanTargetDto = z.infer<typeof RandomPlanTargetDto>;

/** Result summary, fixed when the plan is published (一公开). */
export const RandomPlanSummaryDto = z.object({
  targetCount: z.number().int(),
  inspectedCount: z.number().int(),
  findings: FindingCountsDto,
  averageScore: z.number().nullable(),
});
export type RandomPlanSummaryDto = z.infer<typeof RandomPlanSummaryDto>;

export const RandomPlanDto = z.object({
  id: z.uuid(),
  name: z.string(),
  domain: InspectorDomain,
  seed: z.string(),
  ratioPct: z.number().int(),
  poolSize: z.number().int(),
  /** The domain's plan drawn before this one, whose pairings this draw avoided (replaying needs it with the seed). */
  previousPlanId: z.uuid().nullable(),
  inspectorsPerTarget: z.number().int(),
  targetCount: z.number().int(),
  state: RandomPlanState,
  createdByName: z.string(),
  createdAt: z.string(),
  publishedAt: z.string().nullable(),
  summary: RandomPlanSummaryDto.nullable(),
});
export type RandomPlanDto = z.infer<typeof RandomPlanDto>;

export const RandomPlanDetailDto = RandomPlanDto.extend({ targets: z.array(RandomPlanTargetDto) });
export type RandomPlanDetailDto = z.infer<typeof RandomPlanDetailDto>;

export const ListRandomPlansQuery = PageQuery.extend({
  domain: InspectorDomain.optional(),
  state: RandomPlanState.optional(),
});
export type ListRandomPlansQuery = z.infer<typeof ListRandomPlansQuery>;

// ───────────────────────────── inspector conflicts (回避) ─────────────────────────────

export const InspectorConflictDto = z.object({
  id: z.uuid(),
  userId: z.uuid(),
  userName: z.string(),
  enterpriseId: z.uuid(),
  enterpriseName: z.string(),
  reason: z.string(),
  declaredOn: z.string(),
  createdAt: z.string(),
});
export type InspectorConflictDto = z.infer<typeof InspectorConflictDto>;

export const CreateInspectorConflictInput = z.object({
  /** Default: the caller. Only an admin declares for someone else. */
  userId: z.uuid().optional(),
  enterpriseId: z.uuid(),
  reason: z.string().trim().min(1).max(500),
  /** Default: today (Asia/Shanghai). */
  declaredOn: IsoDate.optional(),
});
export type CreateInspectorConflictInput = z.infer<typeof CreateInspectorConflictInput>;

export const ListInspectorConflictsQuery = PageQuery.extend({
  userId: z.uuid().optional(),
  enterpriseId: z.uuid().optional(),
});
export type ListInspectorConflictsQuery = z.infer<typeof ListInspectorConflictsQuery>;
