import { and, asc, desc, eq, ilike, or, sql } from "drizzle-orm";
import type { AnyPgColumn } from "drizzle-orm/pg-core";
import type { ListPipelinesQuery, PipelineDto, PipelineFeatureCollection, PipelineMapQuery, PressureClass } from "@contracts/gas/pipeline";
import { requirePermission } from "../../../platform/auth/actor.js";
import type { Actor } from "../../../platform/context.js";
import type { Executor } from "../../../platform/db/client.js";
import { andAll, likePattern, offsetOf, toPage, totalOver, type Page } from "../../../platform/db/pagination.js";
import { notFound } from "../../../platform/errors.js";
import { enterprisesView } from "../../registry/index.js";
import { gasScope } from "../shared/index.js";
import { gasPipelines as L } from "./schema.js";

const E = enterprisesView();

/** Read side of the pipeline network: list, export, one line, and the map's FeatureCollection. */

/** Rows per export: a city's whole network fits. */
export const PIPELINE_EXPORT_LIMIT = 50_000;
/** Features per map answer; a view wider than this should zoom in. */
export const PIPELINE_MAP_LIMIT = 20_000;

const linkCount = sql<number>`(select count(*) from gas_site_links sl where sl.pipeline_id = ${L.id})`.mapWith(Number);
/** Pressure classes sort by their order (low → high), not alphabetically. */
const pressureRank = sql`array_position(array['low','medium','sub_high','high']::text[], ${L.pressureClass})`;

function selectPipelines(db: Executor) {
  return db.select({ l: L, enterpriseName: E.name, siteLinks: linkCount, total: totalOver }).from(L).innerJoin(E, eq(E.id, L.enterpriseId));
}

type Row = Awaited<ReturnType<typeof selectPipelines>>[number];

/** Whole years between the laying date and today (Asia/Shanghai). */
function ageYears(laidOn: string | null, today = new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10)): number | null {
  if (!laidOn) return null;
  const [y, m, d] = laidOn.split("-").map(Number);
  const [ty, tm, td] = today.split("-").map(Number);
  return Math.max(0, ty - y - (tm < m || (tm === m && td < d) ? 1 : 0));
}

export const toPipelineDto = (r: Row): PipelineDto => ({
  id: r.l.id,
  code: r.l.code,
  name: r.l.name,
  enterpriseId: r.l.enterpriseId,
  enterpriseName: r.enterpriseName,
  pressureClass: r.l.pressureClass as PressureClass,
  material: r.l.material,
  diameterMm: r.l.diameterMm,
  laidOn: r.l.laidOn,
  ageYears: ageYears(r.l.laidOn),
  geometry: { type: "LineString", coordinates: r.l.coordinates },
  lengthM: Math.round(r.l.lengthM * 10) / 10,
  bbox: [r.l.minLng, r.l.minLat, r.l.maxLng, r.l.maxLat],
  siteLinks: r.siteLinks,
  createdAt: r.l.createdAt.toISOString(),
  updatedAt: r.l.updatedAt.toISOString(),
});

const SORTABLE: Record<string, AnyPgColumn | ReturnType<typeof sql>> = { code: L.code, name: L.name, pressureClass: pressureRank, lengthM: L.lengthM, laidOn: L.laidOn, createdAt: L.createdAt };

type Filters = Omit<ListPipelinesQuery, "page" | "pageSize">;

function filtered(db: Executor, actor: Actor, q: Filters) {
  const text = q.q?.trim();
  const where = andAll([
    gasScope(actor, L.enterpriseId),
    text ? or(ilike(L.code, likePattern(text)), ilike(L.name, likePattern(text)), ilike(L.material, likePattern(text)), ilike(E.name, likePattern(text))) : undefined,
    q.enterpriseId ? eq(L.enterpriseId, q.enterpriseId) : undefined,
    q.pressureClass?.length ? sql`${L.pressureClass} = any(${sql.param(q.pressureClass)}::text[])` : undefined,
    q.material ? ilike(L.material, likePattern(q.material)) : undefined,
    q.linked === "true" ? sql`exists (select 1 from gas_site_links sl where sl.pipeline_id = ${L.id})` : undefined,
    q.linked === "false" ? sql`not exists (select 1 from gas_site_links sl where sl.pipeline_id = ${L.id})` : undefined,
  ]);
  const sort = q.sort ?? "code";
  const isDesc = sort.startsWith("-");
  const column = SORTABLE[isDesc ? sort.slice(1) : sort] ?? L.code;
  return selectPipelines(db)
    .where(where)
    .orderBy(isDesc ? desc(column) : asc(column), asc(L.id));
}

export async function listPipelines(db: Executor, actor: Actor, q: ListPipelinesQuery): Promise<Page<PipelineDto>> {
  requirePermission(actor, "gas.read");
  const rows = await filtered(db, actor, q).limit(q.pageSize).offset(offsetOf(q));
  return toPage(rows, q, toPipelineDto);
}

export async function pipelinesForExport(db: Executor, actor: Actor, q: Filters): Promise<PipelineDto[]> {
  requirePermission(actor, "gas.read");
  return (await filtered(db, actor, q).limit(PIPELINE_EXPORT_LIMIT)).map(toPipelineDto);
}

/** @throws AppError NOT_FOUND when absent or outside the actor's scope. */
export async function getPipeline(db: Executor, actor: Actor, id: string): Promise<PipelineDto> {
  requirePermission(actor, "gas.read");
  const [row] = await selectPipelines(db).where(and(eq(L.id, id), gasScope(actor, L.enterpriseId)));
  if (!row) throw notFound("pipeline", id);
  return toPipelineDto(row);
}

/**
 * The map layer as GeoJSON, each line with its latest patrol coverage (from the newest patrol whose
 * per-line coverage names it). The view's bbox prefilters by the indexed bbox columns.
 */
export async function pipelineMap(db: Executor, actor: Actor, q: PipelineMapQuery): Promise<PipelineFeatureCollection> {
  requirePermission(actor, "gas.read");
  const box = q.bbox?.split(",").map(Number);
  const latest = sql`(select jsonb_build_object('pct', case when ${L.lengthM} > 0 then least(100, 100 * (p.coverage ->> ${L.id}::text)::float8 / ${L.lengthM}) else 0 end, 'at', p.started_at)
    from gas_patrols p where p.enterprise_id = ${L.enterpriseId} and p.coverage ? ${L.id}::text order by p.started_at desc limit 1)`;
  const rows = await db
    .select({ l: L, enterpriseName: E.name, latest: sql<{ pct: number; at: string } | null>`${latest}` })
    .from(L)
    .innerJoin(E, eq(E.id, L.enterpriseId))
    .where(
      andAll([
        gasScope(actor, L.enterpriseId),
        q.enterpriseId ? eq(L.enterpriseId, q.enterpriseId) : undefined,
        q.pressureClass?.length ? sql`${L.pressureClass} = any(${sql.param(q.pressureClass)}::text[])` : undefined,
        box ? sql`${L.maxLng} >= ${box[0]} and ${L.minLng} <= ${box[2]} and ${L.maxLat} >= ${box[1]} and ${L.minLat} <= ${box[3]}` : undefined,
      ]),
    )
    .orderBy(asc(L.code))
    .limit(PIPELINE_MAP_LIMIT);
  return {
    type: "FeatureCollection",
    features: rows.map((r) => ({
      type: "Feature",
      id: r.l.id,
      geometry: { type: "LineString", coordinates: r.l.coordinates },
      properties: {
        code: r.l.code,
        name: r.l.name,
        enterpriseId: r.l.enterpriseId,
        enterpriseName: r.enterpriseName,
        pressureClass: r.l.pressureClass as PressureClass,
        material: r.l.material,
        lengthM: Math.round(r.l.lengthM * 10) / 10,
        coveragePct: r.latest ? Math.round(Number(r.latest.pct) * 10) / 10 : null,
        lastPatrolAt: r.latest ? new Date(r.latest.at).toISOString() : null,
      },
    })),
  };
}
