import type { EChartsCoreOption } from "echarts/core";
import { SEVERITIES, type Severity } from "@contracts/iot/alarms";
import type { SiteMapItemDto } from "@contracts/iot/realtime";

/** Severity colours (提示 blue, 一般 gold, 严重 orange, 紧急 red) and green for "no alarm". */
const HEX: Record<Severity | "ok", string> = { ok: "#52c41a", info: "#1677ff", minor: "#faad14", major: "#fa8c16", critical: "#f5222d" };

export interface Level {
  severity: Severity;
  threshold: number;
}

/**
 * A gauge's coloured ring from a rule's levels: green below the first threshold, then each level's
 * colour up to the next one, as `[fraction of the range, colour]` stops (what ECharts' axisLine wants).
 */
export function levelBands(levels: readonly Level[], max: number, min = 0): [number, string][] {
  const span = max - min;
  const sorted = [...levels].filter((l) => l.threshold > min && l.threshold < max).sort((a, b) => a.threshold - b.threshold);
  const stops: [number, string][] = [];
  let colour = HEX.ok;
  for (const l of sorted) {
    stops.push([round4((l.threshold - min) / span), colour]);
    colour = HEX[l.severity];
  }
  stops.push([1, colour]);
  return stops;
}

const round4 = (n: number) => Math.round(n * 10_000) / 10_000;

export interface GaugeSpec {
  title: string;
  value: number | null | undefined;
  max: number;
  min?: number;
  unit: string;
  bands: [number, string][];
  digits?: number;
}

/** One compact gauge (crane moment, load, wind): coloured ring, needle, value and unit below. */
export function gaugeOption({ title, value, max, min = 0, unit, bands, digits = 1 }: GaugeSpec): EChartsCoreOption {
  return {
    series: [
      {
        type: "gauge",
        min,
        max,
        radius: "92%",
        center: ["50%", "58%"],
        startAngle: 210,
        endAngle: -30,
        splitNumber: 4,
        axisLine: { lineStyle: { width: 8, color: bands } },
        axisTick: { show: false },
        splitLine: { length: 8, distance: 0, lineStyle: { width: 1, color: "#bfbfbf" } },
        // Round labels only: a 0–130 % ring reads 0 · 65 · 130, not 32.5 · 97.5.
        axisLabel: { distance: 12, fontSize: 9, color: "#8c8c8c", formatter: (v: number) => (Number.isInteger(v) ? String(v) : "") },
        pointer: { width: 4, length: "60%", itemStyle: { color: "auto" } },
        anchor: { show: true, size: 6, itemStyle: { color: "#595959" } },
        title: { offsetCenter: [0, "78%"], fontSize: 12, color: "#595959" },
        detail: {
          offsetCenter: [0, "42%"],
          fontSize: 16,
          fontWeight: 600,
          color: "#262626",
          formatter: (v: number) => (value == null ? "—" : `${Number(v.toFixed(digits))}${unit ? ` ${unit}` : ""}`),
        },
        // A missing reading shows the needle at rest and a dash, not a fake zero.
        data: [{ name: title, value: value ?? min }],
      },
    ],
  };
}

export interface TelemetryPoint {
  ts: string;
  min: number;
  max: number;
  avg: number;
  leq: number | null;
}

export interface LineSeries {
  name: string;
  points: readonly TelemetryPoint[];
  color?: string;
  /** Draw the min–max range of each bucket as a band around the mean (one-metric charts). */
  band?: boolean;
}

export interface ThresholdLine {
  label: string;
  value: number;
  severity: Severity;
}

/**
 * One series from two rollups: hourly buckets up to where the minute buckets begin, then the minutes —
 * a 24 h chart stays complete where minute rollups are missing (history loaded as hourly only) and
 * detailed where they exist. Both inputs are ascending by time.
 */
export function stitchRollups<P extends { ts: string }>(hourly: readonly P[], minutes: readonly P[]): P[] {
  if (!minutes.length) return [...hourly];
  const firstMinute = Date.parse(minutes[0].ts);
  // An hour bucket is kept only if it ends before the first minute bucket starts.
  return [...hourly.filter((p) => Date.parse(p.ts) + 3_600_000 <= firstMinute), ...minutes];
}

/** The value a bucket is drawn at: the energy mean for sound levels (arithmetic dB means lie), else the mean. */
export const bucketValue = (p: TelemetryPoint) => p.leq ?? p.avg;

/** A round axis end at or above `x`: 77 → 80, 220 → 250, 0.83 → 0.85. */
export function niceCeil(x: number): number {
  if (x <= 0) return 0;
  const step = 10 ** Math.floor(Math.log10(x)) / 2;
  return Math.round(Math.ceil(x / step - 1e-9) * step * 1e6) / 1e6;
}

/**
 * Time series of rollup buckets with the rule thresholds as dashed lines in their severity colour.
 * The y axis always reaches the highest threshold so a quiet day still shows where the limit is; with a
 * `window` the x axis spans it whole, so a gap in the data reads as a gap, not as a shorter period.
 */
export function telemetryLineOption(series: readonly LineSeries[], thresholds: readonly ThresholdLine[], unit: string, window?: { from: number; to: number }): EChartsCoreOption {
  const top = Math.max(0, ...thresholds.map((t) => t.value));
  const out: object[] = [];
  series.forEach((s, i) => {
    if (s.band) {
      out.push(
        { name: `${s.name}-min`, type: "line", data: s.points.map((p) => [p.ts, p.min]), stack: `band${i}`, symbol: "none", lineStyle: { opacity: 0 }, tooltip: { show: false }, silent: true },
        {
          name: `${s.name}-range`,
          type: "line",
          data: s.points.map((p) => [p.ts, p.max - p.min]),
          stack: `band${i}`,
          symbol: "none",
          lineStyle: { opacity: 0 },
          areaStyle: { color: s.color ?? "#1677ff", opacity: 0.12 },
          tooltip: { show: false },
          silent: true,
        },
      );
    }
    out.push({
      name: s.name,
      type: "line",
      showSymbol: false,
      data: s.points.map((p) => [p.ts, round4(bucketValue(p))]),
      itemStyle: s.color ? { color: s.color } : undefined,
      lineStyle: { width: 1.5 },
      markLine:
        i === 0 && thresholds.length
          ? {
              symbol: "none",
              silent: true,
              data: thresholds.map((t) => ({
                yAxis: t.value,
                name: t.label,
                lineStyle: { color: HEX[t.severity], type: "dashed" },
                label: { formatter: t.label ? `${t.label} ${t.value}` : String(t.value), position: "insideEndTop", color: HEX[t.severity], fontSize: 10 },
              })),
            }
          : undefined,
    });
  });
  return {
    tooltip: { trigger: "axis" },
    legend: series.length > 1 ? { top: 0, data: series.map((s) => s.name) } : undefined,
    grid: { left: 8, right: 16, top: series.length > 1 ? 36 : 28, bottom: 8, containLabel: true },
    xAxis: { type: "time", min: window?.from, max: window?.to },
    yAxis: { type: "value", name: unit, nameTextStyle: { align: "left", fontSize: 10 }, max: top ? (v: { max: number }) => niceCeil(Math.max(v.max, top * 1.1)) : undefined, splitLine: { lineStyle: { type: "dashed" } } },
    series: out,
  };
}

/**
 * Thresholds of the rules for one metric, one line per level (day and night rules both show). Rules that
 * share a value (night Lmax 70 and the day limit 70) make one line with both labels, the worse colour.
 */
export function thresholdLines(rules: readonly { metric: string | null; levels: readonly Level[]; period: string; enabled: boolean }[], metric: string, periodLabel: (p: string) => string): ThresholdLine[] {
  const byValue = new Map<number, ThresholdLine>();
  for (const r of rules) {
    if (!r.enabled || r.metric !== metric) continue;
    for (const l of r.levels) {
      const label = r.period === "all" ? "" : periodLabel(r.period);
      const prev = byValue.get(l.threshold);
      if (!prev) byValue.set(l.threshold, { label, value: l.threshold, severity: l.severity });
      else {
        const labels = [...new Set([...prev.label.split(" / "), label].filter(Boolean))];
        byValue.set(l.threshold, { label: labels.join(" / "), value: l.threshold, severity: SEVERITIES.indexOf(l.severity) > SEVERITIES.indexOf(prev.severity) ? l.severity : prev.severity });
      }
    }
  }
  return [...byValue.values()];
}

const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c]!);

/** Point size by device count: readable for a site with one device, not a blob for one with fifty. */
export const siteSymbolSize = (devices: number) => Math.min(26, Math.round(7 + Math.sqrt(Math.max(0, devices)) * 2.5));

export interface SiteMapText {
  alarms: string;
  devices: string;
  none: string;
}

/**
 * The offline city map: the registered outline as a `geo`, sites as points coloured by their worst active
 * alarm (green when none), 严重/紧急 sites rippling so they catch the eye, drawn last so they stay on top.
 */
export function siteMapOption(sites: readonly SiteMapItemDto[], mapName: string, text: SiteMapText, severityLabel: (s: Severity) => string): EChartsCoreOption {
  const item = (s: SiteMapItemDto) => ({
    name: s.name,
    value: [s.lng, s.lat, s.devices],
    projectId: s.projectId,
    symbolSize: siteSymbolSize(s.devices),
    itemStyle: { color: HEX[s.worstSeverity ?? "ok"], borderColor: "#fff", borderWidth: 1 },
    site: s,
  });
  const rank = (s: SiteMapItemDto) => (s.worstSeverity ? SEVERITIES.indexOf(s.worstSeverity) + 1 : 0);
  const calm = sites.filter((s) => rank(s) < 3).sort((a, b) => rank(a) - rank(b));
  const loud = sites.filter((s) => rank(s) >= 3).sort((a, b) => rank(a) - rank(b));
  return {
    tooltip: {
      trigger: "item",
      formatter: (p: { data?: { site?: SiteMapItemDto } }) => {
        const s = p.data?.site;
        if (!s) return "";
        const sev = s.worstSeverity ? `<span style="color:${HEX[s.worstSeverity]}">●</span> ${escapeHtml(severityLabel(s.worstSeverity))}` : text.none;
        return [
          `<b>${escapeHtml(s.name)}</b>`,
          escapeHtml(s.district),
          `${escapeHtml(text.alarms)}: ${s.activeAlarms}（${sev}）`,
          `${escapeHtml(text.devices)}: ${s.onlineDevices} / ${s.devices}`,
        ].join("<br/>");
      },
    },
    geo: {
      map: mapName,
      roam: true,
      layoutCenter: ["50%", "50%"],
      layoutSize: "96%",
      scaleLimit: { min: 0.8, max: 12 },
      itemStyle: { areaColor: "#eef3fb", borderColor: "#7aa2d6", borderWidth: 1.2 },
      emphasis: { disabled: true },
      label: { show: false },
    },
    series: [
      { type: "scatter", coordinateSystem: "geo", data: calm.map(item), emphasis: { scale: 1.4 }, zlevel: 1 },
      { type: "effectScatter", coordinateSystem: "geo", data: loud.map(item), rippleEffect: { scale: 2.6, brushType: "stroke" }, zlevel: 2 },
    ],
  };
}
