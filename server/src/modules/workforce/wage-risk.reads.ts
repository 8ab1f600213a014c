import { and, inArray, lte, ne, type SQL } from "drizzle-orm";
import { shanghaiDay } from "@contracts/platform/time";
import type { RiskFact } from "@contracts/risk/risk";
import type { Executor } from "../../platform/db/client.js";
import { workforcePayrolls as PR } from "./schema.js";
import { latestOwedMonth } from "./wage.checks.js";

/**
 * Wage arrears (欠薪) for the project risk index: one fact per project and month with payroll lines still
 * unpaid after that month's pay deadline (id `<projectId>:<month>`, the arrears list's row), standing until paid.
 */
export async function wageArrearsRiskFacts(db: Executor, opts: { at: Date; projectIds?: string[] }): Promise<RiskFact[]> {
  const where: SQL[] = [ne(PR.status, "paid"), lte(PR.month, latestOwedMonth(shanghaiDay(opts.at)))];
  if (opts.projectIds) where.push(inArray(PR.projectId, opts.projectIds));
  const rows = await db
    .selectDistinct({ projectId: PR.projectId, month: PR.month })
    .from(PR)
    .where(and(...where));
  return rows.map((r) => ({ projectId: r.projectId, id: `${r.projectId}:${r.month}`, kind: "unpaid", at: null }));
}
