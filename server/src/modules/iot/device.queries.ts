import { and, asc, desc, eq, gte, ilike, isNotNull, isNull, lte, or, sql, type SQL } from "drizzle-orm";
import type { AnyPgColumn } from "drizzle-orm/pg-core";
import {
  DERIVED_METRICS,
  METRICS,
  type DeviceDto,
  type DeviceType,
  type ListDevicesQuery,
  type MetricSpec,
  type TelemetryQuery,
  type TelemetrySeriesDto,
} from "@contracts/iot/devices";
import { requirePermission } from "../../platform/auth/actor.js";
import type { Actor, ServiceContext } from "../../platform/context.js";
import type { Executor } from "../../platform/db/client.js";
import { andAll, likePattern, offsetOf, toPage, totalOver, type Page } from "../../platform/db/pagination.js";
import { invalidField, notFound } from "../../platform/errors.js";
import { enterprisesView, projectsView } from "../registry/index.js";
import { deviceScope } from "./device.scope.js";
import { iotReadings } from "./readings.schema.js";
import { iotDevices as D, iotLatest, iotRollup1h, iotRollup1m } from "./schema.js";

const E = enterprisesView();
const P = projectsView();

/** Read side of the device registry (设备台账). The secret hash is never selected here. */

export const DEVICE_EXPORT_LIMIT = 100_000;

export const deviceColumns = {
  id: D.id,
  projectId: D.projectId,
  projectName: P.name,
  enterpriseId: D.enterpriseId,
  enterpriseName: E.name,
  type: D.type,
  code: D.code,
  name: D.name,
  model: D.model,
  vendor: D.vendor,
  location: D.location,
  reportIntervalS: D.reportIntervalS,
  equipmentRef: D.equipmentRef,
  streamUrl: D.streamUrl,
  enabled: D.enabled,
  online: D.online,
  lastSeenAt: D.lastSeenAt,
  rejectedCount: D.rejectedCount,
  rejections: D.rejections,
  lastRejectedAt: D.lastRejectedAt,
  lastRejectedReason: D.lastRejectedReason,
  secretRotatedAt: D.secretRotatedAt,
  createdAt: D.createdAt,
  updatedAt: D.updatedAt,
};

/** Left joins: a device not on a site has no project, a device on one no owning enterprise. */
export const selectDevice = (db: Executor) => db.select(deviceColumns).from(D).leftJoin(P, eq(P.id, D.projectId)).leftJoin(E, eq(E.id, D.enterpriseId));
type DeviceRow = Awaited<ReturnType<typeof selectDevice>>[number];

const iso = (d: Date | null) => (d ? d.toISOString() : null);

export function toDeviceDto(r: DeviceRow): DeviceDto {
  return {
    ...r,
    type: r.type as DeviceType,
    lastSeenAt: iso(r.lastSeenAt),
    lastRejectedAt: iso(r.lastRejectedAt),
    secretRotatedAt: r.secretRotatedAt.toISOString(),
    createdAt: r.createdAt.toISOString(),
    updatedAt: r.updatedAt.toISOString(),
  };
}

/** List, export: scope plus the filters given. */
export function deviceFilters(actor: Actor, q: Partial<ListDevicesQuery>): SQL | undefined {
  const pattern = q.q ? likePattern(q.q) : undefined;
  return andAll([
    deviceScope(actor),
    q.projectId ? eq(D.projectId, q.projectId) : undefined,
    q.enterpriseId ? eq(D.enterpriseId, q.enterpriseId) : undefined,
    q.onSite ? (q.onSite === "true" ? isNotNull(D.projectId) : isNull(D.projectId)) : undefined,
    q.type ? eq(D.type, q.type) : undefined,
    q.online ? eq(D.online, q.online === "true") : undefined,
    q.enabled ? eq(D.enabled, q.enabled === "true") : undefined,
    pattern ? or(ilike(D.code, pattern), ilike(D.name, pattern)) : undefined,
  ]);
}

const SORTABLE: Record<string, AnyPgColumn> = {
  code: D.code,
  name: D.name,
  type: D.type,
  lastSeenAt: D.lastSeenAt,
  createdAt: D.createdAt,
  rejectedCount: D.rejectedCount,
};

/** `field` or `-field`, default newest first; a stable tie-breaker; never-seen devices last. */
export function deviceOrder(sort: string | undefined): SQL[] {
  const s = sort ?? "-createdAt";
  const isDesc = s.startsWith("-");
  const column = SORTABLE[isDesc ? s.slice(1) : s] ?? D.createdAt;
  const nulls = column.notNull ? sql`` : sql` nulls last`;
  return [isDesc ? sql`${column} desc${nulls}` : sql`${column} asc${nulls}`, desc(D.id)];
}

export async function listDevices(db: Executor, actor: Actor, q: ListDevicesQuery): Promise<Page<DeviceDto>> {
  requirePermission(actor, "iot.read");
  const rows = await db
    .select({ ...deviceColumns, total: totalOver })
    .from(D)
    .leftJoin(P, eq(P.id, D.projectId))
    .leftJoin(E, eq(E.id, D.enterpriseId))
    .where(deviceFilters(actor, q))
    .orderBy(...deviceOrder(q.sort))
    .limit(q.pageSize)
    .offset(offsetOf(q));
  return toPage(rows, q, toDeviceDto);
}

/**
 * One device. `scoped: false` is for a verb that has already authorised the access.
 * @throws AppError NOT_FOUND when absent or outside the actor's scope.
 */
export async function getDevice(db: Executor, actor: Actor, id: string, opts: { scoped?: boolean } = {}): Promise<DeviceDto> {
  requirePermission(actor, "iot.read");
  const [row] = await selectDevice(db).where(and(eq(D.id, id), opts.scoped === false ? undefined : deviceScope(actor)));
  if (!row) throw notFound("device", id);
  return toDeviceDto(row);
}

/** The identity of a visible device (for reads and writes that need only its type, project and state). */
export async function visibleDevice(db: Executor, actor: Actor, id: string) {
  const [row] = await db
    .select({ id: D.id, code: D.code, name: D.name, type: D.type, projectId: D.projectId, enterpriseId: D.enterpriseId, enabled: D.enabled })
    .from(D)
    .where(and(eq(D.id, id), deviceScope(actor)));
  if (!row) throw notFound("device", id);
  return { ...row, type: row.type as DeviceType };
}

/** The spec of a metric a device of `type` reports or the platform derives for it; undefined if unknown. */
export function metricSpec(type: DeviceType, metric: string): MetricSpec | undefined {
  // hasOwn: a metric name comes from the query string, and "constructor" must not find Object's.
  const derived = DERIVED_METRICS[type] ?? {};
  if (Object.hasOwn(METRICS[type], metric)) return METRICS[type][metric];
  return Object.hasOwn(derived, metric) ? derived[metric] : undefined;
}

/** The newest value of each metric of a device, with units, sorted by metric. */
export async function getDeviceLatest(db: Executor, actor: Actor, id: string) {
  requirePermission(actor, "iot.read");
  const device = await visibleDevice(db, actor, id);
  const rows = await db.select().from(iotLatest).where(eq(iotLatest.deviceId, id)).orderBy(asc(iotLatest.metric));
  return {
    deviceId: id,
    values: rows.map((r) => ({ metric: r.metric, value: r.value, ts: r.ts.toISOString(), unit: metricSpec(device.type, r.metric)?.unit ?? "" })),
  };
}

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
/** Raw readings are for zooming in: at most this many points, the newest kept. */
export const RAW_POINT_LIMIT = 5000;
/** The longest span each resolution may cover, so one answer stays a chart and not a dump. */
export const MAX_SPAN_MS = { raw: DAY, "1m": 7 * DAY } as const;

export interface TelemetryPlan {
  from: Date;
  to: Date;
  resolution: "raw" | "1m" | "1h";
}

/**
 * The window and resolution of a telemetry request: default the last 24 h; default resolution 1m up to
 * 6 h of span, 1h beyond. Pure, so the limits are unit-tested.
 * @throws AppError VALIDATION naming `from` when the window is empty or too long for the resolution.
 */
export function planTelemetry(q: Pick<TelemetryQuery, "from" | "to" | "resolution">, now: Date): TelemetryPlan {
  const to = q.to ? new Date(q.to) : now;
  const from = q.from ? new Date(q.from) : new Date(to.getTime() - DAY);
  const span = to.getTime() - from.getTime();
  if (span <= 0) throw invalidField("from", "开始时间须早于结束时间 (from must be before to)");
  const resolution = q.resolution ?? (span <= 6 * HOUR ? "1m" : "1h");
  if (resolution === "raw" && span > MAX_SPAN_MS.raw) throw invalidField("from", "原始数据最多查询 1 天 (raw readings: at most 1 day)");
  if (resolution === "1m" && span > MAX_SPAN_MS["1m"]) throw invalidField("from", "分钟数据最多查询 7 天 (1-minute rollups: at most 7 days)");
  return { from, to, resolution };
}

/** Energy-mean level of a rollup bucket: 10·log10(Σ10^(L/10) / n). */
export const leqOf = (energySum: number | null, count: number) => (energySum === null || count <= 0 ? null : 10 * Math.log10(energySum / count));

/**
 * One metric of one device over a window: rollups for 1m/1h (a bucket is included when it starts
 * inside the window, the first one from the bucket holding `from`), raw readings for `raw`.
 * @throws AppError NOT_FOUND out of scope; VALIDATION naming `metric` or `from`.
 */
export async function getTelemetry(ctx: ServiceContext, id: string, q: TelemetryQuery): Promise<TelemetrySeriesDto> {
  requirePermission(ctx.actor, "iot.read");
  const device = await visibleDevice(ctx.db, ctx.actor, id);
  const spec = metricSpec(device.type, q.metric);
  if (!spec) throw invalidField("metric", `设备类型 ${device.type} 没有指标 ${q.metric} (unknown metric for this device type)`);
  const { from, to, resolution } = planTelemetry(q, ctx.clock.now());
  const base = { deviceId: id, metric: q.metric, unit: spec.unit, resolution };
  if (resolution === "raw") {
    const rows = await ctx.db
      .select({ ts: iotReadings.ts, value: iotReadings.value })
      .from(iotReadings)
      .where(and(eq(iotReadings.deviceId, id), eq(iotReadings.metric, q.metric), gte(iotReadings.ts, from), lte(iotReadings.ts, to)))
      .orderBy(desc(iotReadings.ts))
      .limit(RAW_POINT_LIMIT);
    const points = rows.reverse().map((r) => ({ ts: r.ts.toISOString(), min: r.value, max: r.value, avg: r.value, count: 1, leq: null }));
    return { ...base, points };
  }
  const R = resolution === "1m" ? iotRollup1m : iotRollup1h;
  const size = resolution === "1m" ? MINUTE : HOUR;
  const firstBucket = new Date(Math.floor(from.getTime() / size) * size);
  const rows = await ctx.db
    .select()
    .from(R)
    .where(and(eq(R.deviceId, id), eq(R.metric, q.metric), gte(R.bucket, firstBucket), lte(R.bucket, to)))
    .orderBy(asc(R.bucket));
  const points = rows.map((r) => ({ ts: r.bucket.toISOString(), min: r.min, max: r.max, avg: r.sum / r.count, count: r.count, leq: leqOf(r.energySum, r.count) }));
  return { ...base, points };
}
