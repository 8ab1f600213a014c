import { z } from "zod";
import { Severity } from "./alarms";
import { CommandStatus } from "./commands";

/**
 * The realtime stream: `GET /api/v1/realtime[?projectId=…]`, Server-Sent Events, filtered by the
 * user's data scope. Event names: `alarm` (AlarmChangeDto), `device`, `latest` (only with projectId),
 * `command`. A comment line every 15 s keeps proxies from closing the stream.
 */
export const REALTIME_PATH = "/api/v1/realtime";

export const DeviceStatusChangeDto = z.object({
  deviceId: z.uuid(),
  projectId: z.uuid(),
  deviceCode: z.string(),
  online: z.boolean(),
  lastSeenAt: z.string().nullable(),
});
export type DeviceStatusChangeDto = z.infer<typeof DeviceStatusChangeDto>;

/** New latest values of one device since the previous push (at most one push per second). */
export const LatestChangeDto = z.object({
  deviceId: z.uuid(),
  projectId: z.uuid(),
  values: z.record(z.string(), z.object({ value: z.number(), ts: z.string() })),
});
export type LatestChangeDto = z.infer<typeof LatestChangeDto>;

export const CommandChangeDto = z.object({
  commandId: z.uuid(),
  deviceId: z.uuid(),
  projectId: z.uuid(),
  name: z.string(),
  status: CommandStatus,
});
export type CommandChangeDto = z.infer<typeof CommandChangeDto>;

/** `GET /api/v1/iot/map`: every visible site with coordinates and its live alarm state, for the city map. */
export const SiteMapItemDto = z.object({
  projectId: z.uuid(),
  name: z.string(),
  district: z.string(),
  status: z.string(),
  lng: z.number(),
  lat: z.number(),
  /** Worst severity among the site's active alarms; null when it has none. */
  worstSeverity: Severity.nullable(),
  activeAlarms: z.number().int(),
  devices: z.number().int(),
  onlineDevices: z.number().int(),
});
export type SiteMapItemDto = z.infer<typeof SiteMapItemDto>;
