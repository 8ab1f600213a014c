import { z } from "zod";

/**
 * The `dashboard` event on the realtime stream (`GET /api/v1/realtime`, see contracts/iot/realtime.ts):
 * "the figures behind the command center changed; fetch /dashboard/city (or /home, /map) again".
 * Sent to connections that may see the project concerned (every bureau connection, and those of the
 * project's participants), at most once per `DASHBOARD_EVENT_THROTTLE_MS` per stream, after an alarm is
 * raised, escalated, acknowledged or cleared, or a case is opened or changes state. The alarm ticker itself
 * moves on the `alarm` event, which carries the alarm.
 */
export const DASHBOARD_EVENT = "dashboard";
export const DASHBOARD_EVENT_THROTTLE_MS = 2000;

export const DASHBOARD_SOURCES = ["alarm", "case"] as const;

export const DashboardChangedDto = z.object({
  /** What changed. */
  source: z.enum(DASHBOARD_SOURCES),
  projectId: z.uuid().nullable(),
  at: z.string(),
});
export type DashboardChangedDto = z.infer<typeof DashboardChangedDto>;
