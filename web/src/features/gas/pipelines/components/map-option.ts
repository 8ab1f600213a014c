import type { EChartsCoreOption } from "echarts/core";
import type { PipelineFeatureCollection, PressureClass } from "@contracts/gas/pipeline";
import type { SiteLinkDto } from "@contracts/gas/site-link";

/** Pressure class colours: higher pressure, hotter colour (the legend uses the same). */
export const PRESSURE_HEX: Record<PressureClass, string> = { low: "#52c41a", medium: "#1677ff", sub_high: "#fa8c16", high: "#f5222d" };
const WIDTH: Record<PressureClass, number> = { low: 1.5, medium: 2.5, sub_high: 3, high: 3.5 };

/** Coverage colours for the "latest patrol" view. */
export function coverageHex(pct: number | null): string {
  if (pct === null) return "#bfbfbf";
  if (pct >= 90) return "#52c41a";
  if (pct >= 50) return "#faad14";
  return "#f5222d";
}

const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

export interface MapText {
  coverage: string;
  never: string;
  length: string;
  site: string;
  distance: string;
  pressure: (c: PressureClass) => string;
}

/**
 * The pipeline map: lines on the city outline coloured by pressure class (or by their latest patrol
 * coverage), linked construction sites as markers, plus any extra layers (the detection vehicle).
 */
export function pipelineMapOption(
  fc: PipelineFeatureCollection,
  links: readonly SiteLinkDto[],
  opts: {
    mapName: string | null;
    /** The city outline's extent [minLng, minLat, maxLng, maxLat]: the view opens zoomed onto the network inside it. */
    outline?: [number, number, number, number] | null;
    colourBy: "pressure" | "coverage";
    text: MapText;
    /** Extra layers (the detection vehicle, a line's leak points); a point whose data carries `tip` shows it on hover. */
    extraSeries?: unknown[];
    /** How far the view may open zoomed onto the lines (default 20: the whole network; a single line's map goes further). */
    maxZoom?: number;
  },
): EChartsCoreOption {
  const sites = new Map<string, SiteLinkDto[]>();
  for (const l of links) sites.set(l.projectId, [...(sites.get(l.projectId) ?? []), l]);
  const all = fc.features.flatMap((f) => f.geometry.coordinates);
  const lngs = all.map((c) => c[0]);
  const lats = all.map((c) => c[1]);
  // Without the city outline the view frames the network itself.
  const center = all.length ? [(Math.min(...lngs) + Math.max(...lngs)) / 2, (Math.min(...lats) + Math.max(...lats)) / 2] : undefined;
  // The mains lie in the town centre, a speck of the county outline: open framed on them (the user can zoom out).
  const o = opts.outline;
  const span = (lo: number[], hi: number[]) => Math.max(1e-6, Math.max(...hi) - Math.min(...lo));
  const zoom = o && all.length ? Math.min(opts.maxZoom ?? 20, Math.max(1, 0.8 * Math.min((o[2] - o[0]) / span(lngs, lngs), (o[3] - o[1]) / span(lats, lats)))) : 1;
  return {
    tooltip: {
      trigger: "item",
      formatter: (p: { seriesType?: string; data?: { f?: PipelineFeatureCollection["features"][number]; site?: SiteLinkDto[]; tip?: string } }) => {
        if (p.data?.tip) return escapeHtml(p.data.tip);
        const f = p.data?.f;
        if (f) {
          const c = f.properties.coveragePct;
          return [
            `<b>${escapeHtml(f.properties.code)} ${escapeHtml(f.properties.name)}</b>`,
            `${escapeHtml(opts.text.pressure(f.properties.pressureClass))} · ${escapeHtml(f.properties.enterpriseName)}`,
            `${escapeHtml(opts.text.length)}: ${f.properties.lengthM} m`,
            `${escapeHtml(opts.text.coverage)}: ${c === null ? escapeHtml(opts.text.never) : `${c}%`}`,
          ].join("<br/>");
        }
        const site = p.data?.site;
        if (site) {
          return [`<b>${escapeHtml(site[0].projectName)}</b>`, ...site.map((l) => `${escapeHtml(l.pipelineCode)} · ${escapeHtml(opts.text.distance)} ${l.distanceM} m`)].join("<br/>");
        }
        return "";
      },
    },
    geo: {
      map: opts.mapName ?? undefined,
      roam: true,
      ...(opts.mapName ? { layoutCenter: ["50%", "50%"], layoutSize: "96%", ...(center ? { center, zoom } : {}) } : { center, zoom: 1 }),
      scaleLimit: { min: 0.8, max: 400 },
      itemStyle: { areaColor: "#f5f8fc", borderColor: "#9bb6da", borderWidth: 1 },
      emphasis: { disabled: true },
      label: { show: false },
    },
    series: [
      {
        type: "lines",
        coordinateSystem: "geo",
        polyline: true,
        zlevel: 1,
        data: fc.features.map((f) => ({
          coords: f.geometry.coordinates,
          f,
          lineStyle: {
            color: opts.colourBy === "pressure" ? PRESSURE_HEX[f.properties.pressureClass] : coverageHex(f.properties.coveragePct),
            width: WIDTH[f.properties.pressureClass],
            opacity: 0.9,
          },
        })),
        emphasis: { lineStyle: { width: 5 } },
      },
      {
        type: "scatter",
        coordinateSystem: "geo",
        zlevel: 2,
        symbol: "pin",
        symbolSize: 22,
        itemStyle: { color: "#722ed1" },
        data: [...sites.values()].map((s) => ({ name: s[0].projectName, value: [s[0].projectLng, s[0].projectLat], site: s, projectId: s[0].projectId })),
      },
      ...(opts.extraSeries ?? []),
    ],
  };
}
