import { and, eq, inArray, lt, type SQL } from "drizzle-orm";
import type { RiskFact } from "@contracts/risk/risk";
import type { Executor } from "../../platform/db/client.js";
import { safetyDangerousWorks as W, safetyEquipment as E } from "./schema.js";

const inProjects = (col: typeof W.projectId | typeof E.projectId, ids?: string[]): SQL[] => (ids ? [inArray(col, ids)] : []);

/** 危大 works being carried out (实施中), keyed by danger level (weida | chaoweida 超规模); standing, no decay. */
export async function dangerousWorkRiskFacts(db: Executor, opts: { projectIds?: string[] }): Promise<RiskFact[]> {
  const rows = await db
    .select({ projectId: W.projectId, id: W.id, kind: W.level })
    .from(W)
    .where(and(eq(W.state, "in_progress"), ...inProjects(W.projectId, opts.projectIds)));
  return rows.map((r) => ({ ...r, at: null }));
}

/** Lifting equipment in use whose inspection expired before `day` (Asia/Shanghai), keyed by kind (tower crane, hoist). */
export async function liftingInspectionRiskFacts(db: Executor, opts: { day: string; projectIds?: string[] }): Promise<RiskFact[]> {
  const rows = await db
    .select({ projectId: E.projectId, id: E.id, kind: E.kind })
    .from(E)
    .where(and(eq(E.status, "in_use"), lt(E.inspectionValidTo, opts.day), ...inProjects(E.projectId, opts.projectIds)));
  return rows.map((r) => ({ ...r, at: null }));
}
