import { z } from "zod";
import { csvEnum, IsoDate, PageQuery, sortParam } from "../platform/common";
import { CERTIFICATE_KINDS, CertificateKind, ExpiryState, Post } from "./enums";
import { IdNumber, Mobile, Name } from "./fields";

export const CertificateInput = z.object({
  kind: CertificateKind,
  specialty: z.string().trim().max(50).nullable().optional(),
  level: z.string().trim().max(20).nullable().optional(),
  certNo: z.string().trim().min(1).max(64),
  issuedOn: IsoDate.nullable().optional(),
  expiresOn: IsoDate,
});
export type CertificateInput = z.infer<typeof CertificateInput>;

export const CertificateDto = CertificateInput.extend({
  id: z.uuid(),
  specialty: z.string().nullable(),
  level: z.string().nullable(),
  issuedOn: z.string().nullable(),
  expiry: ExpiryState,
});
export type CertificateDto = z.infer<typeof CertificateDto>;

export const CreatePersonInput = z.object({
  name: Name,
  idNumber: IdNumber,
  mobile: Mobile.nullable().optional(),
  employerId: z.uuid().nullable().optional(),
  certificates: z.array(CertificateInput).max(30).default([]),
});
export type CreatePersonInput = z.infer<typeof CreatePersonInput>;

/**
 * Partial update; the ID number never changes. `certificates`, when given, replaces the whole list (the
 * create default is dropped: zod v4 `.partial()` would still apply it and wipe the list on every PATCH).
 */
export const UpdatePersonInput = CreatePersonInput.omit({ idNumber: true })
  .extend({ certificates: z.array(CertificateInput).max(30) })
  .partial();
export type UpdatePersonInput = z.infer<typeof UpdatePersonInput>;

export const PersonSummaryDto = z.object({
  id: z.uuid(),
  name: z.string(),
  /** Masked (3307**********1234) unless the caller may read ID numbers. */
  idNumber: z.string(),
  gender: z.enum(["M", "F"]),
  birthDate: z.string(),
  mobile: z.string().nullable(),
  employerId: z.uuid().nullable(),
  employerName: z.string().nullable(),
  certificateKinds: z.array(CertificateKind),
  /** Worst expiry state over the person's certificates; null when none. */
  certificateExpiry: ExpiryState.nullable(),
  updatedAt: z.string(),
});
export type PersonSummaryDto = z.infer<typeof PersonSummaryDto>;

export const PersonPostDto = z.object({
  postId: z.uuid(),
  projectId: z.uuid(),
  projectCode: z.string(),
  projectName: z.string(),
  projectStatus: z.string(),
  post: Post,
  startedOn: z.string(),
  endedOn: z.string().nullable(),
});
export type PersonPostDto = z.infer<typeof PersonPostDto>;

export const PersonDto = PersonSummaryDto.extend({
  certificates: z.array(CertificateDto),
  posts: z.array(PersonPostDto),
  createdAt: z.string(),
});
export type PersonDto = z.infer<typeof PersonDto>;

export const ListPersonsQuery = PageQuery.extend({
  employerId: z.uuid().optional(),
  certificateKind: csvEnum(CERTIFICATE_KINDS),
  certificateExpiry: ExpiryState.optional(),
  gender: z.enum(["M", "F"]).optional(),
  sort: sortParam(["name", "birthDate", "updatedAt"] as const),
});
export type ListPersonsQuery = z.infer<typeof ListPersonsQuery>;

