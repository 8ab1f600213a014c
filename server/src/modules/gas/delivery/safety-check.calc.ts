import type { CheckState, CustomerKind } from "@contracts/gas/customer";
import type { UserCheckIntervalRule } from "./delivery.rules.js";

/** Pure date arithmetic of the safety-check interval (no I/O), shared by the service, the lists and the sweep. */

const pad = (n: number) => String(n).padStart(2, "0");

/** `day` plus `months` calendar months, clamped to the month's last day (2024-02-29 + 12 → 2025-02-28). */
export function addMonths(day: string, months: number): string {
  const [y, m, d] = day.split("-").map(Number);
  const total = y * 12 + (m - 1) + months;
  const [ty, tm] = [Math.floor(total / 12), (total % 12) + 1];
  const last = new Date(Date.UTC(ty, tm, 0)).getUTCDate();
  return `${ty}-${pad(tm)}-${pad(Math.min(d, last))}`;
}

export function addDays(day: string, days: number): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}

export const intervalMonthsOf = (rule: UserCheckIntervalRule, kind: CustomerKind): number =>
  kind === "resident" ? rule.residentMonths : kind === "catering" ? rule.cateringMonths : rule.otherMonths;

/** The next check due after a check on `checkedOn`: the kind's interval when passed, the short re-check when not. */
export function nextCheckDue(rule: UserCheckIntervalRule, kind: CustomerKind, checkedOn: string, passed: boolean): string {
  return passed ? addMonths(checkedOn, intervalMonthsOf(rule, kind)) : addDays(checkedOn, rule.failedRecheckDays);
}

/**
 * overdue (due date passed) / never (not checked yet, first check not yet late) / due_soon (within
 * `dueSoonDays`) / ok, as of `today`. A new customer's first check is due on the day it is filed: supply
 * starts with a check of the installation (首次供气前入户安检).
 */
export function checkStateOf(lastCheckOn: string | null, nextDue: string | null, today: string, dueSoonDays: number): CheckState {
  if (nextDue && nextDue < today) return "overdue";
  if (!lastCheckOn || !nextDue) return "never";
  if (nextDue <= addDays(today, dueSoonDays)) return "due_soon";
  return "ok";
}
