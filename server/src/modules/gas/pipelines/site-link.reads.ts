import { asc, eq } from "drizzle-orm";
import type { Executor } from "../../../platform/db/client.js";
import { gasPipelines as L, gasSiteLinks as SL } from "./schema.js";

/**
 * The gas mains a construction project is linked to (within the linkage distance of a medium-pressure or
 * higher main, as last computed), nearest first. Safety refuses to start an excavation near one without a
 * gas clearance: app.ts hands this function to safetyPlugin (safety's `GasMainsNear`), so neither module
 * imports the other's inside.
 */
export async function nearGasMain(db: Executor, projectId: string): Promise<{ pipelineId: string; code: string; distanceM: number; enterpriseId: string }[]> {
  const rows = await db
    .select({ pipelineId: SL.pipelineId, code: L.code, distanceM: SL.distanceM, enterpriseId: L.enterpriseId })
    .from(SL)
    .innerJoin(L, eq(L.id, SL.pipelineId))
    .where(eq(SL.projectId, projectId))
    .orderBy(asc(SL.distanceM), asc(L.code));
  return rows.map((r) => ({ ...r, distanceM: Math.round(r.distanceM * 10) / 10 }));
}
