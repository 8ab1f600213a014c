import { asc, desc, eq, ilike, or, sql, type SQL } from "drizzle-orm";
import type { PressureClass } from "@contracts/gas/pipeline";
import type { ListSiteLinksQuery, SiteLinkDto } from "@contracts/gas/site-link";
import { isCityWide } from "../../../platform/auth/actor.js";
import type { Actor } from "../../../platform/context.js";
import type { Executor } from "../../../platform/db/client.js";
import { andAll, likePattern, offsetOf, toPage, totalOver, type Page } from "../../../platform/db/pagination.js";
import { assertProjectVisible, enterprisesView, projectScope, projectsView } from "../../registry/index.js";
import { openExcavationsView } from "../../safety/index.js";
import { gasPipelines as L, gasSiteLinks as SL } from "./schema.js";

const E = enterprisesView();
const P = projectsView();

/**
 * The linkage list (工地—管线联动): each linked site with its main, distance and whether it has excavation
 * 危大 works still to dig and their gas clearance. Seen by the bureau, the main's owner (its lines), and a
 * project's parties (their projects).
 */

/** Bureau: all; gas company: links of its lines (and of projects it takes part in); project parties: their projects. */
export function siteLinkScope(actor: Actor): SQL | undefined {
  if (isCityWide(actor)) return undefined;
  const ownLines = actor.role === "gas_company" && actor.enterpriseId ? eq(L.enterpriseId, actor.enterpriseId) : undefined;
  const projects = projectScope(actor, SL.projectId);
  return ownLines ? or(ownLines, projects) : projects;
}

/** The project's excavation works still to dig (safety's), or only those without the gas company's clearance. */
const excavations = (uncleared: boolean) =>
  sql<number>`(select count(*) from ${openExcavationsView("w")} where w.project_id = ${SL.projectId}${uncleared ? sql` and not w.cleared` : sql``})`.mapWith(Number);

function selectLinks(db: Executor) {
  return db
    .select({
      sl: SL,
      projectCode: P.code,
      projectName: P.name,
      projectStatus: P.status,
      // Linked projects always have a location (the link is computed from it).
      projectLng: sql<number>`${P.lng}`.mapWith(Number),
      projectLat: sql<number>`${P.lat}`.mapWith(Number),
      pipelineCode: L.code,
      pipelineName: L.name,
      pressureClass: L.pressureClass,
      enterpriseId: L.enterpriseId,
      enterpriseName: E.name,
      excavations: excavations(false),
      excavationsUncleared: excavations(true),
      total: totalOver,
    })
    .from(SL)
    .innerJoin(P, eq(P.id, SL.projectId))
    .innerJoin(L, eq(L.id, SL.pipelineId))
    .innerJoin(E, eq(E.id, L.enterpriseId));
}

type Row = Awaited<ReturnType<typeof selectLinks>>[number];

const toDto = (r: Row): SiteLinkDto => ({
  projectId: r.sl.projectId,
  projectCode: r.projectCode,
  projectName: r.projectName,
  projectStatus: r.projectStatus,
  projectLng: r.projectLng,
  projectLat: r.projectLat,
  pipelineId: r.sl.pipelineId,
  pipelineCode: r.pipelineCode,
  pipelineName: r.pipelineName,
  pressureClass: r.pressureClass as PressureClass,
  enterpriseId: r.enterpriseId,
  enterpriseName: r.enterpriseName,
  distanceM: Math.round(r.sl.distanceM * 10) / 10,
  excavations: r.excavations,
  excavationsUncleared: r.excavationsUncleared,
  computedAt: r.sl.computedAt.toISOString(),
});

const SORTS = { distanceM: SL.distanceM, projectName: P.name, pipelineCode: L.code, computedAt: SL.computedAt } as const;

/** Rows per export. */
export const SITE_LINK_EXPORT_LIMIT = 50_000;

type Filters = Omit<ListSiteLinksQuery, "page" | "pageSize">;

/** A project party asking for a project outside its scope gets 404, like every other project read. */
async function assertProjectAsked(db: Executor, actor: Actor, q: Filters): Promise<void> {
  if (q.projectId && !isCityWide(actor) && actor.role !== "gas_company") await assertProjectVisible(db, actor, q.projectId);
}

function filtered(db: Executor, actor: Actor, q: Filters) {
  const text = q.q?.trim();
  const sort = q.sort ?? "distanceM";
  const isDesc = sort.startsWith("-");
  const column = SORTS[(isDesc ? sort.slice(1) : sort) as keyof typeof SORTS] ?? SL.distanceM;
  return selectLinks(db)
    .where(
      andAll([
        siteLinkScope(actor),
        text ? or(ilike(P.name, likePattern(text)), ilike(P.code, likePattern(text)), ilike(L.code, likePattern(text)), ilike(L.name, likePattern(text))) : undefined,
        q.projectId ? eq(SL.projectId, q.projectId) : undefined,
        q.pipelineId ? eq(SL.pipelineId, q.pipelineId) : undefined,
        q.enterpriseId ? eq(L.enterpriseId, q.enterpriseId) : undefined,
        q.pressureClass?.length ? sql`${L.pressureClass} = any(${sql.param(q.pressureClass)}::text[])` : undefined,
        q.uncleared === "true" ? sql`${excavations(true)} > 0` : q.uncleared === "false" ? sql`${excavations(true)} = 0` : undefined,
      ]),
    )
    .orderBy(isDesc ? desc(column) : asc(column), asc(SL.projectId), asc(SL.pipelineId));
}

export async function listSiteLinks(db: Executor, actor: Actor, q: ListSiteLinksQuery): Promise<Page<SiteLinkDto>> {
  await assertProjectAsked(db, actor, q);
  const rows = await filtered(db, actor, q).limit(q.pageSize).offset(offsetOf(q));
  return toPage(rows, q, toDto);
}

export async function siteLinksForExport(db: Executor, actor: Actor, q: Filters): Promise<SiteLinkDto[]> {
  await assertProjectAsked(db, actor, q);
  return (await filtered(db, actor, q).limit(SITE_LINK_EXPORT_LIMIT)).map(toDto);
}
