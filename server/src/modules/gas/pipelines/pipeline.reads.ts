import { sql } from "drizzle-orm";
import { QueryBuilder } from "drizzle-orm/pg-core";
import { rowsOf, type Executor } from "../../../platform/db/client.js";
import { bboxOf, expandBBox, pointToPolylineM, type LngLat } from "../shared/index.js";
import { gasPipelines as L } from "./schema.js";

/**
 * What the other gas modules may read of the network: a read-only view of the mains for their joins, filters
 * and sorts (a subquery PostgreSQL pulls up; see registry.reads.ts), and the nearest main to points.
 */

const qb = new QueryBuilder({ casing: "snake_case" });

/** Mains: code, name, owner and pressure class (no geometry). */
export const pipelinesView = (alias = "l") =>
  qb.select({ id: L.id, code: L.code, name: L.name, enterpriseId: L.enterpriseId, pressureClass: L.pressureClass }).from(L).as(alias);

/**
 * The nearest main within `searchM` of each point, or null: one query for the mains whose bounding box comes
 * within `searchM` of the points' box, then the exact point→polyline distance here.
 */
export async function nearestMains(db: Executor, points: readonly LngLat[], searchM: number): Promise<({ id: string; enterpriseId: string; distanceM: number } | null)[]> {
  if (points.length === 0) return [];
  const box = expandBBox(bboxOf(points), searchM);
  const lines = rowsOf<{ id: string; enterpriseId: string; coordinates: LngLat[]; minLat: number; maxLat: number; minLng: number; maxLng: number }>(
    await db.execute(sql`
      select id, enterprise_id as "enterpriseId", coordinates, min_lat as "minLat", max_lat as "maxLat", min_lng as "minLng", max_lng as "maxLng"
      from gas_pipelines
      where max_lat >= ${box.minLat} and min_lat <= ${box.maxLat} and max_lng >= ${box.minLng} and min_lng <= ${box.maxLng}`),
  );
  return points.map((p) => {
    const near = expandBBox({ minLng: p[0], maxLng: p[0], minLat: p[1], maxLat: p[1] }, searchM);
    let best: { id: string; enterpriseId: string; distanceM: number } | null = null;
    for (const l of lines) {
      if (l.maxLat < near.minLat || l.minLat > near.maxLat || l.maxLng < near.minLng || l.minLng > near.maxLng) continue;
      const d = pointToPolylineM(p, l.coordinates);
      if (d <= searchM && (!best || d < best.distanceM)) best = { id: l.id, enterpriseId: l.enterpriseId, distanceM: Math.round(d * 10) / 10 };
    }
    return best;
  });
}
