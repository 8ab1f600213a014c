import ExcelJS from "exceljs";
import { HEADLINE_LABELS, type ReportContent, type ReportDto } from "@contracts/reports/reports";
import { changeText } from "./report.pdf.js";
import { periodLabel } from "./report-period.calc.js";

const SHEET_NAMES = {
  majorCases: "重大隐患",
  stopWork: "停工整改",
  criticalAlarms: "紧急告警",
  failedTests: "检测不合格",
  wageArrears: "欠薪项目",
  gasAnomalies: "燃气配送异常",
  attention: "重点关注项目",
} as const;

/**
 * The tables behind the briefing's figures: a 主要指标 sheet (each figure, the previous period's, the change and
 * the list it is the total of) and one sheet per table of the PDF.
 */
export async function renderReportSheet(r: ReportDto & { content: ReportContent }): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = "SiteCloud";
  const head = wb.addWorksheet("主要指标", { views: [{ state: "frozen", ySplit: 3 }] });
  head.addRow([`${r.title}\u3000${periodLabel(r.kind, r)}`]).font = { bold: true, size: 14 };
  head.addRow([`对比期间：${periodLabel(r.kind, r.content.previous)}`]);
  head.columns = [{ width: 24 }, { width: 10 }, { width: 10 }, { width: 14 }, { width: 90 }];
  const header = head.addRow(["指标", "本期", "上期", "环比", "对应列表（API）"]);
  header.font = { bold: true };
  for (const h of r.content.headline) head.addRow([HEADLINE_LABELS[h.key].zh + (h.now ? "（生成时）" : ""), h.value, h.previous ?? "", changeText(h), h.link]);
  for (const t of r.content.tables) {
    const ws = wb.addWorksheet(SHEET_NAMES[t.key], { views: [{ state: "frozen", ySplit: 1 }] });
    ws.columns = t.columns.map((c) => ({ header: c.zh, key: c.key, width: Math.max(12, c.zh.length * 2 + 6) }));
    ws.getRow(1).font = { bold: true };
    for (const row of t.rows) ws.addRow(row);
    if (t.total > t.rows.length) ws.addRow([`共 ${t.total} 条，此处列前 ${t.rows.length} 条`]);
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}
