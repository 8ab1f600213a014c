import type { FastifyPluginAsync } from "fastify";
import type { CityDashboardDto } from "@contracts/dashboard/city";
import type { Database } from "../../platform/db/client.js";
import type { RealtimeHub } from "../../platform/realtime/hub.js";
import { ScopeCache } from "./dashboard.cache.js";
import { DashboardNotifier } from "./dashboard.runtime.js";
import { dashboardRoutes } from "./dashboard.routes.js";

export interface DashboardDeps {
  /** Without it (a unit test's app) the figures are cached but no `dashboard` event is sent. */
  database?: Database;
  hub?: RealtimeHub;
  /** How long one scope's figures are served before recomputing; default 5 s. */
  cacheTtlMs?: number;
}

/**
 * 研判决策: the command center (GET /dashboard/city), its map and the role home pages. It owns no table:
 * every figure is the total of another module's list, read through that module's index.ts; the figures of
 * a scope are kept a few seconds, and a `dashboard` event on the realtime stream tells pages to refetch.
 */
export const dashboardPlugin: FastifyPluginAsync<DashboardDeps> = async (app, deps) => {
  const cache = new ScopeCache<CityDashboardDto>(deps.cacheTtlMs ?? 5000);
  if (deps.database && deps.hub) {
    const notifier = new DashboardNotifier(deps.hub, () => cache.clear());
    await notifier.start(deps.database);
    app.addHook("onClose", () => notifier.stop());
  }
  await app.register(dashboardRoutes, { cache });
};

export { cityDashboard } from "./city.queries.js";
export { cityKpis, kpiDays } from "./city-kpi.calc.js";
