import { CERTIFICATE_KIND_LABELS } from "@contracts/registry/enums";
import { CreditCode } from "@contracts/registry/fields";
import { CreatePersonInput } from "@contracts/registry/person";
import { readSheet, repeatedKeyErrors, validateRows, type RowError, type SheetColumn, type SheetRow } from "../../platform/excel/excel.js";
import { EXPIRY_LABELS, headerOf, textOf } from "./enterprise.sheet.js";
import type { PersonRow } from "./person.queries.js";

/**
 * The personnel sheet (人员库 Excel): one column list serves the template, the import parser and the
 * export. The employer is named by its credit code, which the import resolves to the enterprise.
 */

/** Columns users fill in; the import reads exactly these. */
export const PERSON_IMPORT_COLUMNS: SheetColumn<PersonRow>[] = [
  { key: "name", header: "姓名", value: (r) => r.name, note: "必填 (required)" },
  {
    key: "idNumber",
    header: "身份证号码",
    width: 24,
    value: (r) => r.idNumber,
    note: "必填，18 位公民身份号码，含校验位；请将该列设为文本格式，以免 Excel 改成科学计数法。性别、出生日期由号码得出，不可与已登记人员重复",
  },
  { key: "mobile", header: "手机号码", width: 16, value: (r) => r.mobile, note: "选填，11 位手机号码 (optional)" },
  { key: "employerCreditCode", header: "所属企业统一社会信用代码", width: 28, value: (r) => r.employerCreditCode, note: "选填，须为企业库中已登记的企业 (a registered enterprise)" },
];

const GENDER_LABELS = { M: "男", F: "女" } as const;

/** The export adds derived columns the import ignores. */
export const PERSON_EXPORT_COLUMNS: SheetColumn<PersonRow>[] = [
  ...PERSON_IMPORT_COLUMNS,
  { key: "employerName", header: "所属企业", width: 36, value: (r) => r.employerName },
  { key: "gender", header: "性别", value: (r) => GENDER_LABELS[r.gender as "M" | "F"] ?? r.gender },
  { key: "birthDate", header: "出生日期", value: (r) => r.birthDate },
  { key: "certificateKinds", header: "持有证书", width: 40, value: (r) => (r.certificateKinds ?? []).map((k) => CERTIFICATE_KIND_LABELS[k]?.zh ?? k).join("、") },
  { key: "certificateExpiry", header: "证书状态", value: (r) => (r.certificateExpiry ? EXPIRY_LABELS[r.certificateExpiry] : "无证书") },
  { key: "updatedAt", header: "更新时间", width: 22, value: (r) => r.updatedAt.toISOString() },
];

/** One sheet row as the create contract sees it, the employer still as a credit code. */
const PersonSheetRow = CreatePersonInput.pick({ name: true, idNumber: true, mobile: true }).extend({ employerCreditCode: CreditCode.nullable() });

function toPersonInput(v: SheetRow["values"]) {
  return {
    // Required cells left blank become "" so the field's own zh message is the one shown.
    name: textOf(v.name) ?? "",
    idNumber: textOf(v.idNumber) ?? "",
    mobile: textOf(v.mobile),
    employerCreditCode: textOf(v.employerCreditCode),
  };
}

/** A person ready to insert (gender and birth date are derived from the ID number by the caller). */
export interface PersonImportRow {
  name: string;
  idNumber: string;
  mobile: string | null;
  employerId: string | null;
}

/** Look-ups the parser needs, each answering for the whole sheet in one query. */
export interface PersonSheetLookups {
  registeredIdNumbers(ids: string[]): Promise<Set<string>>;
  employerIds(creditCodes: string[]): Promise<Map<string, string>>;
}

/**
 * Parses and validates a personnel sheet: every row against the contract, ID numbers repeated in the
 * sheet or already registered, and employer credit codes that name no registered enterprise.
 */
export async function parsePersonSheet(buffer: Buffer, lookups: PersonSheetLookups): Promise<{ rows: PersonImportRow[]; errors: RowError[] }> {
  const sheet = await readSheet(buffer, PERSON_IMPORT_COLUMNS);
  const header = headerOf(PERSON_IMPORT_COLUMNS);
  const { inputs, errors } = validateRows(sheet, PersonSheetRow, toPersonInput, header);
  const repeated = repeatedKeyErrors(inputs, (i) => i.idNumber, header("idNumber"));
  errors.push(...repeated.errors);
  const firstRowOf = repeated.firstRowOf;
  const codes = [...new Set(inputs.flatMap(({ input }) => (input.employerCreditCode ? [input.employerCreditCode] : [])))];
  const [taken, employers] = await Promise.all([lookups.registeredIdNumbers([...firstRowOf.keys()]), lookups.employerIds(codes)]);
  const rows: PersonImportRow[] = [];
  for (const { rowNumber, input } of inputs) {
    if (taken.has(input.idNumber)) errors.push({ row: rowNumber, column: header("idNumber"), message: "身份证号码已登记 (already registered)" });
    const employerId = input.employerCreditCode ? employers.get(input.employerCreditCode) : null;
    if (employerId === undefined) {
      errors.push({ row: rowNumber, column: header("employerCreditCode"), message: `企业库中没有统一社会信用代码为 ${input.employerCreditCode} 的企业 (no such enterprise)` });
    }
    rows.push({ name: input.name, idNumber: input.idNumber, mobile: input.mobile ?? null, employerId: employerId ?? null });
  }
  errors.sort((a, b) => a.row - b.row);
  return { rows, errors };
}
