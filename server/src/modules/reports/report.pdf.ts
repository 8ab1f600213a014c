import SVGtoPDF from "svg-to-pdfkit";
import { HEADLINE_LABELS, type HeadlineFigure, type ReportContent, type ReportDto, type ReportTable, type TableKey } from "@contracts/reports/reports";
import { cjkPdf } from "../../platform/pdf/official-document.js";
import { comparisonChart, severityChart } from "./report-chart.pdf.js";
import { periodLabel } from "./report-period.calc.js";

/**
 * The briefing a leader forwards: title and period, the headline figures with their change against the previous
 * period, two charts, then the tables behind the figures (first rows; the totals say how many there are).
 */

const SECTION_TITLES: Record<TableKey, string> = {
  majorCases: "本期新增重大隐患",
  stopWork: "停工整改中的项目",
  criticalAlarms: "本期紧急告警",
  failedTests: "本期检测不合格",
  wageArrears: "欠薪项目",
  gasAnomalies: "本期燃气配送异常",
  attention: "重点关注项目",
};
const NUMERALS = ["一", "二", "三", "四", "五", "六", "七", "八", "九", "十"];
const MARGIN = 50;
/** Rows printed per table; the xlsx has all the briefing kept. */
const PDF_ROWS = 15;
const BLUE = "#1f3a93";

/** 环比: the change against the previous period, as printed. */
export function changeText(h: HeadlineFigure): string {
  if (h.previous === null) return "—";
  const diff = h.value - h.previous;
  if (diff === 0) return "持平";
  const pct = h.previous === 0 ? "" : `（${diff > 0 ? "+" : ""}${Math.round((diff / h.previous) * 100)}%）`;
  return `${diff > 0 ? "↑" : "↓"}${Math.abs(diff)}${pct}`;
}

export async function renderReportPdf(r: ReportDto & { content: ReportContent }): Promise<Buffer> {
  const { doc, finish } = await cjkPdf({ size: "A4", margins: { top: 50, bottom: 50, left: MARGIN, right: MARGIN }, info: { Title: r.title, Subject: periodLabel(r.kind, r), Creator: "SiteCloud" } });
  const width = doc.page.width - 2 * MARGIN;
  const c = r.content;

  doc.fillColor(BLUE).fontSize(20).text(r.title, { align: "center", width });
  doc.moveDown(0.3).fillColor("#333").fontSize(11).text(`统计期间：${periodLabel(r.kind, r)}\u3000\u3000对比期间：${periodLabel(r.kind, c.previous)}`, { align: "center", width });
  doc.fontSize(9).fillColor("#888").text(`生成时间：${new Date(Date.parse(r.createdAt) + 8 * 3600_000).toISOString().slice(0, 16).replace("T", " ")}（北京时间）\u3000编制：${c.city}住房和城乡建设局 · SiteCloud`, { align: "center", width });
  doc.moveDown(0.6).moveTo(MARGIN, doc.y).lineTo(MARGIN + width, doc.y).strokeColor(BLUE).lineWidth(1.2).stroke();
  doc.moveDown(0.6);

  heading(doc, `${NUMERALS[0]}、主要指标`);
  drawTable(
    doc,
    ["指标", "本期", "上期", "环比"],
    [0.4, 0.2, 0.2, 0.2],
    c.headline.map((h) => [HEADLINE_LABELS[h.key].zh + (h.now ? "（生成时）" : ""), h.value, h.previous ?? "—", changeText(h)]),
  );
  doc.moveDown(0.3).fontSize(8).fillColor("#888").text("“生成时”指标为生成简报时的状态；其余为统计期间内的数量，均等于平台对应列表按同一期间筛选的总数。", { width });
  doc.moveDown(0.6);

  const chartW = width / 2 - 6;
  const chartH = 220;
  if (doc.y + chartH > doc.page.height - 50) doc.addPage();
  const y = doc.y;
  const fontCallback = () => "cjk";
  SVGtoPDF(doc, comparisonChart(c, chartW, chartH), MARGIN, y, { width: chartW, height: chartH, fontCallback });
  SVGtoPDF(doc, severityChart(c, chartW, chartH), MARGIN + chartW + 12, y, { width: chartW, height: chartH, fontCallback });
  doc.font("cjk").fillColor("#333");
  doc.y = y + chartH + 12;
  doc.x = MARGIN;

  c.tables.forEach((t, i) => section(doc, `${NUMERALS[i + 1]}、${SECTION_TITLES[t.key]}`, t));
  return finish();
}

/** Wider cells for the long texts (the issue, the project, the unit), so rows stay a line or two. */
const WIDE = new Set(["title", "project", "enterprise", "agency", "rule"]);
function widthsOf(keys: string[]): number[] {
  const weights = keys.map((k) => (WIDE.has(k) ? 2 : 1));
  const sum = weights.reduce((a, b) => a + b, 0);
  return weights.map((w) => w / sum);
}

function heading(doc: PDFKit.PDFDocument, text: string) {
  if (doc.y > doc.page.height - 120) doc.addPage();
  doc.x = MARGIN;
  doc.fillColor(BLUE).fontSize(13).text(text, MARGIN, doc.y);
  doc.moveDown(0.3).fillColor("#333");
}

function section(doc: PDFKit.PDFDocument, title: string, t: ReportTable) {
  heading(doc, `${title}（${t.total}）`);
  if (t.rows.length === 0) {
    doc.fontSize(10).text("本期无。", MARGIN, doc.y);
    doc.moveDown(0.8);
    return;
  }
  drawTable(
    doc,
    t.columns.map((col) => col.zh),
    widthsOf(t.columns.map((col) => col.key)),
    t.rows.slice(0, PDF_ROWS),
  );
  if (t.total > PDF_ROWS) doc.fontSize(8).fillColor("#888").text(`仅列前 ${PDF_ROWS} 条，共 ${t.total} 条，完整清单见附表（Excel）或平台列表。`, MARGIN, doc.y + 2);
  doc.fillColor("#333").moveDown(0.8);
}

/** A plain ruled table; rows wrap in their cells and the header repeats on a new page. */
function drawTable(doc: PDFKit.PDFDocument, header: string[], fractions: number[], rows: (string | number)[][]) {
  const width = doc.page.width - 2 * MARGIN;
  const widths = fractions.map((f) => f * width);
  const pad = 3;
  const fontSize = 8.5;
  const rowHeight = (cells: (string | number)[]) => Math.max(...cells.map((v, i) => doc.fontSize(fontSize).heightOfString(String(v), { width: widths[i] - 2 * pad }))) + 2 * pad;
  const drawRow = (cells: (string | number)[], fill?: string) => {
    const h = rowHeight(cells);
    if (doc.y + h > doc.page.height - 50) {
      doc.addPage();
      if (!fill) drawRow(header, "#eef2fb");
    }
    const top = doc.y;
    let x = MARGIN;
    if (fill) doc.rect(MARGIN, top, width, h).fill(fill);
    doc.fillColor("#333");
    cells.forEach((v, i) => {
      doc.fontSize(fontSize).text(String(v), x + pad, top + pad, { width: widths[i] - 2 * pad });
      x += widths[i];
    });
    doc.moveTo(MARGIN, top + h).lineTo(MARGIN + width, top + h).strokeColor("#d9d9d9").lineWidth(0.5).stroke();
    doc.y = top + h;
  };
  drawRow(header, "#eef2fb");
  for (const row of rows) drawRow(row);
  doc.x = MARGIN;
}
