import type { FastifyPluginAsync } from "fastify";
import type { Db } from "../../platform/db/client.js";
import type { RuleDefinition } from "../../platform/rules/rules.js";
import { testingRoutes } from "./testing.routes.js";
import { testingRuleList } from "./testing.rules.js";

export interface TestingDeps {
  /** For the public verify route, which has no user context (and so no request db). */
  db?: Db;
}

/**
 * 工程检测 (engineering testing): agencies and their qualification, commissions with witness sampling,
 * results judged by GB/T 50107 and GB/T 1499.2 (failures open `cases` at once), reports with a verify
 * code and QR, and the public verify API.
 */
export const testingPlugin: FastifyPluginAsync<TestingDeps> = async (app, { db }) => {
  await app.register(testingRoutes, { db });
};

/** The GB/T 50107 tables and factors, the witnessed share, and the rebar minimums; filed by app start-up. */
export const testingRuleDefinitions: RuleDefinition[] = testingRuleList;

export { gbt50107Rule, rebarGradesRule, witnessShareRule } from "./testing.rules.js";
export { samplingPhotoIdOf } from "./sampling.files.js";
export { listCommissions } from "./commission.queries.js";
export { listResults } from "./result.queries.js";
export { judgeConcrete, judgeRebarResult, type ConcreteFigures, type Judged } from "./result.checks.js";
export { hasAgencies, loadTestingRows, type TestingRows } from "./testing.load.js";
export { failedTestRiskFacts } from "./result-risk.reads.js";
