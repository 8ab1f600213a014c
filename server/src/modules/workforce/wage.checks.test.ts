import { describe, expect, it } from "vitest";
import { addMonths, monthBounds, shanghaiDay, shanghaiMonth } from "@contracts/workforce/presence";
import { CreatePayrollInput, maskAccountNo } from "@contracts/workforce/wages";
import { accountWarnings, isPastDeadline, latestOwedMonth, payDeadline, payrollDateIssues, round2, wageFindings, wageTotals, type WageFacts, type WageLine } from "./wage.checks.js";

let seq = 0;
function line(over: Partial<WageLine> = {}): WageLine {
  const n = ++seq;
  return { workerId: `00000000-0000-4000-8000-${String(n).padStart(12, "0")}`, workerNo: `W${n}`, name: `工人${n}`, payrollId: `p${n}`, days: 20, gross: 6000, net: 5500, status: "unpaid", paidOn: null, attendanceDays: 20, ...over };
}

const PROJECT = { name: "永康市江南街道安置房工程", actualStart: "2025-01-10", contractSignedOn: null as string | null };
const GOOD_ACCOUNT = { accountName: `某建设公司${PROJECT.name}农民工工资专用账户`, openedOn: "2025-01-05" };

function facts(lines: WageLine[], over: Partial<WageFacts> = {}): WageFacts {
  return { month: "2025-03", today: "2025-04-16", project: PROJECT, account: GOOD_ACCOUNT, lines, ...over };
}
const codes = (f: WageFacts) => wageFindings(f).map((x) => `${x.code}:${x.level}`);
const finding = (f: WageFacts, code: string) => wageFindings(f).find((x) => x.code === code);

describe("months and pay days (Asia/Shanghai)", () => {
  it("bounds a month, leap years included", () => {
    expect(monthBounds("2024-02")).toEqual({ from: "2024-02-01", to: "2024-02-29" });
    expect(monthBounds("2025-02")).toEqual({ from: "2025-02-01", to: "2025-02-28" });
    expect(monthBounds("2025-12")).toEqual({ from: "2025-12-01", to: "2025-12-31" });
  });

  it("adds months across years", () => {
    expect(addMonths("2025-12", 1)).toBe("2026-01");
    expect(addMonths("2025-01", -1)).toBe("2024-12");
  });

  it("takes the day and month in Shanghai, not UTC", () => {
    // 2025-03-31 16:00 UTC is 2025-04-01 00:00 in Shanghai.
    expect(shanghaiDay(new Date("2025-03-31T15:59:59Z"))).toBe("2025-03-31");
    expect(shanghaiDay(new Date("2025-03-31T16:00:00Z"))).toBe("2025-04-01");
    expect(shanghaiMonth(new Date("2025-03-31T16:00:00Z"))).toBe("2025-04");
  });

  it("a month is paid by the 15th of the next; paying on the day is on time", () => {
    expect(payDeadline("2025-03")).toBe("2025-04-15");
    expect(payDeadline("2025-12")).toBe("2026-01-15");
    expect(payDeadline("2025-01", 31)).toBe("2025-02-28");
    expect(isPastDeadline("2025-03", "2025-04-15")).toBe(false);
    expect(isPastDeadline("2025-03", "2025-04-16")).toBe(true);
  });

  it("the latest owed month is the last whose pay day has passed", () => {
    expect(latestOwedMonth("2025-04-16")).toBe("2025-03");
    expect(latestOwedMonth("2025-04-15")).toBe("2025-02");
    expect(latestOwedMonth("2025-01-20")).toBe("2024-12");
  });
});

describe("payroll line rules", () => {
  it("refuses net above gross, naming net, and more than two decimals", () => {
    const base = { workerId: "00000000-0000-4000-8000-000000000001", month: "2025-03", gross: 100, net: 100 };
    expect(CreatePayrollInput.safeParse(base).success).toBe(true);
    const above = CreatePayrollInput.safeParse({ ...base, net: 100.01 });
    expect(above.success).toBe(false);
    expect(above.error?.issues[0].path).toEqual(["net"]);
    expect(CreatePayrollInput.safeParse({ ...base, gross: 100.001 }).success).toBe(false);
    // Binary floating-point noise is not a third decimal.
    expect(CreatePayrollInput.safeParse({ ...base, gross: 0.1 + 0.2, net: 0.3 }).success).toBe(true);
    expect(CreatePayrollInput.safeParse({ ...base, gross: 1234.56, net: 1000.1 }).success).toBe(true);
  });

  it("refuses a future month and a paid date outside month start..today", () => {
    expect(payrollDateIssues({ month: "2025-05", paidOn: null }, "2025-04-16").map((i) => i.path)).toEqual(["month"]);
    expect(payrollDateIssues({ month: "2025-03", paidOn: "2025-04-17" }, "2025-04-16").map((i) => i.path)).toEqual(["paidOn"]);
    expect(payrollDateIssues({ month: "2025-03", paidOn: "2025-02-28" }, "2025-04-16").map((i) => i.path)).toEqual(["paidOn"]);
    expect(payrollDateIssues({ month: "2025-03", paidOn: "2025-03-31" }, "2025-04-16")).toEqual([]);
    expect(payrollDateIssues({ month: "2025-04", paidOn: null }, "2025-04-16")).toEqual([]);
  });

  it("rounds to fen and masks account numbers to the last four digits", () => {
    expect(round2(1.005)).toBe(1.01);
    expect(round2(0.1 + 0.2)).toBe(0.3);
    expect(maskAccountNo("6222021234567890")).toBe("************7890");
    expect(maskAccountNo("123")).toBe("***");
  });
});

describe("special account", () => {
  it("warns (does not refuse) when the name lacks the project name or 农民工工资专用账户", () => {
    expect(accountWarnings(GOOD_ACCOUNT.accountName, PROJECT.name)).toEqual([]);
    expect(accountWarnings("某建设公司基本账户", PROJECT.name).map((w) => w.code)).toEqual(["name_without_project", "name_without_suffix"]);
    expect(accountWarnings(`${PROJECT.name}专户`, PROJECT.name).map((w) => w.code)).toEqual(["name_without_suffix"]);
  });

  it("flags a missing account", () => {
    expect(codes(facts([line({ status: "paid", paidOn: "2025-04-10" })], { account: null }))).toEqual(["account_missing:warning"]);
  });

  it("opened more than 30 days after the start of work is late; otherwise the rule cannot be checked", () => {
    const late = facts([], { account: { ...GOOD_ACCOUNT, openedOn: "2025-02-10" } });
    expect(finding(late, "account_late")?.level).toBe("warning");
    const onDay30 = facts([], { account: { ...GOOD_ACCOUNT, openedOn: "2025-02-09" } });
    expect(finding(onDay30, "account_late")).toBeUndefined();
    expect(finding(onDay30, "account_opening_unknown")?.level).toBe("missing_data");
    expect(finding(facts([], { project: { ...PROJECT, actualStart: null } }), "account_opening_unknown")?.level).toBe("missing_data");
  });

  it("with the contract date on record, the account is due within 30 days of it", () => {
    const project = { ...PROJECT, contractSignedOn: "2024-12-01" };
    const onTime = facts([], { project, account: { ...GOOD_ACCOUNT, openedOn: "2024-12-31" } });
    expect(finding(onTime, "account_late")).toBeUndefined();
    expect(finding(onTime, "account_opening_unknown")).toBeUndefined();
    const dayLate = facts([], { project, account: { ...GOOD_ACCOUNT, openedOn: "2025-01-01" } });
    expect(finding(dayLate, "account_late")?.message).toContain("2024-12-31");
  });

  it("flags wages paid before the account existed, and says the account statements are not connected", () => {
    const early = line({ status: "paid", paidOn: "2025-03-31" });
    const f = facts([early, line({ status: "paid", paidOn: "2025-04-10" })], { account: { ...GOOD_ACCOUNT, openedOn: "2025-04-01" } });
    const paidBefore = finding(f, "paid_before_account");
    expect(paidBefore?.workers.map((w) => w.workerId)).toEqual([early.workerId]);
    expect(paidBefore?.amount).toBe(5500);
    expect(finding(f, "account_balance_unknown")).toMatchObject({ level: "missing_data", amount: 11000 });
  });

  it("a wrong account name is a warning finding", () => {
    expect(finding(facts([], { account: { ...GOOD_ACCOUNT, accountName: "基本户" } }), "account_name")?.level).toBe("warning");
  });
});

describe("monthly checks", () => {
  it("unpaid past the pay day is 欠薪 with the unpaid net; on the pay day it is not yet", () => {
    const unpaid = line({ net: 5000.55 });
    const failed = line({ status: "failed", net: 1000 });
    const paid = line({ status: "paid", paidOn: "2025-04-10" });
    const arrears = finding(facts([unpaid, failed, paid]), "arrears");
    expect(arrears).toMatchObject({ level: "warning", amount: 6000.55 });
    expect(arrears?.workers.map((w) => w.workerId).sort()).toEqual([unpaid.workerId, failed.workerId].sort());
    expect(finding(facts([unpaid], { today: "2025-04-15" }), "arrears")).toBeUndefined();
    expect(finding(facts([paid]), "arrears")).toBeUndefined();
  });

  it("pay for a month without attendance is a warning; more payroll days than gate days a notice", () => {
    const ghost = line({ attendanceDays: 0 });
    const inflated = line({ days: 25, attendanceDays: 12 });
    const f = facts([ghost, inflated, line()]);
    expect(finding(f, "paid_without_attendance")?.workers.map((w) => w.workerId)).toEqual([ghost.workerId]);
    expect(finding(f, "days_exceed_attendance")).toMatchObject({ level: "notice", workers: [{ workerId: inflated.workerId }] });
    expect(finding(facts([line({ attendanceDays: 0, gross: 0, net: 0 })]), "paid_without_attendance")).toBeUndefined();
  });

  it("attendance without a payroll line: a notice before the pay day, a warning after", () => {
    const noPay = line({ payrollId: null, status: null, gross: 0, net: 0, days: null, attendanceDays: 8 });
    expect(finding(facts([noPay], { today: "2025-04-10" }), "attendance_without_pay")?.level).toBe("notice");
    expect(finding(facts([noPay]), "attendance_without_pay")).toMatchObject({ level: "warning", workers: [{ workerId: noPay.workerId }] });
  });

  it("orders warnings before notices before missing data, and totals only payroll lines", () => {
    const lines = [line({ payrollId: null, status: null, gross: 0, net: 0, attendanceDays: 3 }), line({ days: 30 }), line({ status: "paid", paidOn: "2025-04-01", net: 4000 })];
    const levels = wageFindings(facts(lines, { today: "2025-04-10" })).map((x) => x.level);
    expect(levels).toEqual([...levels].sort((a, b) => ["warning", "notice", "missing_data"].indexOf(a) - ["warning", "notice", "missing_data"].indexOf(b)));
    expect(wageTotals(lines)).toEqual({ payrollWorkers: 2, attendanceWorkers: 3, gross: 12000, net: 9500, paidNet: 4000, unpaidNet: 5500 });
  });

  it("a clean month has only the checks that cannot be made", () => {
    const lines = [line({ status: "paid", paidOn: "2025-04-10" }), line({ status: "paid", paidOn: "2025-04-12" })];
    expect(codes(facts(lines))).toEqual(["account_opening_unknown:missing_data", "account_balance_unknown:missing_data"]);
  });
});
