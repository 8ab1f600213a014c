import { z } from "zod";
import { IsoDate, PageQuery, csvEnum } from "../platform/common";
import type { Labels } from "../registry/enums";

/** 日报 / 周报 / 月报: a day, a Monday–Sunday week, a calendar month (Asia/Shanghai). */
export const REPORT_KINDS = ["daily", "weekly", "monthly"] as const;
export const ReportKind = z.enum(REPORT_KINDS);
export type ReportKind = z.infer<typeof ReportKind>;
export const REPORT_KIND_LABELS: Labels<ReportKind> = {
  daily: { zh: "日报", en: "Daily" },
  weekly: { zh: "周报", en: "Weekly" },
  monthly: { zh: "月报", en: "Monthly" },
};

/**
 * On demand: without `from`/`to` the last complete period of the kind (yesterday, last week, last month) — the
 * one the schedule generates; with them, that span of days (both inclusive). One briefing per kind and period:
 * asking again answers the archived one (200) instead of a new one (201).
 */
export const CreateReportInput = z
  .object({ kind: ReportKind, from: IsoDate.optional(), to: IsoDate.optional() })
  .refine((v) => (v.from === undefined) === (v.to === undefined), { message: "from 与 to 需同时给出 (give both from and to)", path: ["to"] })
  .refine((v) => !v.from || !v.to || v.from <= v.to, { message: "to 不能早于 from (to before from)", path: ["to"] })
  .refine((v) => !v.from || !v.to || (Date.parse(v.to) - Date.parse(v.from)) / 86_400_000 < 366, { message: "至多一年 (at most a year)", path: ["to"] });
export type CreateReportInput = z.infer<typeof CreateReportInput>;

export const CreatedReportDto = z.object({ id: z.uuid(), created: z.boolean() });
export type CreatedReportDto = z.infer<typeof CreatedReportDto>;

/** The headline figures; each is the `total` of the list at its link for the period (or, marked `now`, at generation). */
export const HEADLINE_KEYS = ["casesOpened", "majorCasesOpened", "stopWorkInForce", "alarmsRaised", "criticalAlarms", "dustExceedances", "noiseExceedances", "failedTests", "projectsOwingWages", "gasAnomalies"] as const;
export const HeadlineKey = z.enum(HEADLINE_KEYS);
export type HeadlineKey = z.infer<typeof HeadlineKey>;
export const HEADLINE_LABELS: Labels<HeadlineKey> = {
  casesOpened: { zh: "新增问题案件", en: "Cases opened" },
  majorCasesOpened: { zh: "新增重大隐患", en: "Major cases opened" },
  stopWorkInForce: { zh: "停工整改中", en: "Stop-work orders in force" },
  alarmsRaised: { zh: "物联网告警", en: "IoT alarms raised" },
  criticalAlarms: { zh: "紧急告警", en: "Critical alarms" },
  dustExceedances: { zh: "扬尘超标告警", en: "Dust exceedances" },
  noiseExceedances: { zh: "噪声超标告警", en: "Noise exceedances" },
  failedTests: { zh: "检测不合格", en: "Failed tests" },
  projectsOwingWages: { zh: "欠薪项目", en: "Projects owing wages" },
  gasAnomalies: { zh: "燃气配送异常", en: "Gas delivery anomalies" },
};

export const HeadlineFigure = z.object({
  key: HeadlineKey,
  value: z.number().int(),
  /** The same figure for the previous period; null for a state at generation time (no period). */
  previous: z.number().int().nullable(),
  /** true: a state at generation time (in force, owing), not a count over the period. */
  now: z.boolean(),
  /** The list (API path and query) whose total the value is. */
  link: z.string(),
});
export type HeadlineFigure = z.infer<typeof HeadlineFigure>;

export const TABLE_KEYS = ["majorCases", "stopWork", "criticalAlarms", "failedTests", "wageArrears", "gasAnomalies", "attention"] as const;
export const TableKey = z.enum(TABLE_KEYS);
export type TableKey = z.infer<typeof TableKey>;

/** A table behind a figure: the first rows of its list (`total` says how many there are) as printed text. */
export const ReportTable = z.object({
  key: TableKey,
  total: z.number().int(),
  columns: z.array(z.object({ key: z.string(), zh: z.string(), en: z.string() })),
  rows: z.array(z.array(z.union([z.string(), z.number()]))),
});
export type ReportTable = z.infer<typeof ReportTable>;

/** Everything the PDF and the xlsx print, frozen at generation: an archived briefing never changes. */
export const ReportContent = z.object({
  city: z.string(),
  previous: z.object({ from: IsoDate, to: IsoDate }),
  headline: z.array(HeadlineFigure),
  alarmsBySeverity: z.record(z.string(), z.number().int()),
  tables: z.array(ReportTable),
});
export type ReportContent = z.infer<typeof ReportContent>;

export const ReportDto = z.object({
  id: z.uuid(),
  kind: ReportKind,
  title: z.string(),
  from: IsoDate,
  to: IsoDate,
  /** schedule: the 07:00 run; demand: someone asked. */
  trigger: z.enum(["schedule", "demand"]),
  createdBy: z.string(),
  createdAt: z.string(),
  headline: z.array(HeadlineFigure),
});
export type ReportDto = z.infer<typeof ReportDto>;

export const ListReportsQuery = PageQuery.extend({
  kind: csvEnum(REPORT_KINDS),
  /** Periods ending on or after this day. */
  from: IsoDate.optional(),
  /** Periods starting on or before this day. */
  to: IsoDate.optional(),
});
export type ListReportsQuery = z.infer<typeof ListReportsQuery>;
export type ListReportsQueryInput = z.input<typeof ListReportsQuery>;

/** The caller's subscriptions: which briefings reach its inbox. */
export const ReportSubscriptionsDto = z.object({ daily: z.boolean(), weekly: z.boolean(), monthly: z.boolean() });
export type ReportSubscriptionsDto = z.infer<typeof ReportSubscriptionsDto>;
export const UpdateReportSubscriptionsInput = ReportSubscriptionsDto.partial();
export type UpdateReportSubscriptionsInput = z.infer<typeof UpdateReportSubscriptionsInput>;
