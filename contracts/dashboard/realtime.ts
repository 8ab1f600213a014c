import { z } from "zod";

/**
 * The `dashboard` event on the realtime stream (`GET /api/v1/realtime`, see contracts/iot/realtime.ts):
 * "the figures behind the command center changed; fetch /dashboard/city (or /home, /map) again".
 * Sent to the streams that may see a project concerned (every bureau stream, and those of the project's
 * participants; a case change names no project and goes to every stream), at most once per source and
 * `DASHBOARD_EVENT_THROTTLE_MS` per stream, after an alarm is raised, escalated, acknowledged or cleared,
 * or a case is opened or changes state. The changes come from the database's notifications, so each API
 * process tells its own streams about changes made by any process. The alarm ticker itself moves on the
 * `alarm` event, which carries the alarm.
 */
export const DASHBOARD_EVENT = "dashboard";
export const DASHBOARD_EVENT_THROTTLE_MS = 2000;

export const DASHBOARD_SOURCES = ["alarm", "case"] as const;

export const DashboardChangedDto = z.object({
  /** What changed. */
  source: z.enum(DASHBOARD_SOURCES),
  /** The one project concerned, or null when several (or none in particular) changed in the window. */
  projectId: z.uuid().nullable(),
  at: z.string(),
});
export type DashboardChangedDto = z.infer<typeof DashboardChangedDto>;
