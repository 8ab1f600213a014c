import { RISK_LEVEL_LABELS, type ProjectRiskDto, type RiskExportQuery } from "@contracts/risk/risk";
import type { Actor } from "../../platform/context.js";
import type { Executor } from "../../platform/db/client.js";
import { writeSheet, type SheetColumn } from "../../platform/excel/excel.js";
import { exportRiskRows } from "./risk.queries.js";

/** A city has a few hundred live projects (a province a few tens of thousands): the export stops here. */
export const RISK_EXPORT_LIMIT = 50_000;

const COLUMNS: SheetColumn<ProjectRiskDto>[] = [
  { key: "projectName", header: "项目", width: 40, value: (r) => r.projectName },
  { key: "score", header: "风险分", value: (r) => r.score },
  { key: "level", header: "风险等级", value: (r) => RISK_LEVEL_LABELS[r.level].zh },
  { key: "factors", header: "风险因素（得分）", width: 60, value: (r) => r.factors.map((f) => `${f.label} ${f.points}`).join("；") },
  { key: "evidence", header: "依据记录数", value: (r) => r.factors.reduce((n, f) => n + f.evidence.length, 0) },
  { key: "computedAt", header: "计算时间", width: 22, value: (r) => new Date(r.computedAt) },
];

/** The ranking the filters select as an xlsx, highest score first. */
export async function exportRisk(db: Executor, actor: Actor, q: RiskExportQuery): Promise<Buffer> {
  return writeSheet("项目风险排名", COLUMNS, await exportRiskRows(db, actor, q, RISK_EXPORT_LIMIT));
}
