import { z } from "zod";
import { netNotAboveGross, PayrollFields, type PayrollDto } from "@contracts/workforce/wages";
import { readSheet, repeatedKeyErrors, validateRows, writeSheet, type RowError, type SheetColumn, type SheetRow } from "../../platform/excel/excel.js";
import { payrollDateIssues } from "./wage.checks.js";

/**
 * The payroll sheet (工资表 Excel): one column list serves the template, the import parser and the export.
 * Workers are named by 工号 (workerNo); the name is checked against it so a shifted row is caught
 * before anyone is paid the wrong amount.
 */

export const PAYROLL_IMPORT_COLUMNS: SheetColumn<PayrollDto>[] = [
  { key: "workerNo", header: "工号", width: 16, value: (r) => r.workerNo, note: "必填，本项目已登记工人的工号 (worker number on this project)" },
  { key: "name", header: "姓名", value: (r) => r.name, note: "选填；填写时须与工号对应的工人姓名一致 (optional; must match the worker)" },
  { key: "month", header: "工资月份", value: (r) => r.month, note: "必填，格式 YYYY-MM，如 2025-03；每人每月一行 (one row per worker and month)" },
  { key: "days", header: "出勤天数", value: (r) => r.days, note: "选填，0–31 的整数" },
  { key: "gross", header: "应发工资(元)", width: 16, value: (r) => r.gross, note: "必填，最多两位小数" },
  { key: "net", header: "实发工资(元)", width: 16, value: (r) => r.net, note: "必填，最多两位小数，不能大于应发工资" },
  { key: "paidOn", header: "发放日期", value: (r) => r.paidOn, note: "选填，YYYY-MM-DD；填写即视为已发放，不能早于工资月份、不能晚于今天" },
  { key: "bankRef", header: "银行流水号", width: 24, value: (r) => r.bankRef, note: "选填，银行代发回单上的流水号" },
];

const STATUS_LABELS = { unpaid: "未发放", paid: "已发放", failed: "发放失败" } as const;

/** The export adds what the import does not read. */
export const PAYROLL_EXPORT_COLUMNS: SheetColumn<PayrollDto>[] = [
  ...PAYROLL_IMPORT_COLUMNS,
  { key: "trade", header: "工种", value: (r) => r.trade },
  { key: "teamName", header: "班组", value: (r) => r.teamName },
  { key: "attendanceDays", header: "考勤天数", value: (r) => r.attendanceDays },
  { key: "status", header: "状态", value: (r) => STATUS_LABELS[r.status] },
  { key: "deadline", header: "应发放日", value: (r) => r.deadline },
  { key: "overdue", header: "欠薪", value: (r) => (r.overdue ? "是" : "否") },
];

export const payrollTemplate = () => writeSheet("工资表", PAYROLL_IMPORT_COLUMNS, [], true);
export const payrollExport = (rows: PayrollDto[]) => writeSheet("工资表", PAYROLL_EXPORT_COLUMNS, rows);

const PayrollSheetRow = PayrollFields.omit({ workerId: true })
  .extend({ workerNo: z.string().trim().min(1, "必填 (required)").max(32), name: z.string().trim().max(60).nullable() })
  .superRefine(netNotAboveGross);

const text = (v: string | number | null) => (v === null ? null : String(v).trim() || null);

/** Excel turns "2025-03" into a date and people write 2025/3 or 2025年3月: all become YYYY-MM. */
function monthOf(v: string | number | null): string {
  const s = text(v) ?? "";
  const m = /^(\d{4})[-/.年](\d{1,2})(?:月|[-/.]\d{1,2})?$/.exec(s);
  return m ? `${m[1]}-${m[2].padStart(2, "0")}` : s;
}

/** A number cell as a number; "1,234.50" read as text too. Anything else is left for zod to name. */
function amountOf(v: string | number | null): unknown {
  if (v === null || typeof v === "number") return v;
  const n = Number(v.replace(/,/g, ""));
  return Number.isFinite(n) && v.trim() !== "" ? n : v;
}

function toInput(v: SheetRow["values"]) {
  return {
    workerNo: text(v.workerNo) ?? "",
    name: text(v.name),
    month: monthOf(v.month),
    days: amountOf(v.days),
    // Required amounts left blank become undefined so zod names the field as missing.
    gross: amountOf(v.gross) ?? undefined,
    net: amountOf(v.net) ?? undefined,
    paidOn: text(v.paidOn),
    bankRef: text(v.bankRef),
  };
}

export interface PayrollImportRow {
  workerId: string;
  month: string;
  days: number | null;
  gross: number;
  net: number;
  paidOn: string | null;
  bankRef: string | null;
}

/** Look-ups the parser needs, each answering for the whole sheet in one query. */
export interface PayrollSheetLookups {
  /** workerNo → worker on this project. */
  workers(nos: string[]): Promise<Map<string, { id: string; name: string }>>;
  /** Keys `workerId|month` that already have a payroll line. */
  enteredMonths(keys: { workerId: string; month: string }[]): Promise<Set<string>>;
}

const header = (key: string) => PAYROLL_IMPORT_COLUMNS.find((c) => c.key === key)?.header ?? key;

/**
 * Parses and validates a payroll sheet: each row against the contract (net ≤ gross, 2 decimals), the
 * calendar (no future month, paid date inside the month..today), 工号 on this project and matching the
 * name, one row per worker and month in the sheet, and no line already entered.
 */
export async function parsePayrollSheet(buffer: Buffer, today: string, lookups: PayrollSheetLookups): Promise<{ rows: PayrollImportRow[]; errors: RowError[] }> {
  const sheet = await readSheet(buffer, PAYROLL_IMPORT_COLUMNS);
  const { inputs, errors } = validateRows(sheet, PayrollSheetRow, toInput, header);
  errors.push(...repeatedKeyErrors(inputs, (i) => `${i.workerNo}|${i.month}`, header("month")).errors);
  const workers = await lookups.workers([...new Set(inputs.map(({ input }) => input.workerNo))]);
  const resolved: { rowNumber: number; row: PayrollImportRow }[] = [];
  for (const { rowNumber, input } of inputs) {
    for (const issue of payrollDateIssues(input, today)) errors.push({ row: rowNumber, column: header(issue.path), message: issue.message });
    const worker = workers.get(input.workerNo);
    if (!worker) {
      errors.push({ row: rowNumber, column: header("workerNo"), message: `本项目没有工号为 ${input.workerNo} 的工人 (no such worker on this project)` });
      continue;
    }
    if (input.name && input.name !== worker.name) {
      errors.push({ row: rowNumber, column: header("name"), message: `工号 ${input.workerNo} 的工人是「${worker.name}」(name does not match the worker number)` });
    }
    resolved.push({
      rowNumber,
      row: { workerId: worker.id, month: input.month, days: input.days ?? null, gross: input.gross, net: input.net, paidOn: input.paidOn ?? null, bankRef: input.bankRef ?? null },
    });
  }
  const entered = await lookups.enteredMonths(resolved.map(({ row }) => ({ workerId: row.workerId, month: row.month })));
  for (const { rowNumber, row } of resolved) {
    if (entered.has(`${row.workerId}|${row.month}`)) errors.push({ row: rowNumber, column: header("month"), message: `该工人 ${row.month} 的工资已录入 (already entered)` });
  }
  errors.sort((a, b) => a.row - b.row);
  return { rows: resolved.map((r) => r.row), errors };
}
