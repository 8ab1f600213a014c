import { and, asc, eq, ilike, or, sql, type SQL } from "drizzle-orm";
import {
  MAX_HOURS_PER_DAY,
  type AttendanceDayDto,
  type DailyAttendanceQuery,
  type MonthlyAttendanceDto,
  type MonthlyAttendanceQuery,
  type MonthlyAttendanceRowDto,
} from "@contracts/workforce/attendance";
import type { ServiceContext } from "../../platform/context.js";
import { type Executor, rowsOf } from "../../platform/db/client.js";
import { likePattern, offsetOf, toPage, totalOver, type Page } from "../../platform/db/pagination.js";
import { personsView } from "../registry/index.js";
import { shanghaiDay, shanghaiMonth } from "@contracts/platform/time";
import { workforceAttendanceDays as A, workforceTeams, workforceWorkers } from "./schema.js";

const PE = personsView();

/** Hours of an attendance day row: last out − first in, capped; null without both or when the out came first. */
const hoursOf = (firstIn: SQL | typeof A.firstIn, lastOut: SQL | typeof A.lastOut) =>
  sql<number | null>`case when ${lastOut} > ${firstIn} then round(least(extract(epoch from ${lastOut} - ${firstIn}) / 3600.0, ${MAX_HOURS_PER_DAY})::numeric, 2)::float8 end`;

/** An attendance day row as the daily list and the city-wide list both select it (joined to the person, worker and team). */
export const attendanceDayColumns = {
  personId: A.personId,
  workerId: A.workerId,
  name: PE.name,
  day: A.day,
  firstIn: A.firstIn,
  lastOut: A.lastOut,
  hours: hoursOf(A.firstIn, A.lastOut),
  passages: A.passages,
  lastDirection: A.lastDirection,
  workerNo: workforceWorkers.workerNo,
  teamName: workforceTeams.name,
  trade: workforceWorkers.trade,
};

/** What those columns read, the worker and team left-joined (a key-post holder with no enrolled worker has neither). */
interface AttendanceDayRow {
  personId: string;
  workerId: string | null;
  name: string;
  day: string;
  firstIn: Date | null;
  lastOut: Date | null;
  hours: number | null;
  passages: number;
  lastDirection: string | null;
  workerNo: string | null;
  teamName: string | null;
  trade: string | null;
}

export const attendanceDayDto = (r: AttendanceDayRow): AttendanceDayDto => ({
  personId: r.personId,
  workerId: r.workerId,
  name: r.name,
  day: r.day,
  firstIn: r.firstIn?.toISOString() ?? null,
  lastOut: r.lastOut?.toISOString() ?? null,
  hours: r.hours === null ? null : Number(r.hours),
  passages: r.passages,
  lastDirection: r.lastDirection === "out" ? "out" : "in",
  workerNo: r.workerNo,
  teamName: r.teamName,
  trade: r.trade,
});

/** Daily attendance (日考勤) of a project: everyone who passed a gate that day, first in, last out, hours. */
export async function dailyAttendance(ctx: ServiceContext, projectId: string, q: DailyAttendanceQuery): Promise<Page<AttendanceDayDto>> {
  const day = q.day ?? shanghaiDay(ctx.clock.now());
  const search = q.q ? or(ilike(PE.name, likePattern(q.q)), ilike(workforceWorkers.workerNo, likePattern(q.q))) : undefined;
  const rows = await ctx.db
    .select({ ...attendanceDayColumns, total: totalOver })
    .from(A)
    .innerJoin(PE, eq(PE.id, A.personId))
    .leftJoin(workforceWorkers, eq(workforceWorkers.id, A.workerId))
    .leftJoin(workforceTeams, eq(workforceTeams.id, workforceWorkers.teamId))
    .where(and(eq(A.projectId, projectId), eq(A.day, day), search))
    .orderBy(sql`${A.firstIn} asc nulls last`, asc(PE.name), asc(A.personId))
    .limit(q.pageSize)
    .offset(offsetOf(q));
  return toPage(rows, q, attendanceDayDto);
}

/** First and last day and the number of days of a YYYY-MM month. */
export function monthBounds(month: string): { start: string; end: string; days: number } {
  const [y, m] = month.split("-").map(Number);
  const days = new Date(Date.UTC(y, m, 0)).getUTCDate();
  return { start: `${month}-01`, end: `${month}-${String(days).padStart(2, "0")}`, days };
}


export interface MonthlyRow extends MonthlyAttendanceRowDto {
  /** Per day of the month present: [day of month, hours or null]. Only when asked for (the sheet). */
  days?: [number, number | null][];
  total?: number;
}

/**
 * Everyone of a project's month: whoever passed its gates (workers and key-post holders), plus the
 * workers admitted during the month who never did (their zero rows belong on the 考勤表). One statement;
 * `withDays` adds each person's days for the sheet.
 */
export async function monthlyRows(
  db: Executor,
  projectId: string,
  month: string,
  opts: { withDays?: boolean; q?: string; limit?: number; offset?: number } = {},
): Promise<MonthlyRow[]> {
  const { start, end } = monthBounds(month);
  // Two parallel arrays (day of month, hours) parse natively on both drivers, cheaper than JSON.
  const days = opts.withDays
    ? sql`array_agg(extract(day from d.day)::int order by d.day) filter (where d.present) as day_numbers,
        array_agg(d.hours order by d.day) filter (where d.present) as day_hours`
    : sql`null::int[] as day_numbers, null::float8[] as day_hours`;
  const search = opts.q ? sql`and (p.name ilike ${likePattern(opts.q)} or w.worker_no ilike ${likePattern(opts.q)})` : sql``;
  const paging = opts.limit === undefined ? sql`` : sql`limit ${opts.limit} offset ${opts.offset ?? 0}`;
  const result = await db.execute(sql`
    with d as (
      select a.person_id, a.worker_id, a.day, a.first_in is not null as present, ${hoursOf(sql`a.first_in`, sql`a.last_out`)} as hours
      from workforce_attendance_days a
      where a.project_id = ${projectId} and a.day between ${start}::date and ${end}::date
    ), att as (
      select d.person_id, (array_agg(d.worker_id) filter (where d.worker_id is not null))[1] as worker_id,
        (count(*) filter (where d.present))::int as days_present, coalesce(sum(d.hours), 0)::float8 as hours, ${days}
      from d group by d.person_id
    ), enrolled as (
      select distinct on (w.person_id) w.person_id, w.id
      from workforce_workers w
      where w.project_id = ${projectId} and w.status <> 'registered'
        and (w.entered_on is null or w.entered_on <= ${end}::date) and (w.exited_on is null or w.exited_on >= ${start}::date)
      order by w.person_id, (w.status <> 'exited') desc, w.created_at desc
    ), people as (
      select coalesce(att.person_id, e.person_id) as person_id, coalesce(att.worker_id, e.id) as worker_id,
        coalesce(att.days_present, 0) as days_present, coalesce(att.hours, 0) as hours, att.day_numbers, att.day_hours
      from att full join enrolled e on e.person_id = att.person_id
    )
    select x.person_id as "personId", x.worker_id as "workerId", w.worker_no as "workerNo", p.name, t.name as "teamName",
      coalesce(w.trade, case when w.id is null then 'manager' end) as trade, x.days_present as "daysPresent",
      round(x.hours::numeric, 1)::float8 as hours, x.day_numbers as "dayNumbers", x.day_hours as "dayHours", (count(*) over ())::int as total
    from people x
    join ${personsView("p")} on p.id = x.person_id
    left join workforce_workers w on w.id = x.worker_id
    left join workforce_teams t on t.id = w.team_id
    where true ${search}
    order by w.worker_no asc nulls last, p.name, x.person_id
    ${paging}`);
  type Raw = Omit<MonthlyRow, "days"> & { dayNumbers: number[] | null; dayHours: (number | null)[] | null };
  return rowsOf<Raw>(result).map(({ dayNumbers, dayHours, ...r }) => ({
    ...r,
    hours: Number(r.hours),
    days: (dayNumbers ?? []).map((n, i): [number, number | null] => [Number(n), dayHours?.[i] ?? null]),
  }));
}

/** `GET /projects/{id}/attendance/monthly`: days present and hours per person, paged. */
export async function monthlyAttendance(ctx: ServiceContext, projectId: string, q: MonthlyAttendanceQuery): Promise<MonthlyAttendanceDto> {
  const month = q.month ?? shanghaiMonth(ctx.clock.now());
  const rows = await monthlyRows(ctx.db, projectId, month, { q: q.q, limit: q.pageSize, offset: offsetOf(q) });
  const items = rows.map(({ days: _days, total: _total, ...r }) => r);
  return { items, total: rows[0]?.total ?? 0, page: q.page, pageSize: q.pageSize, month, daysInMonth: monthBounds(month).days };
}
