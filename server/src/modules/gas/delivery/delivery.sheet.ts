import { z } from "zod";
import { DELIVERY_STEP_LABELS, DELIVERY_STEPS, DeliveryRecordInput, type DeliveryDto, type DeliveryStep } from "@contracts/gas/delivery";
import { readSheet, validateRows, type RowError, type SheetColumn } from "../../../platform/excel/excel.js";

/**
 * The delivery sheet (配送记录): one scanned step per row, the same fields as `POST /gas/deliveries`.
 * Times are Beijing time `YYYY-MM-DD HH:mm[:ss]` typed as text (a cell Excel turned into a date keeps the
 * day only, and a delivery step needs its minute).
 */

export const DELIVERY_IMPORT_COLUMNS: SheetColumn<unknown>[] = [
  { key: "cylinderCode", header: "钢瓶编码", width: 22, note: "必填，本企业钢瓶 (a cylinder of your company)" },
  { key: "step", header: "环节", width: 14, note: `必填：${DELIVERY_STEPS.map((s) => DELIVERY_STEP_LABELS[s].zh).join("/")}（出库即交接给送气工）` },
  { key: "at", header: "时间", width: 20, note: "必填，北京时间 YYYY-MM-DD HH:mm[:ss]，单元格设为文本 (Beijing time, as text)" },
  { key: "stationCode", header: "站点编号", width: 14, note: "出库必填 (required for stock out)" },
  { key: "staffIdNumber", header: "送气工身份证号", width: 22, note: "出库、入户必填 (required for stock out and delivered)" },
  { key: "customerCode", header: "用户编号", width: 16, note: "入户必填；不在册的编号照收但标记为异常 (an unknown code is recorded and flagged)" },
  { key: "lat", header: "纬度", width: 12, note: "可选，与经度同时填写" },
  { key: "lng", header: "经度", width: 12, note: "可选" },
];

const headers = new Map(DELIVERY_IMPORT_COLUMNS.map((c) => [c.key, c.header]));
export const deliveryHeader = (key: string) => headers.get(key) ?? key;

const STEP_BY_TEXT = new Map<string, DeliveryStep>(DELIVERY_STEPS.flatMap((s) => [[s, s] as const, [DELIVERY_STEP_LABELS[s].zh, s] as const]));
const text = (v: string | number | null) => (v === null ? null : String(v).trim() || null);
const num = (v: string | number | null) => (v === null ? null : typeof v === "number" ? v : Number.isFinite(Number(v)) ? Number(v) : v);

/** Beijing wall time → ISO with +08:00; an ISO time with its own offset passes through. */
export function sheetTime(v: string | number | null): string | null {
  const t = text(v);
  if (!t) return null;
  const m = /^(\d{4}-\d{2}-\d{2})[ T](\d{1,2}):(\d{2})(?::(\d{2}))?$/.exec(t);
  if (m) return `${m[1]}T${m[2].padStart(2, "0")}:${m[3]}:${m[4] ?? "00"}+08:00`;
  return t;
}

export type SheetDelivery = z.output<typeof DeliveryRecordInput> & { rowNumber: number };

export async function readDeliverySheet(buffer: Buffer, maxRows: number): Promise<{ rows: SheetDelivery[]; errors: RowError[] }> {
  const sheet = await readSheet(buffer, DELIVERY_IMPORT_COLUMNS, maxRows);
  const { inputs, errors } = validateRows(
    sheet,
    DeliveryRecordInput,
    (v) => ({
      cylinderCode: text(v.cylinderCode) ?? undefined,
      step: STEP_BY_TEXT.get(text(v.step) ?? "") ?? text(v.step) ?? undefined,
      at: sheetTime(v.at) ?? undefined,
      stationCode: text(v.stationCode),
      staffIdNumber: text(v.staffIdNumber),
      customerCode: text(v.customerCode),
      lat: num(v.lat),
      lng: num(v.lng),
    }),
    deliveryHeader,
  );
  return { rows: inputs.map((i) => ({ ...i.input, rowNumber: i.rowNumber })), errors };
}

const beijing = (iso: string) => new Date(Date.parse(iso) + 8 * 3600_000).toISOString().slice(0, 19).replace("T", " ");

export const DELIVERY_EXPORT_COLUMNS: SheetColumn<DeliveryDto>[] = [
  { key: "cylinderCode", header: "钢瓶编码", width: 22, value: (d) => d.cylinderCode },
  { key: "step", header: "环节", width: 14, value: (d) => DELIVERY_STEP_LABELS[d.step].zh },
  { key: "at", header: "时间", width: 20, value: (d) => beijing(d.at) },
  { key: "station", header: "站点", width: 20, value: (d) => d.stationName },
  { key: "staff", header: "送气工", width: 12, value: (d) => d.staffName },
  { key: "customerCode", header: "用户编号", width: 16, value: (d) => d.customerCode },
  { key: "customerName", header: "用户", width: 20, value: (d) => d.customerName },
  { key: "lat", header: "纬度", width: 12, value: (d) => d.lat },
  { key: "lng", header: "经度", width: 12, value: (d) => d.lng },
  { key: "source", header: "来源", width: 8, value: (d) => d.source },
];
