import { z } from "zod";
import { IsoDate, PageQuery, csvEnum, sortParam } from "../platform/common.js";
import type { Labels } from "../registry/enums.js";

/**
 * The detection vehicle (燃气泄漏检测车) and its leak points: a reading ≥ 10 ppm over the rolling background
 * makes a suspect (疑似泄漏点); a handheld re-check confirms it (确认泄漏) or clears it (排除).
 * Thresholds: rule `gas.leak_thresholds` (domain-rules §7.3).
 */

export const LEAK_STATES = ["suspect", "confirmed", "cleared"] as const;
export const LeakState = z.enum(LEAK_STATES);
export type LeakState = z.infer<typeof LeakState>;
export const LEAK_STATE_LABELS: Labels<LeakState> = {
  suspect: { zh: "疑似", en: "Suspect" },
  confirmed: { zh: "已确认", en: "Confirmed" },
  cleared: { zh: "已排除", en: "Cleared" },
};

/**
 * The highest threshold reached: `suspect` (vehicle only), `leak` (≥ 1 % LEL), `level1` (enclosed ≥ 25 % LEL),
 * `level2` (enclosed ≥ 50 % LEL: evacuate, control ignition sources).
 */
export const LEAK_LEVELS = ["suspect", "leak", "level1", "level2"] as const;
export const LeakLevel = z.enum(LEAK_LEVELS);
export type LeakLevel = z.infer<typeof LeakLevel>;
export const LEAK_LEVEL_LABELS: Labels<LeakLevel> = {
  suspect: { zh: "疑似", en: "Suspect" },
  leak: { zh: "泄漏 (≥1% LEL)", en: "Leak (≥1% LEL)" },
  level1: { zh: "一级 (≥25% LEL)", en: "Level 1 (≥25% LEL)" },
  level2: { zh: "二级 (≥50% LEL，疏散)", en: "Level 2 (≥50% LEL, evacuate)" },
};

export const LeakPointDto = z.object({
  id: z.uuid(),
  enterpriseId: z.uuid(),
  enterpriseName: z.string(),
  deviceId: z.uuid().nullable(),
  deviceCode: z.string().nullable(),
  deviceName: z.string().nullable(),
  detectedAt: z.string(),
  lastDetectedAt: z.string(),
  /** Suspect readings merged into this point. */
  readings: z.number().int(),
  lat: z.number(),
  lng: z.number(),
  /** The highest vehicle reading of the point, and the background it was judged against. */
  ppm: z.number(),
  backgroundPpm: z.number(),
  state: LeakState,
  level: LeakLevel,
  recheckPpm: z.number().nullable(),
  recheckAt: z.string().nullable(),
  recheckEnclosed: z.boolean().nullable(),
  recheckBy: z.string().nullable(),
  recheckNote: z.string().nullable(),
  pipelineId: z.uuid().nullable(),
  pipelineCode: z.string().nullable(),
  pipelineName: z.string().nullable(),
  pipelineDistanceM: z.number().nullable(),
  caseId: z.uuid().nullable(),
  caseNo: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type LeakPointDto = z.infer<typeof LeakPointDto>;

export const LEAK_SORT = ["detectedAt", "ppm", "state", "level", "recheckAt"] as const;

const Instant = z.iso.datetime({ offset: true });

export const ListLeaksQuery = PageQuery.extend({
  state: csvEnum(LEAK_STATES),
  level: csvEnum(LEAK_LEVELS),
  deviceId: z.uuid().optional(),
  enterpriseId: z.uuid().optional(),
  /** Points whose nearest main (when detected) is this line. */
  pipelineId: z.uuid().optional(),
  /** Detected on or after / on or before these days (Asia/Shanghai). */
  from: IsoDate.optional(),
  to: IsoDate.optional(),
  sort: sortParam(LEAK_SORT),
});
export type ListLeaksQuery = z.infer<typeof ListLeaksQuery>;

/** The handheld re-check at the suspect point (手持式检测仪复检). */
export const RecheckInput = z.object({
  /** The handheld reading, ppm CH4 (1 % LEL = 500 ppm). */
  ppm: z.number().min(0, "读数不能为负 (ppm must not be negative)").max(1_000_000, "读数不能超过 1,000,000 ppm (at most 100 % vol)"),
  /** Measured in an enclosed space (valve pit, manhole, basement): the 25 % / 50 % LEL levels apply. */
  enclosed: z.boolean(),
  note: z.string().trim().max(500).default(""),
});
export type RecheckInput = z.input<typeof RecheckInput>;

export const DriveQuery = z.object({
  deviceId: z.uuid(),
  from: Instant,
  to: Instant,
  /** About this many points are answered: a longer drive is thinned evenly, keeping every suspect reading. */
  maxPoints: z.coerce.number().int().min(10).max(10_000).default(2000),
});
export type DriveQuery = z.infer<typeof DriveQuery>;

export const DrivePointDto = z.object({ ts: z.string(), lat: z.number(), lng: z.number(), ppm: z.number(), backgroundPpm: z.number(), suspect: z.boolean() });
export type DrivePointDto = z.infer<typeof DrivePointDto>;
export const DriveDto = z.object({
  deviceId: z.uuid(),
  from: z.string(),
  to: z.string(),
  /** Readings in the window before thinning. */
  total: z.number().int(),
  points: z.array(DrivePointDto),
});
export type DriveDto = z.infer<typeof DriveDto>;

/** A detection vehicle: a gas_detector device not on a site, with its last position and reading. */
export const VehicleDto = z.object({
  deviceId: z.uuid(),
  code: z.string(),
  name: z.string(),
  enterpriseId: z.uuid(),
  enterpriseName: z.string(),
  enabled: z.boolean(),
  online: z.boolean(),
  lastSeenAt: z.string().nullable(),
  lastTs: z.string().nullable(),
  lastLat: z.number().nullable(),
  lastLng: z.number().nullable(),
  lastPpm: z.number().nullable(),
  lastBackgroundPpm: z.number().nullable(),
  /** Suspect points not yet re-checked. */
  openSuspects: z.number().int(),
});
export type VehicleDto = z.infer<typeof VehicleDto>;

export const ListVehiclesQuery = PageQuery.extend({ enterpriseId: z.uuid().optional() });
export type ListVehiclesQuery = z.infer<typeof ListVehiclesQuery>;
