import { and, eq, sql } from "drizzle-orm";
import type { DriveDto, DriveQuery, ListVehiclesQuery, VehicleDto } from "@contracts/gas/leak";
import { requirePermission } from "../../../platform/auth/actor.js";
import type { Actor, ServiceContext } from "../../../platform/context.js";
import { type Executor, rowsOf } from "../../../platform/db/client.js";
import { andAll, likePattern, offsetOf, toPage, type Page } from "../../../platform/db/pagination.js";
import { invalidField, notFound } from "../../../platform/errors.js";
import { ruleInForce } from "../../../platform/rules/rules.js";
import { offSiteDevicesView } from "../../iot/index.js";
import { enterprisesView } from "../../registry/index.js";
import { gasScope } from "../shared/index.js";
import { thinDrive } from "./leak.checks.js";
import { leakThresholdsRule } from "./leak.rules.js";

/** Read side of the detection vehicles (gas_detector devices off-site) and their drives. */

/** The longest drive window one request may read (the map shows a day's drive at most). */
export const MAX_DRIVE_MS = 24 * 3600_000;

const iso = (v: Date | string | null) => (v === null ? null : new Date(v).toISOString());

/** Vehicles in scope, each with its newest judged reading and how many suspects still wait for a re-check. */
export async function listVehicles(db: Executor, actor: Actor, q: ListVehiclesQuery): Promise<Page<VehicleDto>> {
  requirePermission(actor, "gas.read");
  const text = q.q?.trim();
  const where = andAll([
    sql`d.type = 'gas_detector'`,
    gasScope(actor, sql`d.enterprise_id`),
    q.enterpriseId ? sql`d.enterprise_id = ${q.enterpriseId}` : undefined,
    text ? sql`(d.code ilike ${likePattern(text)} or d.name ilike ${likePattern(text)})` : undefined,
  ]);
  const rows = rowsOf<{
    deviceId: string;
    code: string;
    name: string;
    enterpriseId: string;
    enterpriseName: string;
    enabled: boolean;
    online: boolean;
    lastSeenAt: Date | string | null;
    lastTs: Date | string | null;
    lastLat: number | null;
    lastLng: number | null;
    lastPpm: number | null;
    lastBackgroundPpm: number | null;
    openSuspects: number;
    total: number;
  }>(
    await db.execute(sql`
      select d.id as "deviceId", d.code, d.name, d.enterprise_id as "enterpriseId", e.name as "enterpriseName", d.enabled, d.online, d.last_seen_at as "lastSeenAt",
        r.ts as "lastTs", r.lat as "lastLat", r.lng as "lastLng", r.ch4_ppm as "lastPpm", r.background_ppm as "lastBackgroundPpm",
        (select count(*) from gas_leak_points g where g.device_id = d.id and g.state = 'suspect')::int as "openSuspects",
        count(*) over ()::int as total
      from ${offSiteDevicesView("d")}
      join ${enterprisesView("e")} on e.id = d.enterprise_id
      left join lateral (select ts, lat, lng, ch4_ppm, background_ppm from gas_detector_readings x where x.device_id = d.id order by x.ts desc limit 1) r on true
      where ${where}
      order by d.code, d.id
      limit ${q.pageSize} offset ${offsetOf(q)}`),
  );
  return toPage(rows, q, (r) => ({
    ...r,
    lastSeenAt: iso(r.lastSeenAt),
    lastTs: iso(r.lastTs),
    lastLat: r.lastLat === null ? null : Number(r.lastLat),
    lastLng: r.lastLng === null ? null : Number(r.lastLng),
    lastPpm: r.lastPpm === null ? null : Number(r.lastPpm),
    lastBackgroundPpm: r.lastBackgroundPpm === null ? null : Number(r.lastBackgroundPpm),
    openSuspects: Number(r.openSuspects),
  }));
}

/**
 * One vehicle's drive in a window (at most a day), thinned for the map; suspect readings (by the thresholds in
 * force) are always kept.
 * @throws AppError NOT_FOUND for a vehicle out of scope; VALIDATION naming `from` for an empty or too long window.
 */
export async function getDrive(ctx: ServiceContext, q: DriveQuery): Promise<DriveDto> {
  requirePermission(ctx.actor, "gas.read");
  const from = new Date(q.from);
  const to = new Date(q.to);
  if (to.getTime() <= from.getTime()) throw invalidField("from", "开始时间须早于结束时间 (from must be before to)");
  if (to.getTime() - from.getTime() > MAX_DRIVE_MS) throw invalidField("from", "最多查询 24 小时的行驶记录 (at most 24 hours)");
  const D = offSiteDevicesView();
  const [vehicle] = await ctx.db
    .select({ id: D.id })
    .from(D)
    .where(and(eq(D.id, q.deviceId), eq(D.type, "gas_detector"), gasScope(ctx.actor, D.enterpriseId)));
  if (!vehicle) throw notFound("vehicle", q.deviceId);
  const { value: t } = await ruleInForce(ctx.db, leakThresholdsRule, ctx.region);
  const rows = rowsOf<{ ts: Date | string; lat: number; lng: number; ppm: number; bg: number }>(
    await ctx.db.execute(sql`
      select ts, lat, lng, ch4_ppm as ppm, background_ppm as bg from gas_detector_readings
      where device_id = ${q.deviceId} and ts >= ${from.toISOString()}::timestamptz and ts <= ${to.toISOString()}::timestamptz
      order by ts`),
  );
  const points = rows.map((r) => {
    const ppm = Number(r.ppm);
    const backgroundPpm = Number(r.bg);
    return { ts: new Date(r.ts).toISOString(), lat: Number(r.lat), lng: Number(r.lng), ppm, backgroundPpm, suspect: ppm - backgroundPpm >= t.suspectRisePpm };
  });
  return { deviceId: q.deviceId, from: from.toISOString(), to: to.toISOString(), total: points.length, points: thinDrive(points, q.maxPoints) };
}
