import type { CylinderDto } from "@contracts/gas/cylinder";
import { CYLINDER_STATUS_LABELS, CYLINDER_TYPE_LABELS } from "@contracts/gas/cylinder-status";
import type { SheetColumn } from "../../../platform/excel/excel.js";

export const CYLINDER_IMPORT_COLUMNS: SheetColumn<unknown>[] = [
  { key: "code", header: "钢瓶编码", width: 16, note: "必填，全市唯一，字母数字 - _；报废的编码不能重用" },
  { key: "stationCode", header: "产权站点编码", width: 16, note: "必填，本企业的充装站编码" },
  { key: "type", header: "类型", note: "气相瓶 / 液相瓶 (禁止气液双相瓶)" },
  { key: "spec", header: "规格型号", note: "如 YSP35.5、YSP118" },
  { key: "nominalFillKg", header: "允许充装量(kg)", note: "液相瓶只能为 50" },
  { key: "maker", header: "制造单位", width: 24, note: "可空" },
  { key: "serialNo", header: "出厂编号", note: "可空" },
  { key: "manufacturedOn", header: "制造日期", note: "YYYY-MM-DD" },
  { key: "lastInspectedOn", header: "上次检验日期", note: "YYYY-MM-DD，可空" },
];

export const CYLINDER_EXPORT_COLUMNS: SheetColumn<CylinderDto>[] = [
  { key: "code", header: "钢瓶编码", width: 16, value: (c) => c.code },
  { key: "enterprise", header: "燃气企业", width: 24, value: (c) => c.enterpriseName },
  { key: "station", header: "产权站点", width: 20, value: (c) => c.stationName },
  { key: "type", header: "类型", value: (c) => CYLINDER_TYPE_LABELS[c.type].zh },
  { key: "spec", header: "规格型号", value: (c) => c.spec },
  { key: "fill", header: "允许充装量(kg)", value: (c) => c.nominalFillKg },
  { key: "maker", header: "制造单位", width: 24, value: (c) => c.maker },
  { key: "serial", header: "出厂编号", value: (c) => c.serialNo },
  { key: "made", header: "制造日期", value: (c) => c.manufacturedOn },
  { key: "last", header: "上次检验日期", value: (c) => c.lastInspectedOn },
  { key: "next", header: "下次检验日期", value: (c) => c.nextInspectionOn },
  { key: "scrap", header: "报废日期", value: (c) => c.scrapOn },
  { key: "status", header: "状态", value: (c) => CYLINDER_STATUS_LABELS[c.status].zh },
  { key: "overdue", header: "超期未检", value: (c) => (c.overdue ? "是" : "") },
  { key: "lost", header: "挂失", value: (c) => (c.lost ? "是" : "") },
  { key: "lastFill", header: "最近充装", width: 22, value: (c) => (c.lastFillAt ? new Date(c.lastFillAt) : null) },
];

/** A type as users write it in a sheet: the zh label or the code. */
export function sheetType(v: string | number | null): string | undefined {
  if (v === null) return undefined;
  const s = String(v).trim();
  const byLabel = Object.entries(CYLINDER_TYPE_LABELS).find(([, l]) => l.zh === s || l.zh.startsWith(s));
  return byLabel ? byLabel[0] : s;
}
