import type { EChartsCoreOption } from "echarts/core";
import type { DashboardMapDto, ProjectMarker } from "@contracts/dashboard/map";
import type { PipelineFeatureCollection, PressureClass } from "@contracts/gas/pipeline";
import { STATUS_COLORS } from "../../charts/project-charts";
import { SEVERITY_HEX } from "../iot/severity";

/** The layers a user switches on the map; projects are always drawn. `gas` is the mains and the leak points. */
export const COMMAND_LAYERS = ["alarms", "cases", "dangerousWorks", "gas", "cameras"] as const;
export type CommandLayer = (typeof COMMAND_LAYERS)[number];

/** Marker colours per layer, shared by the map and its legend. */
export const LAYER_HEX: Record<CommandLayer, string> = { alarms: SEVERITY_HEX.critical, cases: "#fa8c16", dangerousWorks: "#faad14", gas: "#eb2f96", cameras: "#13c2c2" };
const OVER_SCALE_HEX = "#f5222d";
/** Risk levels (the risk module's), low to critical, once the markers carry them. */
export const RISK_HEX: Record<string, string> = { low: "#52c41a", medium: "#faad14", high: "#fa541c", critical: "#cf1322" };

/** The markers are coloured by risk level once the risk module scores the projects, by lifecycle state until then. */
export const colouredByRisk = (projects: readonly ProjectMarker[]) => projects.some((p) => p.riskLevel);
const PRESSURE_HEX: Record<PressureClass, string> = { low: "#95de64", medium: "#69b1ff", sub_high: "#ffc069", high: "#ff7875" };

export interface MapText {
  /** Label of a project status, of an alarm severity, of a 危大 level, of a leak level (UI language). */
  status: (s: string) => string;
  severity: (s: string) => string;
  level: (s: string) => string;
  leakLevel: (s: string) => string;
  risk: (s: string) => string;
  openCases: string;
  overdue: string;
  alarms: string;
  online: string;
  offline: string;
  projects: string;
}

export interface MapInput {
  mapName: string;
  data: DashboardMapDto;
  pipelines?: PipelineFeatureCollection | null;
  layers: ReadonlySet<CommandLayer>;
  dark: boolean;
  text: MapText;
}

/**
 * The districts (街道/镇) drawn from the registry: no town boundaries ship with the app, so each district is
 * named at the centre of its projects, with their count.
 */
export function districtCentres(projects: readonly ProjectMarker[]): { district: string; lng: number; lat: number; count: number }[] {
  const acc = new Map<string, { lng: number; lat: number; count: number }>();
  for (const p of projects) {
    const a = acc.get(p.district) ?? { lng: 0, lat: 0, count: 0 };
    acc.set(p.district, { lng: a.lng + p.lng, lat: a.lat + p.lat, count: a.count + 1 });
  }
  return [...acc].map(([district, a]) => ({ district, lng: a.lng / a.count, lat: a.lat / a.count, count: a.count })).sort((a, b) => b.count - a.count);
}

const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c]!);
const tip = (...lines: string[]) => lines.filter(Boolean).join("<br/>");

/**
 * The command center's map: the county outline, district names, every project coloured by its state, and
 * the switched-on layers. Markers of one project share its coordinates, so each layer sits at its own
 * offset around the project's dot (cases above, 危大 right, cameras left) and alarms ripple around it.
 */
export function commandMapOption({ mapName, data, pipelines, layers, dark, text }: MapInput): EChartsCoreOption {
  const byRisk = colouredByRisk(data.projects);
  const series: object[] = [
    {
      id: "districts",
      type: "scatter",
      coordinateSystem: "geo",
      symbolSize: 0,
      silent: true,
      label: { show: true, formatter: "{b}", color: dark ? "#8fb4ff" : "#5b7bb2", fontSize: dark ? 15 : 12, opacity: 0.85 },
      data: districtCentres(data.projects).map((d) => ({ name: d.district, value: [d.lng, d.lat + 0.012] })),
      zlevel: 0,
    },
    {
      id: "projects",
      type: "scatter",
      coordinateSystem: "geo",
      symbolSize: dark ? 9 : 8,
      data: data.projects.map((p) => ({
        name: p.name,
        value: [p.lng, p.lat],
        projectId: p.projectId,
        itemStyle: { color: (byRisk ? RISK_HEX[p.riskLevel ?? ""] : STATUS_COLORS[p.status]) ?? "#8c8c8c", borderColor: dark ? "#0b1a33" : "#fff", borderWidth: 1 },
        tip: tip(`<b>${escapeHtml(p.name)}</b>`, escapeHtml(`${p.district} · ${text.status(p.status)}${p.riskLevel ? ` · ${text.risk(p.riskLevel)}` : ""}`), p.activeAlarms ? `${escapeHtml(text.alarms)}: ${p.activeAlarms}` : "", p.openCases ? `${escapeHtml(text.openCases)}: ${p.openCases}` : ""),
      })),
      zlevel: 1,
    },
  ];

  if (layers.has("gas") && pipelines) {
    series.push({
      id: "mains",
      type: "lines",
      coordinateSystem: "geo",
      polyline: true,
      silent: false,
      data: pipelines.features.map((f) => ({
        coords: f.geometry.coordinates,
        lineStyle: { color: PRESSURE_HEX[f.properties.pressureClass], width: f.properties.pressureClass === "high" ? 2.5 : 1.5, opacity: 0.8 },
        tip: tip(`<b>${escapeHtml(f.properties.name)}</b>`, escapeHtml(`${f.properties.code} · ${f.properties.enterpriseName}`)),
      })),
      zlevel: 0,
    });
  }
  if (layers.has("gas") && data.leaks) {
    series.push({
      id: "leaks",
      type: "effectScatter",
      coordinateSystem: "geo",
      symbol: "diamond",
      symbolSize: 12,
      rippleEffect: { scale: 2.2, brushType: "stroke" },
      data: data.leaks.map((l) => ({
        name: l.pipelineCode ?? l.enterpriseName,
        value: [l.lng, l.lat],
        itemStyle: { color: LAYER_HEX.gas },
        tip: tip(`<b>${escapeHtml(text.leakLevel(l.level))}</b> ${l.ppm} ppm`, escapeHtml(l.enterpriseName), escapeHtml(l.pipelineCode ?? "")),
      })),
      zlevel: 3,
    });
  }
  if (layers.has("cases") && data.cases) {
    series.push({
      id: "cases",
      type: "scatter",
      coordinateSystem: "geo",
      symbol: "pin",
      symbolOffset: [0, -12],
      data: data.cases.map((c) => ({
        name: c.projectName,
        value: [c.lng, c.lat, c.open],
        projectId: c.projectId,
        symbolSize: Math.min(30, 14 + c.open * 2),
        itemStyle: { color: c.overdue > 0 || c.worstGrade === "major" ? OVER_SCALE_HEX : LAYER_HEX.cases },
        label: { show: true, formatter: String(c.open), color: "#fff", fontSize: 10, offset: [0, -2] },
        tip: tip(`<b>${escapeHtml(c.projectName)}</b>`, `${escapeHtml(text.openCases)}: ${c.open}`, c.overdue ? `${escapeHtml(text.overdue)}: ${c.overdue}` : ""),
      })),
      zlevel: 2,
    });
  }
  if (layers.has("dangerousWorks") && data.dangerousWorks) {
    series.push({
      id: "dangerousWorks",
      type: "scatter",
      coordinateSystem: "geo",
      symbol: "triangle",
      symbolOffset: [11, 0],
      data: data.dangerousWorks.map((w) => ({
        name: w.name,
        value: [w.lng, w.lat],
        projectId: w.projectId,
        symbolSize: w.level === "chaoweida" ? 15 : 11,
        itemStyle: { color: w.level === "chaoweida" ? OVER_SCALE_HEX : LAYER_HEX.dangerousWorks },
        tip: tip(`<b>${escapeHtml(w.name)}</b>`, escapeHtml(`${text.level(w.level)} · ${w.projectName}`)),
      })),
      zlevel: 2,
    });
  }
  if (layers.has("cameras") && data.cameras) {
    series.push({
      id: "cameras",
      type: "scatter",
      coordinateSystem: "geo",
      symbol: "roundRect",
      symbolSize: 8,
      symbolOffset: [-11, 0],
      data: data.cameras.map((c) => ({
        name: c.name,
        value: [c.lng, c.lat],
        projectId: c.projectId,
        itemStyle: { color: c.online ? LAYER_HEX.cameras : "#8c8c8c" },
        tip: tip(`<b>${escapeHtml(c.name)}</b>`, escapeHtml(`${c.projectName} · ${c.online ? text.online : text.offline}`)),
      })),
      zlevel: 2,
    });
  }
  if (layers.has("alarms") && data.alarms) {
    series.push({
      id: "alarms",
      type: "effectScatter",
      coordinateSystem: "geo",
      symbolSize: 14,
      rippleEffect: { scale: 2.8, brushType: "stroke" },
      data: data.alarms.map((a) => ({
        name: a.projectName,
        value: [a.lng, a.lat],
        projectId: a.projectId,
        itemStyle: { color: SEVERITY_HEX[a.severity] },
        tip: tip(`<b>${escapeHtml(a.ruleName)}</b> · ${escapeHtml(text.severity(a.severity))}`, escapeHtml(`${a.projectName} · ${a.deviceName}`)),
      })),
      zlevel: 3,
    });
  }

  return {
    tooltip: {
      trigger: "item",
      confine: true,
      formatter: (p: { data?: { tip?: string } }) => p.data?.tip ?? "",
    },
    geo: {
      map: mapName,
      roam: true,
      layoutCenter: ["50%", "50%"],
      layoutSize: "98%",
      scaleLimit: { min: 0.8, max: 12 },
      itemStyle: dark
        ? { areaColor: "#0f2a52", borderColor: "#3d8bff", borderWidth: 2, shadowColor: "rgba(61,139,255,0.6)", shadowBlur: 18 }
        : { areaColor: "#eef3fb", borderColor: "#7aa2d6", borderWidth: 1.2 },
      emphasis: { disabled: true },
      label: { show: false },
    },
    series,
  };
}
