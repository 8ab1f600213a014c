import type { FastifyPluginAsync } from "fastify";
import type { Config } from "../../../config.js";
import { systemClock, type Clock } from "../../../platform/clock.js";
import { systemContext } from "../../../platform/context.js";
import type { Db } from "../../../platform/db/client.js";
import type { EventBus } from "../../../platform/events/bus.js";
import { runWhileReady } from "../../../platform/jobs/periodic.js";
import type { Files } from "../../../platform/files/store.js";
import type { RuleDefinition } from "../../../platform/rules/rules.js";
import { cylinderRoutes } from "./cylinder.routes.js";
import { cylinderRuleList } from "./cylinder.rules.js";
import { startInspectionSweep } from "./cylinder.sweeps.js";

export interface CylindersDeps {
  config: Config;
  /** For the public scan (no request db) and the background work. */
  db: Db;
  events: EventBus;
  files: Files;
  /** The sweep's clock (the system's unless a test fixes it). */
  clock?: Clock;
}

/**
 * Bottled gas (瓶装燃气): filling stations and their certified staff, LPG cylinders (one cylinder one code:
 * filing, actions, timeline, the daily inspection-due sweep), the pre-fill check that locks the scale, fills,
 * and the public scan. The delivery module moves cylinders along the delivery chain through the verbs below.
 */
export const cylindersPlugin: FastifyPluginAsync<CylindersDeps> = async (app, deps) => {
  await app.register(cylinderRoutes, { db: deps.db });
  // The module's background work, all of it started here, as the platform.
  const ctx = systemContext({ db: deps.db, events: deps.events, log: app.log, region: deps.config.cityRegion, clock: deps.clock ?? systemClock, files: deps.files });
  runWhileReady(app, () => startInspectionSweep(ctx));
};

/** The versioned rules this module judges by; app.ts files their national defaults at start. */
export const cylindersRuleDefinitions: RuleDefinition[] = cylinderRuleList;

export { cylindersView, fillsView, lockCylindersByCode, staffView, stationsView, type LockedCylinder } from "./cylinder.reads.js";
export { moveCylinders, type CylinderLanding, type CylinderStep } from "./cylinder-move.service.js";
export { cylinderTransition } from "./cylinder.workflow.js";
export { loadCylindersRows, type CylindersRows } from "./cylinder.load.js";
export { listCylinders } from "./cylinder.queries.js";
export { listFills } from "./fill.queries.js";
export { listFillChecks } from "./fill-check.queries.js";
export { listStations } from "./station.service.js";
