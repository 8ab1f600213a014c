import { and, eq, inArray, lte, type SQL } from "drizzle-orm";
import type { RiskFact } from "@contracts/risk/risk";
import type { Executor } from "../../../platform/db/client.js";
import { openExcavationsView } from "../../safety/index.js";
import { gasSiteLinks as L } from "./schema.js";

/**
 * Medium-pressure (or higher) mains within `maxDistanceM` of a site that has an excavation 危大 work still to
 * dig, for the project risk index: one fact per main (evidence: the pipeline), standing while the dig is open.
 */
export async function gasMainRiskFacts(db: Executor, opts: { maxDistanceM: number; projectIds?: string[] }): Promise<RiskFact[]> {
  const X = openExcavationsView("x");
  const where: SQL[] = [lte(L.distanceM, opts.maxDistanceM)];
  if (opts.projectIds) where.push(inArray(L.projectId, opts.projectIds));
  const rows = await db
    .selectDistinct({ projectId: L.projectId, id: L.pipelineId })
    .from(L)
    .innerJoin(X, eq(X.projectId, L.projectId))
    .where(and(...where));
  return rows.map((r) => ({ ...r, kind: "main", at: null }));
}
