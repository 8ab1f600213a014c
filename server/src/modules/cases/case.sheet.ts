import type { CaseDto, ListCasesQuery } from "@contracts/cases/cases";
import { CASE_CATEGORY_LABELS, CASE_GRADE_LABELS, CASE_SOURCE_LABELS, CASE_STATE_LABELS, STOP_WORK_LABELS } from "@contracts/cases/enums";
import type { Actor } from "../../platform/context.js";
import type { Executor } from "../../platform/db/client.js";
import { writeSheet, type SheetColumn } from "../../platform/excel/excel.js";
import { exportCaseRows } from "./case.queries.js";

/** Minutes in Asia/Shanghai, as a clerk writes them. */
export const shanghaiMinute = (iso: string | null) => (iso ? new Date(Date.parse(iso) + 8 * 3600_000).toISOString().slice(0, 16).replace("T", " ") : "");

const COLUMNS: SheetColumn<CaseDto>[] = [
  { key: "no", header: "通知书编号", width: 18, value: (r) => r.no },
  { key: "projectCode", header: "项目编号", width: 16, value: (r) => r.projectCode },
  { key: "projectName", header: "项目名称", width: 32, value: (r) => r.projectName },
  { key: "enterpriseName", header: "责任单位", width: 30, value: (r) => r.enterpriseName ?? "" },
  { key: "title", header: "问题", width: 40, value: (r) => r.title },
  { key: "category", header: "类别", value: (r) => CASE_CATEGORY_LABELS[r.category].zh },
  { key: "grade", header: "等级", value: (r) => CASE_GRADE_LABELS[r.grade].zh },
  { key: "source", header: "来源", value: (r) => CASE_SOURCE_LABELS[r.source].zh },
  { key: "state", header: "状态", value: (r) => CASE_STATE_LABELS[r.state].zh },
  { key: "overdue", header: "逾期", value: (r) => (r.overdue ? "是" : "否") },
  { key: "stopWork", header: "停工整改", value: (r) => STOP_WORK_LABELS[r.stopWork].zh },
  { key: "deadline", header: "整改期限", width: 18, value: (r) => shanghaiMinute(r.deadline) },
  { key: "issuerName", header: "下发人", value: (r) => r.issuerName },
  { key: "createdAt", header: "下发时间", width: 18, value: (r) => shanghaiMinute(r.createdAt) },
  { key: "closedAt", header: "销项时间", width: 18, value: (r) => shanghaiMinute(r.closedAt) },
];

/** The filtered case list as an .xlsx (整改台账). */
export async function exportCases(db: Executor, actor: Actor, q: Partial<ListCasesQuery>): Promise<Buffer> {
  return writeSheet("整改台账", COLUMNS, await exportCaseRows(db, actor, q));
}
