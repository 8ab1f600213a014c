import { and, desc, eq, gte, ilike, lt, or, sql, type SQL } from "drizzle-orm";
import type { AnyPgColumn } from "drizzle-orm/pg-core";
import type { LeakLevel, LeakPointDto, LeakState, ListLeaksQuery } from "@contracts/gas/leak";
import { requirePermission } from "../../../platform/auth/actor.js";
import type { Actor } from "../../../platform/context.js";
import type { Executor } from "../../../platform/db/client.js";
import { andAll, likePattern, offsetOf, toPage, totalOver, type Page } from "../../../platform/db/pagination.js";
import { notFound } from "../../../platform/errors.js";
import { casesView } from "../../cases/index.js";
import { offSiteDevicesView } from "../../iot/index.js";
import { enterprisesView } from "../../registry/index.js";
import { pipelinesView } from "../pipelines/index.js";
import { gasScope } from "../shared/index.js";
import { gasLeakPoints as G } from "./schema.js";

const E = enterprisesView();

/** Read side of the leak points (疑似/确认泄漏点), each with its vehicle, nearest main and case. */

export const LEAK_EXPORT_LIMIT = 50_000;

const L = pipelinesView();
const D = offSiteDevicesView();
const C = casesView();

function selectLeaks(db: Executor) {
  return db
    .select({ g: G, enterpriseName: E.name, deviceCode: D.code, deviceName: D.name, pipelineCode: L.code, pipelineName: L.name, caseNo: C.no, total: totalOver })
    .from(G)
    .innerJoin(E, eq(E.id, G.enterpriseId))
    .leftJoin(D, eq(D.id, G.deviceId))
    .leftJoin(L, eq(L.id, G.pipelineId))
    .leftJoin(C, eq(C.id, G.caseId));
}
type Row = Awaited<ReturnType<typeof selectLeaks>>[number];

const iso = (d: Date | null) => (d ? d.toISOString() : null);

export const toLeakDto = (r: Omit<Row, "total">): LeakPointDto => ({
  ...r.g,
  state: r.g.state as LeakState,
  level: r.g.level as LeakLevel,
  enterpriseName: r.enterpriseName,
  deviceCode: r.deviceCode,
  deviceName: r.deviceName,
  pipelineCode: r.pipelineCode,
  pipelineName: r.pipelineName,
  caseNo: r.caseNo,
  detectedAt: r.g.detectedAt.toISOString(),
  lastDetectedAt: r.g.lastDetectedAt.toISOString(),
  recheckAt: iso(r.g.recheckAt),
  createdAt: r.g.createdAt.toISOString(),
  updatedAt: r.g.updatedAt.toISOString(),
});

/** Scope plus the list filters; days are Asia/Shanghai calendar days. */
export function leakFilters(actor: Actor, q: Partial<ListLeaksQuery>): SQL | undefined {
  const text = q.q?.trim();
  return andAll([
    gasScope(actor, G.enterpriseId),
    text ? or(ilike(D.code, likePattern(text)), ilike(L.code, likePattern(text)), ilike(L.name, likePattern(text)), eq(C.no, text)) : undefined,
    q.state?.length ? sql`${G.state} = any(${sql.param(q.state)}::text[])` : undefined,
    q.level?.length ? sql`${G.level} = any(${sql.param(q.level)}::text[])` : undefined,
    q.deviceId ? eq(G.deviceId, q.deviceId) : undefined,
    q.enterpriseId ? eq(G.enterpriseId, q.enterpriseId) : undefined,
    q.pipelineId ? eq(G.pipelineId, q.pipelineId) : undefined,
    q.from ? gte(G.detectedAt, sql`(${q.from}::date)::timestamp at time zone 'Asia/Shanghai'`) : undefined,
    q.to ? lt(G.detectedAt, sql`(${q.to}::date + 1)::timestamp at time zone 'Asia/Shanghai'`) : undefined,
  ]);
}

const SORTS: Record<string, AnyPgColumn> = { detectedAt: G.detectedAt, ppm: G.ppm, state: G.state, level: G.level, recheckAt: G.recheckAt };

/** `field` or `-field`, default newest first, never-rechecked last, a stable tie-breaker. */
export function leakOrder(sort: string | undefined): SQL[] {
  const s = sort ?? "-detectedAt";
  const isDesc = s.startsWith("-");
  const column = SORTS[isDesc ? s.slice(1) : s] ?? G.detectedAt;
  const nulls = column.notNull ? sql`` : sql` nulls last`;
  return [isDesc ? sql`${column} desc${nulls}` : sql`${column} asc${nulls}`, desc(G.id)];
}

export async function listLeaks(db: Executor, actor: Actor, q: ListLeaksQuery): Promise<Page<LeakPointDto>> {
  requirePermission(actor, "gas.read");
  const rows = await selectLeaks(db)
    .where(leakFilters(actor, q))
    .orderBy(...leakOrder(q.sort))
    .limit(q.pageSize)
    .offset(offsetOf(q));
  return toPage(rows, q, toLeakDto);
}

/** Every leak point matching the filters (capped), for the export. */
export async function leaksForExport(db: Executor, actor: Actor, q: Partial<ListLeaksQuery>): Promise<LeakPointDto[]> {
  requirePermission(actor, "gas.read");
  const rows = await selectLeaks(db)
    .where(leakFilters(actor, q))
    .orderBy(...leakOrder(q.sort))
    .limit(LEAK_EXPORT_LIMIT);
  return rows.map(toLeakDto);
}

/** Whether any leak point names the main (no data scope: the pipelines module asks before deleting one). */
export async function leakPointsOn(db: Executor, pipelineId: string): Promise<boolean> {
  const [row] = await db.select({ id: G.id }).from(G).where(eq(G.pipelineId, pipelineId)).limit(1);
  return row !== undefined;
}

/** @throws AppError NOT_FOUND when absent or outside scope. */
export async function getLeak(db: Executor, actor: Actor, id: string): Promise<LeakPointDto> {
  requirePermission(actor, "gas.read");
  const [row] = await selectLeaks(db).where(and(eq(G.id, id), gasScope(actor, G.enterpriseId)));
  if (!row) throw notFound("leak point", id);
  return toLeakDto(row);
}
