import { z } from "zod";
import { CreateEnterpriseInput } from "@contracts/registry/enterprise";
import {
  ENTERPRISE_STATUS_LABELS,
  ENTERPRISE_STATUSES,
  ENTERPRISE_TYPE_LABELS,
  ENTERPRISE_TYPES,
  type EnterpriseStatus,
  type EnterpriseType,
  type ExpiryState,
  type Labels,
} from "@contracts/registry/enums";
import { readSheet, repeatedKeyErrors, validateRows, type RowError, type SheetColumn, type SheetRow } from "../../platform/excel/excel.js";
import type { EnterpriseRow } from "./enterprise.queries.js";

/**
 * The enterprise sheet (企业库 Excel): one column list serves the import template, the import parser
 * and the export, so a file exported from the platform imports again unchanged.
 */

export const EXPIRY_LABELS: Record<ExpiryState, string> = { valid: "有效", expiring: "即将到期", expired: "已过期" };

const zhList = <T extends string>(labels: Labels<T>) => Object.values<{ zh: string }>(labels).map((l) => l.zh).join("、");

/** Columns users fill in; the import reads exactly these. */
export const ENTERPRISE_IMPORT_COLUMNS: SheetColumn<EnterpriseRow>[] = [
  { key: "name", header: "企业名称", width: 36, value: (r) => r.name, note: "必填 (required)" },
  { key: "creditCode", header: "统一社会信用代码", width: 24, value: (r) => r.creditCode, note: "必填，18 位，含校验位 (18 characters, GB 32100)；不可与已登记企业重复" },
  { key: "type", header: "企业类型", value: (r) => ENTERPRISE_TYPE_LABELS[r.type as EnterpriseType]?.zh ?? r.type, note: `必填，取值：${zhList(ENTERPRISE_TYPE_LABELS)}` },
  { key: "legalRep", header: "法定代表人", value: (r) => r.legalRep, note: "必填 (required)" },
  { key: "address", header: "地址", width: 40, value: (r) => r.address, note: "选填 (optional)" },
  { key: "district", header: "所属街道", value: (r) => r.district, note: "选填，如：东城街道 (optional)" },
  { key: "contactName", header: "联系人", value: (r) => r.contactName, note: "选填 (optional)" },
  { key: "contactPhone", header: "联系电话", width: 16, value: (r) => r.contactPhone, note: "选填，11 位手机号码 (optional, mobile number)" },
  { key: "status", header: "状态", value: (r) => ENTERPRISE_STATUS_LABELS[r.status as EnterpriseStatus]?.zh ?? r.status, note: `选填，默认「正常」，取值：${zhList(ENTERPRISE_STATUS_LABELS)}` },
];

/** The export adds derived columns the import ignores. */
export const ENTERPRISE_EXPORT_COLUMNS: SheetColumn<EnterpriseRow>[] = [
  ...ENTERPRISE_IMPORT_COLUMNS,
  { key: "qualificationCount", header: "资质数量", value: (r) => r.qualificationCount ?? 0 },
  { key: "qualificationExpiry", header: "资质状态", value: (r) => (r.qualificationExpiry ? EXPIRY_LABELS[r.qualificationExpiry] : "无资质") },
  { key: "projectCount", header: "参与项目数", value: (r) => r.projectCount ?? 0 },
  { key: "updatedAt", header: "更新时间", width: 22, value: (r) => r.updatedAt.toISOString() },
];

/** Accepts a zh label (施工企业) or the code itself (contractor); anything else is passed on for zod to reject. */
export function codeOfLabel<T extends string>(labels: Labels<T>, value: string | null): string | undefined {
  if (value === null) return undefined;
  const hit = (Object.keys(labels) as T[]).find((code) => labels[code].zh === value || code === value);
  return hit ?? value;
}

/** Sheet cell as text: numbers typed into Excel (phones, codes) arrive as numbers. */
export const textOf = (v: string | number | null): string | null => (v === null ? null : String(v).trim() || null);

/** One sheet row as the create contract sees it; enum cells carry zh labels, checked with zh messages. */
const EnterpriseSheetRow = CreateEnterpriseInput.omit({ qualifications: true }).extend({
  type: z.enum(ENTERPRISE_TYPES, { error: `企业类型须为：${zhList(ENTERPRISE_TYPE_LABELS)} (unknown enterprise type)` }),
  status: z.enum(ENTERPRISE_STATUSES, { error: `状态须为：${zhList(ENTERPRISE_STATUS_LABELS)} (unknown status)` }).default("normal"),
});
export type EnterpriseSheetRow = z.output<typeof EnterpriseSheetRow>;

function toEnterpriseInput(v: SheetRow["values"]) {
  return {
    // Required cells left blank become "" so the field's own zh message ("必填") is the one shown.
    name: textOf(v.name) ?? "",
    creditCode: textOf(v.creditCode) ?? "",
    type: codeOfLabel(ENTERPRISE_TYPE_LABELS, textOf(v.type)) ?? "",
    legalRep: textOf(v.legalRep) ?? "",
    address: textOf(v.address) ?? undefined,
    district: textOf(v.district),
    contactName: textOf(v.contactName),
    contactPhone: textOf(v.contactPhone),
    status: codeOfLabel(ENTERPRISE_STATUS_LABELS, textOf(v.status)),
  };
}

/** Maps a contract field name to the sheet header users see in error lists. */
export const headerOf =
  <T>(columns: SheetColumn<T>[]) =>
  (key: string): string =>
    columns.find((c) => c.key === key)?.header ?? key;

/**
 * Parses and validates an enterprise sheet: every row against the contract, then credit codes repeated
 * inside the sheet or already registered (`isTaken` answers for all codes in one query).
 */
export async function parseEnterpriseSheet(
  buffer: Buffer,
  isTaken: (codes: string[]) => Promise<Set<string>>,
): Promise<{ rows: { rowNumber: number; input: EnterpriseSheetRow }[]; errors: RowError[] }> {
  const sheet = await readSheet(buffer, ENTERPRISE_IMPORT_COLUMNS);
  const header = headerOf(ENTERPRISE_IMPORT_COLUMNS);
  const { inputs, errors } = validateRows(sheet, EnterpriseSheetRow, toEnterpriseInput, header);
  const repeated = repeatedKeyErrors(inputs, (i) => i.creditCode, header("creditCode"));
  errors.push(...repeated.errors);
  const firstRowOf = repeated.firstRowOf;
  const taken = await isTaken([...firstRowOf.keys()]);
  for (const { rowNumber, input } of inputs) {
    if (taken.has(input.creditCode)) errors.push({ row: rowNumber, column: header("creditCode"), message: "统一社会信用代码已登记 (already registered)" });
  }
  errors.sort((a, b) => a.row - b.row);
  return { rows: inputs, errors };
}

