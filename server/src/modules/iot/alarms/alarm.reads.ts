import { and, isNull, sql, type SQL } from "drizzle-orm";
import type { AnyPgColumn } from "drizzle-orm/pg-core";
import { SEVERITIES, type Severity } from "@contracts/iot/alarms";
import { requirePermission } from "../../../platform/auth/actor.js";
import type { Actor } from "../../../platform/context.js";
import type { Executor } from "../../../platform/db/client.js";
import { projectScope } from "../../registry/index.js";
import { iotAlarms as A } from "../schema.js";
import { severityRankSql } from "../site-map.queries.js";

/**
 * "This device has an active (not cleared) alarm", as a condition another module puts in its own list's
 * WHERE (safety: cranes and hoists whose monitor alarms). It reads the alarms' (device, cleared) rows
 * without the caller naming iot's table.
 */
export const activeAlarmOnDevice = (deviceId: AnyPgColumn | SQL): SQL =>
  sql`exists (select 1 from ${A} where ${A.deviceId} = ${deviceId} and ${A.clearedAt} is null)`;

/** Active alarms per project in the caller's scope: how many and the worst severity (the map's markers). */
export async function activeAlarmsByProject(db: Executor, actor: Actor): Promise<Map<string, { active: number; worst: Severity }>> {
  requirePermission(actor, "iot.read");
  const rows = await db
    .select({ projectId: A.projectId, n: sql<number>`count(*)::int`, worst: sql<number>`max(${severityRankSql(A.severity)})` })
    .from(A)
    .where(and(isNull(A.clearedAt), projectScope(actor, A.projectId)))
    .groupBy(A.projectId);
  return new Map(rows.map((r) => [r.projectId, { active: Number(r.n), worst: SEVERITIES[Number(r.worst)] as Severity }]));
}
