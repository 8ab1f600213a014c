import { z } from "zod";
import { csvEnum } from "../platform/common";
import { CaseGrade } from "../cases/enums";
import { Severity } from "../iot/alarms";
import { LeakLevel, LeakState } from "../gas/leak";
import { DangerLevel, DangerousWorkCategory } from "../safety/dangerous-works";

/**
 * `GET /api/v1/dashboard/map?layers=alarms,cases,dangerousWorks,leaks,cameras` — the command center's map,
 * inside the caller's scope. `projects` (the markers) always comes; each other layer only when asked for
 * and the caller's role may read it (otherwise the key is absent). Points sit at their project's
 * coordinates (registry), except leak points (their own). Projects without coordinates are left off the
 * map (they still count in the KPIs).
 *
 * Gas mains are the existing `GET /api/v1/gas/pipelines/geojson[?bbox=]` (GeoJSON lines); the county
 * outline is shipped with the web app from /work/shared/data/boundary-330784.geojson (DataV.GeoAtlas). No
 * town boundaries can be had offline: districts (街道/镇) are drawn from the registry — `projects[].district`.
 */
export const DASHBOARD_MAP_PATH = "/api/v1/dashboard/map";

export const MAP_LAYERS = ["alarms", "cases", "dangerousWorks", "leaks", "cameras"] as const;
export const MapLayer = z.enum(MAP_LAYERS);
export type MapLayer = z.infer<typeof MapLayer>;

export const DashboardMapQuery = z.object({ layers: csvEnum(MAP_LAYERS) });
export type DashboardMapQuery = z.infer<typeof DashboardMapQuery>;

const Lng = z.number();
const Lat = z.number();

/** A project marker: coloured by `status`, or by `worstSeverity` when it has active alarms. */
export const ProjectMarker = z.object({
  projectId: z.uuid(),
  code: z.string(),
  name: z.string(),
  district: z.string(),
  status: z.string(),
  lng: Lng,
  lat: Lat,
  activeAlarms: z.number().int(),
  worstSeverity: Severity.nullable(),
  openCases: z.number().int(),
  /** The latest risk level (a RiskLevel of contracts/risk: low, medium, high, critical); absent for a project not ranked yet. */
  riskLevel: z.string().optional(),
});
export type ProjectMarker = z.infer<typeof ProjectMarker>;

export const AlarmMarker = z.object({
  id: z.uuid(),
  projectId: z.uuid(),
  projectName: z.string(),
  deviceName: z.string(),
  ruleName: z.string(),
  severity: Severity,
  startedAt: z.string(),
  lng: Lng,
  lat: Lat,
});

/** Open cases of one project (the layer draws one marker per project, sized by count). */
export const CaseMarker = z.object({
  projectId: z.uuid(),
  projectName: z.string(),
  open: z.number().int(),
  overdue: z.number().int(),
  worstGrade: CaseGrade,
  lng: Lng,
  lat: Lat,
});

export const DangerousWorkMarker = z.object({
  id: z.uuid(),
  projectId: z.uuid(),
  projectName: z.string(),
  name: z.string(),
  category: DangerousWorkCategory,
  level: DangerLevel,
  lng: Lng,
  lat: Lat,
});

export const LeakMarker = z.object({
  id: z.uuid(),
  enterpriseName: z.string(),
  state: LeakState,
  level: LeakLevel,
  ppm: z.number(),
  detectedAt: z.string(),
  pipelineCode: z.string().nullable(),
  lng: Lng,
  lat: Lat,
});

export const CameraMarker = z.object({
  deviceId: z.uuid(),
  code: z.string(),
  name: z.string(),
  projectId: z.uuid(),
  projectName: z.string(),
  online: z.boolean(),
  lng: Lng,
  lat: Lat,
});

export const DashboardMapDto = z.object({
  projects: z.array(ProjectMarker),
  /** Active alarms. */
  alarms: z.array(AlarmMarker).optional(),
  /** Projects with open cases. */
  cases: z.array(CaseMarker).optional(),
  /** 危大工程 in 实施. */
  dangerousWorks: z.array(DangerousWorkMarker).optional(),
  /** Leak points not cleared. */
  leaks: z.array(LeakMarker).optional(),
  cameras: z.array(CameraMarker).optional(),
  at: z.string(),
});
export type DashboardMapDto = z.infer<typeof DashboardMapDto>;
