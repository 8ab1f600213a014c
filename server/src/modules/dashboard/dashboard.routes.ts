import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { CityDashboardDto } from "@contracts/dashboard/city";
import { HomeDto } from "@contracts/dashboard/home";
import { DashboardMapDto, DashboardMapQuery } from "@contracts/dashboard/map";
import { scopeOf } from "../../platform/auth/stream-guard.js";
import type { ServiceContext } from "../../platform/context.js";
import { cityDashboard } from "./city.queries.js";
import type { ScopeCache } from "./dashboard.cache.js";
import { homeOf } from "./home.queries.js";
import { dashboardMap } from "./map.queries.js";

const tags = ["dashboard"];

/** The figures of a scope, from the cache when a few seconds fresh (every user of one scope shares them). */
export const cachedCity = (cache: ScopeCache<CityDashboardDto>, ctx: ServiceContext) => cache.get(scopeOf(ctx.actor), () => cityDashboard(ctx));

/** The command center, its map and the role home pages, under /api/v1. Reads only: no audit, no events. */
export const dashboardRoutes: FastifyPluginAsyncZod<{ cache: ScopeCache<CityDashboardDto> }> = async (app, { cache }) => {
  app.get("/dashboard/city", { schema: { tags, response: { 200: CityDashboardDto } } }, async (req) => cachedCity(cache, req.ctx));
  app.get("/dashboard/home", { schema: { tags, response: { 200: HomeDto } } }, async (req) =>
    homeOf(req.ctx, () => cachedCity(cache, req.ctx)),
  );
  app.get("/dashboard/map", { schema: { tags, querystring: DashboardMapQuery, response: { 200: DashboardMapDto } } }, async (req) =>
    dashboardMap(req.ctx.db, req.ctx.actor, req.query.layers ?? []),
  );
};
