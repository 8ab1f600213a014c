import type { FastifyPluginAsync } from "fastify";
import type { FastifyBaseLogger } from "fastify";
import type { Clock } from "../../platform/clock.js";
import type { Database } from "../../platform/db/client.js";
import { runWhileReady } from "../../platform/jobs/periodic.js";
import { riskRoutes } from "./risk.routes.js";
import { RiskRecomputer } from "./risk.sweeps.js";

export interface RiskDeps {
  /** With it the plugin keeps the snapshots fresh (hourly and after alarms and case changes); without, routes only. */
  database?: Database;
  region: string;
  clock: Clock;
  log: FastifyBaseLogger;
}

/**
 * 项目风险指数 (风险防控精准化): an explainable score per live project from the factors every module owns,
 * read through their index.ts, weighted by the versioned rule `risk.index`; daily snapshots with history.
 */
export const riskPlugin: FastifyPluginAsync<RiskDeps> = async (app, deps) => {
  if (deps.database) {
    const recomputer = new RiskRecomputer({ db: deps.database.db, region: deps.region, clock: deps.clock }, deps.log);
    const { database } = deps;
    runWhileReady(app, async () => {
      await recomputer.start(database);
      return () => recomputer.stop();
    });
  }
  await app.register(riskRoutes);
};

export { recomputeRisk, scoreProjects } from "./risk.service.js";
export { factorFacts } from "./factor.queries.js";
export { listRisk } from "./risk.queries.js";
export { riskRuleDefinitions, RISK_INDEX_RULE } from "./risk.rules.js";
