import { addMonths, monthBounds } from "@contracts/workforce/presence";
import type { PayrollStatus, WageAccountDto, WageFindingDto } from "@contracts/workforce/wages";

/**
 * Wage rules (工资支付, domain-rules §1.7) as pure functions: pay deadlines, the special-account rules and
 * the monthly checks. The queries gather the facts; these decide.
 */

/**
 * Day of the following month by which a month's wages must be paid. 《保障农民工工资支付条例》 requires
 * monthly payment on the pay day agreed with the workers and shown on the site's rights notice board
 * (维权信息告示牌); the day itself is agreed per project and Yongkang has no published default, so the
 * 15th is our assumption until the pay day is recorded per project.
 */
export const WAGE_PAY_DAY = 15;

/** The main contractor opens the special account within 30 days of signing the construction contract (§1.7). */
export const ACCOUNT_OPENING_DAYS = 30;

/** The special account's name is contractor + project name + this suffix (§1.7). */
export const ACCOUNT_NAME_SUFFIX = "农民工工资专用账户";

/** A field problem of a payroll line (path relative to the line). */
export interface PayrollDateIssue {
  path: "month" | "paidOn";
  message: string;
}

/** Rules on a payroll line that need the calendar: no future month, a paid date inside [month start, today]. */
export function payrollDateIssues(v: { month: string; paidOn?: string | null }, today: string): PayrollDateIssue[] {
  const issues: PayrollDateIssue[] = [];
  if (v.month > today.slice(0, 7)) issues.push({ path: "month", message: "不能录入未来月份的工资 (month in the future)" });
  if (v.paidOn && v.paidOn > today) issues.push({ path: "paidOn", message: "发放日期不能晚于今天 (paid date in the future)" });
  else if (v.paidOn && v.paidOn < `${v.month}-01`) issues.push({ path: "paidOn", message: "发放日期不能早于工资所属月份 (paid before the month began)" });
  return issues;
}

/** Rounds to fen (2 decimals), the unit every amount is answered in. */
export const round2 = (v: number): number => Math.round((v + Number.EPSILON) * 100) / 100;

/** The date (YYYY-MM-DD) by which `month`'s wages must be paid: the pay day of the next month. */
export function payDeadline(month: string, payDay: number = WAGE_PAY_DAY): string {
  const next = addMonths(month, 1);
  const last = Number(monthBounds(next).to.slice(8));
  return `${next}-${String(Math.min(payDay, last)).padStart(2, "0")}`;
}

/** Paying on the deadline is on time; the day after, an unpaid month is 欠薪. */
export const isPastDeadline = (month: string, today: string): boolean => today > payDeadline(month);

/** The latest month whose pay day has passed on `today`. */
export function latestOwedMonth(today: string): string {
  const previous = addMonths(today.slice(0, 7), -1);
  return isPastDeadline(previous, today) ? previous : addMonths(previous, -1);
}

function addDays(day: string, n: number): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);
}

export type AccountWarning = WageAccountDto["warnings"][number];

/**
 * Account-name rule: it must contain the project name and 农民工工资专用账户. A wrong name is a warning, not
 * a refusal: the account exists at the bank under whatever name the bank registered (abbreviations, a
 * 标段 suffix), and the bureau needs it on record to check payments against it — refusing would leave
 * the project looking as if it had no account at all.
 */
export function accountWarnings(accountName: string, projectName: string): AccountWarning[] {
  const warnings: AccountWarning[] = [];
  if (!accountName.includes(projectName)) {
    warnings.push({ code: "name_without_project", message: `账户名称未包含项目名称「${projectName}」(account name does not contain the project name)` });
  }
  if (!accountName.includes(ACCOUNT_NAME_SUFFIX)) {
    warnings.push({ code: "name_without_suffix", message: `账户名称未包含「${ACCOUNT_NAME_SUFFIX}」(account name lacks 农民工工资专用账户)` });
  }
  return warnings;
}

/** One worker's month on a project: the payroll line (if any) and the attendance days. */
export interface WageLine {
  workerId: string;
  workerNo: string;
  name: string;
  payrollId: string | null;
  days: number | null;
  gross: number;
  net: number;
  status: PayrollStatus | null;
  paidOn: string | null;
  attendanceDays: number;
}

export interface WageFacts {
  month: string;
  today: string;
  project: { name: string; actualStart: string | null; contractSignedOn: string | null };
  account: { accountName: string; openedOn: string } | null;
  lines: WageLine[];
}

const workersOf = (lines: WageLine[]) => lines.map((l) => ({ workerId: l.workerId, workerNo: l.workerNo, name: l.name }));
const netOf = (lines: WageLine[]) => round2(lines.reduce((s, l) => s + l.net, 0));

export function wageTotals(lines: WageLine[]) {
  const payroll = lines.filter((l) => l.payrollId !== null);
  return {
    payrollWorkers: payroll.length,
    attendanceWorkers: lines.filter((l) => l.attendanceDays > 0).length,
    gross: round2(payroll.reduce((s, l) => s + l.gross, 0)),
    net: netOf(payroll),
    paidNet: netOf(payroll.filter((l) => l.status === "paid")),
    unpaidNet: netOf(payroll.filter((l) => l.status !== "paid")),
  };
}

/**
 * The 30-day opening rule (§1.7), judged against the construction contract's date when the registry has it.
 * Without it, the actual start still bounds the contract from above (a permit needs a signed contract and
 * work starts after the permit): opening more than 30 days after the start is certainly late; anything
 * else cannot be judged and is reported as missing data.
 */
function accountOpeningFinding(openedOn: string, project: WageFacts["project"]): WageFindingDto | null {
  const late = (message: string): WageFindingDto => ({ code: "account_late", level: "warning", message, amount: null, workers: [] });
  if (project.contractSignedOn) {
    const due = addDays(project.contractSignedOn, ACCOUNT_OPENING_DAYS);
    return openedOn > due
      ? late(`专用账户 ${openedOn} 开立，超过施工合同签订日 ${project.contractSignedOn} 后 30 日的期限 ${due} (opened after the 30-day deadline ${due} counted from the construction contract)`)
      : null;
  }
  if (project.actualStart && openedOn > addDays(project.actualStart, ACCOUNT_OPENING_DAYS)) {
    return late(`专用账户 ${openedOn} 开立，晚于开工日期 ${project.actualStart} 30 日以上，必然超过合同签订后 30 日的开户期限 (opened more than 30 days after the start of work, so more than 30 days after the contract)`);
  }
  return {
    code: "account_opening_unknown",
    level: "missing_data",
    message: "项目库未登记施工合同签订日期，无法核对「合同签订后 30 日内开户」(no contract date on record: the 30-day opening rule cannot be checked)",
    amount: null,
    workers: [],
  };
}

function accountFindings(facts: WageFacts, paid: WageLine[]): WageFindingDto[] {
  const { account, project } = facts;
  if (!account) {
    return [{ code: "account_missing", level: "warning", message: "未登记农民工工资专用账户 (no wage special account on record)", amount: null, workers: [] }];
  }
  const findings: WageFindingDto[] = [];
  const names = accountWarnings(account.accountName, project.name);
  if (names.length > 0) findings.push({ code: "account_name", level: "warning", message: names.map((w) => w.message).join("；"), amount: null, workers: [] });
  const opening = accountOpeningFinding(account.openedOn, project);
  if (opening) findings.push(opening);
  const early = paid.filter((l) => l.paidOn !== null && l.paidOn < account.openedOn);
  if (early.length > 0) {
    findings.push({
      code: "paid_before_account",
      level: "warning",
      message: `${early.length} 人的工资在专用账户开立 (${account.openedOn}) 之前发放，未经专户代发 (paid before the special account existed)`,
      amount: netOf(early),
      workers: workersOf(early),
    });
  }
  return findings;
}

/**
 * The monthly checks of one project: 欠薪 past the pay day, pay without attendance, attendance without
 * pay, and the special account. Warnings come first, then notices, then what cannot be checked.
 */
export function wageFindings(facts: WageFacts): WageFindingDto[] {
  const past = isPastDeadline(facts.month, facts.today);
  const deadline = payDeadline(facts.month);
  const payroll = facts.lines.filter((l) => l.payrollId !== null);
  const findings: WageFindingDto[] = [];

  const unpaid = payroll.filter((l) => l.status !== "paid");
  if (past && unpaid.length > 0) {
    findings.push({
      code: "arrears",
      level: "warning",
      message: `欠薪：${unpaid.length} 人 ${facts.month} 工资过发放日 ${deadline} 仍未发放 (${unpaid.length} workers unpaid past the pay day)`,
      amount: netOf(unpaid),
      workers: workersOf(unpaid),
    });
  }
  const noAttendance = payroll.filter((l) => l.attendanceDays === 0 && l.gross > 0);
  if (noAttendance.length > 0) {
    findings.push({
      code: "paid_without_attendance",
      level: "warning",
      message: `${noAttendance.length} 人当月无考勤记录却有工资 (pay for a month without attendance)`,
      amount: netOf(noAttendance),
      workers: workersOf(noAttendance),
    });
  }
  const moreDays = payroll.filter((l) => l.days !== null && l.attendanceDays > 0 && l.days > l.attendanceDays);
  if (moreDays.length > 0) {
    findings.push({
      code: "days_exceed_attendance",
      level: "notice",
      message: `${moreDays.length} 人工资表出勤天数多于闸机考勤天数，建议现场核查 (payroll days above gate attendance: check on site)`,
      amount: netOf(moreDays),
      workers: workersOf(moreDays),
    });
  }
  const unrecorded = facts.lines.filter((l) => l.payrollId === null && l.attendanceDays > 0);
  if (unrecorded.length > 0) {
    findings.push({
      code: "attendance_without_pay",
      // Before the pay day the payroll may simply not be entered yet.
      level: past ? "warning" : "notice",
      message: past
        ? `${unrecorded.length} 人有考勤但过发放日 ${deadline} 仍无工资记录 (attendance but no payroll past the pay day)`
        : `${unrecorded.length} 人有考勤，尚未录入工资 (attendance, payroll not entered yet)`,
      amount: null,
      workers: workersOf(unrecorded),
    });
  }
  findings.push(...accountFindings(facts, payroll.filter((l) => l.status === "paid")));
  if (facts.account && payroll.length > 0) {
    findings.push({
      code: "account_balance_unknown",
      level: "missing_data",
      message: "未接入专用账户流水（建设单位拨付的人工费、余额），只能核对工资表，无法核对发放总额与专户收支 (account statements are not connected: totals cannot be reconciled with the account)",
      amount: netOf(payroll.filter((l) => l.status === "paid")),
      workers: [],
    });
  }
  const rank = { warning: 0, notice: 1, missing_data: 2 } as const;
  return findings.sort((a, b) => rank[a.level] - rank[b.level]);
}
