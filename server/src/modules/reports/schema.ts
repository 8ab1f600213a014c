import { boolean, date, index, jsonb, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import type { ReportContent, HeadlineFigure } from "@contracts/reports/reports";

const tz = () => timestamp({ withTimezone: true });

/**
 * An archived briefing (日报/周报/月报): its figures and tables frozen at generation, so the PDF and the xlsx
 * printed later say what the leader was sent. One per kind and period: the unique index is what keeps two API
 * processes running the 07:00 schedule from filing it twice.
 */
export const reportsReports = pgTable(
  "reports_reports",
  {
    id: uuid().primaryKey().defaultRandom(),
    kind: text().notNull(),
    periodFrom: date({ mode: "string" }).notNull(),
    periodTo: date({ mode: "string" }).notNull(),
    title: text().notNull(),
    trigger: text().notNull(),
    headline: jsonb().$type<HeadlineFigure[]>().notNull(),
    content: jsonb().$type<ReportContent>().notNull(),
    createdBy: uuid(),
    createdByName: text().notNull(),
    createdAt: tz().notNull().defaultNow(),
  },
  (t) => [uniqueIndex("reports_reports_period_uq").on(t.kind, t.periodFrom, t.periodTo), index("reports_reports_period_to_idx").on(t.periodTo)],
);

/** Who receives which kind in the inbox (a row per user and kind; absent = not subscribed). */
export const reportsSubscriptions = pgTable(
  "reports_subscriptions",
  {
    userId: uuid().notNull(),
    kind: text().notNull(),
    active: boolean().notNull().default(true),
    updatedAt: tz().notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.userId, t.kind] })],
);
