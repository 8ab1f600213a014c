import { INSPECTION_KIND_LABELS } from "@contracts/cases/enums";
import type { InspectionDto } from "@contracts/cases/inspections";
import { writeSheet, type SheetColumn } from "../../platform/excel/excel.js";

const DOMAIN_ZH: Record<string, string> = { quality: "质量", safety: "安全", testing: "检测", workforce: "人员", gas: "燃气" };

const COLUMNS: SheetColumn<InspectionDto>[] = [
  { key: "inspectedOn", header: "检查日期", width: 14, value: (r) => r.inspectedOn },
  { key: "projectName", header: "项目名称", width: 36, value: (r) => r.projectName },
  { key: "kind", header: "检查类型", value: (r) => INSPECTION_KIND_LABELS[r.kind].zh },
  { key: "domain", header: "专业", value: (r) => DOMAIN_ZH[r.domain] ?? r.domain },
  { key: "template", header: "检查表", width: 36, value: (r) => (r.templateName ? `${r.templateName}（第${r.templateVersion}版）` : "") },
  { key: "inspectors", header: "检查人员", width: 24, value: (r) => r.inspectorNames.join("、") },
  { key: "score", header: "得分", value: (r) => r.score },
  { key: "checkedCount", header: "检查项数", value: (r) => r.checkedCount },
  { key: "failedCount", header: "不合格项数", value: (r) => r.failedCount },
  { key: "caseCount", header: "整改问题数", value: (r) => r.caseCount },
  { key: "majorCaseCount", header: "重大隐患数", value: (r) => r.majorCaseCount },
  { key: "summary", header: "检查小结", width: 40, value: (r) => r.summary },
];

/** The inspection list as an .xlsx (zh headers), same filters and order as the page. */
export const inspectionSheet = (rows: InspectionDto[]) => writeSheet("监督检查记录", COLUMNS, rows);
