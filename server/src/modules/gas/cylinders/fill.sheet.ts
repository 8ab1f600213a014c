import { FillInput, MAX_FILLS_PER_REQUEST, type FillDto } from "@contracts/gas/fill";
import { readSheet, validateRows, type SheetColumn } from "../../../platform/excel/excel.js";
import type { LabelledFill } from "./fill.service.js";

export const FILL_IMPORT_COLUMNS: SheetColumn<unknown>[] = [
  { key: "stationCode", header: "充装站编码", note: "必填" },
  { key: "cylinderCode", header: "钢瓶编码", note: "必填" },
  { key: "filledAt", header: "充装时间", width: 22, note: "必填，如 2026-05-01 08:30 (北京时间) 或 ISO 8601 带时区" },
  { key: "netWeightKg", header: "充装净重(kg)", note: "必填，不超过允许充装量" },
  { key: "fillerPersonId", header: "充装工人员ID", width: 38, note: "与证书编号二选一" },
  { key: "certificateNo", header: "充装工证书编号", width: 20, note: "与人员ID二选一" },
  { key: "preCheckOk", header: "充装前检查合格", note: "是/否" },
  { key: "postCheckOk", header: "充装后检查合格", note: "是/否" },
  { key: "leakOk", header: "检漏合格", note: "是/否，可空" },
];

export const FILL_EXPORT_COLUMNS: SheetColumn<FillDto>[] = [
  { key: "cylinderCode", header: "钢瓶编码", value: (f) => f.cylinderCode },
  { key: "station", header: "充装站", width: 24, value: (f) => f.stationName },
  { key: "filledAt", header: "充装时间", width: 22, value: (f) => new Date(f.filledAt) },
  { key: "net", header: "充装净重(kg)", value: (f) => f.netWeightKg },
  { key: "allowed", header: "允许充装量(kg)", value: (f) => f.allowedFillKg },
  { key: "filler", header: "充装工", value: (f) => f.fillerName },
  { key: "pre", header: "充装前检查", value: (f) => (f.preCheckOk ? "合格" : "不合格") },
  { key: "post", header: "充装后检查", value: (f) => (f.postCheckOk ? "合格" : "不合格") },
  { key: "source", header: "来源", value: (f) => f.source },
];

const yes = (v: string | number | null) => (v === null ? undefined : ["是", "合格", "true", "1", "y", "yes"].includes(String(v).trim().toLowerCase()));

/** "2026-05-01 08:30" in a sheet is Beijing time; a value with an offset or Z is taken as is. */
function sheetTime(v: string | number | null): string | null {
  if (v === null) return null;
  const s = String(v).trim().replace(" ", "T");
  if (/[zZ]|[+-]\d\d:?\d\d$/.test(s)) return s;
  return /^\d{4}-\d\d-\d\dT\d\d:\d\d(:\d\d)?$/.test(s) ? `${s.length === 16 ? `${s}:00` : s}+08:00` : s;
}

const header = (key: string) => FILL_IMPORT_COLUMNS.find((c) => c.key === key)?.header ?? key;

/** Reads a fill sheet: every row validated, every problem kept with its row and column. */
export async function parseFillSheet(buffer: Buffer) {
  const rows = await readSheet(buffer, FILL_IMPORT_COLUMNS, MAX_FILLS_PER_REQUEST);
  const { inputs, errors } = validateRows(
    rows,
    FillInput,
    (v) => ({
      stationCode: v.stationCode === null ? undefined : String(v.stationCode),
      cylinderCode: v.cylinderCode === null ? undefined : String(v.cylinderCode),
      filledAt: sheetTime(v.filledAt) ?? undefined,
      netWeightKg: v.netWeightKg === null ? undefined : Number(v.netWeightKg),
      fillerPersonId: v.fillerPersonId === null ? undefined : String(v.fillerPersonId),
      certificateNo: v.certificateNo === null ? undefined : String(v.certificateNo),
      preCheckOk: yes(v.preCheckOk),
      postCheckOk: yes(v.postCheckOk),
      checks: yes(v.leakOk) === undefined ? {} : { leakOk: yes(v.leakOk) },
    }),
    header,
  );
  const fills: LabelledFill[] = inputs.map((i) => ({ row: i.rowNumber, input: i.input as LabelledFill["input"] }));
  return { fills, errors, header };
}
