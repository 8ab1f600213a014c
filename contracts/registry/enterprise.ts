import { z } from "zod";
import { csvEnum, IsoDate, PageQuery, sortParam } from "../platform/common";
import { EnterpriseStatus, EnterpriseType, ENTERPRISE_STATUSES, ENTERPRISE_TYPES, ExpiryState, ParticipantRole } from "./enums";
import { CreditCode, Mobile, Name, OptionalText } from "./fields";

export const QualificationInput = z.object({
  category: z.string().trim().min(1).max(100),
  grade: z.string().trim().min(1).max(20),
  certNo: z.string().trim().min(1).max(64),
  issuedOn: IsoDate.nullable().optional(),
  expiresOn: IsoDate,
});
export type QualificationInput = z.infer<typeof QualificationInput>;

export const QualificationDto = QualificationInput.extend({
  id: z.uuid(),
  issuedOn: z.string().nullable(),
  expiry: ExpiryState,
});
export type QualificationDto = z.infer<typeof QualificationDto>;

export const CreateEnterpriseInput = z.object({
  name: Name,
  creditCode: CreditCode,
  type: EnterpriseType,
  legalRep: z.string().trim().min(1).max(50),
  address: z.string().trim().max(200).default(""),
  district: OptionalText,
  contactName: OptionalText,
  contactPhone: Mobile.nullable().optional(),
  status: EnterpriseStatus.default("normal"),
  qualifications: z.array(QualificationInput).max(50).default([]),
});
export type CreateEnterpriseInput = z.infer<typeof CreateEnterpriseInput>;

/**
 * Partial update; `qualifications`, when given, replaces the whole list. The create defaults are dropped
 * first: under zod v4 `.partial()` would still fill them in, so a PATCH of one field would reset the
 * address, the status and the qualifications.
 */
export const UpdateEnterpriseInput = CreateEnterpriseInput.extend({
  address: z.string().trim().max(200),
  status: EnterpriseStatus,
  qualifications: z.array(QualificationInput).max(50),
}).partial();
export type UpdateEnterpriseInput = z.infer<typeof UpdateEnterpriseInput>;

export const EnterpriseSummaryDto = z.object({
  id: z.uuid(),
  name: z.string(),
  creditCode: z.string(),
  type: EnterpriseType,
  legalRep: z.string(),
  district: z.string().nullable(),
  status: EnterpriseStatus,
  qualificationCount: z.number().int(),
  /** Worst expiry state over the enterprise's qualifications; null when it has none. */
  qualificationExpiry: ExpiryState.nullable(),
  projectCount: z.number().int(),
  updatedAt: z.string(),
});
export type EnterpriseSummaryDto = z.infer<typeof EnterpriseSummaryDto>;

export const EnterpriseDto = EnterpriseSummaryDto.extend({
  address: z.string(),
  contactName: z.string().nullable(),
  contactPhone: z.string().nullable(),
  qualifications: z.array(QualificationDto),
  personCount: z.number().int(),
  createdAt: z.string(),
});
export type EnterpriseDto = z.infer<typeof EnterpriseDto>;

export const ListEnterprisesQuery = PageQuery.extend({
  type: csvEnum(ENTERPRISE_TYPES),
  status: csvEnum(ENTERPRISE_STATUSES),
  district: z.string().trim().max(50).optional(),
  qualificationExpiry: ExpiryState.optional(),
  sort: sortParam(["name", "creditCode", "updatedAt", "projectCount"] as const),
});
export type ListEnterprisesQuery = z.infer<typeof ListEnterprisesQuery>;

/** A project an enterprise takes part in, for its detail page. */
export const EnterpriseProjectDto = z.object({
  projectId: z.uuid(),
  code: z.string(),
  name: z.string(),
  status: z.string(),
  role: ParticipantRole,
});
export type EnterpriseProjectDto = z.infer<typeof EnterpriseProjectDto>;

