import { z } from "zod";
import { ResultValuesOf } from "@contracts/testing/result";
import { SAMPLE_TYPE_LABELS, type SampleType } from "@contracts/testing/enums";
import type { ResultDto } from "@contracts/testing/result";
import { readSheet, validateRows, type RowError, type SheetColumn, type SheetRow } from "../../platform/excel/excel.js";

/**
 * The results sheet (检测结果导入): one row per concrete group, rebar specimen or other test item; rows
 * with the same 委托编号 make one result. Concrete rows give three cube strengths or the group's value;
 * rebar rows ReL, Rm, A, Agt; other rows an item, its value, the requirement and 合格/不合格.
 */

export const RESULT_IMPORT_COLUMNS: SheetColumn<unknown>[] = [
  { key: "no", header: "委托编号", width: 20, note: "必填，须为委托给本机构的委托 (a commission addressed to your agency)" },
  { key: "testedOn", header: "检测日期", width: 14, note: "必填，YYYY-MM-DD；同一委托各行相同" },
  { key: "cube1", header: "试块1(MPa)", note: "混凝土：三个试块强度，或只填强度代表值" },
  { key: "cube2", header: "试块2(MPa)" },
  { key: "cube3", header: "试块3(MPa)" },
  { key: "groupValue", header: "强度代表值(MPa)", note: "混凝土：一组的强度代表值（未填试块强度时）" },
  { key: "ReL", header: "下屈服强度ReL(MPa)", note: "钢筋：每个拉伸试件一行" },
  { key: "Rm", header: "抗拉强度Rm(MPa)" },
  { key: "A", header: "断后伸长率A(%)" },
  { key: "Agt", header: "最大力总延伸率Agt(%)" },
  { key: "item", header: "检测项目", note: "其他样品：每个检测项目一行" },
  { key: "itemValue", header: "检测值" },
  { key: "requirement", header: "标准要求" },
  { key: "itemPass", header: "是否合格", note: "其他样品：合格/不合格" },
  // Last, so sheets made from the older template keep their columns.
  { key: "bend", header: "弯曲试验", note: "钢筋：该行配对弯曲试件 合格/不合格（可空；填写则每个试件都要填）" },
];

const headers = new Map(RESULT_IMPORT_COLUMNS.map((c) => [c.key, c.header]));
export const resultHeader = (key: string) => headers.get(key) ?? key;

const num = (v: string | number | null) => (v === null ? null : typeof v === "number" ? v : Number.isFinite(Number(v)) ? Number(v) : v);
const text = (v: string | number | null) => (v === null ? null : String(v).trim() || null);

const BaseRow = z.object({
  no: z.string({ error: "必填 (required)" }).trim().toUpperCase().min(1, "必填 (required)"),
  testedOn: z.iso.date({ error: "日期格式应为 YYYY-MM-DD (date)" }),
});

export interface SheetResultRow {
  rowNumber: number;
  no: string;
  testedOn: string;
  raw: SheetRow["values"];
}

/** Reads the sheet and checks the columns every row needs; grouping and typing come once the commissions are known. */
export async function readResultSheet(buffer: Buffer): Promise<{ rows: SheetResultRow[]; errors: RowError[] }> {
  const sheet = await readSheet(buffer, RESULT_IMPORT_COLUMNS);
  const { inputs, errors } = validateRows(sheet, BaseRow, (v) => ({ no: text(v.no) ?? "", testedOn: text(v.testedOn) ?? "" }), resultHeader);
  const raw = new Map(sheet.map((r) => [r.rowNumber, r.values]));
  return { rows: inputs.map(({ rowNumber, input }) => ({ rowNumber, no: input.no, testedOn: input.testedOn, raw: raw.get(rowNumber)! })), errors };
}

/** One row's value in the shape the sample type's `values` entries take. */
export function rowValue(type: SampleType, v: SheetRow["values"]): unknown {
  if (type === "concrete") {
    const cubes = [num(v.cube1), num(v.cube2), num(v.cube3)];
    return cubes.every((c) => c === null) ? num(v.groupValue) : cubes;
  }
  if (type === "rebar") {
    const bend = text(v.bend);
    const bendOk = bend === null ? undefined : bend === "合格" ? true : bend === "不合格" ? false : bend;
    return { ReL: num(v.ReL), Rm: num(v.Rm), A: num(v.A), Agt: num(v.Agt), ...(bendOk === undefined ? {} : { bendOk }) };
  }
  const pass = text(v.itemPass);
  return { name: text(v.item) ?? "", value: text(v.itemValue) ?? "", requirement: text(v.requirement) ?? "", pass: pass === "合格" ? true : pass === "不合格" ? false : pass };
}

/** Which header a `values` issue belongs to, by sample type and the entry's field. */
export function headerOfValueIssue(type: SampleType, field: string | undefined): string {
  if (type === "concrete") return field === undefined ? resultHeader("groupValue") : resultHeader(`cube${Number(field) + 1}`);
  if (type === "rebar") return resultHeader(field === "bendOk" ? "bend" : (field ?? "ReL"));
  const keyOf: Record<string, string> = { name: "item", value: "itemValue", requirement: "requirement", pass: "itemPass" };
  return resultHeader(keyOf[field ?? "name"] ?? "item");
}

/** Checks one commission's rows as `values`; every issue reported against its row. */
export function valuesOfRows(type: SampleType, rows: SheetResultRow[]): { values: unknown[]; errors: RowError[] } {
  const values = rows.map((r) => rowValue(type, r.raw));
  const parsed = ResultValuesOf(type).safeParse(values);
  if (parsed.success) return { values: parsed.data, errors: [] };
  const errors = parsed.error.issues.map((i) => {
    const [index, field] = i.path as [number, string | number | undefined];
    return { row: rows[index]?.rowNumber ?? rows[0].rowNumber, column: headerOfValueIssue(type, field === undefined ? undefined : String(field)), message: i.message };
  });
  return { values, errors };
}

/** The results export: one row per result with its verdict. */
export const RESULT_EXPORT_COLUMNS: SheetColumn<ResultDto>[] = [
  { key: "commissionNo", header: "委托编号", width: 20, value: (r) => r.commissionNo },
  { key: "projectName", header: "项目", width: 30, value: (r) => r.projectName },
  { key: "agencyName", header: "检测机构", width: 30, value: (r) => r.agencyName },
  { key: "sampleType", header: "样品类别", value: (r) => SAMPLE_TYPE_LABELS[r.sampleType].zh },
  { key: "strengthClass", header: "强度等级/牌号", value: (r) => r.strengthClass },
  { key: "lotNo", header: "批号", value: (r) => r.lotNo },
  { key: "testedOn", header: "检测日期", width: 14, value: (r) => r.testedOn },
  { key: "pass", header: "结论", value: (r) => (r.pass ? "合格" : "不合格") },
  { key: "retest", header: "复检", value: (r) => (r.retestOf ? "是" : "否") },
  { key: "reportNo", header: "报告编号", width: 20, value: (r) => r.reportNo },
];
