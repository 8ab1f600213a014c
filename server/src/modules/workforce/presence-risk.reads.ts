import { inArray, sql } from "drizzle-orm";
import { shanghaiMonth } from "@contracts/platform/time";
import type { RiskFact } from "@contracts/risk/risk";
import { rowsOf, type Executor } from "../../platform/db/client.js";
import { presenceSql } from "./presence.queries.js";
import { keyPostRatesFor } from "./presence.rules.js";

/**
 * Key-post holders below their required presence rate this month (Asia/Shanghai) so far, for the project
 * risk index: one fact per post held (keyed by the post), for the whole city in one statement or the
 * projects named. A month with no construction day yet has no rate and counts nothing.
 */
export async function keyPersonnelRiskFacts(db: Executor, opts: { region: string; at: Date; projectIds?: string[] }): Promise<RiskFact[]> {
  const month = shanghaiMonth(opts.at);
  const rates = await keyPostRatesFor(db, opts.region, month);
  const where = opts.projectIds ? [inArray(sql`po.project_id`, opts.projectIds)] : [];
  const result = await db.execute(sql`select x."postId" as id, x."projectId", x.post as kind from (${presenceSql(month, rates, where)}) x where x.rate < x."requiredRate"`);
  return rowsOf<{ id: string; projectId: string; kind: string }>(result).map((r) => ({ ...r, at: null }));
}
