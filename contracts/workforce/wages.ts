import { z } from "zod";
import { IsoDate, page, PageQuery } from "../platform/common";
import { YearMonth } from "./presence";

/** A money amount in yuan: not negative, at most 2 decimals. */
export const Money = z
  .number()
  .min(0)
  .max(10_000_000)
  .refine((v) => Math.abs(Math.round(v * 100) - v * 100) < 1e-6, "金额最多两位小数 (at most 2 decimals)");

/** Shows the last four digits only: **** **** 1234. Bank account numbers never leave masked unless the full view is asked for. */
export function maskAccountNo(no: string): string {
  if (no.length <= 4) return "*".repeat(no.length);
  return `${"*".repeat(no.length - 4)}${no.slice(-4)}`;
}

/** 农民工工资专用账户 of a project (domain-rules §1.7). */
export const WageAccountInput = z.object({
  bankName: z.string().trim().min(2).max(60),
  accountName: z.string().trim().min(2).max(120),
  accountNo: z.string().trim().regex(/^\d{8,32}$/, "账号为 8–32 位数字 (8–32 digits)"),
  openedOn: IsoDate,
});
export type WageAccountInput = z.infer<typeof WageAccountInput>;

export const WAGE_ACCOUNT_WARNINGS = ["name_without_project", "name_without_suffix"] as const;

export const WageAccountDto = z.object({
  projectId: z.uuid(),
  bankName: z.string(),
  accountName: z.string(),
  /** Masked (****1234) unless the audited full view was asked for. */
  accountNo: z.string(),
  accountNoMasked: z.boolean(),
  openedOn: z.string(),
  /** Rules the account does not meet; stored anyway (see wage.checks.ts). */
  warnings: z.array(z.object({ code: z.enum(WAGE_ACCOUNT_WARNINGS), message: z.string() })),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type WageAccountDto = z.infer<typeof WageAccountDto>;

/** `?full=true` asks for the whole account number (needs `workforce.sensitive`; audited). */
export const WageAccountQuery = z.object({ full: z.stringbool().default(false) });

/** 0 未发放, 20 已发放, 30 发放失败 of the provincial interface (domain-rules §1.3). */
export const PAYROLL_STATUSES = ["unpaid", "paid", "failed"] as const;
export const PayrollStatus = z.enum(PAYROLL_STATUSES);
export type PayrollStatus = z.infer<typeof PayrollStatus>;

const BankRef = z.string().trim().min(1).max(64);

/** The fields of one payroll line, shared by the form and the import sheet. */
export const PayrollFields = z.object({
  workerId: z.uuid(),
  month: YearMonth,
  days: z.number().int().min(0).max(31).nullable().optional(),
  gross: Money,
  net: Money,
  paidOn: IsoDate.nullable().optional(),
  bankRef: BankRef.nullable().optional(),
});

/** net ≤ gross, reported on `net`. */
export const netNotAboveGross = (v: { gross: number; net: number }, ctx: z.RefinementCtx) => {
  if (v.net > v.gross) ctx.addIssue({ code: "custom", path: ["net"], message: "实发金额不能大于应发金额 (net pay above gross pay)" });
};

export const CreatePayrollInput = PayrollFields.superRefine(netNotAboveGross);
export type CreatePayrollInput = z.infer<typeof CreatePayrollInput>;

/** Marks a payroll line paid (发放, with the bank's reference) or failed (发放失败). */
export const UpdatePayrollInput = z.object({
  status: z.enum(["paid", "failed"]),
  /** Defaults to today (Asia/Shanghai) when marking paid. */
  paidOn: IsoDate.optional(),
  bankRef: BankRef.nullable().optional(),
});
export type UpdatePayrollInput = z.infer<typeof UpdatePayrollInput>;

export const PayrollDto = z.object({
  id: z.uuid(),
  projectId: z.uuid(),
  workerId: z.uuid(),
  workerNo: z.string(),
  name: z.string(),
  trade: z.string(),
  teamName: z.string().nullable(),
  month: YearMonth,
  days: z.number().int().nullable(),
  /** Days with an attendance record on the project in that month. */
  attendanceDays: z.number().int(),
  gross: z.number(),
  net: z.number(),
  paidOn: z.string().nullable(),
  bankRef: z.string().nullable(),
  status: PayrollStatus,
  /** Pay day of the month (the next month's pay day); past it and not paid is 欠薪. */
  deadline: z.string(),
  overdue: z.boolean(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type PayrollDto = z.infer<typeof PayrollDto>;

export const ListPayrollsQuery = PageQuery.extend({ month: YearMonth.optional(), status: PayrollStatus.optional() });
export type ListPayrollsQuery = z.infer<typeof ListPayrollsQuery>;
export const PayrollExportQuery = ListPayrollsQuery.omit({ page: true, pageSize: true });

export const WageCheckQuery = z.object({ month: YearMonth.optional() });

export const WAGE_CHECK_CODES = [
  "arrears",
  "paid_without_attendance",
  "days_exceed_attendance",
  "attendance_without_pay",
  "account_missing",
  "account_name",
  "account_late",
  "account_opening_unknown",
  "paid_before_account",
  "account_balance_unknown",
] as const;
export type WageCheckCode = (typeof WAGE_CHECK_CODES)[number];

/** warning: a rule is broken; notice: worth a look, not (yet) a breach; missing_data: the rule cannot be checked. */
export const WAGE_CHECK_LEVELS = ["warning", "notice", "missing_data"] as const;

export const WageFindingDto = z.object({
  code: z.enum(WAGE_CHECK_CODES),
  level: z.enum(WAGE_CHECK_LEVELS),
  message: z.string(),
  /** Net amount concerned (arrears: unpaid 实发), when the finding is about money. */
  amount: z.number().nullable(),
  workers: z.array(z.object({ workerId: z.uuid(), workerNo: z.string(), name: z.string() })),
});
export type WageFindingDto = z.infer<typeof WageFindingDto>;

export const WageChecksDto = z.object({
  projectId: z.uuid(),
  month: YearMonth,
  deadline: z.string(),
  pastDeadline: z.boolean(),
  totals: z.object({
    payrollWorkers: z.number().int(),
    attendanceWorkers: z.number().int(),
    gross: z.number(),
    net: z.number(),
    paidNet: z.number(),
    unpaidNet: z.number(),
  }),
  findings: z.array(WageFindingDto),
});
export type WageChecksDto = z.infer<typeof WageChecksDto>;

export const ArrearsQuery = PageQuery.extend({ month: YearMonth.optional() });
export type ArrearsQuery = z.infer<typeof ArrearsQuery>;

/** A project owing wages: unpaid payroll of months up to `month` whose pay day has passed. */
export const ArrearsRowDto = z.object({
  projectId: z.uuid(),
  projectCode: z.string(),
  projectName: z.string(),
  district: z.string(),
  unpaidWorkers: z.number().int(),
  unpaidPayrolls: z.number().int(),
  unpaidGross: z.number(),
  unpaidNet: z.number(),
  oldestMonth: z.string().nullable(),
  /** Workers with attendance in `month` and no payroll line for it (amount unknown). */
  unrecordedWorkers: z.number().int(),
});
export type ArrearsRowDto = z.infer<typeof ArrearsRowDto>;

export const ArrearsPageDto = page(ArrearsRowDto).extend({
  month: YearMonth,
  /** False when `month`'s pay day has not passed yet: only earlier months count. */
  monthPastDeadline: z.boolean(),
});
export type ArrearsPageDto = z.infer<typeof ArrearsPageDto>;
