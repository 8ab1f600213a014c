import { and, asc, desc, eq, ilike, or, sql, type SQL } from "drizzle-orm";
import { monthBounds, shanghaiDay } from "@contracts/workforce/presence";
import {
  maskAccountNo,
  type ArrearsPageDto,
  type ArrearsQuery,
  type ArrearsRowDto,
  type ListPayrollsQuery,
  type PayrollDto,
  type PayrollStatus,
  type WageAccountDto,
  type WageChecksDto,
} from "@contracts/workforce/wages";
import { requirePermission } from "../../platform/auth/actor.js";
import type { Actor, ServiceContext } from "../../platform/context.js";
import { type Executor, rowsOf } from "../../platform/db/client.js";
import { andAll, likePattern, offsetOf, toPage, totalOver, type Page } from "../../platform/db/pagination.js";
import { notFound } from "../../platform/errors.js";
import { assertProjectVisible, personsView, projectScope, projectsView } from "../registry/index.js";
import { workforcePayrolls as PR, workforceTeams as T, workforceWageAccounts as A, workforceWorkers as W } from "./schema.js";
import { accountWarnings, isPastDeadline, latestOwedMonth, payDeadline, round2, wageFindings, wageTotals, type WageLine } from "./wage.checks.js";

const PE = personsView();
const P = projectsView();

/** Read side of wages (工资支付): the special account, payroll lines, the monthly checks and the city arrears view. */

/** Export cap: a project's payroll over its whole life stays far below this. */
export const PAYROLL_EXPORT_LIMIT = 50_000;

export type WageAccountRow = typeof A.$inferSelect;

export function wageAccountDto(row: WageAccountRow, projectName: string, full: boolean): WageAccountDto {
  return {
    projectId: row.projectId,
    bankName: row.bankName,
    accountName: row.accountName,
    accountNo: full ? row.accountNo : maskAccountNo(row.accountNo),
    accountNoMasked: !full,
    openedOn: row.openedOn,
    warnings: accountWarnings(row.accountName, projectName),
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}

/** The project's name and its account (null when none is registered); NOT_FOUND out of scope. */
export async function readWageAccount(db: Executor, actor: Actor, projectId: string): Promise<{ projectName: string; account: WageAccountRow | null }> {
  const [row] = await db
    .select({ projectName: P.name, account: A })
    .from(P)
    .leftJoin(A, eq(A.projectId, P.id))
    .where(and(eq(P.id, projectId), projectScope(actor, P.id)));
  if (!row) throw notFound("project", projectId);
  return { projectName: row.projectName, account: row.account };
}

/** Attendance days of the payroll line's person on its project in its month. */
const attendanceDays = sql<number>`(select count(*) from workforce_attendance_days d
  where d.project_id = ${PR.projectId} and d.person_id = ${W.personId}
  and d.day between (${PR.month} || '-01')::date and ((${PR.month} || '-01')::date + interval '1 month' - interval '1 day')::date)`.mapWith(Number);

function selectPayrolls(db: Executor) {
  return db
    .select({
      id: PR.id,
      projectId: PR.projectId,
      workerId: PR.workerId,
      workerNo: W.workerNo,
      name: PE.name,
      trade: W.trade,
      teamName: T.name,
      month: PR.month,
      days: PR.days,
      attendanceDays,
      gross: PR.gross,
      net: PR.net,
      paidOn: PR.paidOn,
      bankRef: PR.bankRef,
      status: PR.status,
      createdAt: PR.createdAt,
      updatedAt: PR.updatedAt,
      total: totalOver,
    })
    .from(PR)
    .innerJoin(W, eq(W.id, PR.workerId))
    .innerJoin(PE, eq(PE.id, W.personId))
    .leftJoin(T, eq(T.id, W.teamId));
}

type PayrollRow = Awaited<ReturnType<ReturnType<typeof selectPayrolls>["execute"]>>[number];

export function payrollDto(r: PayrollRow, today: string): PayrollDto {
  const status = r.status as PayrollStatus;
  return {
    id: r.id,
    projectId: r.projectId,
    workerId: r.workerId,
    workerNo: r.workerNo,
    name: r.name,
    trade: r.trade,
    teamName: r.teamName,
    month: r.month,
    days: r.days,
    attendanceDays: r.attendanceDays,
    gross: round2(Number(r.gross)),
    net: round2(Number(r.net)),
    paidOn: r.paidOn,
    bankRef: r.bankRef,
    status,
    deadline: payDeadline(r.month),
    overdue: status !== "paid" && isPastDeadline(r.month, today),
    createdAt: r.createdAt.toISOString(),
    updatedAt: r.updatedAt.toISOString(),
  };
}

function payrollFilters(projectId: string, q: Omit<ListPayrollsQuery, "page" | "pageSize">): SQL | undefined {
  const text = q.q?.trim();
  return andAll([
    eq(PR.projectId, projectId),
    q.month ? eq(PR.month, q.month) : undefined,
    q.status ? eq(PR.status, q.status) : undefined,
    text ? or(ilike(PE.name, likePattern(text)), eq(W.workerNo, text)) : undefined,
  ]);
}

/** A project's payroll lines, newest month first. */
export async function listPayrolls(ctx: ServiceContext, projectId: string, q: ListPayrollsQuery): Promise<Page<PayrollDto>> {
  const { db, actor } = ctx;
  requirePermission(actor, "workforce.read");
  const today = shanghaiDay(ctx.clock.now());
  await assertProjectVisible(db, actor, projectId);
  const rows = await selectPayrolls(db)
    .where(payrollFilters(projectId, q))
    .orderBy(desc(PR.month), asc(W.workerNo))
    .limit(q.pageSize)
    .offset(offsetOf(q));
  return toPage(rows, q, (r) => payrollDto(r, today));
}

/** Every line the list's filters select, for the export. */
export async function payrollsForExport(ctx: ServiceContext, projectId: string, q: Omit<ListPayrollsQuery, "page" | "pageSize">): Promise<PayrollDto[]> {
  const { db, actor } = ctx;
  requirePermission(actor, "workforce.read");
  const today = shanghaiDay(ctx.clock.now());
  await assertProjectVisible(db, actor, projectId);
  const rows = await selectPayrolls(db).where(payrollFilters(projectId, q)).orderBy(desc(PR.month), asc(W.workerNo)).limit(PAYROLL_EXPORT_LIMIT);
  return rows.map((r) => payrollDto(r, today));
}

/** One payroll line inside the actor's scope. */
export async function getPayroll(ctx: ServiceContext, id: string): Promise<PayrollDto> {
  const { db, actor } = ctx;
  requirePermission(actor, "workforce.read");
  const today = shanghaiDay(ctx.clock.now());
  const [row] = await selectPayrolls(db).where(and(eq(PR.id, id), projectScope(actor, PR.projectId)));
  if (!row) throw notFound("payroll", id);
  return payrollDto(row, today);
}


/**
 * The monthly wage checks of a project (wage.checks.ts decides): the project and its account, then
 * every worker with a payroll line or attendance in the month, in one statement.
 */
export async function projectWageChecks(ctx: ServiceContext, projectId: string, month: string | undefined): Promise<WageChecksDto> {
  const { db, actor } = ctx;
  requirePermission(actor, "workforce.read");
  const today = shanghaiDay(ctx.clock.now());
  const m = month ?? latestOwedMonth(today);
  const [project] = await db
    .select({ name: P.name, actualStart: P.actualStart, contractSignedOn: P.contractSignedOn, accountName: A.accountName, openedOn: A.openedOn })
    .from(P)
    .leftJoin(A, eq(A.projectId, P.id))
    .where(and(eq(P.id, projectId), projectScope(actor, P.id)));
  if (!project) throw notFound("project", projectId);
  const { from, to } = monthBounds(m);
  const result = await db.execute(sql`
    with att as (
      select d.person_id, (array_agg(d.worker_id))[1] as worker_id, count(*)::int as days
      from workforce_attendance_days d
      where d.project_id = ${projectId} and d.day between ${from}::date and ${to}::date and d.worker_id is not null
      group by d.person_id
    ), pay as (
      select pr.id, pr.worker_id, w.person_id, pr.days, pr.gross::float8 as gross, pr.net::float8 as net, pr.status, pr.paid_on::text as paid_on
      from workforce_payrolls pr join workforce_workers w on w.id = pr.worker_id
      where pr.project_id = ${projectId} and pr.month = ${m}
    )
    select coalesce(pay.worker_id, att.worker_id) as "workerId", w.worker_no as "workerNo", pe.name, pay.id as "payrollId", pay.days,
      coalesce(pay.gross, 0) as gross, coalesce(pay.net, 0) as net, pay.status, pay.paid_on as "paidOn", coalesce(att.days, 0) as "attendanceDays"
    from pay full join att on att.person_id = pay.person_id
    join workforce_workers w on w.id = coalesce(pay.worker_id, att.worker_id)
    join ${personsView("pe")} on pe.id = w.person_id
    order by w.worker_no`);
  const lines = rowsOf<WageLine>(result).map((l) => ({ ...l, gross: Number(l.gross), net: Number(l.net) }));
  const account = project.accountName && project.openedOn ? { accountName: project.accountName, openedOn: project.openedOn } : null;
  return {
    projectId,
    month: m,
    deadline: payDeadline(m),
    pastDeadline: isPastDeadline(m, today),
    totals: wageTotals(lines),
    findings: wageFindings({ month: m, today, project: { name: project.name, actualStart: project.actualStart, contractSignedOn: project.contractSignedOn }, account, lines }),
  };
}

/**
 * The city arrears view (欠薪): projects with payroll lines not paid for months up to `month` whose pay
 * day has passed, largest unpaid amount first, plus the workers with attendance in `month` (once its
 * pay day has passed) and no payroll line at all. `month` defaults to the latest month past its pay day.
 */
export async function listArrears(ctx: ServiceContext, q: ArrearsQuery): Promise<ArrearsPageDto> {
  const { db, actor } = ctx;
  requirePermission(actor, "workforce.read");
  const today = shanghaiDay(ctx.clock.now());
  const month = q.month ?? latestOwedMonth(today);
  const monthPast = isPastDeadline(month, today);
  const owedThrough = monthPast ? month : latestOwedMonth(today);
  const { from, to } = monthBounds(month);
  const scope = (column: SQL) => {
    const s = projectScope(actor, column);
    return s ? sql` and ${s}` : sql``;
  };
  const text = q.q?.trim();
  const search = text ? sql` and (p.name ilike ${likePattern(text)} or p.code ilike ${likePattern(text)})` : sql``;
  const result = await db.execute(sql`
    with unpaid as (
      select pr.project_id, count(distinct pr.worker_id)::int as workers, count(*)::int as payrolls,
        sum(pr.gross)::float8 as gross, sum(pr.net)::float8 as net, min(pr.month) as oldest
      from workforce_payrolls pr
      where pr.status <> 'paid' and pr.month <= ${owedThrough}${scope(sql`pr.project_id`)}
      group by pr.project_id
    ), unrecorded as (
      -- From the workers without a line for the month, probing each one's attendance (LIMIT 1 keeps it a
      -- probe on the unique index rather than a hash over the month's attendance).
      select w.project_id, count(*)::int as workers
      from workforce_workers w
      cross join lateral (select 1 from workforce_attendance_days d
        where d.project_id = w.project_id and d.person_id = w.person_id and d.day between ${from}::date and ${to}::date and d.worker_id is not null limit 1) a
      where ${monthPast}::boolean${scope(sql`w.project_id`)}
        and not exists (select 1 from workforce_payrolls pr where pr.worker_id = w.id and pr.month = ${month})
      group by w.project_id
    )
    select p.id as "projectId", p.code as "projectCode", p.name as "projectName", p.district,
      coalesce(u.workers, 0) as "unpaidWorkers", coalesce(u.payrolls, 0) as "unpaidPayrolls",
      coalesce(u.gross, 0) as "unpaidGross", coalesce(u.net, 0) as "unpaidNet", u.oldest as "oldestMonth",
      coalesce(x.workers, 0) as "unrecordedWorkers", count(*) over ()::int as total
    from ${projectsView("p")}
    left join unpaid u on u.project_id = p.id
    left join unrecorded x on x.project_id = p.id
    where (u.project_id is not null or x.project_id is not null)${search}
    order by coalesce(u.net, 0) desc, coalesce(x.workers, 0) desc, p.code
    limit ${q.pageSize} offset ${offsetOf(q)}`);
  const rows = rowsOf<ArrearsRowDto & { total: number }>(result);
  return {
    items: rows.map(({ total: _total, ...r }) => ({ ...r, unpaidGross: round2(Number(r.unpaidGross)), unpaidNet: round2(Number(r.unpaidNet)) })),
    total: rows[0]?.total ?? 0,
    page: q.page,
    pageSize: q.pageSize,
    month,
    monthPastDeadline: monthPast,
  };
}
