import { z } from "zod";
import { csvEnum, IsoDate, PageQuery, sortParam } from "../platform/common";
import { ParticipantRole, Post, PROJECT_STATUSES, PROJECT_TYPES, ProjectStatus, ProjectType, YONGKANG_DISTRICTS } from "./enums";
import { Name } from "./fields";

const Coordinate = { lng: z.number().min(-180).max(180).nullable().optional(), lat: z.number().min(-90).max(90).nullable().optional() };

export const CreateProjectInput = z.object({
  code: z.string().trim().regex(/^[A-Za-z0-9-]{4,40}$/, "项目编号: 4–40 letters, digits or -"),
  name: Name,
  type: ProjectType,
  district: z.enum(YONGKANG_DISTRICTS),
  address: z.string().trim().max(200).default(""),
  ...Coordinate,
  areaM2: z.number().nonnegative().max(1e10).nullable().optional(),
  contractValueWan: z.number().nonnegative().max(1e10).nullable().optional(),
  permitNo: z.string().trim().max(64).nullable().optional(),
  plannedStart: IsoDate.nullable().optional(),
  plannedEnd: IsoDate.nullable().optional(),
  /** 施工合同签订日期: the wage special account is due within 30 days of it. */
  contractSignedOn: IsoDate.nullable().optional(),
});
export type CreateProjectInput = z.infer<typeof CreateProjectInput>;

// `address` is re-declared without its create-time default: a PATCH that omits it must leave it unchanged.
export const UpdateProjectInput = CreateProjectInput.omit({ code: true }).partial().extend({
  address: z.string().trim().max(200).optional(),
  actualStart: IsoDate.nullable().optional(),
  actualEnd: IsoDate.nullable().optional(),
});
export type UpdateProjectInput = z.infer<typeof UpdateProjectInput>;

export const TransitionProjectInput = z.object({
  to: ProjectStatus,
  on: IsoDate.optional(),
  reason: z.string().trim().max(500).optional(),
});
export type TransitionProjectInput = z.infer<typeof TransitionProjectInput>;

export const ParticipantDto = z.object({
  id: z.uuid(),
  enterpriseId: z.uuid(),
  enterpriseName: z.string(),
  creditCode: z.string(),
  role: ParticipantRole,
});
export type ParticipantDto = z.infer<typeof ParticipantDto>;

export const AddParticipantInput = z.object({ enterpriseId: z.uuid(), role: ParticipantRole });
export type AddParticipantInput = z.infer<typeof AddParticipantInput>;

export const PostDto = z.object({
  id: z.uuid(),
  personId: z.uuid(),
  personName: z.string(),
  enterpriseId: z.uuid(),
  enterpriseName: z.string(),
  post: Post,
  startedOn: z.string(),
  endedOn: z.string().nullable(),
});
export type PostDto = z.infer<typeof PostDto>;

export const AssignPostInput = z.object({ personId: z.uuid(), post: Post, startedOn: IsoDate.optional() });
export type AssignPostInput = z.infer<typeof AssignPostInput>;

export const EndPostInput = z.object({ endedOn: IsoDate.optional() });
export type EndPostInput = z.infer<typeof EndPostInput>;

export const ProjectSummaryDto = z.object({
  id: z.uuid(),
  code: z.string(),
  name: z.string(),
  type: ProjectType,
  district: z.string(),
  status: ProjectStatus,
  contractValueWan: z.number().nullable(),
  areaM2: z.number().nullable(),
  plannedStart: z.string().nullable(),
  plannedEnd: z.string().nullable(),
  generalContractor: z.string().nullable(),
  projectManager: z.string().nullable(),
  updatedAt: z.string(),
});
export type ProjectSummaryDto = z.infer<typeof ProjectSummaryDto>;

export const ProjectDto = ProjectSummaryDto.extend({
  address: z.string(),
  lng: z.number().nullable(),
  lat: z.number().nullable(),
  permitNo: z.string().nullable(),
  contractSignedOn: z.string().nullable(),
  actualStart: z.string().nullable(),
  actualEnd: z.string().nullable(),
  participants: z.array(ParticipantDto),
  posts: z.array(PostDto),
  allowedTransitions: z.array(ProjectStatus),
  /** Lifecycle edges out of the current status that a guard blocks now, with the reasons (zh + en). */
  blockedTransitions: z.array(z.object({ to: ProjectStatus, reasons: z.array(z.string()) })).optional(),
  createdAt: z.string(),
});
export type ProjectDto = z.infer<typeof ProjectDto>;

export const ListProjectsQuery = PageQuery.extend({
  status: csvEnum(PROJECT_STATUSES),
  type: csvEnum(PROJECT_TYPES),
  district: z.string().trim().max(50).optional(),
  enterpriseId: z.uuid().optional(),
  personId: z.uuid().optional(),
  sort: sortParam(["code", "name", "status", "contractValueWan", "plannedStart", "updatedAt"] as const),
});
export type ListProjectsQuery = z.infer<typeof ListProjectsQuery>;

/** Counts for the home page, within the caller's data scope. */
export const ProjectStatsDto = z.object({
  total: z.number().int(),
  byStatus: z.record(ProjectStatus, z.number().int()),
  byType: z.record(ProjectType, z.number().int()),
  byDistrict: z.array(z.object({ district: z.string(), count: z.number().int() })),
});
export type ProjectStatsDto = z.infer<typeof ProjectStatsDto>;

