import { LEAK_LEVEL_LABELS, LEAK_STATE_LABELS, type LeakPointDto } from "@contracts/gas/leak";
import type { SheetColumn } from "../../../platform/excel/excel.js";

const SHANGHAI = new Intl.DateTimeFormat("sv-SE", { timeZone: "Asia/Shanghai", dateStyle: "short", timeStyle: "medium" });
/** Times read as Asia/Shanghai wall-clock text, as users reason about them. */
const local = (iso: string | null) => (iso ? SHANGHAI.format(new Date(iso)) : null);

/** The leak-point ledger export (泄漏点台账). */
export const LEAK_EXPORT_COLUMNS: SheetColumn<LeakPointDto>[] = [
  { key: "detectedAt", header: "发现时间", width: 22, value: (r) => local(r.detectedAt) },
  { key: "state", header: "状态", value: (r) => LEAK_STATE_LABELS[r.state].zh },
  { key: "level", header: "等级", width: 20, value: (r) => LEAK_LEVEL_LABELS[r.level].zh },
  { key: "enterpriseName", header: "燃气企业", width: 30, value: (r) => r.enterpriseName },
  { key: "deviceCode", header: "检测车", width: 18, value: (r) => r.deviceCode },
  { key: "lng", header: "经度", value: (r) => r.lng },
  { key: "lat", header: "纬度", value: (r) => r.lat },
  { key: "ppm", header: "车载读数(ppm)", value: (r) => r.ppm },
  { key: "backgroundPpm", header: "背景值(ppm)", value: (r) => r.backgroundPpm },
  { key: "readings", header: "合并读数", value: (r) => r.readings },
  { key: "pipelineCode", header: "最近管线", width: 18, value: (r) => r.pipelineCode },
  { key: "pipelineDistanceM", header: "距管线(m)", value: (r) => r.pipelineDistanceM },
  { key: "recheckPpm", header: "复检读数(ppm)", value: (r) => r.recheckPpm },
  { key: "recheckEnclosed", header: "密闭空间", value: (r) => (r.recheckEnclosed === null ? null : r.recheckEnclosed ? "是" : "否") },
  { key: "recheckAt", header: "复检时间", width: 22, value: (r) => local(r.recheckAt) },
  { key: "recheckBy", header: "复检人", value: (r) => r.recheckBy },
  { key: "caseNo", header: "案件编号", width: 20, value: (r) => r.caseNo },
];
