import { sql } from "drizzle-orm";
import type { HeadcountDto } from "@contracts/workforce/attendance";
import type { ServiceContext } from "../../platform/context.js";
import { rowsOf } from "../../platform/db/client.js";
import { shanghaiDay } from "@contracts/platform/time";

interface Group {
  gTeam: number;
  gTrade: number;
  teamId: string | null;
  teamName: string | null;
  trade: string | null;
  onSite: number;
  present: number;
}

/**
 * Live headcount (在场人数) of a project: people whose last passage today (Asia/Shanghai) was "in", by
 * team and trade, and everyone who passed the gate today. Today's attendance rows already hold each
 * person's last direction, so this is one statement over the (day, project) index; a forgotten "out"
 * ends at midnight because tomorrow has no row yet. Key-post holders who are not enrolled workers count
 * under the trade `manager` (管理人员) and no team. The caller checks the project's visibility.
 */
export async function projectHeadcount(ctx: ServiceContext, projectId: string): Promise<HeadcountDto> {
  const now = ctx.clock.now();
  const result = await ctx.db.execute(sql`
    with today as (
      select a.last_direction = 'in' as here, w.team_id, t.name as team_name, coalesce(w.trade, 'manager') as trade
      from workforce_attendance_days a
      left join workforce_workers w on w.id = a.worker_id
      left join workforce_teams t on t.id = w.team_id
      where a.day = ${shanghaiDay(now)}::date and a.project_id = ${projectId}
    )
    select grouping(team_id)::int as "gTeam", grouping(trade)::int as "gTrade", team_id as "teamId", team_name as "teamName", trade,
      (count(*) filter (where here))::int as "onSite", count(*)::int as present
    from today
    group by grouping sets ((), (team_id, team_name), (trade))`);
  const groups = rowsOf<Group>(result);
  const total = groups.find((g) => g.gTeam === 1 && g.gTrade === 1);
  const byOnSite = (a: { onSite: number }, b: { onSite: number }) => b.onSite - a.onSite;
  return {
    onSite: total?.onSite ?? 0,
    presentToday: total?.present ?? 0,
    byTeam: groups
      .filter((g) => g.gTeam === 0)
      .map((g) => ({ teamId: g.teamId, teamName: g.teamName, onSite: g.onSite }))
      .sort((a, b) => byOnSite(a, b) || (a.teamName ?? "").localeCompare(b.teamName ?? "", "zh-CN")),
    byTrade: groups
      .filter((g) => g.gTrade === 0)
      .map((g) => ({ trade: g.trade ?? "manager", onSite: g.onSite }))
      .sort((a, b) => byOnSite(a, b) || a.trade.localeCompare(b.trade)),
    asOf: now.toISOString(),
  };
}
