import { z } from "zod";
import { PageQuery, csvEnum, sortParam } from "../platform/common.js";
import type { Labels } from "../registry/enums.js";
import { PRESSURE_CLASSES, PressureClass } from "./pipeline.js";

const Text = (max: number) => z.string().trim().max(max);
const Instant = z.iso.datetime({ offset: true });

/** 巡线计划: the lines of some pressure classes (or named lines) of one gas company, every N days. */
export const PatrolPlanInput = z
  .object({
    name: Text(100).min(1, "必填 (required)"),
    enterpriseId: z.uuid().nullable().optional(),
    pressureClasses: z.array(PressureClass).max(PRESSURE_CLASSES.length).default([]),
    pipelineIds: z.array(z.uuid()).max(2000).default([]),
    intervalDays: z.number().int().min(1, "巡检周期 1–365 天 (interval 1–365 days)").max(365, "巡检周期 1–365 天 (interval 1–365 days)"),
    active: z.boolean().default(true),
  })
  .refine((p) => p.pressureClasses.length > 0 || p.pipelineIds.length > 0, { path: ["pressureClasses"], message: "须选择压力级制或指定管线 (choose pressure classes or lines)" });
export type PatrolPlanInput = z.input<typeof PatrolPlanInput>;

export const PatrolPlanDto = z.object({
  id: z.uuid(),
  name: z.string(),
  enterpriseId: z.uuid(),
  enterpriseName: z.string(),
  pressureClasses: z.array(PressureClass),
  pipelineIds: z.array(z.uuid()),
  intervalDays: z.number().int(),
  active: z.boolean(),
  /** The lines the plan covers today and their total length. */
  plannedLines: z.number().int(),
  plannedLengthM: z.number(),
  lastPatrolAt: z.string().nullable(),
  lastCoveragePct: z.number().nullable(),
  /** Active and no patrol started within the interval. */
  overdue: z.boolean(),
  createdAt: z.string(),
});
export type PatrolPlanDto = z.infer<typeof PatrolPlanDto>;

export const ListPatrolPlansQuery = PageQuery.extend({
  enterpriseId: z.uuid().optional(),
  overdue: z.enum(["true", "false"]).optional(),
  active: z.enum(["true", "false"]).optional(),
});
export type ListPatrolPlansQuery = z.infer<typeof ListPatrolPlansQuery>;

/** A GPS fix [lng, lat, epoch ms]. */
export const TrackPointInput = z.tuple([z.number().min(-180).max(180), z.number().min(-90).max(90), z.number().int().min(946_684_800_000)]);

/** One patrol with its GPS track (fixes in time order, up to 20,000). */
export const PatrolInput = z.object({
  planId: z.uuid(),
  patrollerId: z.uuid().nullable().optional(),
  patrollerName: Text(50).min(1, "必填 (required)"),
  track: z
    .array(TrackPointInput)
    .min(1, "轨迹至少 1 个点 (the track needs at least one fix)")
    .max(20_000, "轨迹最多 20000 个点 (at most 20000 fixes)")
    .refine((t) => t.every((p, i) => i === 0 || p[2] >= t[i - 1][2]), "轨迹点须按时间先后排列 (fixes must be in time order)"),
});
export type PatrolInput = z.input<typeof PatrolInput>;

export const PatrolDto = z.object({
  id: z.uuid(),
  planId: z.uuid().nullable(),
  planName: z.string().nullable(),
  enterpriseId: z.uuid(),
  enterpriseName: z.string(),
  patrollerId: z.uuid().nullable(),
  patrollerName: z.string(),
  startedAt: z.string(),
  endedAt: z.string().nullable(),
  points: z.number().int(),
  plannedLengthM: z.number(),
  coveredLengthM: z.number(),
  coveragePct: z.number(),
  hazards: z.number().int(),
  /** Asked with `pipelineId`: the metres of that line this patrol came within the coverage radius of; null otherwise. */
  lineCoveredM: z.number().nullable(),
  createdAt: z.string(),
});
export type PatrolDto = z.infer<typeof PatrolDto>;

/** A patrol with its track and per-line coverage (for drawing). */
export const PatrolDetailDto = PatrolDto.extend({
  track: z.array(z.tuple([z.number(), z.number(), z.number()])),
  coverage: z.array(z.object({ pipelineId: z.uuid(), code: z.string(), lengthM: z.number(), coveredM: z.number() })),
  coverageRule: z.object({ radiusM: z.number(), version: z.number().int(), region: z.string() }),
});
export type PatrolDetailDto = z.infer<typeof PatrolDetailDto>;

export const ListPatrolsQuery = PageQuery.extend({
  planId: z.uuid().optional(),
  /** Patrols whose plan covered this line when they were recorded (its coverage was measured). */
  pipelineId: z.uuid().optional(),
  enterpriseId: z.uuid().optional(),
  from: z.iso.date().optional(),
  to: z.iso.date().optional(),
  sort: sortParam(["startedAt", "coveragePct", "patrollerName"] as const),
});
export type ListPatrolsQuery = z.infer<typeof ListPatrolsQuery>;

export const HAZARD_KINDS = ["third_party_digging", "exposed_pipe", "leak_smell", "occupation", "other"] as const;
export const HazardKind = z.enum(HAZARD_KINDS);
export type HazardKind = z.infer<typeof HazardKind>;
export const HAZARD_KIND_LABELS: Labels<HazardKind> = {
  third_party_digging: { zh: "第三方施工", en: "Third-party digging" },
  exposed_pipe: { zh: "管道裸露", en: "Exposed pipe" },
  leak_smell: { zh: "燃气异味", en: "Gas smell" },
  occupation: { zh: "占压", en: "Building over the line" },
  other: { zh: "其他", en: "Other" },
};

/**
 * A hazard found on patrol. Without `pipelineId` the nearest line of the company (within 200 m) is taken;
 * it opens a case in the one loop, owned by the line's company.
 */
export const HazardInput = z.object({
  patrolId: z.uuid().nullable().optional(),
  pipelineId: z.uuid().nullable().optional(),
  enterpriseId: z.uuid().nullable().optional(),
  kind: HazardKind,
  lng: z.number().min(-180).max(180),
  lat: z.number().min(-90).max(90),
  description: Text(2000).default(""),
  foundAt: Instant,
});
export type HazardInput = z.input<typeof HazardInput>;

export const HazardDto = z.object({
  id: z.uuid(),
  enterpriseId: z.uuid(),
  enterpriseName: z.string(),
  patrolId: z.uuid().nullable(),
  pipelineId: z.uuid().nullable(),
  pipelineCode: z.string().nullable(),
  pressureClass: PressureClass.nullable(),
  kind: HazardKind,
  lng: z.number(),
  lat: z.number(),
  description: z.string(),
  foundAt: z.string(),
  caseId: z.uuid().nullable(),
  caseNo: z.string().nullable(),
  caseState: z.string().nullable(),
  caseGrade: z.string().nullable(),
  createdAt: z.string(),
});
export type HazardDto = z.infer<typeof HazardDto>;

export const ListHazardsQuery = PageQuery.extend({
  enterpriseId: z.uuid().optional(),
  pipelineId: z.uuid().optional(),
  patrolId: z.uuid().optional(),
  kind: csvEnum(HAZARD_KINDS),
  /** `true`: its case is not closed (or none was opened yet); `false`: its case is closed. */
  open: z.enum(["true", "false"]).optional(),
  from: z.iso.date().optional(),
  to: z.iso.date().optional(),
  sort: sortParam(["foundAt", "kind"] as const),
});
export type ListHazardsQuery = z.infer<typeof ListHazardsQuery>;
