import { desc, eq, gte, ilike, inArray, lte } from "drizzle-orm";
import type { ListReportsQuery, ReportContent, ReportDto, ReportKind, ReportSubscriptionsDto } from "@contracts/reports/reports";
import { REPORT_KINDS } from "@contracts/reports/reports";
import { requirePermission } from "../../platform/auth/actor.js";
import type { Actor } from "../../platform/context.js";
import type { Executor } from "../../platform/db/client.js";
import { andAll, likePattern, offsetOf, toPage, totalOver, type Page } from "../../platform/db/pagination.js";
import { notFound } from "../../platform/errors.js";
import { reportsReports as R, reportsSubscriptions as S } from "./schema.js";

/**
 * The archive of briefings. They are the city's (the bureau's documents): whoever holds `reports.read` (the
 * bureau roles) sees every one; any other role is refused outright rather than shown an empty archive.
 */

const columns = { id: R.id, kind: R.kind, title: R.title, periodFrom: R.periodFrom, periodTo: R.periodTo, trigger: R.trigger, createdByName: R.createdByName, createdAt: R.createdAt, headline: R.headline };
type Row = { [K in keyof typeof columns]: (typeof columns)[K]["_"]["data"] };

const toDto = (r: Row): ReportDto => ({
  id: r.id,
  kind: r.kind as ReportKind,
  title: r.title,
  from: r.periodFrom,
  to: r.periodTo,
  trigger: r.trigger as ReportDto["trigger"],
  createdBy: r.createdByName,
  createdAt: r.createdAt.toISOString(),
  headline: r.headline,
});

export async function listReports(db: Executor, actor: Actor, q: ListReportsQuery): Promise<Page<ReportDto>> {
  requirePermission(actor, "reports.read");
  const where = andAll([
    q.kind?.length ? inArray(R.kind, q.kind) : undefined,
    q.from ? gte(R.periodTo, q.from) : undefined,
    q.to ? lte(R.periodFrom, q.to) : undefined,
    q.q ? ilike(R.title, likePattern(q.q)) : undefined,
  ]);
  const rows = await db
    .select({ ...columns, total: totalOver })
    .from(R)
    .where(where)
    .orderBy(desc(R.periodTo), desc(R.createdAt))
    .limit(q.pageSize)
    .offset(offsetOf(q));
  return toPage(rows, q, ({ total: _t, ...r }) => toDto(r));
}

export async function getReport(db: Executor, actor: Actor, id: string): Promise<ReportDto & { content: ReportContent }> {
  requirePermission(actor, "reports.read");
  const [row] = await db
    .select({ ...columns, content: R.content })
    .from(R)
    .where(eq(R.id, id));
  if (!row) throw notFound("report", id);
  const { content, ...rest } = row;
  return { ...toDto(rest), content };
}

export async function subscriptionsOf(db: Executor, actor: Actor): Promise<ReportSubscriptionsDto> {
  requirePermission(actor, "reports.read");
  const rows = actor.userId ? await db.select({ kind: S.kind, active: S.active }).from(S).where(eq(S.userId, actor.userId)) : [];
  const on = new Set(rows.filter((r) => r.active).map((r) => r.kind));
  return Object.fromEntries(REPORT_KINDS.map((k) => [k, on.has(k)])) as ReportSubscriptionsDto;
}
