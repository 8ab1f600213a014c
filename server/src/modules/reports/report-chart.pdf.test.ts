import { describe, expect, it } from "vitest";
import type { ReportContent } from "@contracts/reports/reports";
import { comparisonChart, severityChart } from "./report-chart.pdf.js";
import { changeText } from "./report.pdf.js";

const content: ReportContent = {
  city: "永康市",
  previous: { from: "2026-11-23", to: "2026-11-29" },
  headline: [
    { key: "casesOpened", value: 12, previous: 8, now: false, link: "/api/v1/cases" },
    { key: "stopWorkInForce", value: 3, previous: null, now: true, link: "/api/v1/cases" },
    { key: "alarmsRaised", value: 40, previous: 55, now: false, link: "/api/v1/alarms" },
  ],
  alarmsBySeverity: { info: 1, minor: 20, major: 15, critical: 4 },
  tables: [],
};

describe("briefing charts (ECharts server-side SVG)", () => {
  it("compares the period's counts with the previous period's, leaving out the states at generation", () => {
    const svg = comparisonChart(content, 300, 200);
    expect(svg.startsWith("<svg")).toBe(true);
    for (const s of ["本期与上期对比", "新增问题案件", "物联网告警", "本期", "上期"]) expect(svg).toContain(s);
    expect(svg).not.toContain("停工整改中");
  });

  it("splits the alarms by severity with their counts", () => {
    const svg = severityChart(content, 300, 200);
    for (const s of ["告警级别分布", "紧急 4", "一般 20"]) expect(svg).toContain(s);
  });

  it("prints the change against the previous period", () => {
    expect(content.headline.map(changeText)).toEqual(["↑4（+50%）", "—", "↓15（-27%）"]);
    expect(changeText({ ...content.headline[0], previous: 0 })).toBe("↑12");
    expect(changeText({ ...content.headline[0], previous: 12 })).toBe("持平");
  });
});
