import type { FastifyPluginAsync } from "fastify";
import type { ServiceContext } from "../../../platform/context.js";
import type { RuleDefinition } from "../../../platform/rules/rules.js";
import type { IotRuntime } from "../../iot/index.js";
import type { PipelineReferrer } from "../pipelines/index.js";
import { Detector } from "./detector.service.js";
import { leakPointsOn } from "./leak.queries.js";
import { leakRoutes } from "./leak.routes.js";
import { leakRuleList } from "./leak.rules.js";

/**
 * Leak detection (燃气泄漏检测): the detection vehicles' drives judged against their rolling background, suspect
 * points merged and matched to the nearest main, the handheld re-check that confirms a leak and opens an
 * urgent case. The readings arrive through the IoT runtime (`attachLeaks`), not through these routes.
 */
export const leaksPlugin: FastifyPluginAsync = async (app) => {
  await app.register(leakRoutes);
};

/**
 * The module's background work: the detector takes the gas_detector readings of the IoT runtime (every
 * process that ingests); only devices off-site (the vehicles) are judged, site detectors stay with the IoT
 * alarm rules.
 */
export function attachLeaks(runtime: IotRuntime, ctx: Pick<ServiceContext, "db" | "region" | "log">): Detector {
  const detector = new Detector(ctx);
  runtime.onReadings("gas_detector", (batch) => detector.take(batch));
  return detector;
}

/** Leak points name their nearest main: app.ts hands this to pipelinesPlugin, which then keeps such a main. */
export const leakPointsReferrer: PipelineReferrer = { what: { zh: "泄漏点记录", en: "leak points" }, names: leakPointsOn };

export { listLeaks } from "./leak.queries.js";

/** The versioned rules this module judges by; app.ts files their national defaults at start. */
export const leaksRuleDefinitions: RuleDefinition[] = leakRuleList;
export { loadLeaksRows, type LeaksRows } from "./leak.load.js";
