import { and, eq, sql } from "drizzle-orm";
import { shanghaiDay } from "@contracts/platform/time";
import { HEADLINE_LABELS, REPORT_KIND_LABELS, type CreateReportInput, type CreatedReportDto, type ReportKind } from "@contracts/reports/reports";
import { requirePermission } from "../../platform/auth/actor.js";
import { recordAudit } from "../../platform/audit/audit.js";
import type { ServiceContext } from "../../platform/context.js";
import { invalidField } from "../../platform/errors.js";
import { notify } from "../cases/index.js";
import { gatherReport } from "./report-figures.queries.js";
import { periodBefore, periodLabel, type Period } from "./report-period.calc.js";
import { reportsReports as R, reportsSubscriptions as S } from "./schema.js";

export const REPORT_GENERATED = "reports.report.generated";

/** 永康市建设工程监管周报 — the city from config (CITY_NAME, or the name of CITY_REGION). */
export const reportTitle = (city: string, kind: ReportKind) => `${city}建设工程监管${REPORT_KIND_LABELS[kind].zh}`;

/**
 * Files the briefing of `kind` for `period` unless it exists: gathers the figures from the owning modules'
 * lists (city-wide), then in one transaction inserts it — the unique (kind, period) index lets only one of
 * two racing processes win, the other answers the winner's id — audits it and puts it in the inbox of every
 * active subscriber of the kind. Returns whether this call created it.
 */
export async function fileReport(ctx: ServiceContext, kind: ReportKind, period: Period, trigger: "schedule" | "demand", city: string): Promise<CreatedReportDto> {
  const existing = await reportIdOf(ctx, kind, period);
  if (existing) return { id: existing, created: false };
  const content = await gatherReport(ctx, { kind, period, city });
  const title = reportTitle(city, kind);
  const created = await ctx.db.transaction(async (tx) => {
    const [row] = await tx
      .insert(R)
      .values({ kind, periodFrom: period.from, periodTo: period.to, title, trigger, headline: content.headline, content, createdBy: ctx.actor.userId, createdByName: ctx.actor.displayName })
      .onConflictDoNothing()
      .returning({ id: R.id });
    if (!row) return null;
    await recordAudit(tx, ctx, { action: "reports.report.generated", entity: "report", entityId: row.id, after: { kind, ...period, trigger, headline: content.headline } });
    const subscribers = await tx.select({ userId: S.userId }).from(S).where(and(eq(S.kind, kind), eq(S.active, true)));
    if (subscribers.length > 0) {
      const figures = content.headline.map((h) => `${HEADLINE_LABELS[h.key].zh} ${h.value}`).join("，");
      await notify(tx, ctx, { userIds: subscribers.map((s) => s.userId) }, {
        kind: "reports.generated",
        title: `${title}（${periodLabel(kind, period)}）`,
        body: `${figures}。`,
        link: `/reports?id=${row.id}`,
      });
    }
    return row.id;
  });
  if (!created) return { id: (await reportIdOf(ctx, kind, period))!, created: false };
  ctx.events.publish(REPORT_GENERATED, { reportId: created, kind, ...period });
  return { id: created, created: true };
}

async function reportIdOf(ctx: ServiceContext, kind: ReportKind, p: Period): Promise<string | undefined> {
  const [row] = await ctx.db
    .select({ id: R.id })
    .from(R)
    .where(and(eq(R.kind, kind), eq(R.periodFrom, p.from), eq(R.periodTo, p.to)));
  return row?.id;
}

/**
 * 立即生成: the bureau asks for a briefing now — of the last complete period of the kind, or of the days it
 * names. A period not yet over is refused (the archive keeps one briefing per period, so it must be final).
 * @throws AppError FORBIDDEN without `reports.generate`; VALIDATION on `to` when the period has not ended.
 */
export async function generateReport(ctx: ServiceContext, input: CreateReportInput, city: string): Promise<CreatedReportDto> {
  requirePermission(ctx.actor, "reports.generate");
  const today = shanghaiDay(ctx.clock.now());
  const period = input.from && input.to ? { from: input.from, to: input.to } : periodBefore(input.kind, today);
  if (period.to >= today) throw invalidField("to", "期间尚未结束，只能生成已结束期间的简报 (the period has not ended yet)");
  return fileReport(ctx, input.kind, period, "demand", city);
}

/** Subscriptions of the caller: a row per kind, switched on or off. */
export async function updateSubscriptions(ctx: ServiceContext, input: Partial<Record<ReportKind, boolean>>): Promise<void> {
  requirePermission(ctx.actor, "reports.read");
  const userId = ctx.actor.userId;
  if (!userId) throw invalidField("userId", "a user is required");
  const changes = Object.entries(input).filter((e): e is [ReportKind, boolean] => typeof e[1] === "boolean");
  if (changes.length === 0) return;
  await ctx.db.transaction(async (tx) => {
    await tx
      .insert(S)
      .values(changes.map(([kind, active]) => ({ userId, kind, active })))
      .onConflictDoUpdate({ target: [S.userId, S.kind], set: { active: sql`excluded.active`, updatedAt: sql`now()` } });
    await recordAudit(tx, ctx, { action: "reports.subscriptions.updated", entity: "user", entityId: userId, after: Object.fromEntries(changes) });
  });
}
