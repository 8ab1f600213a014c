import { z } from "zod";
import { EnterpriseType } from "./enums";
import { QualificationInput } from "./enterprise";
import { CreditCode, Name } from "./fields";

/**
 * An enterprise's identity (身份信息): what its business licence and the bureau's qualification records say.
 * The bureau changes these directly; an enterprise's own user only through a change request (变更申请)
 * the bureau approves. Its other fields (address, district, contacts) stay self-service.
 */
export const ENTERPRISE_IDENTITY_FIELDS = ["name", "creditCode", "type", "legalRep", "qualifications"] as const;
export type EnterpriseIdentityField = (typeof ENTERPRISE_IDENTITY_FIELDS)[number];

/** The identity fields as stored: qualifications in certificate-number order, without ids or derived expiry. */
export const EnterpriseIdentity = z.object({
  name: z.string(),
  creditCode: z.string(),
  type: EnterpriseType,
  legalRep: z.string(),
  qualifications: z.array(
    z.object({ category: z.string(), grade: z.string(), certNo: z.string(), issuedOn: z.string().nullable(), expiresOn: z.string() }),
  ),
});
export type EnterpriseIdentity = z.infer<typeof EnterpriseIdentity>;

/** The proposed identity fields; `qualifications`, when given, replaces the whole list. */
export const EnterpriseIdentityChange = z.object({
  name: Name.optional(),
  creditCode: CreditCode.optional(),
  type: EnterpriseType.optional(),
  legalRep: z.string().trim().min(1).max(50).optional(),
  qualifications: z.array(QualificationInput).max(50).optional(),
});
export type EnterpriseIdentityChange = z.infer<typeof EnterpriseIdentityChange>;

export const CreateEnterpriseChangeRequestInput = EnterpriseIdentityChange.extend({
  /** Why (e.g. 更名 after a licence change, a renewed qualification certificate). */
  reason: z.string().trim().min(1, "必填 (required)").max(500),
});
export type CreateEnterpriseChangeRequestInput = z.infer<typeof CreateEnterpriseChangeRequestInput>;

export const CHANGE_REQUEST_STATES = ["pending", "approved", "rejected"] as const;
export const ChangeRequestState = z.enum(CHANGE_REQUEST_STATES);
export type ChangeRequestState = z.infer<typeof ChangeRequestState>;

export const ApproveChangeRequestInput = z.object({ note: z.string().trim().max(500).optional() });
export type ApproveChangeRequestInput = z.infer<typeof ApproveChangeRequestInput>;

/** A rejection tells the enterprise why. */
export const RejectChangeRequestInput = z.object({ note: z.string().trim().min(1, "必填 (required)").max(500) });
export type RejectChangeRequestInput = z.infer<typeof RejectChangeRequestInput>;

export const ListChangeRequestsQuery = z.object({
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(20),
  state: ChangeRequestState.optional(),
});
export type ListChangeRequestsQuery = z.infer<typeof ListChangeRequestsQuery>;

export const EnterpriseChangeRequestDto = z.object({
  id: z.uuid(),
  enterpriseId: z.uuid(),
  /** The enterprise's name now (the request may propose another). */
  enterpriseName: z.string(),
  state: ChangeRequestState,
  /** Only the fields the request changes. */
  proposed: EnterpriseIdentityChange,
  /** The identity fields when the request was filed. */
  base: EnterpriseIdentity,
  /** A pending request whose enterprise's identity changed since it was filed: approving it is refused (409). */
  stale: z.boolean(),
  reason: z.string(),
  requestedByName: z.string(),
  createdAt: z.string(),
  note: z.string().nullable(),
  decidedByName: z.string().nullable(),
  decidedAt: z.string().nullable(),
});
export type EnterpriseChangeRequestDto = z.infer<typeof EnterpriseChangeRequestDto>;
