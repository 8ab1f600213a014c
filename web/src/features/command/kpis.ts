import type { CityDashboardDto } from "@contracts/dashboard/city";
import { pageOfApiLink } from "./links";

/** One figure of the command center: its words (an i18n key), its value, the list it equals, and whether it calls for attention. */
export interface Figure {
  /** The figure's path in the dashboard (`cases.overdue`), also its key in `links`. */
  path: string;
  label: string;
  value: number;
  /** The console page listing what it counts, with the same filters; null when the console has no such page. */
  to: string | null;
  alert: boolean;
}

export interface Tile extends Figure {
  unit: string;
  subs: Figure[];
}

/** The number at a dotted path of the dashboard (`alarms.bySeverity.critical`); undefined when the section is absent. */
export function valueAt(d: CityDashboardDto, path: string): number | undefined {
  let v: unknown = d;
  for (const part of path.split(".")) v = v == null ? undefined : (v as Record<string, unknown>)[part];
  return typeof v === "number" ? v : undefined;
}

/** A figure of the dashboard, or null when the caller's role gets no such section. */
export function figureOf(d: CityDashboardDto, path: string, label: string, alertAbove?: number): Figure | null {
  const value = valueAt(d, path);
  if (value === undefined) return null;
  return { path, label, value, to: pageOfApiLink(d.links[path]), alert: alertAbove !== undefined && value > alertAbove };
}

type Spec = [path: string, label: string, unit: string, alert: boolean, subs: [path: string, label: string, alert: boolean][]];

/** The KPI strip, in reading order: the city's size, then what needs handling, then gas. Keys are i18n keys under `command.`. */
const TILES: Spec[] = [
  ["projects.total", "kpi.projects", "unit.count", false, [["projects.byStatus.in_progress", "kpi.inProgress", false], ["projects.byStatus.suspended", "kpi.suspended", true]]],
  ["workforce.onSite", "kpi.onSite", "unit.people", false, [["workforce.attendanceToday", "kpi.attendanceToday", false]]],
  ["cases.open", "kpi.casesOpen", "unit.items", false, [["cases.overdue", "kpi.overdue", true], ["cases.major", "kpi.major", true]]],
  ["alarms.active", "kpi.alarmsActive", "unit.items", true, [["alarms.bySeverity.critical", "kpi.critical", true], ["alarms.unacknowledged", "kpi.unacknowledged", true]]],
  ["risk.highRiskProjects", "kpi.highRisk", "unit.count", true, []],
  ["dangerousWorks.inProgress", "kpi.dangerousWorks", "unit.items", false, [["dangerousWorks.overScale", "kpi.overScale", true]]],
  ["equipment.inspectionExpired", "kpi.equipment", "unit.items", true, [["equipment.withActiveAlarms", "kpi.withAlarms", true]]],
  ["environment.dustExceedancesWeek", "kpi.dust", "unit.times", true, [["environment.noiseExceedancesWeek", "kpi.noise", true]]],
  ["testing.failed30d", "kpi.failedTests", "unit.items", true, []],
  ["wages.projectsOwing", "kpi.wages", "unit.count", true, []],
  ["gas.fillsToday", "kpi.fillsToday", "unit.times", false, [["gas.lockedFillsToday", "kpi.locked", true]]],
  ["gas.openLeaks", "kpi.leaks", "unit.items", true, [["gas.openDeliveryAnomalies", "kpi.anomalies", true], ["gas.overdueCylinders", "kpi.overdueCylinders", true]]],
];

/** The tiles the caller's dashboard has (a section the role may not read has none), words translated by `t`. */
export function kpiTiles(d: CityDashboardDto, t: (key: string) => string): Tile[] {
  return TILES.flatMap(([path, label, unit, alert, subs]) => {
    const main = figureOf(d, path, t(`command.${label}`), alert ? 0 : undefined);
    if (!main) return [];
    const subFigures = subs.flatMap(([p, l, a]) => figureOf(d, p, t(`command.${l}`), a ? 0 : undefined) ?? []);
    return [{ ...main, unit: t(`command.${unit}`), subs: subFigures }];
  });
}
