import { describe, expect, it } from "vitest";
import type { SiteMapItemDto } from "@contracts/iot/realtime";
import { bucketValue, gaugeOption, levelBands, niceCeil, stitchRollups, siteMapOption, siteSymbolSize, telemetryLineOption, thresholdLines } from "./iot-charts";

type AnySeries = { type: string; name?: string; data: unknown[]; markLine?: { data: { yAxis: number }[] } }[];

describe("levelBands", () => {
  it("colours a crane moment gauge green to 90, gold to 100, orange to 110, red above", () => {
    const bands = levelBands(
      [
        { severity: "minor", threshold: 90 },
        { severity: "major", threshold: 100 },
        { severity: "critical", threshold: 110 },
      ],
      120,
    );
    expect(bands).toEqual([
      [0.75, "#52c41a"],
      [0.8333, "#faad14"],
      [0.9167, "#fa8c16"],
      [1, "#f5222d"],
    ]);
  });
  it("leaves out thresholds outside the range and is all green without levels", () => {
    expect(levelBands([{ severity: "critical", threshold: 500 }], 120)).toEqual([[1, "#52c41a"]]);
    expect(levelBands([], 20)).toEqual([[1, "#52c41a"]]);
    expect(levelBands([{ severity: "major", threshold: 10.8 }], 20)).toEqual([
      [0.54, "#52c41a"],
      [1, "#fa8c16"],
    ]);
  });
});

describe("gaugeOption", () => {
  it("shows a dash, not zero, for a missing reading", () => {
    const opt = gaugeOption({ title: "力矩", value: null, max: 120, unit: "%", bands: [[1, "#52c41a"]] });
    const s = (opt.series as { detail: { formatter: (v: number) => string }; data: { value: number }[] }[])[0];
    expect(s.detail.formatter(0)).toBe("—");
    const live = gaugeOption({ title: "力矩", value: 93.27, max: 120, unit: "%", bands: [[1, "#52c41a"]] });
    const l = (live.series as { detail: { formatter: (v: number) => string }; data: { value: number }[] }[])[0];
    expect(l.data[0].value).toBe(93.27);
    expect(l.detail.formatter(93.27)).toBe("93.3 %");
  });
});

describe("telemetryLineOption", () => {
  const points = [
    { ts: "2025-06-01T00:00:00Z", min: 50, max: 70, avg: 60, leq: null },
    { ts: "2025-06-01T00:01:00Z", min: 55, max: 90, avg: 65, leq: 72.5 },
  ];
  it("draws the Leq of sound buckets and the mean otherwise", () => {
    expect(points.map(bucketValue)).toEqual([60, 72.5]);
  });
  it("puts the thresholds on the first series and a min–max band under a banded series", () => {
    const opt = telemetryLineOption([{ name: "噪声", points, band: true }], [{ label: "昼间", value: 70, severity: "major" }], "dB(A)");
    const series = opt.series as AnySeries;
    expect(series.map((s) => s.name)).toEqual(["噪声-min", "噪声-range", "噪声"]);
    expect(series[1].data).toEqual([
      ["2025-06-01T00:00:00Z", 20],
      ["2025-06-01T00:01:00Z", 35],
    ]);
    expect(series[2].markLine?.data.map((d) => d.yAxis)).toEqual([70]);
    const yMax = (opt.yAxis as { max: (v: { max: number }) => number }).max;
    expect(yMax({ max: 40 })).toBe(80);
    expect(yMax({ max: 95 })).toBe(95);
  });
  it("spans the whole window on the x axis when given one", () => {
    const opt = telemetryLineOption([{ name: "PM10", points }], [], "µg/m³", { from: 1, to: 2 });
    expect(opt.xAxis).toMatchObject({ min: 1, max: 2 });
  });
});

describe("thresholdLines", () => {
  it("takes every level of the enabled rules on the metric, naming day and night", () => {
    const rules = [
      { metric: "noise_db", levels: [{ severity: "major" as const, threshold: 70 }], period: "day", enabled: true },
      { metric: "noise_db", levels: [{ severity: "major" as const, threshold: 55 }], period: "night", enabled: true },
      { metric: "noise_db", levels: [{ severity: "minor" as const, threshold: 40 }], period: "all", enabled: false },
      { metric: "pm10", levels: [{ severity: "minor" as const, threshold: 150 }], period: "all", enabled: true },
    ];
    expect(thresholdLines(rules, "noise_db", (p) => (p === "day" ? "昼" : "夜"))).toEqual([
      { label: "昼", value: 70, severity: "major" },
      { label: "夜", value: 55, severity: "major" },
    ]);
    expect(thresholdLines(rules, "pm10", () => "x")).toEqual([{ label: "", value: 150, severity: "minor" }]);
  });
  it("draws one line for rules sharing a value, with both labels and the worse colour", () => {
    const rules = [
      { metric: "noise_db", levels: [{ severity: "major" as const, threshold: 70 }], period: "day", enabled: true },
      { metric: "noise_db", levels: [{ severity: "critical" as const, threshold: 70 }], period: "night", enabled: true },
    ];
    expect(thresholdLines(rules, "noise_db", (p) => (p === "day" ? "昼" : "夜"))).toEqual([{ label: "昼 / 夜", value: 70, severity: "critical" }]);
  });
});

describe("siteMapOption", () => {
  const site = (name: string, worst: SiteMapItemDto["worstSeverity"], devices: number): SiteMapItemDto => ({
    projectId: "00000000-0000-4000-8000-00000000000" + name.length,
    name,
    district: "东城街道",
    status: "in_progress",
    lng: 120.03,
    lat: 28.9,
    worstSeverity: worst,
    activeAlarms: worst ? 1 : 0,
    devices,
    onlineDevices: devices,
  });
  const text = { alarms: "告警", devices: "设备", none: "无" };

  it("ripples 严重/紧急 sites on top, worst last, and keeps quiet sites as plain points", () => {
    const opt = siteMapOption([site("a", "critical", 4), site("b", null, 1), site("c", "major", 9), site("d", "minor", 2)], "yk", text, (s) => s);
    const [calm, loud] = opt.series as AnySeries;
    expect(calm.type).toBe("scatter");
    expect((calm.data as { name: string }[]).map((d) => d.name)).toEqual(["b", "d"]);
    expect(loud.type).toBe("effectScatter");
    expect((loud.data as { name: string }[]).map((d) => d.name)).toEqual(["c", "a"]);
    expect((loud.data as { itemStyle: { color: string } }[])[1].itemStyle.color).toBe("#f5222d");
    expect((calm.data as { itemStyle: { color: string } }[])[0].itemStyle.color).toBe("#52c41a");
  });

  it("escapes site names in the tooltip", () => {
    const opt = siteMapOption([], "yk", text, (s) => s);
    const fmt = (opt.tooltip as { formatter: (p: unknown) => string }).formatter;
    const html = fmt({ data: { site: site("<img src=x onerror=alert(1)>", null, 3) } });
    expect(html).toContain("&lt;img");
    expect(html).not.toContain("<img");
    expect(html).toContain("设备: 3 / 3");
  });

  it("grows points with the device count, within bounds", () => {
    expect(siteSymbolSize(0)).toBe(7);
    expect(siteSymbolSize(16)).toBe(17);
    expect(siteSymbolSize(10_000)).toBe(26);
  });
});

describe("niceCeil", () => {
  it("rounds an axis end up to a half or whole step of its magnitude", () => {
    expect(niceCeil(77)).toBe(80);
    expect(niceCeil(220.00000000000003)).toBe(250);
    expect(niceCeil(200)).toBe(200);
    expect(niceCeil(0.83)).toBe(0.85);
    expect(niceCeil(0)).toBe(0);
  });
});

describe("stitchRollups", () => {
  const h = (ts: string) => ({ ts, v: "h" });
  const m = (ts: string) => ({ ts, v: "m" });
  it("keeps the hours that end before the minutes begin, then the minutes", () => {
    const out = stitchRollups([h("2025-06-01T10:00:00Z"), h("2025-06-01T11:00:00Z"), h("2025-06-01T12:00:00Z")], [m("2025-06-01T12:10:00Z"), m("2025-06-01T12:11:00Z")]);
    expect(out.map((p) => `${p.v}${p.ts.slice(11, 16)}`)).toEqual(["h10:00", "h11:00", "m12:10", "m12:11"]);
  });
  it("is the hourly series when there are no minutes, and the minutes when they cover everything", () => {
    expect(stitchRollups([h("2025-06-01T10:00:00Z")], [])).toHaveLength(1);
    expect(stitchRollups([h("2025-06-01T10:00:00Z")], [m("2025-06-01T09:00:00Z")]).map((p) => p.v)).toEqual(["m"]);
  });
});
