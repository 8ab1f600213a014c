import { z } from "zod";
import { CaseGrade, CaseState } from "../cases/enums";
import { Severity, type AlarmDto } from "../iot/alarms";
import { ProjectStatus } from "../registry/enums";

/**
 * `GET /api/v1/dashboard/city` — the command center (驾驶舱): the city's state now, inside the caller's
 * data scope (a contractor counts only its projects, a gas company only its gas data). A section is
 * absent when the caller's role may not read the module behind it (a gas company gets no `projects`).
 *
 * Every count equals the `total` of the list named in `links` under the count's path (e.g.
 * `links["cases.open"]` = `/api/v1/cases?state=pending&state=rectifying&state=review`), fetched by the
 * same caller; the dated links (today, this week, 30 days) are filled in with the server's day (Asia/Shanghai).
 * Map keys: `<section>.<field>`, and `<section>.<field>.<key>` for the entries of a breakdown
 * (`projects.byStatus.in_progress`, `projects.byDistrict.东城街道`, `alarms.bySeverity.critical`).
 * Served from a per-scope cache a few seconds old at most (`at` says when it was computed); the realtime
 * stream's `dashboard` event says when to fetch again.
 */
export const DASHBOARD_CITY_PATH = "/api/v1/dashboard/city";

const Count = z.number().int();

export const ProjectsSection = z.object({
  /** = /api/v1/projects */
  total: Count,
  /** Every status, zero included. = /api/v1/projects?status=<s> */
  byStatus: z.record(ProjectStatus, Count),
  /** Districts with projects, most first. = /api/v1/projects?district=<d> */
  byDistrict: z.array(z.object({ district: z.string(), count: Count })),
});

export const WorkforceSection = z.object({
  /** People whose last gate passage today was "in" (在场). = /api/v1/attendance/today?onSite=true */
  onSite: Count,
  /** People who passed a gate today (Asia/Shanghai). = /api/v1/attendance/today */
  attendanceToday: Count,
});

export const OverdueCaseBrief = z.object({
  id: z.uuid(),
  no: z.string(),
  title: z.string(),
  projectName: z.string().nullable(),
  enterpriseName: z.string().nullable(),
  grade: CaseGrade,
  deadline: z.string(),
  /** Whole days since the deadline (Asia/Shanghai). */
  daysOverdue: Count,
});
export type OverdueCaseBrief = z.infer<typeof OverdueCaseBrief>;

export const CasesSection = z.object({
  /** Not closed. = /api/v1/cases?state=pending&state=rectifying&state=review */
  open: Count,
  /** Open per state. = /api/v1/cases?state=<s> */
  byState: z.record(CaseState.exclude(["closed"]), Count),
  /** Open and flagged overdue. = /api/v1/cases?overdue=true */
  overdue: Count,
  /** Open, grade major (重大隐患). = /api/v1/cases?state=pending&state=rectifying&state=review&grade=major */
  major: Count,
  /** Stop-work order in force. = /api/v1/cases?stopWork=ordered&stopWork=resume_applied */
  stopWork: Count,
  /** The open overdue case with the earliest deadline; null when none is overdue. */
  oldestOverdue: OverdueCaseBrief.nullable(),
});

/** One line of the live alarm ticker. */
export const AlarmTickerItem = z.object({
  id: z.uuid(),
  projectId: z.uuid(),
  projectName: z.string(),
  deviceName: z.string(),
  ruleCode: z.string(),
  ruleName: z.string(),
  severity: Severity,
  value: z.number().nullable(),
  threshold: z.number().nullable(),
  startedAt: z.string(),
  lastAt: z.string(),
  acknowledged: z.boolean(),
});
export type AlarmTickerItem = z.infer<typeof AlarmTickerItem>;

/** An alarm of the alarm list as a ticker line: the server's aggregate and the console's live list map it alike. */
export const alarmTickerItem = (a: AlarmDto): AlarmTickerItem => ({
  id: a.id,
  projectId: a.projectId,
  projectName: a.projectName,
  deviceName: a.deviceName,
  ruleCode: a.ruleCode,
  ruleName: a.ruleName,
  severity: a.severity,
  value: a.value,
  threshold: a.threshold,
  startedAt: a.startedAt,
  lastAt: a.lastAt,
  acknowledged: a.ackedAt !== null,
});

export const AlarmsSection = z.object({
  /** Active (acknowledged or not). = /api/v1/alarms?status=active_unack&status=active_ack */
  active: Count,
  /** Active per severity, every severity. = /api/v1/alarms?status=active_unack&status=active_ack&severity=<s> */
  bySeverity: z.record(Severity, Count),
  /** Active and not acknowledged. = /api/v1/alarms?status=active_unack */
  unacknowledged: Count,
  /** The 10 latest active alarms, newest (lastAt) first: the ticker's first paint. */
  latest: z.array(AlarmTickerItem),
});

export const DangerousWorksSection = z.object({
  /** 危大工程 in 实施 (state in_progress). = /api/v1/dangerous-works?state=in_progress */
  inProgress: Count,
  /** Of those, 超过一定规模 (level chaoweida). = /api/v1/dangerous-works?state=in_progress&level=chaoweida */
  overScale: Count,
});

export const EquipmentSection = z.object({
  /** Cranes and hoists in use whose inspection has expired. = /api/v1/equipment?status=in_use&inspection=expired */
  inspectionExpired: Count,
  /** In use, whose monitor has an active alarm. = /api/v1/equipment?status=in_use&activeAlarm=true */
  withActiveAlarms: Count,
});

export const EnvironmentSection = z.object({
  /** Dust alarms (rules dust.*) raised since Monday 00:00 (Asia/Shanghai). = /api/v1/alarms?rulePrefix=dust&from=<Monday> */
  dustExceedancesWeek: Count,
  /** Noise alarms (rules noise.*) raised since Monday. = /api/v1/alarms?rulePrefix=noise&from=<Monday> */
  noiseExceedancesWeek: Count,
});

export const TestingSection = z.object({
  /** Failed results tested in the last 30 days (today included). = /api/v1/testing/results?pass=false&from=<today-29> */
  failed30d: Count,
});

export const WagesSection = z.object({
  /** Projects owing wages (unpaid payroll past its pay day). = /api/v1/wages/arrears */
  projectsOwing: Count,
});

export const GasSection = z.object({
  /** = /api/v1/gas/fills?from=<today>&to=<today> */
  fillsToday: Count,
  /** Pre-fill checks refused today (the scale stayed locked). = /api/v1/gas/fill-checks?allowed=false&from=<today>&to=<today> */
  lockedFillsToday: Count,
  /** = /api/v1/gas/anomalies?state=open */
  openDeliveryAnomalies: Count,
  /** Leak points suspected or confirmed, not cleared. = /api/v1/gas/leaks?state=suspect&state=confirmed */
  openLeaks: Count,
  /** Cylinders past their periodic inspection date. = /api/v1/gas/cylinders?overdue=true */
  overdueCylinders: Count,
});

/** The risk module's latest ranking (项目风险指数), for callers who may read projects. */
export const RiskSection = z.object({
  /** Projects at level high (高). = /api/v1/risk/projects?level=high */
  highRiskProjects: Count,
  /** Projects at level critical (极高). = /api/v1/risk/projects?level=critical */
  criticalRiskProjects: Count,
});

export const CityDashboardDto = z.object({
  projects: ProjectsSection.optional(),
  workforce: WorkforceSection.optional(),
  cases: CasesSection.optional(),
  alarms: AlarmsSection.optional(),
  dangerousWorks: DangerousWorksSection.optional(),
  equipment: EquipmentSection.optional(),
  environment: EnvironmentSection.optional(),
  testing: TestingSection.optional(),
  wages: WagesSection.optional(),
  gas: GasSection.optional(),
  risk: RiskSection.optional(),
  /** KPI path → the API list (path and query) whose `total` equals it. Web pages map it to their own route. */
  links: z.record(z.string(), z.string()),
  /** When these figures were computed (ISO, UTC). */
  at: z.string(),
});
export type CityDashboardDto = z.infer<typeof CityDashboardDto>;
