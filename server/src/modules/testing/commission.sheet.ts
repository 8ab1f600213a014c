import type { CommissionDto } from "@contracts/testing/commission";
import { COMMISSION_STATE_LABELS, SAMPLE_TYPE_LABELS } from "@contracts/testing/enums";
import type { SheetColumn } from "../../platform/excel/excel.js";

/** The commissions export (检测委托台账). */
export const COMMISSION_EXPORT_COLUMNS: SheetColumn<CommissionDto>[] = [
  { key: "no", header: "委托编号", width: 20, value: (r) => r.no },
  { key: "projectName", header: "项目", width: 30, value: (r) => r.projectName },
  { key: "agencyName", header: "检测机构", width: 30, value: (r) => r.agencyName },
  { key: "sampleType", header: "样品类别", value: (r) => SAMPLE_TYPE_LABELS[r.sampleType].zh },
  { key: "strengthClass", header: "强度等级/牌号", value: (r) => r.strengthClass },
  { key: "lotNo", header: "批号", value: (r) => r.lotNo },
  { key: "part", header: "工程部位", width: 24, value: (r) => r.part },
  { key: "specimenCount", header: "试件数量", value: (r) => r.specimenCount },
  { key: "witnessed", header: "见证取样", value: (r) => (r.witnessed ? "是" : "否") },
  { key: "witnessName", header: "见证人", value: (r) => r.witnessName },
  { key: "samplerName", header: "取样人", value: (r) => r.samplerName },
  { key: "sampleCode", header: "样品编码", width: 20, value: (r) => r.sampleCode },
  { key: "sampledAt", header: "取样时间", width: 20, value: (r) => (r.sampledAt ? new Date(r.sampledAt) : null) },
  { key: "state", header: "状态", value: (r) => COMMISSION_STATE_LABELS[r.state].zh },
  { key: "pass", header: "结论", value: (r) => (r.pass === null ? "" : r.pass ? "合格" : "不合格") },
];
