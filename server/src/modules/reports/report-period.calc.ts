import { shanghaiDay } from "@contracts/platform/time";
import type { ReportKind } from "@contracts/reports/reports";

/** A span of Shanghai calendar days, both inclusive (YYYY-MM-DD). */
export interface Period {
  from: string;
  to: string;
}

/** The hour (Asia/Shanghai) the schedule files the briefings: daily every day, weekly on Mondays, monthly on the 1st. */
export const SCHEDULE_HOUR = 7;
const HOUR_MS = 3600_000;

const addDays = (day: string, n: number) => new Date(Date.parse(`${day}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);
const monthStart = (day: string) => `${day.slice(0, 7)}-01`;
const prevMonthStart = (day: string) => monthStart(addDays(monthStart(day), -1));
/** 0 = Monday … 6 = Sunday. */
const weekday = (day: string) => (new Date(`${day}T00:00:00Z`).getUTCDay() + 6) % 7;

/** The complete period of `kind` that ended before `day` (yesterday; last Monday–Sunday; last month). */
export function periodBefore(kind: ReportKind, day: string): Period {
  if (kind === "daily") return { from: addDays(day, -1), to: addDays(day, -1) };
  if (kind === "weekly") {
    const monday = addDays(day, -weekday(day));
    return { from: addDays(monday, -7), to: addDays(monday, -1) };
  }
  return { from: prevMonthStart(day), to: addDays(monthStart(day), -1) };
}

/** The period just before `p` of the same kind (its change is printed against it); a custom span: the same number of days. */
export function previousPeriod(kind: ReportKind, p: Period): Period {
  const standard = periodBefore(kind, addDays(p.to, 1));
  if (standard.from === p.from && standard.to === p.to) return periodBefore(kind, p.from);
  const days = Math.round((Date.parse(p.to) - Date.parse(p.from)) / 86_400_000) + 1;
  return { from: addDays(p.from, -days), to: addDays(p.from, -1) };
}

/**
 * The period the schedule owes at `now`: the one whose 07:00 filing is the latest at or before `now` (before 07:00
 * on a Monday the weekly one owed is still the week filed the Monday before).
 */
export function duePeriod(kind: ReportKind, now: Date): Period {
  // The day of the last 07:00 at or before now: the period before it is the one last filed.
  return periodBefore(kind, shanghaiDay(new Date(+now - SCHEDULE_HOUR * HOUR_MS)));
}

/** The instants the period spans: [from 00:00, the day after `to` 00:00) in Asia/Shanghai. */
export const periodInstants = (p: Period) => ({ start: new Date(`${p.from}T00:00:00+08:00`), end: new Date(`${addDays(p.to, 1)}T00:00:00+08:00`) });

export const periodLabel = (kind: ReportKind, p: Period) =>
  kind === "monthly" && p.from.endsWith("-01") && p.from.slice(0, 7) === p.to.slice(0, 7) && addDays(p.to, 1).endsWith("-01")
    ? `${p.from.slice(0, 4)}年${Number(p.from.slice(5, 7))}月`
    : p.from === p.to
      ? p.from
      : `${p.from} 至 ${p.to}`;
