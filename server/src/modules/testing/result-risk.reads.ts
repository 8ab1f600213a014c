import { and, eq, gte, inArray, not, type SQL } from "drizzle-orm";
import { startOfShanghaiDay } from "@contracts/platform/rules";
import type { RiskFact } from "@contracts/risk/risk";
import type { Executor } from "../../platform/db/client.js";
import { testingCommissions as M, testingResults as R } from "./schema.js";

/** Failed test results (不合格) tested on or after `sinceDay`, dated by their test day, for the project risk index. */
export async function failedTestRiskFacts(db: Executor, opts: { sinceDay: string; projectIds?: string[] }): Promise<RiskFact[]> {
  const where: SQL[] = [not(R.pass), gte(R.testedOn, opts.sinceDay)];
  if (opts.projectIds) where.push(inArray(M.projectId, opts.projectIds));
  const rows = await db
    .select({ projectId: M.projectId, id: R.id, kind: M.sampleType, testedOn: R.testedOn })
    .from(R)
    .innerJoin(M, eq(M.id, R.commissionId))
    .where(and(...where));
  return rows.map((r) => ({ projectId: r.projectId, id: r.id, kind: r.kind, at: startOfShanghaiDay(r.testedOn) }));
}
