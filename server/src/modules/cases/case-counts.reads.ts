import { and, isNotNull, ne, sql } from "drizzle-orm";
import type { CaseGrade } from "@contracts/cases/enums";
import { requirePermission } from "../../platform/auth/actor.js";
import type { Actor } from "../../platform/context.js";
import type { Executor } from "../../platform/db/client.js";
import { caseScope } from "./case.queries.js";
import { casesCases as C } from "./schema.js";

/** Open cases per project in the caller's scope: how many, how many overdue, the worst grade (the map's case layer). */
export async function openCasesByProject(db: Executor, actor: Actor): Promise<Map<string, { open: number; overdue: number; worstGrade: CaseGrade }>> {
  requirePermission(actor, "cases.read");
  const rows = await db
    .select({
      projectId: C.projectId,
      open: sql<number>`count(*)::int`,
      overdue: sql<number>`(count(*) filter (where ${C.overdueAt} is not null))::int`,
      major: sql<boolean>`bool_or(${C.grade} = 'major')`,
    })
    .from(C)
    .where(and(ne(C.state, "closed"), isNotNull(C.projectId), caseScope(actor)))
    .groupBy(C.projectId);
  return new Map(rows.map((r) => [r.projectId as string, { open: Number(r.open), overdue: Number(r.overdue), worstGrade: r.major ? "major" : "general" }]));
}
