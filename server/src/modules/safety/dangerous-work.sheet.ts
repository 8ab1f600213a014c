import {
  CATEGORY_PARAMS,
  DANGER_LEVEL_LABELS,
  DANGEROUS_WORK_CATEGORY_LABELS,
  DANGEROUS_WORK_STATE_LABELS,
  WEEKLY_REASON_LABELS,
  type DangerousWorkDto,
  type WeeklyItemDto,
} from "@contracts/safety/dangerous-works";
import type { SheetColumn } from "../../platform/excel/excel.js";

/** The declared parameters in words: 开挖深度 6m；地质条件复杂. */
export function paramsText(w: Pick<DangerousWorkDto, "category" | "params">): string {
  return CATEGORY_PARAMS[w.category]
    .filter((s) => w.params[s.key] !== undefined && w.params[s.key] !== false)
    .map((s) => (s.type === "number" ? `${s.zh} ${w.params[s.key]}${s.unit ?? ""}` : s.zh))
    .join("；");
}

/** The 危大 register as users print it. */
export const DANGEROUS_WORK_COLUMNS: SheetColumn<DangerousWorkDto>[] = [
  { key: "projectCode", header: "项目编号", width: 26, value: (r) => r.projectCode },
  { key: "projectName", header: "项目名称", width: 30, value: (r) => r.projectName },
  { key: "district", header: "所属街道", value: (r) => r.district },
  { key: "name", header: "危大工程名称", width: 30, value: (r) => r.name },
  { key: "category", header: "类别", width: 22, value: (r) => DANGEROUS_WORK_CATEGORY_LABELS[r.category].zh },
  { key: "level", header: "等级", value: (r) => DANGER_LEVEL_LABELS[r.level].zh },
  { key: "params", header: "主要参数", width: 36, value: paramsText },
  { key: "location", header: "部位", width: 20, value: (r) => r.location },
  { key: "state", header: "状态", value: (r) => DANGEROUS_WORK_STATE_LABELS[r.state].zh },
  { key: "revision", header: "方案版次", value: (r) => r.revision },
  { key: "plannedStart", header: "计划开始", width: 14, value: (r) => r.plannedStart },
  { key: "plannedEnd", header: "计划完成", width: 14, value: (r) => r.plannedEnd },
  { key: "clauses", header: "判定依据", width: 60, value: (r) => r.levelClauses.join("；") },
];

/** The weekly list adds why each work is on it. */
export const WEEKLY_COLUMNS: SheetColumn<WeeklyItemDto>[] = [
  ...(DANGEROUS_WORK_COLUMNS as SheetColumn<WeeklyItemDto>[]),
  { key: "reasons", header: "列入原因", width: 20, value: (r) => r.reasons.map((x) => WEEKLY_REASON_LABELS[x].zh).join("、") },
];
