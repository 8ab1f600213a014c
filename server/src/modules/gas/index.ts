import type { FastifyBaseLogger, FastifyPluginAsync } from "fastify";
import type { Config } from "../../config.js";
import type { Db } from "../../platform/db/client.js";
import type { EventBus } from "../../platform/events/bus.js";
import type { FileStore } from "../../platform/files/store.js";
import type { RuleDefinition } from "../../platform/rules/rules.js";
import type { IotRuntime } from "../iot/index.js";
import { cylinderRoutes } from "./cylinders/cylinder.routes.js";
import { cylinderRuleList } from "./cylinders/cylinder.rules.js";
import { deliveryRoutes } from "./delivery/delivery.routes.js";
import { deliveryRuleList } from "./delivery/delivery.rules.js";
import { pipelineRoutes } from "./pipelines/pipeline.routes.js";
import { pipelineRuleList } from "./pipelines/pipeline.rules.js";
import { attachDetector, leakRoutes } from "./leaks/leak.routes.js";
import { leakRuleList } from "./leaks/leak.rules.js";

export interface GasDeps {
  config: Config;
  files: FileStore;
  /** For the public routes (cylinder scan) and background work, which have no request db. */
  db: Db;
  events: EventBus;
}

/**
 * Gas safety (燃气安全): LPG cylinder traceability (one cylinder one code, the pre-fill check that locks the
 * scale, fills, the delivery chain to real-name customers and their safety checks, anomalies, the public
 * scan), the pipeline network with patrols and hazards, the detection vehicle's readings and leaks, and the
 * construction-site ↔ pipeline linkage. Hazards and leaks open cases through the one loop (`cases`).
 */
export const gasPlugin: FastifyPluginAsync<GasDeps> = async (app, deps) => {
  const region = deps.config.cityRegion;
  await app.register(cylinderRoutes, { region, db: deps.db });
  await app.register(deliveryRoutes, { region, db: deps.db, events: deps.events, files: deps.files });
  await app.register(pipelineRoutes, { region, db: deps.db, files: deps.files });
  await app.register(leakRoutes, { region, db: deps.db });
};

/** Takes the detection vehicles' readings from the IoT runtime (every process that ingests). */
export function attachGas(runtime: IotRuntime, deps: { db: Db; region: string; log: FastifyBaseLogger }): void {
  attachDetector(runtime, deps);
}

/** The versioned rules this module judges by; app.ts files their national defaults at start. */
export const gasRuleDefinitions: RuleDefinition[] = [...cylinderRuleList, ...deliveryRuleList, ...pipelineRuleList, ...leakRuleList];

export { gasScope } from "./shared/gas.scope.js";
export { nearGasMain } from "./pipelines/site-link.queries.js";
export { relinkAll } from "./pipelines/site-link.service.js";
export { openMissingHazardCases } from "./pipelines/hazard.service.js";
export * from "./schema.js";
