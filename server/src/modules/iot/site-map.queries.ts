import { and, asc, eq, isNotNull, isNull, or, sql, type SQL } from "drizzle-orm";
import type { AnyPgColumn } from "drizzle-orm/pg-core";
import { SEVERITIES, type Severity } from "@contracts/iot/alarms";
import type { SiteMapItemDto } from "@contracts/iot/realtime";
import { requirePermission } from "../../platform/auth/actor.js";
import type { Actor } from "../../platform/context.js";
import type { Executor } from "../../platform/db/client.js";
import { projectScope, projectsView } from "../registry/index.js";
import { iotAlarms as A, iotDevices as D } from "./schema.js";

const P = projectsView();

/** Severity rank in SQL (0 = info … 3 = critical), the order of SEVERITIES. */
export const severityRankSql = (column: AnyPgColumn | SQL) => sql<number>`(array_position(${sql.param([...SEVERITIES])}::text[], ${column}) - 1)`;

/**
 * Every visible site with coordinates that is under construction or has devices, with its live alarm
 * state and device counts, in one statement (lateral aggregates per project).
 */
export async function siteMap(db: Executor, actor: Actor): Promise<SiteMapItemDto[]> {
  requirePermission(actor, "iot.read");
  const dev = db
    .select({
      n: sql<number>`count(*)::int`.as("device_count"),
      online: sql<number>`(count(*) filter (where ${D.online}))::int`.as("online_count"),
    })
    .from(D)
    .where(eq(D.projectId, P.id))
    .as("dev");
  const al = db
    .select({
      n: sql<number>`count(*)::int`.as("alarm_count"),
      worst: sql<number | null>`max(${severityRankSql(A.severity)})`.as("worst_rank"),
    })
    .from(A)
    .where(and(eq(A.projectId, P.id), isNull(A.clearedAt)))
    .as("al");
  const rows = await db
    .select({
      projectId: P.id,
      name: P.name,
      district: P.district,
      status: P.status,
      lng: P.lng,
      lat: P.lat,
      worst: al.worst,
      activeAlarms: al.n,
      devices: dev.n,
      onlineDevices: dev.online,
    })
    .from(P)
    .leftJoinLateral(dev, sql`true`)
    .leftJoinLateral(al, sql`true`)
    .where(and(isNotNull(P.lng), isNotNull(P.lat), or(eq(P.status, "in_progress"), sql`${dev.n} > 0`), projectScope(actor, P.id)))
    .orderBy(asc(P.name));
  return rows.map(({ worst, lng, lat, ...r }) => ({
    ...r,
    lng: lng as number,
    lat: lat as number,
    worstSeverity: worst === null ? null : (SEVERITIES[worst] as Severity),
  }));
}
