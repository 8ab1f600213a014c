import { z } from "zod";
import { PageQuery, sortParam } from "../platform/common";

/** Device types of the smart site (智慧工地). The string values are part of the device protocol. */
export const DEVICE_TYPES = ["env_monitor", "tower_crane", "hoist", "spray", "camera", "gate", "gas_detector"] as const;
export const DeviceType = z.enum(DEVICE_TYPES);
export type DeviceType = z.infer<typeof DeviceType>;

export interface MetricSpec {
  unit: string;
  /** Physically possible range: a reading outside it is a broken sensor or a typing error, rejected as `out_of_range`. */
  min: number;
  max: number;
}

/**
 * The metrics each device type may report (the `values` keys of a telemetry message) with their units.
 * A metric not listed for the device's type is rejected as `unknown_metric`. Booleans are sent as 0/1.
 */
export const METRICS: Record<DeviceType, Record<string, MetricSpec>> = {
  env_monitor: {
    pm25: { unit: "µg/m³", min: 0, max: 10_000 },
    pm10: { unit: "µg/m³", min: 0, max: 10_000 },
    tsp: { unit: "µg/m³", min: 0, max: 20_000 },
    noise_db: { unit: "dB(A)", min: 0, max: 160 },
    temp_c: { unit: "°C", min: -50, max: 70 },
    humidity_pct: { unit: "%", min: 0, max: 100 },
    wind_ms: { unit: "m/s", min: 0, max: 75 },
  },
  tower_crane: {
    load_t: { unit: "t", min: 0, max: 200 },
    rated_load_t: { unit: "t", min: 0, max: 200 },
    moment_pct: { unit: "%", min: 0, max: 300 },
    radius_m: { unit: "m", min: 0, max: 120 },
    height_m: { unit: "m", min: -20, max: 400 },
    slew_deg: { unit: "°", min: -720, max: 720 },
    wind_ms: { unit: "m/s", min: 0, max: 75 },
    /** Inclination from vertical (magnitude). */
    tilt_deg: { unit: "°", min: 0, max: 90 },
  },
  hoist: {
    load_kg: { unit: "kg", min: 0, max: 20_000 },
    rated_load_kg: { unit: "kg", min: 0, max: 20_000 },
    floor: { unit: "层", min: -10, max: 200 },
    height_m: { unit: "m", min: -20, max: 600 },
    speed_ms: { unit: "m/s", min: -10, max: 10 },
    people: { unit: "人", min: 0, max: 100 },
    door_open: { unit: "0/1", min: 0, max: 1 },
    tilt_deg: { unit: "°", min: 0, max: 90 },
  },
  spray: { state: { unit: "0/1", min: 0, max: 1 } },
  camera: { online_streams: { unit: "路", min: 0, max: 64 } },
  gate: { passes: { unit: "人次", min: 0, max: 100_000 } },
  /** `lat`/`lng` (WGS-84 degrees) are sent by a detector that moves: the gas-detection vehicle reports its position with each reading. */
  gas_detector: {
    ch4_ppm: { unit: "ppm", min: 0, max: 1_000_000 },
    lat: { unit: "°", min: -90, max: 90 },
    lng: { unit: "°", min: -180, max: 180 },
  },
};

/** Metrics the platform derives from a message's values (rules may use them; devices may not send them). */
export const DERIVED_METRICS: Partial<Record<DeviceType, Record<string, MetricSpec>>> = {
  tower_crane: { load_pct: { unit: "%", min: 0, max: 1000 } },
  hoist: { load_pct: { unit: "%", min: 0, max: 1000 }, door_open_moving: { unit: "0/1", min: 0, max: 1 } },
};

/** Why a device message was refused; counted per device and shown on its page. */
export const REJECT_REASONS = [
  "bad_credentials",
  "bad_client_id",
  "foreign_topic",
  "disabled",
  "oversized",
  "bad_json",
  "bad_shape",
  "bad_timestamp",
  "unknown_metric",
  "not_a_number",
  "out_of_range",
] as const;
export type RejectReason = (typeof REJECT_REASONS)[number];

/** The largest telemetry payload accepted, MQTT or HTTP. */
export const MAX_TELEMETRY_BYTES = 256 * 1024;

const Code = z
  .string()
  .trim()
  .regex(/^[A-Za-z0-9][A-Za-z0-9_-]{2,63}$/, "3–64 letters, digits, _ or - (it is the MQTT username and part of every topic)");

/** Device types that may belong to an enterprise instead of a site: the gas company's detection vehicle drives about the city. */
export const SITELESS_DEVICE_TYPES: readonly DeviceType[] = ["gas_detector"];

const DeviceFields = z.object({
  /** The site the device stands on. Required, except for a siteless type owned by `enterpriseId`. */
  projectId: z.uuid().optional(),
  /** The owning enterprise (a gas company) of a device not on a site; only for SITELESS_DEVICE_TYPES, never with `projectId`. */
  enterpriseId: z.uuid().optional(),
  type: DeviceType,
  code: Code,
  name: z.string().trim().min(1).max(100),
  model: z.string().trim().max(100).optional(),
  vendor: z.string().trim().max(100).optional(),
  location: z.string().trim().max(200).optional(),
  reportIntervalS: z.number().int().min(1).max(86_400).default(60),
  /** Linked equipment: e.g. the crane's 使用登记 number or the hoist's 备案编号. */
  equipmentRef: z.string().trim().max(100).optional(),
  /** Stream URL of a camera (rtsp/hls/flv), shown as a link. */
  streamUrl: z.string().trim().max(500).optional(),
});

/** A device is owned by exactly one of a site (`projectId`) or, for a siteless type, an enterprise. */
export const CreateDeviceInput = DeviceFields.superRefine((v, ctx) => {
  const siteless = SITELESS_DEVICE_TYPES.includes(v.type);
  if (v.enterpriseId && !siteless) {
    ctx.addIssue({ code: "custom", path: ["enterpriseId"], message: "只有气体检测仪可以不属于项目 (only a gas detector may belong to an enterprise)" });
  } else if (v.projectId && v.enterpriseId) {
    ctx.addIssue({ code: "custom", path: ["enterpriseId"], message: "所属项目与所属企业只能填一个 (a device belongs to a site or to an enterprise, not both)" });
  } else if (!v.projectId && !(siteless && v.enterpriseId)) {
    ctx.addIssue({
      code: "custom",
      path: [siteless ? "enterpriseId" : "projectId"],
      message: siteless ? "须指定所属项目或所属燃气企业 (name the site or the owning gas company)" : "须指定所属项目 (name the site)",
    });
  }
});
export type CreateDeviceInput = z.infer<typeof CreateDeviceInput>;

export const UpdateDeviceInput = DeviceFields.omit({ projectId: true, enterpriseId: true, type: true, code: true }).partial();
export type UpdateDeviceInput = z.infer<typeof UpdateDeviceInput>;

export const SetDeviceEnabledInput = z.object({ enabled: z.boolean(), reason: z.string().trim().max(200).optional() });

export const DeviceDto = z.object({
  id: z.uuid(),
  /** null for a device not on a site (the detection vehicle); then `enterpriseId` names its owner. */
  projectId: z.uuid().nullable(),
  projectName: z.string().nullable(),
  enterpriseId: z.uuid().nullable(),
  enterpriseName: z.string().nullable(),
  type: DeviceType,
  code: z.string(),
  name: z.string(),
  model: z.string().nullable(),
  vendor: z.string().nullable(),
  location: z.string().nullable(),
  reportIntervalS: z.number().int(),
  equipmentRef: z.string().nullable(),
  streamUrl: z.string().nullable(),
  enabled: z.boolean(),
  online: z.boolean(),
  lastSeenAt: z.string().nullable(),
  rejectedCount: z.number().int(),
  /** Rejections by reason since registration, e.g. {"unknown_metric": 3}. */
  rejections: z.record(z.string(), z.number().int()),
  lastRejectedAt: z.string().nullable(),
  lastRejectedReason: z.string().nullable(),
  secretRotatedAt: z.string(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type DeviceDto = z.infer<typeof DeviceDto>;

/** The answer to create and rotate: the only time the secret is ever shown. */
export const DeviceWithSecretDto = DeviceDto.extend({ secret: z.string() });
export type DeviceWithSecretDto = z.infer<typeof DeviceWithSecretDto>;

export const DEVICE_SORT = ["code", "name", "type", "lastSeenAt", "createdAt", "rejectedCount"] as const;

export const ListDevicesQuery = PageQuery.extend({
  projectId: z.uuid().optional(),
  /** Devices owned by this enterprise (not on a site). */
  enterpriseId: z.uuid().optional(),
  /** `true`: only devices on a site; `false`: only devices not on a site (vehicles). */
  onSite: z.enum(["true", "false"]).optional(),
  type: DeviceType.optional(),
  online: z.enum(["true", "false"]).optional(),
  enabled: z.enum(["true", "false"]).optional(),
  sort: sortParam(DEVICE_SORT),
});
export type ListDevicesQuery = z.infer<typeof ListDevicesQuery>;

export const LatestValueDto = z.object({ metric: z.string(), value: z.number(), ts: z.string(), unit: z.string() });
export type LatestValueDto = z.infer<typeof LatestValueDto>;

export const DeviceLatestDto = z.object({ deviceId: z.uuid(), values: z.array(LatestValueDto) });

export const TelemetryQuery = z.object({
  metric: z.string().trim().min(1).max(40),
  from: z.iso.datetime({ offset: true }).optional(),
  to: z.iso.datetime({ offset: true }).optional(),
  /** `1m` and `1h` read the rollups; `raw` the readings (at most 5,000 points). Default: chosen from the span. */
  resolution: z.enum(["raw", "1m", "1h"]).optional(),
});
export type TelemetryQuery = z.infer<typeof TelemetryQuery>;

export const TelemetryPointDto = z.object({
  ts: z.string(),
  min: z.number(),
  max: z.number(),
  avg: z.number(),
  count: z.number().int(),
  /** Energy-mean level (Leq) for dB metrics, null otherwise. */
  leq: z.number().nullable(),
});
export const TelemetrySeriesDto = z.object({
  deviceId: z.uuid(),
  metric: z.string(),
  unit: z.string(),
  resolution: z.enum(["raw", "1m", "1h"]),
  points: z.array(TelemetryPointDto),
});
export type TelemetrySeriesDto = z.infer<typeof TelemetrySeriesDto>;

/**
 * Device events (`sitecloud/v1/{code}/events`, e.g. a camera's AI detections). Each raises an alarm
 * with rule code `event.<type>` at this severity; events never clear by themselves.
 */
export const DEVICE_EVENTS: Record<string, { name: string; severity: "info" | "minor" | "major" | "critical" }> = {
  no_helmet: { name: "未佩戴安全帽 (no helmet)", severity: "major" },
  no_vest: { name: "未穿反光衣 (no reflective vest)", severity: "minor" },
  intrusion: { name: "危险区域闯入 (intrusion)", severity: "major" },
  fire_smoke: { name: "烟火识别 (fire or smoke)", severity: "critical" },
  tamper: { name: "设备遮挡或破坏 (tampering)", severity: "major" },
  overspeed: { name: "超速 (overspeed)", severity: "major" },
  limit_switch: { name: "限位触发 (limit switch)", severity: "minor" },
  unauthorized_operator: { name: "非授权司机 (unauthorised operator)", severity: "critical" },
};
