import { z } from "zod";
import { csvEnum, IsoDate, PageQuery, sortParam } from "../platform/common";
import type { Labels } from "../registry/enums";
import { ParticipantRole } from "../registry/enums";

/** 地基与基础 → 主体结构 → 竣工验收 (GB 50300 分部工程验收, then 竣工验收). */
export const MILESTONES = ["foundation", "main_structure", "completion"] as const;
export const Milestone = z.enum(MILESTONES);
export type Milestone = z.infer<typeof Milestone>;
export const MILESTONE_LABELS: Labels<Milestone> = {
  foundation: { zh: "地基与基础", en: "Foundation" },
  main_structure: { zh: "主体结构", en: "Main structure" },
  completion: { zh: "竣工验收", en: "Completion" },
};

/** Milestones that must be accepted before this one may be opened. */
export const MILESTONE_PREREQUISITES: Record<Milestone, readonly Milestone[]> = {
  foundation: [],
  main_structure: [],
  completion: ["foundation", "main_structure"],
};

/**
 * Parties whose sign-off the milestone needs: 建设、施工总承包、监理 sign every one; 勘察 and 设计 also sign the
 * foundation (地基与基础 is accepted with the survey and design units) and the completion.
 */
export const MILESTONE_REQUIRED_PARTIES: Record<Milestone, readonly ParticipantRole[]> = {
  foundation: ["builder", "general_contractor", "supervisor", "surveyor", "designer"],
  main_structure: ["builder", "general_contractor", "supervisor"],
  completion: ["builder", "general_contractor", "supervisor", "surveyor", "designer"],
};

export const ACCEPTANCE_STATES = ["open", "accepted"] as const;
export const AcceptanceState = z.enum(ACCEPTANCE_STATES);
export type AcceptanceState = z.infer<typeof AcceptanceState>;
export const ACCEPTANCE_STATE_LABELS: Labels<AcceptanceState> = {
  open: { zh: "验收中", en: "In progress" },
  accepted: { zh: "已验收", en: "Accepted" },
};

export const AcceptanceSignoffDto = z.object({
  role: ParticipantRole,
  enterpriseId: z.uuid(),
  enterpriseName: z.string(),
  signerName: z.string(),
  opinion: z.string(),
  signedAt: z.string(),
});
export type AcceptanceSignoffDto = z.infer<typeof AcceptanceSignoffDto>;

export const AcceptanceDto = z.object({
  id: z.uuid(),
  projectId: z.uuid(),
  projectName: z.string(),
  milestone: Milestone,
  state: AcceptanceState,
  plannedOn: z.string().nullable(),
  signoffs: z.array(AcceptanceSignoffDto),
  requiredParties: z.array(ParticipantRole),
  /** Required parties that have not signed yet. */
  missingParties: z.array(ParticipantRole),
  acceptedAt: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type AcceptanceDto = z.infer<typeof AcceptanceDto>;

export const CreateAcceptanceInput = z.object({ milestone: Milestone, plannedOn: IsoDate });
export type CreateAcceptanceInput = z.infer<typeof CreateAcceptanceInput>;

export const SignAcceptanceInput = z.object({
  opinion: z.string().trim().min(1).max(1000),
  /** Needed only when the signer's enterprise takes part in the project in more than one required role. */
  role: ParticipantRole.optional(),
});
export type SignAcceptanceInput = z.infer<typeof SignAcceptanceInput>;

export const ACCEPTANCE_SORT = ["plannedOn", "createdAt", "acceptedAt"] as const;

export const ListAcceptancesQuery = PageQuery.extend({
  projectId: z.uuid().optional(),
  milestone: csvEnum(MILESTONES),
  state: csvEnum(ACCEPTANCE_STATES),
  sort: sortParam(ACCEPTANCE_SORT),
});
export type ListAcceptancesQuery = z.infer<typeof ListAcceptancesQuery>;
