import type { FastifyPluginAsync } from "fastify";
import type { ContextDeps } from "../../platform/context.js";
import { runWhileReady } from "../../platform/jobs/periodic.js";
import { reportRoutes } from "./report.routes.js";
import { startReportSchedule } from "./report.sweeps.js";

export interface ReportsDeps {
  /** The city's name printed on the briefings (config.cityName). */
  city: string;
  /** With them the plugin also runs the 07:00 schedule; without, it serves the routes only. */
  schedule?: ContextDeps;
}

/**
 * 简报 (日报/周报/月报): briefings of the city's supervision figures, filed on schedule (07:00 Asia/Shanghai: daily,
 * Mondays weekly, the 1st monthly) and on demand, archived with their figures frozen, printed as PDF (ECharts
 * charts rendered on the server) and xlsx, and put in the inbox of their subscribers (cases' inbox).
 */
export const reportsPlugin: FastifyPluginAsync<ReportsDeps> = async (app, deps) => {
  await app.register(reportRoutes, { city: deps.city });
  if (deps.schedule) {
    const { schedule } = deps;
    runWhileReady(app, () => startReportSchedule(schedule, deps.city));
  }
};

export { REPORT_GENERATED } from "./report.service.js";
