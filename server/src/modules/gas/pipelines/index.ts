import type { FastifyPluginAsync } from "fastify";
import type { Config } from "../../../config.js";
import type { Db } from "../../../platform/db/client.js";
import type { FileStore } from "../../../platform/files/store.js";
import type { RuleDefinition } from "../../../platform/rules/rules.js";
import type { PipelineReferrer } from "./pipeline.port.js";
import { pipelineRoutes } from "./pipeline.routes.js";
import { pipelineRuleList } from "./pipeline.rules.js";
import { startSiteLinkSweep } from "./site-link.service.js";

export interface PipelinesDeps {
  config: Config;
  db: Db;
  files?: FileStore;
  /** Other modules' records that name a main (the leaks module's leak points): a main they name is not deleted. */
  referrers?: readonly PipelineReferrer[];
}

/**
 * The pipeline network (燃气管网): mains, patrol plans and patrols with their coverage, hazards (which open
 * cases), and the construction-site ↔ pipeline linkage, recomputed when a line changes and by a periodic
 * sweep (the registry has no location-change event to listen to).
 */
export const pipelinesPlugin: FastifyPluginAsync<PipelinesDeps> = async (app, deps) => {
  const region = deps.config.cityRegion;
  await app.register(pipelineRoutes, { region, db: deps.db, files: deps.files, referrers: deps.referrers ?? [] });
  // The module's background work, all of it started here.
  const stopSweep = startSiteLinkSweep({ db: deps.db, log: app.log }, region);
  app.addHook("onClose", () => stopSweep());
};

/** The versioned rules this module judges by; app.ts files their national defaults at start. */
export const pipelinesRuleDefinitions: RuleDefinition[] = pipelineRuleList;

export { nearGasMain } from "./site-link.queries.js";
export { relinkAll } from "./site-link.service.js";
export { hazardGrade, openMissingHazardCases } from "./hazard.service.js";
export { nearestMains, pipelinesView } from "./pipeline.reads.js";
export { listHazards } from "./hazard.queries.js";
export type { PipelineReferrer } from "./pipeline.port.js";
export { loadPipelinesRows, type PipelinesRows } from "./pipeline.load.js";
export type { LngLat } from "./schema.js";
export { gasMainRiskFacts } from "./site-link-risk.reads.js";
