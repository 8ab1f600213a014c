import { asc, eq, ilike, or, sql, type SQL } from "drizzle-orm";
import type { CityAttendanceQuery, CityAttendanceRowDto, OnSiteBreakdownDto } from "@contracts/workforce/attendance";
import { requirePermission } from "../../platform/auth/actor.js";
import type { Actor, ServiceContext } from "../../platform/context.js";
import { rowsOf } from "../../platform/db/client.js";
import { andAll, likePattern, offsetOf, toPage, totalOver, type Page } from "../../platform/db/pagination.js";
import { shanghaiDay } from "@contracts/platform/time";
import { personsView, projectScope, projectsView } from "../registry/index.js";
import { attendanceDayColumns, attendanceDayDto } from "./attendance.queries.js";
import { workforceAttendanceDays as A, workforceTeams, workforceWorkers as W } from "./schema.js";

const PE = personsView();
const P = projectsView();

/**
 * Today's attendance rows across the projects in scope (the city-wide 在场 list). Filters on the project's
 * district and the worker's trade join those tables; the scope and the day read the (day, project) index.
 */
function cityFilters(actor: Actor, q: Partial<CityAttendanceQuery>, day: string): SQL | undefined {
  const pattern = q.q ? likePattern(q.q) : undefined;
  return andAll([
    eq(A.day, day),
    projectScope(actor, A.projectId),
    q.onSite === "true" ? eq(A.lastDirection, "in") : q.onSite === "false" ? sql`${A.lastDirection} <> 'in'` : undefined,
    q.projectId ? eq(A.projectId, q.projectId) : undefined,
    q.district ? eq(P.district, q.district) : undefined,
    q.trade ? (q.trade === "manager" ? sql`${W.trade} is null` : eq(W.trade, q.trade)) : undefined,
    pattern ? or(ilike(PE.name, pattern), ilike(W.workerNo, pattern), ilike(P.name, pattern)) : undefined,
  ]);
}

export async function cityAttendanceToday(ctx: ServiceContext, q: CityAttendanceQuery): Promise<Page<CityAttendanceRowDto>> {
  const { db, actor } = ctx;
  requirePermission(actor, "workforce.read");
  const rows = await db
    .select({
      ...attendanceDayColumns,
      projectId: A.projectId,
      projectName: P.name,
      district: P.district,
      total: totalOver,
    })
    .from(A)
    .innerJoin(PE, eq(PE.id, A.personId))
    .innerJoin(P, eq(P.id, A.projectId))
    .leftJoin(W, eq(W.id, A.workerId))
    .leftJoin(workforceTeams, eq(workforceTeams.id, W.teamId))
    .where(cityFilters(actor, q, shanghaiDay(ctx.clock.now())))
    .orderBy(asc(P.name), sql`${A.firstIn} asc nulls last`, asc(A.personId))
    .limit(q.pageSize)
    .offset(offsetOf(q));
  return toPage(rows, q, (r) => ({
    ...attendanceDayDto(r),
    projectId: r.projectId,
    projectName: r.projectName,
    district: r.district,
  }));
}

/**
 * People on site now and at the gate today in scope, in one statement over today's rows: the totals and the
 * breakdowns by district, trade (key-post holders who are no enrolled worker count as `manager`) and project.
 */
export async function onSiteBreakdown(ctx: ServiceContext): Promise<OnSiteBreakdownDto> {
  const { db, actor } = ctx;
  requirePermission(actor, "workforce.read");
  const now = ctx.clock.now();
  const result = await db.execute(sql`
    with today as (
      select ${A.lastDirection} = 'in' as here, ${A.projectId} as project_id, coalesce(${W.trade}, 'manager') as trade
      from ${A} left join ${W} on ${W.id} = ${A.workerId}
      where ${andAll([eq(A.day, shanghaiDay(now)), projectScope(actor, A.projectId)])}
    ), counted as (
      select grouping(t.project_id)::int as g_project, grouping(t.trade)::int as g_trade, t.project_id, t.trade,
        (count(*) filter (where here))::int as on_site, count(*)::int as present
      from today t group by grouping sets ((), (t.project_id), (t.trade))
    )
    select c.*, p.name as project_name, p.district from counted c left join ${P} on ${P.id} = c.project_id`);
  const rows = rowsOf<{ g_project: number; g_trade: number; project_id: string | null; trade: string | null; on_site: number; present: number; project_name: string | null; district: string | null }>(result);
  const total = rows.find((r) => r.g_project === 1 && r.g_trade === 1);
  const projects = rows.filter((r) => r.g_project === 0 && r.project_id);
  const districts = new Map<string, number>();
  for (const r of projects) districts.set(r.district ?? "", (districts.get(r.district ?? "") ?? 0) + r.on_site);
  const byOnSite = (a: { onSite: number }, b: { onSite: number }) => b.onSite - a.onSite;
  return {
    onSite: total?.on_site ?? 0,
    presentToday: total?.present ?? 0,
    byDistrict: [...districts].map(([district, onSite]) => ({ district, onSite })).sort((a, b) => byOnSite(a, b) || a.district.localeCompare(b.district, "zh-CN")),
    byTrade: rows
      .filter((r) => r.g_trade === 0)
      .map((r) => ({ trade: r.trade ?? "manager", onSite: r.on_site }))
      .sort((a, b) => byOnSite(a, b) || a.trade.localeCompare(b.trade)),
    byProject: projects
      .map((r) => ({ projectId: r.project_id as string, projectName: r.project_name ?? "", district: r.district ?? "", onSite: r.on_site }))
      .sort((a, b) => byOnSite(a, b) || a.projectName.localeCompare(b.projectName, "zh-CN"))
      .slice(0, 50),
    asOf: now.toISOString(),
  };
}
