import { z } from "zod";
import { IsoDate, PageQuery, csvEnum, sortParam } from "../platform/common.js";
import { ConcreteGroupInput, RebarSpecimenInput } from "./evaluation.js";
import { Conclusion, JudgeMethod, SAMPLE_TYPES, SampleType } from "./enums.js";

/** Other sample types: the agency's own judgement, item by item. */
export const AgencyItemInput = z.object({
  name: z.string().trim().min(1).max(100),
  value: z.string().trim().max(100),
  requirement: z.string().trim().max(200).default(""),
  pass: z.boolean(),
});

/**
 * `values` by sample type: concrete → group strengths or raw cube triples (MPa); rebar → tensile specimens;
 * anything else → the agency's items. `retestOf` links a re-test to the original result (never overwritten).
 */
export const SubmitResultInput = z.object({
  testedOn: IsoDate,
  /** Checked against the commission's sample type by the server (ResultValuesOf), so errors name e.g. `values.1.ReL`. */
  values: z.array(z.unknown()).min(1, "至少一项 (at least one)").max(200),
  retestOf: z.uuid().nullable().optional(),
});
export type SubmitResultInput = z.input<typeof SubmitResultInput>;

/** The schema of `values` for a sample type. */
export const ResultValuesOf = (sampleType: SampleType) =>
  sampleType === "concrete" ? z.array(ConcreteGroupInput) : sampleType === "rebar" ? z.array(RebarSpecimenInput) : z.array(AgencyItemInput);

export const ResultDto = z.object({
  id: z.uuid(),
  commissionId: z.uuid(),
  commissionNo: z.string(),
  projectId: z.uuid(),
  projectName: z.string(),
  agencyId: z.uuid(),
  agencyName: z.string(),
  sampleType: SampleType,
  strengthClass: z.string().nullable(),
  lotNo: z.string().nullable(),
  retestOf: z.uuid().nullable(),
  values: z.unknown(),
  pass: z.boolean(),
  method: JudgeMethod,
  /** Every figure of the judgement (groups, lot evaluation, specimens, rule version). */
  figures: z.unknown(),
  testedOn: z.string(),
  caseId: z.uuid().nullable(),
  reportId: z.uuid().nullable(),
  reportNo: z.string().nullable(),
  createdAt: z.string(),
});
export type ResultDto = z.infer<typeof ResultDto>;

const RESULT_SORT = ["testedOn", "createdAt"] as const;
export const ListResultsQuery = PageQuery.extend({
  projectId: z.uuid().optional(),
  agencyId: z.uuid().optional(),
  sampleType: csvEnum(SAMPLE_TYPES),
  pass: z.enum(["true", "false"]).optional(),
  from: IsoDate.optional(),
  to: IsoDate.optional(),
  sort: sortParam(RESULT_SORT),
});
export type ListResultsQuery = z.infer<typeof ListResultsQuery>;

export const Signers = z.object({
  tester: z.string().trim().min(1, "必填 (required)").max(40),
  reviewer: z.string().trim().min(1, "必填 (required)").max(40),
  approver: z.string().trim().min(1, "必填 (required)").max(40),
});
export type Signers = z.infer<typeof Signers>;

export const IssueReportInput = z.object({ signers: Signers });
export type IssueReportInput = z.infer<typeof IssueReportInput>;

export const ReviseReportInput = z.object({
  conclusion: Conclusion.optional(),
  signers: Signers.optional(),
  reason: z.string().trim().min(2, "须说明修改原因 (a reason is required)").max(500),
});
export type ReviseReportInput = z.infer<typeof ReviseReportInput>;

export const RevisionDto = z.object({ revision: z.number().int(), at: z.string(), by: z.string(), reason: z.string(), changes: z.record(z.string(), z.unknown()) });

export const ReportDto = z.object({
  id: z.uuid(),
  reportNo: z.string(),
  verifyCode: z.string(),
  /** The path the QR code points at. */
  verifyPath: z.string(),
  resultId: z.uuid(),
  commissionId: z.uuid(),
  projectId: z.uuid(),
  conclusion: Conclusion,
  signers: Signers,
  issuedAt: z.string(),
  revision: z.number().int(),
  revisions: z.array(RevisionDto),
});
export type ReportDto = z.infer<typeof ReportDto>;

/** What anyone scanning a report's QR code sees: whether it is genuine, its key data and every change since issue. */
export const PublicReportDto = z.object({
  genuine: z.literal(true),
  reportNo: z.string(),
  projectName: z.string(),
  agencyName: z.string(),
  sampleType: SampleType,
  strengthClass: z.string().nullable(),
  lotNo: z.string().nullable(),
  part: z.string(),
  witnessed: z.boolean(),
  witnessName: z.string().nullable(),
  testedOn: z.string(),
  conclusion: Conclusion,
  issuedAt: z.string(),
  revision: z.number().int(),
  revisions: z.array(z.object({ revision: z.number().int(), at: z.string(), reason: z.string(), changes: z.record(z.string(), z.unknown()) })),
});
export type PublicReportDto = z.infer<typeof PublicReportDto>;

export const VerifyCodeParams = z.object({ code: z.string().trim().min(1).max(64) });
