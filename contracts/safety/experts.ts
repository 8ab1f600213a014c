import { z } from "zod";
import { PageQuery } from "../platform/common";
import type { Labels } from "../registry/enums";

/** 专业技术职称 of a pool expert; 高级 and 正高级 count as senior titles. */
export const EXPERT_TITLES = ["professorate", "senior", "intermediate"] as const;
export const ExpertTitle = z.enum(EXPERT_TITLES);
export type ExpertTitle = z.infer<typeof ExpertTitle>;
export const EXPERT_TITLE_LABELS: Labels<ExpertTitle> = {
  professorate: { zh: "正高级工程师", en: "Professor-level engineer" },
  senior: { zh: "高级工程师", en: "Senior engineer" },
  intermediate: { zh: "工程师", en: "Engineer" },
};
export const SENIOR_TITLES: readonly ExpertTitle[] = ["professorate", "senior"];
/** Years in the field that qualify without a senior title (domain-rules §4.3). */
export const EXPERT_MIN_YEARS = 15;

export const EXPERT_SPECIALTIES = ["geotechnical", "structural", "formwork", "lifting", "scaffold", "demolition", "tunnel", "curtain_wall", "steel"] as const;
export const ExpertSpecialty = z.enum(EXPERT_SPECIALTIES);
export type ExpertSpecialty = z.infer<typeof ExpertSpecialty>;
export const EXPERT_SPECIALTY_LABELS: Labels<ExpertSpecialty> = {
  geotechnical: { zh: "岩土与基坑", en: "Geotechnical" },
  structural: { zh: "结构", en: "Structural" },
  formwork: { zh: "模板支撑", en: "Formwork" },
  lifting: { zh: "起重机械", en: "Lifting" },
  scaffold: { zh: "脚手架", en: "Scaffolding" },
  demolition: { zh: "拆除爆破", en: "Demolition" },
  tunnel: { zh: "隧道暗挖", en: "Tunnelling" },
  curtain_wall: { zh: "幕墙", en: "Curtain wall" },
  steel: { zh: "钢结构", en: "Steel structure" },
};

export const CreateExpertInput = z.object({
  personId: z.uuid(),
  specialty: ExpertSpecialty,
  title: ExpertTitle,
  years: z.number().int().min(0).max(70),
});
export type CreateExpertInput = z.infer<typeof CreateExpertInput>;

export const UpdateExpertInput = z.object({
  specialty: ExpertSpecialty.optional(),
  title: ExpertTitle.optional(),
  years: z.number().int().min(0).max(70).optional(),
  active: z.boolean().optional(),
});
export type UpdateExpertInput = z.infer<typeof UpdateExpertInput>;

export const ExpertDto = z.object({
  id: z.uuid(),
  personId: z.uuid(),
  name: z.string(),
  enterpriseId: z.uuid().nullable(),
  enterpriseName: z.string().nullable(),
  specialty: ExpertSpecialty,
  title: ExpertTitle,
  years: z.number().int(),
  active: z.boolean(),
  /** Set when listed for a project: the expert's employer takes part in it (利害关系). */
  conflict: z.string().nullable(),
});
export type ExpertDto = z.infer<typeof ExpertDto>;

export const ListExpertsQuery = PageQuery.extend({
  specialty: ExpertSpecialty.optional(),
  active: z.enum(["true", "false"]).optional(),
  /** Marks the experts whose employer takes part in this project. */
  projectId: z.uuid().optional(),
});
export type ListExpertsQuery = z.input<typeof ListExpertsQuery>;
