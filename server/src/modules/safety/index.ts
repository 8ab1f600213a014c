import type { FastifyPluginAsync } from "fastify";
import type { Config } from "../../config.js";
import { systemClock, type Clock } from "../../platform/clock.js";
import { systemContext } from "../../platform/context.js";
import type { Db } from "../../platform/db/client.js";
import type { EventBus } from "../../platform/events/bus.js";
import type { FileStore } from "../../platform/files/store.js";
import { runWhileReady } from "../../platform/jobs/periodic.js";
import type { RuleDefinition } from "../../platform/rules/rules.js";
import { dangerousWorkRoutes } from "./dangerous-work.routes.js";
import { dangerousWorkThresholdsRule } from "./dangerous-work.rules.js";
import { equipmentRoutes } from "./equipment.routes.js";
import { startEquipmentSweep } from "./equipment.sweeps.js";
import { expertRoutes } from "./expert.routes.js";
import { noKnownGasMains, type GasMainsNear } from "./gas-mains.port.js";

export interface SafetyDeps {
  config: Config;
  files: FileStore;
  /** With the database and the event bus the plugin also runs the daily equipment sweep; without them it serves the routes only. */
  db?: Db;
  events?: EventBus;
  /** The sweep's clock (the system's unless a test fixes it). */
  clock?: Clock;
  /** Which gas mains a site lies near (the gas pipelines module's `nearGasMain`); without it none is known. */
  gasMainsNear?: GasMainsNear;
}

/**
 * Safety production (安全生产): the 危大工程 register with its 37号令 workflow and expert reviews, the expert
 * pool, and the lifting-machinery register whose failed registration gates open cases in `cases`.
 */
export const safetyPlugin: FastifyPluginAsync<SafetyDeps> = async (app, deps) => {
  await app.register(dangerousWorkRoutes, { gasMainsNear: deps.gasMainsNear ?? noKnownGasMains });
  await app.register(expertRoutes);
  await app.register(equipmentRoutes);
  if (deps.db && deps.events) {
    const ctx = systemContext({ db: deps.db, events: deps.events, log: app.log, region: deps.config.cityRegion, clock: deps.clock ?? systemClock, files: deps.files });
    runWhileReady(app, () => startEquipmentSweep(ctx));
  }
};

/** The versioned rules this module judges by; app.ts files their national defaults at start. */
export const safetyRuleDefinitions: RuleDefinition[] = [dangerousWorkThresholdsRule as RuleDefinition];

export { classifyDangerousWork } from "./dangerous-work.checks.js";
export { dangerousWorkThresholdsRule } from "./dangerous-work.rules.js";
export { openExcavationsView } from "./excavation.reads.js";
export { listDangerousWorks } from "./dangerous-work.queries.js";
export { listEquipment } from "./equipment.queries.js";
export type { GasMainsNear, NearGasMain } from "./gas-mains.port.js";
export { sweepEquipment } from "./equipment.sweeps.js";
export { loadSafetyRows, type SafetyRows } from "./safety.load.js";
export { dangerousWorkRiskFacts, liftingInspectionRiskFacts } from "./safety-risk.reads.js";
