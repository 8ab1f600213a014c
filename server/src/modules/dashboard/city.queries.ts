import { alarmTickerItem, type CityDashboardDto, type OverdueCaseBrief } from "@contracts/dashboard/city";
import { ListCasesQuery } from "@contracts/cases/cases";
import { ListAlarmsQuery } from "@contracts/iot/alarms";
import type { CaseState } from "@contracts/cases/enums";
import type { Severity } from "@contracts/iot/alarms";
import type { ProjectStatus } from "@contracts/registry/enums";
import type { Actor, ServiceContext } from "../../platform/context.js";
import { listCases } from "../cases/index.js";
import { listAlarms } from "../iot/index.js";
import { projectStats } from "../registry/index.js";
import { cityKpis, districtKpi, kpiDays } from "./city-kpi.calc.js";
import { countOf, linkOf, mayRead, type ListKey } from "./kpi.queries.js";

type Section = Exclude<keyof CityDashboardDto, "links" | "at">;

/** The lists behind each section: the caller sees a section only if it may read all of them. */
const SECTION_LISTS: Record<Section, ListKey[]> = {
  projects: ["projects"],
  workforce: ["attendanceToday"],
  cases: ["cases"],
  alarms: ["alarms"],
  dangerousWorks: ["dangerousWorks"],
  equipment: ["equipment"],
  environment: ["alarms"],
  testing: ["testResults"],
  wages: ["arrears"],
  gas: ["fills", "fillChecks", "anomalies", "leaks", "cylinders"],
  risk: ["risk"],
};

/** A gas company's world is its gas data: the construction sections would only ever say 0 (issue 15). */
const CONSTRUCTION: Section[] = ["projects", "workforce", "alarms", "dangerousWorks", "equipment", "environment", "testing", "wages", "risk"];

export function sectionsOf(actor: Actor): Set<Section> {
  const out = new Set<Section>();
  for (const [section, lists] of Object.entries(SECTION_LISTS) as [Section, ListKey[]][]) {
    if (actor.role === "gas_company" && CONSTRUCTION.includes(section)) continue;
    if (lists.every((l) => mayRead(actor, l))) out.add(section);
  }
  return out;
}

const DAY_MS = 86_400_000;

/**
 * The command center's figures for the caller, composed from each module's own lists: every count is the
 * total of its linked list read through the module's list function (kpi.queries.ts), so it equals the page
 * the number links to. Project counts come from the registry's one grouped statement (its /projects/stats),
 * whose scope is the list's. The reads run concurrently (a pool serves them side by side).
 */
export async function cityDashboard(ctx: ServiceContext): Promise<CityDashboardDto> {
  const { db, actor } = ctx;
  const now = ctx.clock.now().getTime();
  const sections = sectionsOf(actor);
  const kpis = Object.entries(cityKpis(kpiDays(now))).filter(([key]) => sections.has(key.split(".")[0] as Section));
  const links: Record<string, string> = Object.fromEntries(kpis.map(([key, kpi]) => [key, linkOf(kpi)]));
  const counted = kpis.filter(([key]) => !key.startsWith("projects."));
  const [values, stats, overdue, latest] = await Promise.all([
    Promise.all(counted.map(([, kpi]) => countOf(ctx, kpi))),
    sections.has("projects") ? projectStats(db, actor) : null,
    sections.has("cases") ? listCases(db, actor, ListCasesQuery.parse({ overdue: "true", sort: "deadline", pageSize: 1 })) : null,
    sections.has("alarms") ? listAlarms(db, actor, ListAlarmsQuery.parse({ status: ["active_unack", "active_ack"], sort: "-lastAt", pageSize: 10 })) : null,
  ]);
  const n: Record<string, number> = Object.fromEntries(counted.map(([key], i) => [key, values[i]]));
  const pick = <K extends string>(prefix: string, keys: readonly K[]) => Object.fromEntries(keys.map((k) => [k, n[`${prefix}.${k}`]])) as Record<K, number>;
  const sub = (prefix: string) => {
    const keys = Object.keys(n).filter((k) => k.startsWith(`${prefix}.`) && k.split(".").length === 2);
    return Object.fromEntries(keys.map((k) => [k.slice(prefix.length + 1), n[k]]));
  };
  const out: CityDashboardDto = { links, at: new Date(now).toISOString() };
  if (stats) {
    out.projects = { total: stats.total, byStatus: stats.byStatus as Record<ProjectStatus, number>, byDistrict: stats.byDistrict };
    for (const d of stats.byDistrict) links[`projects.byDistrict.${d.district}`] = linkOf(districtKpi(d.district));
  }
  if (sections.has("workforce")) out.workforce = { onSite: n["workforce.onSite"], attendanceToday: n["workforce.attendanceToday"] };
  if (sections.has("cases")) {
    const c = overdue?.items[0];
    const oldest: OverdueCaseBrief | null = c
      ? {
          id: c.id,
          no: c.no,
          title: c.title,
          projectName: c.projectName,
          enterpriseName: c.enterpriseName,
          grade: c.grade,
          deadline: c.deadline,
          daysOverdue: Math.max(0, Math.floor((now - Date.parse(c.deadline)) / DAY_MS)),
        }
      : null;
    out.cases = {
      open: n["cases.open"],
      byState: pick<Exclude<CaseState, "closed">>("cases.byState", ["pending", "rectifying", "review"]),
      overdue: n["cases.overdue"],
      major: n["cases.major"],
      stopWork: n["cases.stopWork"],
      oldestOverdue: oldest,
    };
  }
  if (sections.has("alarms")) {
    out.alarms = {
      active: n["alarms.active"],
      bySeverity: pick<Severity>("alarms.bySeverity", ["info", "minor", "major", "critical"]),
      unacknowledged: n["alarms.unacknowledged"],
      latest: (latest?.items ?? []).map(alarmTickerItem),
    };
  }
  if (sections.has("dangerousWorks")) out.dangerousWorks = sub("dangerousWorks") as CityDashboardDto["dangerousWorks"];
  if (sections.has("equipment")) out.equipment = sub("equipment") as CityDashboardDto["equipment"];
  if (sections.has("environment")) out.environment = sub("environment") as CityDashboardDto["environment"];
  if (sections.has("testing")) out.testing = sub("testing") as CityDashboardDto["testing"];
  if (sections.has("wages")) out.wages = sub("wages") as CityDashboardDto["wages"];
  if (sections.has("gas")) out.gas = sub("gas") as CityDashboardDto["gas"];
  if (sections.has("risk")) out.risk = sub("risk") as CityDashboardDto["risk"];
  return out;
}
