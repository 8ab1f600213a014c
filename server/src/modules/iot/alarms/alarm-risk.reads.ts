import { and, gte, inArray, isNull, or, type SQL } from "drizzle-orm";
import type { RiskFact } from "@contracts/risk/risk";
import type { Executor } from "../../../platform/db/client.js";
import { iotAlarms as A } from "../schema.js";

/**
 * Alarms for the project risk index, for the whole city in one statement (or the projects named): every
 * alarm still active (at null: it does not decay) and every alarm started since `since`, keyed by severity
 * and tagged with its rule code (the risk rule weighs crane and hoist overloads most).
 */
export async function alarmRiskFacts(db: Executor, opts: { since: Date; projectIds?: string[] }): Promise<RiskFact[]> {
  const where: SQL[] = [or(isNull(A.clearedAt), gte(A.startedAt, opts.since))!];
  if (opts.projectIds) where.push(inArray(A.projectId, opts.projectIds));
  const rows = await db
    .select({ projectId: A.projectId, id: A.id, kind: A.severity, tag: A.ruleCode, startedAt: A.startedAt, clearedAt: A.clearedAt })
    .from(A)
    .where(and(...where));
  return rows.map((r) => ({ projectId: r.projectId, id: r.id, kind: r.kind, tag: r.tag, at: r.clearedAt === null ? null : r.startedAt }));
}
