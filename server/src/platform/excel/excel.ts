import ExcelJS from "exceljs";
import type { FastifyReply } from "fastify";
import type { z } from "zod";
import { AppError, invalid, type FieldIssue } from "../errors.js";

export type Cell = string | number | boolean | Date | null | undefined;

/** One column of a sheet: the stable `key` maps to the Chinese header users see. */
export interface SheetColumn<T> {
  key: string;
  header: string;
  width?: number;
  value?: (row: T) => Cell;
  /** Shown in the template's notes sheet: allowed values or format. */
  note?: string;
}

export const XLSX_MIME = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

/** Builds an .xlsx with a bold frozen header row. */
export async function writeSheet<T>(sheetName: string, columns: SheetColumn<T>[], rows: T[], notes = false): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = "SiteCloud";
  const ws = wb.addWorksheet(sheetName, { views: [{ state: "frozen", ySplit: 1 }] });
  ws.columns = columns.map((c) => ({ header: c.header, key: c.key, width: c.width ?? Math.max(12, c.header.length * 2 + 4) }));
  ws.getRow(1).font = { bold: true };
  for (const row of rows) ws.addRow(Object.fromEntries(columns.map((c) => [c.key, c.value ? (c.value(row) ?? null) : null])));
  if (notes) {
    const help = wb.addWorksheet("填写说明");
    help.columns = [{ header: "列", key: "h", width: 24 }, { header: "说明", key: "n", width: 80 }];
    help.getRow(1).font = { bold: true };
    for (const c of columns) help.addRow({ h: c.header, n: c.note ?? "" });
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}

export function sendXlsx(reply: FastifyReply, filename: string, body: Buffer): FastifyReply {
  return reply
    .header("content-type", XLSX_MIME)
    .header("content-disposition", `attachment; filename="export.xlsx"; filename*=UTF-8''${encodeURIComponent(filename)}`)
    .send(body);
}

export interface SheetRow {
  /** 1-based row number as Excel shows it (the header is row 1). */
  rowNumber: number;
  values: Record<string, string | number | null>;
}

function cellText(v: ExcelJS.CellValue): string | number | null {
  if (v === null || v === undefined) return null;
  if (v instanceof Date) return v.toISOString().slice(0, 10);
  if (typeof v === "object") {
    if ("richText" in v) return v.richText.map((t) => t.text).join("").trim() || null;
    if ("text" in v) return String(v.text).trim() || null;
    if ("result" in v) return cellText(v.result as ExcelJS.CellValue);
    return null;
  }
  if (typeof v === "string") return v.trim() === "" ? null : v.trim();
  if (typeof v === "boolean") return v ? "true" : "false";
  return v;
}

/**
 * Reads the first sheet, matching columns by their header text. A missing required header or a file
 * that is not an .xlsx is a VALIDATION error; blank rows are skipped.
 */
export async function readSheet(buffer: Buffer, columns: Pick<SheetColumn<unknown>, "key" | "header">[], maxRows = 50_000): Promise<SheetRow[]> {
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.load(buffer as unknown as ArrayBuffer);
  } catch {
    throw new AppError("VALIDATION", "文件不是有效的 Excel (.xlsx) 文件 (not a valid .xlsx file)", { issues: [{ path: "file", message: "not an xlsx workbook" }] });
  }
  const ws = wb.worksheets[0];
  if (!ws) throw new AppError("VALIDATION", "工作簿为空 (the workbook has no sheet)", { issues: [{ path: "file", message: "no sheet" }] });
  const headerIndex = new Map<string, number>();
  ws.getRow(1).eachCell((cell, col) => {
    const text = cellText(cell.value);
    if (text !== null) headerIndex.set(String(text), col);
  });
  const missing = columns.filter((c) => !headerIndex.has(c.header));
  if (missing.length > 0) {
    throw invalid(
      missing.map((c) => ({ path: `header.${c.key}`, message: `缺少列「${c.header}」(missing column)` })),
      `缺少列 (missing columns): ${missing.map((c) => c.header).join("、")}`,
    );
  }
  if (ws.rowCount - 1 > maxRows) {
    throw new AppError("PAYLOAD_TOO_LARGE", `一次最多导入 ${maxRows} 行 (at most ${maxRows} rows per import)`);
  }
  const rows: SheetRow[] = [];
  for (let r = 2; r <= ws.rowCount; r++) {
    const row = ws.getRow(r);
    const values = Object.fromEntries(columns.map((c) => [c.key, cellText(row.getCell(headerIndex.get(c.header)!).value)]));
    if (Object.values(values).some((v) => v !== null)) rows.push({ rowNumber: r, values });
  }
  return rows;
}

/** Problems with one row of an import, each naming the sheet row and the column header. */
export interface RowError {
  row: number;
  column: string;
  message: string;
}

/**
 * Validates every row with the schema (after `toInput` maps sheet values to the schema's shape) and
 * collects every problem; nothing is written unless all rows pass.
 */
export function validateRows<S extends z.ZodType>(
  rows: SheetRow[],
  schema: S,
  toInput: (values: SheetRow["values"]) => unknown,
  headerOf: (key: string) => string,
): { inputs: { rowNumber: number; input: z.output<S> }[]; errors: RowError[] } {
  const inputs: { rowNumber: number; input: z.output<S> }[] = [];
  const errors: RowError[] = [];
  for (const row of rows) {
    const parsed = schema.safeParse(toInput(row.values));
    if (parsed.success) inputs.push({ rowNumber: row.rowNumber, input: parsed.data });
    else for (const issue of parsed.error.issues) errors.push({ row: row.rowNumber, column: headerOf(String(issue.path[0] ?? "")), message: issue.message });
  }
  return { inputs, errors };
}

/** The all-or-nothing verdict: a VALIDATION error listing every bad row, or nothing. */
export function assertNoRowErrors(errors: RowError[]): void {
  if (errors.length === 0) return;
  const issues: (FieldIssue & { row: number; column: string })[] = errors.map((e) => ({ path: `rows.${e.row}.${e.column}`, row: e.row, column: e.column, message: e.message }));
  const rowsWithErrors = new Set(errors.map((e) => e.row)).size;
  throw new AppError("VALIDATION", `${rowsWithErrors} 行有错误，未导入任何数据 (${rowsWithErrors} rows have errors; nothing was imported)`, { issues });
}

/**
 * Rows whose key repeats an earlier row's (a credit code, an ID number, a project code), each reported
 * against the later row; returns the first row of every key for the "already registered" check.
 */
export function repeatedKeyErrors<I>(
  inputs: { rowNumber: number; input: I }[],
  keyOf: (input: I) => string,
  column: string,
): { errors: RowError[]; firstRowOf: Map<string, number> } {
  const firstRowOf = new Map<string, number>();
  const errors: RowError[] = [];
  for (const { rowNumber, input } of inputs) {
    const key = keyOf(input);
    const first = firstRowOf.get(key);
    if (first === undefined) firstRowOf.set(key, rowNumber);
    else errors.push({ row: rowNumber, column, message: `与第 ${first} 行重复 (duplicate of row ${first})` });
  }
  return { errors, firstRowOf };
}
