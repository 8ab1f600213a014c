import { z } from "zod";
import { IsoDate, PageQuery, csvEnum, page, sortParam } from "../platform/common.js";
import { AGENCY_LEVELS, AgencyLevel, COMMISSION_STATES, CommissionState, SAMPLE_TYPES, SampleType } from "./enums.js";
import { PhotoIds } from "../platform/files";

const Text = (max: number) => z.string().trim().max(max);

/** A testing agency: an enterprise of type 检测机构 with its qualification and the sample types it may test. */
export const AgencyDto = z.object({
  enterpriseId: z.uuid(),
  name: z.string(),
  creditCode: z.string(),
  enterpriseStatus: z.string(),
  qualificationNo: z.string(),
  level: AgencyLevel,
  scopes: z.array(SampleType),
  validTo: z.string(),
  /** Valid today and the enterprise in normal standing. */
  valid: z.boolean(),
  commissions: z.number().int(),
  updatedAt: z.string(),
});
export type AgencyDto = z.infer<typeof AgencyDto>;

/** Files or replaces (upsert by enterprise) an agency's qualification record. */
export const AgencyInput = z.object({
  enterpriseId: z.uuid(),
  qualificationNo: Text(60).min(1, "必填 (required)"),
  level: AgencyLevel,
  scopes: z.array(SampleType).min(1, "至少一类样品 (at least one sample type)").max(SAMPLE_TYPES.length),
  validTo: IsoDate,
});
export type AgencyInput = z.infer<typeof AgencyInput>;

export const ListAgenciesQuery = PageQuery.extend({
  level: z.enum(AGENCY_LEVELS).optional(),
  scope: SampleType.optional(),
  valid: z.enum(["true", "false"]).optional(),
});
export type ListAgenciesQuery = z.infer<typeof ListAgenciesQuery>;

/** 委托: one sample sent to an agency. Concrete needs a strength class (C15–C80) and a lot; rebar a grade and a batch. */
export const CreateCommissionInput = z.object({
  agencyId: z.uuid(),
  sampleType: SampleType,
  spec: Text(200).default(""),
  /** Concrete: C15…C80; rebar: HRB400, HRB400E, …; other types: free text or none. */
  strengthClass: Text(20).nullable().optional(),
  /** 验收批 (concrete) or 检验批 (rebar) the sample represents. */
  lotNo: Text(60).nullable().optional(),
  part: Text(200).default(""),
  specimenCount: z.number().int().min(1).max(1000),
  specimenSizeMm: z.union([z.literal(100), z.literal(150), z.literal(200)]).nullable().optional(),
  /** Rebar: the 检验批's weight in tonnes; over 60 t the batch needs more specimens. */
  batchTonnes: z.number({ error: "须为数字 (tonnes)" }).positive().max(10_000).nullable().optional(),
  witnessed: z.boolean().default(false),
  witnessPersonId: z.uuid().nullable().optional(),
  samplerPersonId: z.uuid().nullable().optional(),
});
export type CreateCommissionInput = z.input<typeof CreateCommissionInput>;

/** 见证取样记录: when and where, the sealed sample's code (its QR value) and photos. */
export const SamplingInput = z.object({
  sampledAt: z.iso.datetime({ offset: true }),
  place: Text(200).min(1, "必填 (required)"),
  sampleCode: z.string().trim().regex(/^[A-Za-z0-9-]{4,64}$/, "4–64 位字母、数字或 - (4–64 letters, digits or -)"),
  photoIds: PhotoIds("/testing/photos").default([]),
});
export type SamplingInput = z.input<typeof SamplingInput>;

export const CommissionDto = z.object({
  id: z.uuid(),
  no: z.string(),
  projectId: z.uuid(),
  projectName: z.string(),
  agencyId: z.uuid(),
  agencyName: z.string(),
  sampleType: SampleType,
  spec: z.string(),
  strengthClass: z.string().nullable(),
  lotNo: z.string().nullable(),
  part: z.string(),
  specimenCount: z.number().int(),
  specimenSizeMm: z.number().int().nullable(),
  batchTonnes: z.number().nullable(),
  witnessed: z.boolean(),
  witnessPersonId: z.uuid().nullable(),
  witnessName: z.string().nullable(),
  samplerPersonId: z.uuid().nullable(),
  samplerName: z.string().nullable(),
  sampleCode: z.string().nullable(),
  sampledAt: z.string().nullable(),
  samplePlace: z.string().nullable(),
  samplePhotoIds: z.array(z.string()),
  state: CommissionState,
  /** The latest result's verdict, null before any. */
  pass: z.boolean().nullable(),
  createdAt: z.string(),
});
export type CommissionDto = z.infer<typeof CommissionDto>;

const COMMISSION_SORT = ["no", "createdAt", "sampleType", "state", "sampledAt"] as const;

export const ListCommissionsQuery = PageQuery.extend({
  projectId: z.uuid().optional(),
  agencyId: z.uuid().optional(),
  sampleType: csvEnum(SAMPLE_TYPES),
  state: csvEnum(COMMISSION_STATES),
  witnessed: z.enum(["true", "false"]).optional(),
  /** `true`: a result failed; `false`: passed; omitted: any. */
  failed: z.enum(["true", "false"]).optional(),
  from: IsoDate.optional(),
  to: IsoDate.optional(),
  sort: sortParam(COMMISSION_SORT),
});
export type ListCommissionsQuery = z.infer<typeof ListCommissionsQuery>;

/** Witnessed share of one sample type on a project (建建〔2000〕211号: ≥ 30 %). */
export const WitnessShareRowDto = z.object({
  sampleType: SampleType,
  total: z.number().int(),
  witnessed: z.number().int(),
  share: z.number(),
  /** Whether the share is required for this type by the rule in force. */
  required: z.boolean(),
  below: z.boolean(),
});
export const WitnessShareDto = z.object({
  projectId: z.uuid(),
  minShare: z.number(),
  rows: z.array(WitnessShareRowDto),
  /** Any required type below the share. */
  below: z.boolean(),
  rule: z.object({ code: z.string(), version: z.number().int(), region: z.string(), source: z.string() }),
});
export type WitnessShareDto = z.infer<typeof WitnessShareDto>;

/** `GET /testing/witness-share?below=true` — the city list: each project's witnessed share per required type. */
export const CityWitnessShareQuery = PageQuery.extend({
  /** `true` (default): only projects with a required type below the share; `false`: every project with commissions. */
  below: z.enum(["true", "false"]).default("true"),
  district: z.string().trim().max(50).optional(),
});
export type CityWitnessShareQuery = z.infer<typeof CityWitnessShareQuery>;

export const ProjectWitnessShareDto = z.object({
  projectId: z.uuid(),
  projectCode: z.string(),
  projectName: z.string(),
  district: z.string(),
  rows: z.array(WitnessShareRowDto),
  below: z.boolean(),
  /** The lowest share among its required types that have samples (null without any). */
  lowestShare: z.number().nullable(),
});
export type ProjectWitnessShareDto = z.infer<typeof ProjectWitnessShareDto>;

export const CityWitnessShareDto = page(ProjectWitnessShareDto).extend({
  minShare: z.number(),
  rule: z.object({ code: z.string(), version: z.number().int(), region: z.string(), source: z.string() }),
});
export type CityWitnessShareDto = z.infer<typeof CityWitnessShareDto>;
