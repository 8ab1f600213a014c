import type { EChartsCoreOption } from "echarts/core";
import { SEVERITIES, type Severity } from "@contracts/iot/alarms";
import { STATUS_COLORS } from "../../charts/project-charts";
import { SEVERITY_HEX } from "../iot/severity";

/** Text colours of the two looks: the console's light cards and the big screen's dark panels. */
const ink = (dark: boolean) => ({ text: dark ? "#c9d8f0" : "#595959", axis: dark ? "#2b4a78" : "#d9d9d9" });

/** Projects per status as a ring; statuses with none left out. */
export function statusRingOption(byStatus: Record<string, number>, order: readonly string[], label: (s: string) => string, dark: boolean): EChartsCoreOption {
  const c = ink(dark);
  return {
    backgroundColor: "transparent",
    tooltip: { trigger: "item", formatter: "{b}: {c} ({d}%)" },
    legend: { orient: "vertical", right: 0, top: "middle", icon: "circle", textStyle: { color: c.text, fontSize: dark ? 14 : 12 } },
    series: [
      {
        type: "pie",
        radius: ["45%", "72%"],
        center: ["35%", "50%"],
        label: { show: false },
        data: order.filter((s) => (byStatus[s] ?? 0) > 0).map((s) => ({ name: label(s), value: byStatus[s], status: s, itemStyle: { color: STATUS_COLORS[s] } })),
      },
    ],
  };
}

/** The busiest districts as horizontal bars, the largest on top. */
export function districtBarsOption(byDistrict: readonly { district: string; count: number }[], top: number, dark: boolean): EChartsCoreOption {
  const c = ink(dark);
  const rows = [...byDistrict].sort((a, b) => b.count - a.count).slice(0, top).reverse();
  return {
    backgroundColor: "transparent",
    tooltip: { trigger: "axis", axisPointer: { type: "shadow" } },
    grid: { left: 4, right: 36, top: 4, bottom: 4, containLabel: true },
    xAxis: { type: "value", minInterval: 1, show: false },
    yAxis: { type: "category", data: rows.map((r) => r.district), axisTick: { show: false }, axisLine: { lineStyle: { color: c.axis } }, axisLabel: { color: c.text, fontSize: dark ? 14 : 12 } },
    series: [{ type: "bar", data: rows.map((r) => r.count), barMaxWidth: 14, itemStyle: { color: dark ? "#3d8bff" : "#1557b0", borderRadius: [0, 3, 3, 0] }, label: { show: true, position: "right", color: c.text } }],
  };
}

/** Active alarms per severity, worst on top. */
export function severityBarsOption(bySeverity: Record<Severity, number>, label: (s: Severity) => string, dark: boolean): EChartsCoreOption {
  const c = ink(dark);
  const order = [...SEVERITIES];
  return {
    backgroundColor: "transparent",
    tooltip: { trigger: "axis", axisPointer: { type: "shadow" } },
    grid: { left: 4, right: 36, top: 4, bottom: 4, containLabel: true },
    xAxis: { type: "value", minInterval: 1, show: false },
    yAxis: { type: "category", data: order.map(label), axisTick: { show: false }, axisLine: { lineStyle: { color: c.axis } }, axisLabel: { color: c.text, fontSize: dark ? 14 : 12 } },
    series: [{ type: "bar", data: order.map((s) => ({ value: bySeverity[s] ?? 0, severity: s, itemStyle: { color: SEVERITY_HEX[s] } })), barMaxWidth: 14, label: { show: true, position: "right", color: c.text } }],
  };
}
