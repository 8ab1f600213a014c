import { CASE_STATES } from "@contracts/cases/enums";
import { SEVERITIES } from "@contracts/iot/alarms";
import { PROJECT_STATUSES } from "@contracts/registry/enums";
import type { Kpi } from "./kpi.queries.js";

/** The days a dated KPI counts from, in Asia/Shanghai. */
export interface KpiDays {
  /** YYYY-MM-DD */
  today: string;
  /** Monday of this week, 00:00 Asia/Shanghai, as an ISO instant with its offset. */
  weekStart: string;
  /** The first of the last 30 days (today included). */
  day30: string;
}

export function kpiDays(now: number): KpiDays {
  const shanghai = new Date(now + 8 * 3600_000);
  const today = shanghai.toISOString().slice(0, 10);
  const back = (days: number) => new Date(Date.UTC(shanghai.getUTCFullYear(), shanghai.getUTCMonth(), shanghai.getUTCDate() - days)).toISOString().slice(0, 10);
  const monday = back((shanghai.getUTCDay() + 6) % 7);
  return { today, weekStart: `${monday}T00:00:00+08:00`, day30: back(29) };
}

const OPEN_STATES = CASE_STATES.filter((s) => s !== "closed");
const ACTIVE = ["active_unack", "active_ack"];

/**
 * Every count of the command center as the list it equals (contracts/dashboard/city.ts documents the same
 * links). The breakdowns by project status and severity are one KPI per value; districts come with the data.
 */
export function cityKpis(d: KpiDays): Record<string, Kpi> {
  const kpis: Record<string, Kpi> = {
    "projects.total": { list: "projects" },
    "workforce.onSite": { list: "attendanceToday", query: { onSite: "true" } },
    "workforce.attendanceToday": { list: "attendanceToday" },
    "cases.open": { list: "cases", query: { state: OPEN_STATES } },
    "cases.overdue": { list: "cases", query: { overdue: "true" } },
    "cases.major": { list: "cases", query: { state: OPEN_STATES, grade: "major" } },
    "cases.stopWork": { list: "cases", query: { stopWork: ["ordered", "resume_applied"] } },
    "alarms.active": { list: "alarms", query: { status: ACTIVE } },
    "alarms.unacknowledged": { list: "alarms", query: { status: "active_unack" } },
    "dangerousWorks.inProgress": { list: "dangerousWorks", query: { state: "in_progress" } },
    "dangerousWorks.overScale": { list: "dangerousWorks", query: { state: "in_progress", level: "chaoweida" } },
    "equipment.inspectionExpired": { list: "equipment", query: { status: "in_use", inspection: "expired" } },
    "equipment.withActiveAlarms": { list: "equipment", query: { status: "in_use", activeAlarm: "true" } },
    "environment.dustExceedancesWeek": { list: "alarms", query: { rulePrefix: "dust", from: d.weekStart } },
    "environment.noiseExceedancesWeek": { list: "alarms", query: { rulePrefix: "noise", from: d.weekStart } },
    "testing.failed30d": { list: "testResults", query: { pass: "false", from: d.day30 } },
    "wages.projectsOwing": { list: "arrears" },
    "gas.fillsToday": { list: "fills", query: { from: d.today, to: d.today } },
    "gas.lockedFillsToday": { list: "fillChecks", query: { allowed: "false", from: d.today, to: d.today } },
    "gas.openDeliveryAnomalies": { list: "anomalies", query: { state: "open" } },
    "gas.openLeaks": { list: "leaks", query: { state: ["suspect", "confirmed"] } },
    "gas.overdueCylinders": { list: "cylinders", query: { overdue: "true" } },
    "risk.highRiskProjects": { list: "risk", query: { level: "high" } },
    "risk.criticalRiskProjects": { list: "risk", query: { level: "critical" } },
  };
  for (const s of PROJECT_STATUSES) kpis[`projects.byStatus.${s}`] = { list: "projects", query: { status: s } };
  for (const s of OPEN_STATES) kpis[`cases.byState.${s}`] = { list: "cases", query: { state: s } };
  for (const s of SEVERITIES) kpis[`alarms.bySeverity.${s}`] = { list: "alarms", query: { status: ACTIVE, severity: s } };
  return kpis;
}

/** The link of one district's count (districts are data, not a fixed list). */
export const districtKpi = (district: string): Kpi => ({ list: "projects", query: { district } });
