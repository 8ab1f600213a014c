import { eq, sql } from "drizzle-orm";
import { PRESSURE_CLASSES, pressureAtLeast, type PressureClass } from "@contracts/gas/pipeline";
import type { ServiceContext } from "../../../platform/context.js";
import type { Executor } from "../../../platform/db/client.js";
import { ruleInForce } from "../../../platform/rules/rules.js";
import { projectsView } from "../../registry/index.js";
import { type LngLat, M_PER_DEG_LAT, pointToPolylineM } from "../shared/index.js";
import { gasPipelines as L, gasSiteLinks as SL } from "./schema.js";
import { sitePipelineDistanceRule, type SitePipelineDistanceRule } from "./pipeline.rules.js";

const P = projectsView();

/**
 * Keeps `gas_site_links` true: which live construction sites lie within the linkage distance of a main of
 * the rule's pressure class or higher. A pipeline save recomputes that pipeline against every project; the
 * full recompute (endpoint and the periodic sweep, since the registry publishes no location-change event)
 * joins projects to candidate mains by the indexed bbox columns and measures only those pairs exactly.
 */

// Serialises link rewrites (a save and the sweep) so neither deletes what the other just wrote.
const SITE_LINK_LOCK = 7_240_611;
/** Finished projects are not digging any more. */
const CLOSED_PROJECT_STATUSES = ["completed"];

interface Candidate {
  projectId: string;
  pipelineId: string;
  lng: number;
  lat: number;
  coordinates: LngLat[];
}

const classesFrom = (floor: PressureClass) => PRESSURE_CLASSES.filter((c) => pressureAtLeast(c, floor));

/** Project–pipeline pairs whose bbox, grown by the distance, contains the site (a superset of the links). */
async function candidates(tx: Executor, rule: SitePipelineDistanceRule, pipelineIds?: string[]): Promise<Candidate[]> {
  const dLat = rule.distanceM / M_PER_DEG_LAT;
  // Longitude degrees shrink with cos(lat); dividing by it widens the margin enough at the site's latitude.
  const dLng = sql`(${dLat}::float8 / greatest(cos(radians(${P.lat})), 0.01))`;
  return tx
    .select({ projectId: P.id, pipelineId: L.id, lng: sql<number>`${P.lng}`, lat: sql<number>`${P.lat}`, coordinates: L.coordinates })
    .from(L)
    .innerJoin(
      P,
      sql`${P.lat} between ${L.minLat} - ${dLat}::float8 and ${L.maxLat} + ${dLat}::float8
        and ${P.lng} between ${L.minLng} - ${dLng} and ${L.maxLng} + ${dLng}`,
    )
    .where(
      sql`${P.lat} is not null and ${P.lng} is not null and ${P.status} <> all(${sql.param(CLOSED_PROJECT_STATUSES)}::text[])
        and ${L.pressureClass} = any(${sql.param(classesFrom(rule.minPressureClass))}::text[])
        ${pipelineIds ? sql`and ${L.id} = any(${sql.param(pipelineIds)}::uuid[])` : sql``}`,
    );
}

function measured(rule: SitePipelineDistanceRule, pairs: Candidate[]) {
  return pairs.flatMap((c) => {
    const distanceM = pointToPolylineM([c.lng, c.lat], c.coordinates);
    return distanceM <= rule.distanceM ? [{ projectId: c.projectId, pipelineId: c.pipelineId, distanceM }] : [];
  });
}

async function writeLinks(tx: Executor, links: { projectId: string; pipelineId: string; distanceM: number }[]): Promise<void> {
  // Multi-row inserts in chunks keep the parameter count under PostgreSQL's limit.
  for (let i = 0; i < links.length; i += 5000) {
    await tx
      .insert(SL)
      .values(links.slice(i, i + 5000).map((l) => ({ ...l, computedAt: new Date() })))
      .onConflictDoUpdate({ target: [SL.projectId, SL.pipelineId], set: { distanceM: sql`excluded.distance_m`, computedAt: sql`excluded.computed_at` } });
  }
}

/**
 * Recomputes the links of some pipelines (inside the caller's transaction) with one candidate query for
 * all of them; returns how many links they have now.
 */
export async function relinkPipelines(tx: Executor, pipelineIds: string[], region: string): Promise<number> {
  if (pipelineIds.length === 0) return 0;
  await tx.execute(sql`select pg_advisory_xact_lock(${SITE_LINK_LOCK})`);
  const rule = (await ruleInForce(tx, sitePipelineDistanceRule, region)).value;
  const links = measured(rule, await candidates(tx, rule, pipelineIds));
  await tx.delete(SL).where(sql`${SL.pipelineId} = any(${sql.param(pipelineIds)}::uuid[])`);
  await writeLinks(tx, links);
  return links.length;
}

/** Recomputes one pipeline's links (inside the caller's transaction); returns how many it has now. */
export const relinkPipeline = (tx: Executor, pipelineId: string, region: string) => relinkPipelines(tx, [pipelineId], region);

/** Drops a pipeline's links before the pipeline goes. */
export async function unlinkPipeline(tx: Executor, pipelineId: string): Promise<void> {
  await tx.execute(sql`select pg_advisory_xact_lock(${SITE_LINK_LOCK})`);
  await tx.delete(SL).where(eq(SL.pipelineId, pipelineId));
}

/**
 * Recomputes every link in one transaction: links that no longer hold are removed, the rest upserted
 * (so a link's `computedAt` says when it was last confirmed).
 */
export async function relinkAll(ctx: Pick<ServiceContext, "db" | "region">): Promise<{ projects: number; pipelines: number; links: number; distanceM: number; ruleVersion: number }> {
  return ctx.db.transaction(async (tx) => {
    await tx.execute(sql`select pg_advisory_xact_lock(${SITE_LINK_LOCK})`);
    const rule = await ruleInForce(tx, sitePipelineDistanceRule, ctx.region);
    const pairs = await candidates(tx, rule.value);
    const links = measured(rule.value, pairs);
    const keep = links.map((l) => `${l.projectId}|${l.pipelineId}`);
    await tx.delete(SL).where(sql`(${SL.projectId}::text || '|' || ${SL.pipelineId}::text) <> all(${sql.param(keep)}::text[])`);
    await writeLinks(tx, links);
    return {
      projects: new Set(links.map((l) => l.projectId)).size,
      pipelines: new Set(links.map((l) => l.pipelineId)).size,
      links: links.length,
      distanceM: rule.value.distanceM,
      ruleVersion: rule.version,
    };
  });
}
