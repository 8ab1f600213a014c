import { z } from "zod";
import { Role } from "../platform/auth";
import type { Labels } from "../registry/enums";
import { CaseGrade, CaseState } from "../cases/enums";
import { AlarmTickerItem, CityDashboardDto } from "./city";

/**
 * `GET /api/v1/dashboard/home` — the home page of the caller's role:
 * - `bureau` (admin, leader) and `inspector`: `city` (the command center's figures) plus, for an
 *   inspector, "my work" cards;
 * - `contractor` (enterprise and project users): my open cases by deadline, my sites' active alarms,
 *   workers on site, certificates expiring within 60 days (the registry's 即将到期) and equipment inspections
 *   within 30 days (safety's), projects owing wages;
 * - `testing` (testing agency): commissions due, results to enter, failed results, report revisions;
 * - `gas` (gas company): stations, fills and locked fills today, overdue cylinders, open anomalies,
 *   hazards and leaks.
 * Each card's `value` equals the `total` of the list at its `link` (API path and query, for the same
 * caller), or `link` is null when no list stands behind it. Cards the caller's scope makes meaningless
 * are left out, never shown as 0.
 */
export const DASHBOARD_HOME_PATH = "/api/v1/dashboard/home";

export const HOME_KINDS = ["bureau", "inspector", "contractor", "testing", "gas"] as const;
export const HomeKind = z.enum(HOME_KINDS);
export type HomeKind = z.infer<typeof HomeKind>;

export const HOME_CARDS = [
  // inspector: my work
  "inspectionsToday",
  "randomTasks",
  "awaitingMyRecheck",
  "myOverdueFollowUps",
  // contractor
  "myOpenCases",
  "myOverdueCases",
  "activeAlarms",
  "workersOnSite",
  "certificatesExpiring",
  "equipmentInspectionsExpiring",
  "wageWarnings",
  // testing agency
  "commissionsDue",
  "resultsToEnter",
  "failedResults",
  "reportRevisions",
  // gas company
  "stations",
  "fillsToday",
  "lockedFillsToday",
  "overdueCylinders",
  "openAnomalies",
  "openHazards",
  "openLeaks",
] as const;
export const HomeCardKey = z.enum(HOME_CARDS);
export type HomeCardKey = z.infer<typeof HomeCardKey>;

export const HOME_CARD_LABELS: Labels<HomeCardKey> = {
  inspectionsToday: { zh: "今日检查", en: "Inspections today" },
  randomTasks: { zh: "双随机任务", en: "Random-inspection tasks" },
  awaitingMyRecheck: { zh: "待我复查", en: "Awaiting my re-check" },
  myOverdueFollowUps: { zh: "我督办的逾期整改", en: "My overdue follow-ups" },
  myOpenCases: { zh: "待办整改", en: "My open cases" },
  myOverdueCases: { zh: "逾期整改", en: "Overdue cases" },
  activeAlarms: { zh: "活动告警", en: "Active alarms" },
  workersOnSite: { zh: "在场人数", en: "Workers on site" },
  certificatesExpiring: { zh: "60天内到期证书", en: "Certificates expiring in 60 days" },
  equipmentInspectionsExpiring: { zh: "30天内到期设备检验", en: "Equipment inspections expiring in 30 days" },
  wageWarnings: { zh: "工资专户预警", en: "Wage-account warnings" },
  commissionsDue: { zh: "待检委托", en: "Commissions due" },
  resultsToEnter: { zh: "待录入结果", en: "Results to enter" },
  failedResults: { zh: "不合格结果(30天)", en: "Failed results (30 days)" },
  reportRevisions: { zh: "报告修订(30天)", en: "Report revisions (30 days)" },
  stations: { zh: "充装站", en: "Stations" },
  fillsToday: { zh: "今日充装", en: "Fills today" },
  lockedFillsToday: { zh: "今日锁定充装", en: "Locked fills today" },
  overdueCylinders: { zh: "超期未检钢瓶", en: "Overdue cylinders" },
  openAnomalies: { zh: "未处理配送异常", en: "Open delivery anomalies" },
  openHazards: { zh: "未销项管网隐患", en: "Open pipeline hazards" },
  openLeaks: { zh: "未消除泄漏点", en: "Open leaks" },
};

export const HomeCard = z.object({
  key: HomeCardKey,
  value: z.number().int(),
  /** The API list (path and query) whose total equals `value`; null when none stands behind it. */
  link: z.string().nullable(),
  /** Draw attention (red) when the value is above zero. */
  alert: z.boolean(),
});
export type HomeCard = z.infer<typeof HomeCard>;

/** A case on a contractor's to-do list, earliest deadline first. */
export const HomeCaseItem = z.object({
  id: z.uuid(),
  no: z.string(),
  title: z.string(),
  projectName: z.string().nullable(),
  state: CaseState,
  grade: CaseGrade,
  deadline: z.string(),
  overdue: z.boolean(),
  /** What the caller can do now (sign for, reply…), as on the case. */
  actions: z.array(z.string()),
});
export type HomeCaseItem = z.infer<typeof HomeCaseItem>;

export const HomeDto = z.object({
  role: Role,
  kind: HomeKind,
  /** bureau and inspector: the command center's figures. */
  city: CityDashboardDto.optional(),
  cards: z.array(HomeCard),
  /** contractor: up to 10 open cases by deadline (the whole list: the `myOpenCases` card's link, sorted by deadline). */
  cases: z.array(HomeCaseItem).optional(),
  /** contractor and gas: up to 10 latest active alarms of my sites / devices. */
  alarms: z.array(AlarmTickerItem).optional(),
  at: z.string(),
});
export type HomeDto = z.infer<typeof HomeDto>;
