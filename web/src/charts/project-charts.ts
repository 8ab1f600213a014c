import type { EChartsCoreOption } from "echarts/core";

/** Colours of the lifecycle, matching the status tags (立项 blue, 在建 green, 停工 red, 复工 cyan, 竣工 grey). */
export const STATUS_COLORS: Record<string, string> = {
  approved: "#1677ff",
  in_progress: "#52c41a",
  suspended: "#ff4d4f",
  resumed: "#13c2c2",
  completed: "#8c8c8c",
};

/** Donut of projects per status; statuses with no project are left out, labels in the UI language. */
export function statusDonutOption(byStatus: Record<string, number>, label: (status: string) => string, order: readonly string[]): EChartsCoreOption {
  const data = order
    .filter((s) => (byStatus[s] ?? 0) > 0)
    .map((s) => ({ name: label(s), value: byStatus[s], itemStyle: { color: STATUS_COLORS[s] } }));
  return {
    tooltip: { trigger: "item", formatter: "{b}: {c} ({d}%)" },
    legend: { bottom: 0, icon: "circle" },
    series: [
      {
        type: "pie",
        // Leaves room outside the ring for English labels ("Under construction").
        radius: ["38%", "60%"],
        center: ["50%", "45%"],
        avoidLabelOverlap: true,
        label: { formatter: "{b}\n{c}" },
        data,
      },
    ],
  };
}

/** Horizontal bars of projects per district, largest first, so long street names stay readable. */
export function districtBarOption(byDistrict: readonly { district: string; count: number }[], seriesName: string): EChartsCoreOption {
  const sorted = [...byDistrict].sort((a, b) => a.count - b.count || b.district.localeCompare(a.district, "zh-CN"));
  return {
    tooltip: { trigger: "axis", axisPointer: { type: "shadow" } },
    grid: { left: 8, right: 32, top: 8, bottom: 8, containLabel: true },
    xAxis: { type: "value", minInterval: 1 },
    yAxis: { type: "category", data: sorted.map((d) => d.district), axisTick: { show: false } },
    series: [{ name: seriesName, type: "bar", data: sorted.map((d) => d.count), barMaxWidth: 18, itemStyle: { color: "#1557b0" }, label: { show: true, position: "right" } }],
  };
}
