import type { FastifyPluginAsync } from "fastify";
import type { Config } from "../../../config.js";
import { systemClock, type Clock } from "../../../platform/clock.js";
import { systemContext } from "../../../platform/context.js";
import type { Db } from "../../../platform/db/client.js";
import type { EventBus } from "../../../platform/events/bus.js";
import { runWhileReady } from "../../../platform/jobs/periodic.js";
import type { Files } from "../../../platform/files/store.js";
import type { RuleDefinition } from "../../../platform/rules/rules.js";
import type { PipelineReferrer } from "./pipeline.port.js";
import { pipelineRoutes } from "./pipeline.routes.js";
import { pipelineRuleList } from "./pipeline.rules.js";
import { startSiteLinkSweep } from "./site-link.sweeps.js";

export interface PipelinesDeps {
  config: Config;
  db: Db;
  events: EventBus;
  files: Files;
  /** The sweep's clock (the system's unless a test fixes it). */
  clock?: Clock;
  /** Other modules' records that name a main (the leaks module's leak points): a main they name is not deleted. */
  referrers?: readonly PipelineReferrer[];
}

/**
 * The pipeline network (燃气管网): mains, patrol plans and patrols with their coverage, hazards (which open
 * cases), and the construction-site ↔ pipeline linkage, recomputed when a line changes and by a periodic
 * sweep (the registry has no location-change event to listen to).
 */
export const pipelinesPlugin: FastifyPluginAsync<PipelinesDeps> = async (app, deps) => {
  await app.register(pipelineRoutes, { referrers: deps.referrers ?? [] });
  // The module's background work, all of it started here, as the platform.
  const ctx = systemContext({ db: deps.db, events: deps.events, log: app.log, region: deps.config.cityRegion, clock: deps.clock ?? systemClock, files: deps.files });
  runWhileReady(app, () => startSiteLinkSweep(ctx));
};

/** The versioned rules this module judges by; app.ts files their national defaults at start. */
export const pipelinesRuleDefinitions: RuleDefinition[] = pipelineRuleList;

export { nearGasMain } from "./site-link.reads.js";
export { relinkAll } from "./site-link.service.js";
export { hazardGrade, openMissingHazardCases } from "./hazard.service.js";
export { nearestMains, pipelinesView } from "./pipeline.reads.js";
export { listHazards } from "./hazard.queries.js";
export type { PipelineReferrer } from "./pipeline.port.js";
export { loadPipelinesRows, type PipelinesRows } from "./pipeline.load.js";
export type { LngLat } from "./schema.js";
export { gasMainRiskFacts } from "./site-link-risk.reads.js";
