import { and, inArray, isNotNull, lt, ne, or, type SQL } from "drizzle-orm";
import type { RiskFact } from "@contracts/risk/risk";
import type { Executor } from "../../platform/db/client.js";
import { casesCases as C } from "./schema.js";

/** Cases that stand against a project while open: none of them decays (at null). Whole city, or the projects named. */
const open = (projectIds?: string[]): SQL[] => {
  const where: SQL[] = [ne(C.state, "closed"), isNotNull(C.projectId)];
  if (projectIds) where.push(inArray(C.projectId, projectIds));
  return where;
};

async function facts(db: Executor, kind: typeof C.grade | typeof C.stopWork, where: SQL[]): Promise<RiskFact[]> {
  const rows = await db.select({ projectId: C.projectId, id: C.id, kind }).from(C).where(and(...where));
  return rows.map((r) => ({ projectId: r.projectId!, id: r.id, kind: r.kind, at: null }));
}

/** Open cases (not 已销项), keyed by grade (general | major). */
export const openCaseRiskFacts = (db: Executor, opts: { projectIds?: string[] }) => facts(db, C.grade, open(opts.projectIds));

/** Open cases past their deadline at `at` (or already marked overdue by the sweep), keyed by grade. */
export const overdueCaseRiskFacts = (db: Executor, opts: { at: Date; projectIds?: string[] }) =>
  facts(db, C.grade, [...open(opts.projectIds), or(isNotNull(C.overdueAt), lt(C.deadline, opts.at))!]);

/** Stop-work orders (停工整改) in force — ordered, or resumption applied for but not granted — keyed by that state. */
export async function stopWorkRiskFacts(db: Executor, opts: { projectIds?: string[] }): Promise<RiskFact[]> {
  const where: SQL[] = [inArray(C.stopWork, ["ordered", "resume_applied"]), isNotNull(C.projectId)];
  if (opts.projectIds) where.push(inArray(C.projectId, opts.projectIds));
  return facts(db, C.stopWork, where);
}

