import type { FastifyPluginAsync } from "fastify";
import type { Config } from "../../../config.js";
import { systemClock, type Clock } from "../../../platform/clock.js";
import { systemContext } from "../../../platform/context.js";
import type { Db } from "../../../platform/db/client.js";
import type { EventBus } from "../../../platform/events/bus.js";
import { runWhileReady } from "../../../platform/jobs/periodic.js";
import type { Files } from "../../../platform/files/store.js";
import type { RuleDefinition } from "../../../platform/rules/rules.js";
import { startAnomalySweep } from "./anomaly.sweeps.js";
import { deliveryRoutes } from "./delivery.routes.js";
import { deliveryRuleList } from "./delivery.rules.js";

export interface DeliveryDeps {
  config: Config;
  db: Db;
  events: EventBus;
  files: Files;
  /** The sweep's clock (the system's unless a test fixes it). */
  clock?: Clock;
}

/**
 * The delivery chain (配送): real-name customers and their safety checks, the scanned steps from stock-out to
 * the customer and back (moving the cylinders through the cylinders module's verbs), and the anomalies they
 * and the periodic sweep reveal (foreign fills, two places at once, overdue checks), which may open cases.
 */
export const deliveryPlugin: FastifyPluginAsync<DeliveryDeps> = async (app, deps) => {
  await app.register(deliveryRoutes);
  // The module's background work, all of it started here, as the platform.
  const ctx = systemContext({ db: deps.db, events: deps.events, log: app.log, region: deps.config.cityRegion, clock: deps.clock ?? systemClock, files: deps.files });
  runWhileReady(app, () => startAnomalySweep(ctx));
};

/** The versioned rules this module judges by; app.ts files their national defaults at start. */
export const deliveryRuleDefinitions: RuleDefinition[] = deliveryRuleList;

export { anomalyRulesRule, userCheckIntervalRule } from "./delivery.rules.js";
export { nextCheckDue } from "./safety-check.calc.js";
export { listAnomalies } from "./anomaly.queries.js";
export { loadDeliveryRows, type DeliveryRows } from "./delivery.load.js";
