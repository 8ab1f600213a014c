import * as echarts from "echarts";
import { HEADLINE_LABELS, type ReportContent } from "@contracts/reports/reports";
import { severityZh } from "./report-figures.queries.js";

/**
 * The briefing's charts, drawn by ECharts' server-side SVG renderer (no browser, no canvas): the same library
 * the console draws with, so a chart in the PDF looks like the one on screen. The SVG goes into pdfkit.
 */

const FONT = "sans-serif";

function svgOf(width: number, height: number, option: echarts.EChartsOption): string {
  const chart = echarts.init(null, null, { renderer: "svg", ssr: true, width, height });
  chart.setOption({ animation: false, textStyle: { fontFamily: FONT }, ...option });
  const svg = chart.renderToSVGString();
  chart.dispose();
  return svg;
}

/** This period against the previous one, for every figure counted over a period. */
export function comparisonChart(c: ReportContent, width: number, height: number): string {
  const counted = c.headline.filter((h) => !h.now);
  return svgOf(width, height, {
    title: { text: "本期与上期对比", left: "center", textStyle: { fontSize: 13, fontWeight: "normal" } },
    legend: { data: ["本期", "上期"], bottom: 0, textStyle: { fontSize: 10 } },
    grid: { left: 36, right: 12, top: 36, bottom: 84 },
    xAxis: { type: "category", data: counted.map((h) => HEADLINE_LABELS[h.key].zh), axisLabel: { fontSize: 9, interval: 0, rotate: 35 } },
    yAxis: { type: "value", axisLabel: { fontSize: 9 } },
    series: [
      { name: "本期", type: "bar", data: counted.map((h) => h.value), itemStyle: { color: "#1677ff" }, label: { show: true, position: "top", fontSize: 9 } },
      { name: "上期", type: "bar", data: counted.map((h) => h.previous ?? 0), itemStyle: { color: "#bfbfbf" } },
    ],
  });
}

/** The period's IoT alarms by severity. */
export function severityChart(c: ReportContent, width: number, height: number): string {
  const colors: Record<string, string> = { info: "#8c8c8c", minor: "#faad14", major: "#fa8c16", critical: "#f5222d" };
  const data = Object.entries(c.alarmsBySeverity).map(([s, n]) => ({ name: `${severityZh(s)} ${n}`, value: n, itemStyle: { color: colors[s] } }));
  return svgOf(width, height, {
    title: { text: "告警级别分布", left: "center", textStyle: { fontSize: 13, fontWeight: "normal" } },
    legend: { bottom: 0, textStyle: { fontSize: 10 } },
    series: [{ type: "pie", radius: ["35%", "62%"], center: ["50%", "50%"], data, label: { show: false } }],
  });
}
