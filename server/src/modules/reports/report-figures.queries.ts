import { ListCasesQuery, type ListCasesQueryInput } from "@contracts/cases/cases";
import { CASE_CATEGORY_LABELS, CASE_STATE_LABELS, STOP_WORK_LABELS } from "@contracts/cases/enums";
import { ANOMALY_KIND_LABELS, ANOMALY_STATE_LABELS, ListAnomaliesQuery } from "@contracts/gas/anomaly";
import { ListAlarmsQuery, SEVERITIES } from "@contracts/iot/alarms";
import { ALARM_STATUS_LABELS, SEVERITY_LABELS } from "@contracts/iot/labels";
import type { HeadlineFigure, HeadlineKey, ReportContent, ReportKind, ReportTable, TableKey } from "@contracts/reports/reports";
import { SAMPLE_TYPE_LABELS } from "@contracts/testing/enums";
import { ListResultsQuery } from "@contracts/testing/result";
import { ArrearsQuery } from "@contracts/workforce/wages";
import type { ServiceContext } from "../../platform/context.js";
import { listCases } from "../cases/index.js";
import { listAnomalies } from "../gas/delivery/index.js";
import { listAlarms } from "../iot/index.js";
import { listResults } from "../testing/index.js";
import { listArrears } from "../workforce/index.js";
import { periodInstants, previousPeriod, type Period } from "./report-period.calc.js";

/**
 * The briefing's figures are the totals of the owning modules' own lists, asked through their index.ts with the
 * period as the list's date filter — the numbers a leader gets by following the link, and the dashboard's for the
 * same filters. The tables are those lists' first rows. Nothing here reads another module's tables.
 */

/**
 * Rows kept per table (the largest page a list serves): the xlsx carries them, the PDF prints the first few, the
 * attention ranking weighs them; `total` says how many there are and the list behind the link has them all.
 */
const TABLE_ROWS = 200;

const shanghaiTime = (iso: string) => new Date(Date.parse(iso) + 8 * 3600_000).toISOString().slice(0, 16).replace("T", " ");
const query = (params: Record<string, string | string[] | undefined>) => {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) for (const one of [v ?? []].flat()) q.append(k, one);
  return q.toString();
};

interface Lists {
  cases: (q: ListCasesQueryInput) => ReturnType<typeof listCases>;
  alarms: (q: Record<string, unknown>) => ReturnType<typeof listAlarms>;
  results: (q: Record<string, unknown>) => ReturnType<typeof listResults>;
  anomalies: (q: Record<string, unknown>) => ReturnType<typeof listAnomalies>;
}

function listsOf({ db, actor }: ServiceContext): Lists {
  return {
    cases: (q) => listCases(db, actor, ListCasesQuery.parse(q)),
    alarms: (q) => listAlarms(db, actor, ListAlarmsQuery.parse(q)),
    results: (q) => listResults(db, actor, ListResultsQuery.parse(q)),
    anomalies: (q) => listAnomalies(db, actor, ListAnomaliesQuery.parse(q)),
  };
}

/** The dated filters of each list for a period: cases and anomalies by Shanghai day, alarms by instant, tests by test day. */
const alarmSpan = (p: Period) => {
  const { start, end } = periodInstants(p);
  return { from: start.toISOString(), to: end.toISOString() };
};

interface PeriodCounts {
  casesOpened: number;
  majorCasesOpened: number;
  alarmsRaised: number;
  criticalAlarms: number;
  dustExceedances: number;
  noiseExceedances: number;
  failedTests: number;
  gasAnomalies: number;
}

async function periodCounts(l: Lists, p: Period): Promise<PeriodCounts> {
  const one = { page: 1, pageSize: 1 };
  const [casesOpened, majorCasesOpened, alarmsRaised, criticalAlarms, dustExceedances, noiseExceedances, failedTests, gasAnomalies] = await Promise.all([
    l.cases({ ...one, ...p }),
    l.cases({ ...one, ...p, grade: ["major"] }),
    l.alarms({ ...one, ...alarmSpan(p) }),
    l.alarms({ ...one, ...alarmSpan(p), severity: ["critical"] }),
    l.alarms({ ...one, ...alarmSpan(p), rulePrefix: "dust" }),
    l.alarms({ ...one, ...alarmSpan(p), rulePrefix: "noise" }),
    l.results({ ...one, ...p, pass: "false" }),
    l.anomalies({ ...one, ...p }),
  ]);
  return {
    casesOpened: casesOpened.total,
    majorCasesOpened: majorCasesOpened.total,
    alarmsRaised: alarmsRaised.total,
    criticalAlarms: criticalAlarms.total,
    dustExceedances: dustExceedances.total,
    noiseExceedances: noiseExceedances.total,
    failedTests: failedTests.total,
    gasAnomalies: gasAnomalies.total,
  };
}

/** The list (API path and query) each headline figure is the total of, for the period. */
export function headlineLinks(p: Period): Record<HeadlineKey, string> {
  const alarms = alarmSpan(p);
  return {
    casesOpened: `/api/v1/cases?${query({ from: p.from, to: p.to })}`,
    majorCasesOpened: `/api/v1/cases?${query({ grade: "major", from: p.from, to: p.to })}`,
    stopWorkInForce: `/api/v1/cases?${query({ stopWork: ["ordered", "resume_applied"] })}`,
    alarmsRaised: `/api/v1/alarms?${query(alarms)}`,
    criticalAlarms: `/api/v1/alarms?${query({ severity: "critical", ...alarms })}`,
    // The command center's 扬尘/噪声 exceedances of the week are these lists from Monday on.
    dustExceedances: `/api/v1/alarms?${query({ rulePrefix: "dust", ...alarms })}`,
    noiseExceedances: `/api/v1/alarms?${query({ rulePrefix: "noise", ...alarms })}`,
    failedTests: `/api/v1/testing/results?${query({ pass: "false", from: p.from, to: p.to })}`,
    projectsOwingWages: `/api/v1/wages/arrears`,
    gasAnomalies: `/api/v1/gas/anomalies?${query({ from: p.from, to: p.to })}`,
  };
}

const col = (key: string, zh: string, en: string) => ({ key, zh, en });
const table = (key: TableKey, total: number, columns: ReportTable["columns"], rows: ReportTable["rows"]): ReportTable => ({ key, total, columns, rows });

/** Weights of the attention ranking: what makes a project one the leader should look at first. */
const ATTENTION_WEIGHTS = { majorCase: 3, stopWork: 3, criticalAlarm: 2, failedTest: 2, wageArrears: 2 } as const;

/**
 * Gathers the briefing of `period` as the context's actor sees the city (the schedule and the bureau: all of it);
 * the context's clock is the time of generation, which the states at generation (stop-work orders in force, wage
 * arrears) are of. `city` is the name printed on it.
 */
export async function gatherReport(ctx: ServiceContext, q: { kind: ReportKind; period: Period; city: string }): Promise<ReportContent> {
  const { kind, period, city } = q;
  const l = listsOf(ctx);
  const prev = previousPeriod(kind, period);
  const rows = { page: 1, pageSize: TABLE_ROWS };
  const [current, before, majorCases, stopWork, criticalAlarms, failedTests, arrears, anomalies, ...bySeverity] = await Promise.all([
    periodCounts(l, period),
    periodCounts(l, prev),
    l.cases({ ...rows, ...period, grade: ["major"] }),
    l.cases({ ...rows, stopWork: ["ordered", "resume_applied"] }),
    l.alarms({ ...rows, ...alarmSpan(period), severity: ["critical"] }),
    l.results({ ...rows, ...period, pass: "false" }),
    listArrears(ctx, ArrearsQuery.parse({ page: 1, pageSize: TABLE_ROWS })),
    l.anomalies({ ...rows, ...period }),
    ...SEVERITIES.map((severity) => l.alarms({ page: 1, pageSize: 1, ...alarmSpan(period), severity: [severity] })),
  ]);
  const links = headlineLinks(period);
  const figure = (key: HeadlineKey, value: number, previous: number | null): HeadlineFigure => ({ key, value, previous, now: previous === null, link: links[key] });
  const headline: HeadlineFigure[] = [
    figure("casesOpened", current.casesOpened, before.casesOpened),
    figure("majorCasesOpened", current.majorCasesOpened, before.majorCasesOpened),
    figure("stopWorkInForce", stopWork.total, null),
    figure("alarmsRaised", current.alarmsRaised, before.alarmsRaised),
    figure("criticalAlarms", current.criticalAlarms, before.criticalAlarms),
    figure("dustExceedances", current.dustExceedances, before.dustExceedances),
    figure("noiseExceedances", current.noiseExceedances, before.noiseExceedances),
    figure("failedTests", current.failedTests, before.failedTests),
    figure("projectsOwingWages", arrears.total, null),
    figure("gasAnomalies", current.gasAnomalies, before.gasAnomalies),
  ];

  // The projects needing attention: weighted counts over the rows above, heaviest first.
  const attention = new Map<string, { name: string; score: number; majorCases: number; stopWork: number; criticalAlarms: number; failedTests: number; owing: number }>();
  const bump = (id: string | null, name: string | null, field: "majorCases" | "stopWork" | "criticalAlarms" | "failedTests" | "owing", weight: number) => {
    if (!id) return;
    const a = attention.get(id) ?? { name: name ?? "", score: 0, majorCases: 0, stopWork: 0, criticalAlarms: 0, failedTests: 0, owing: 0 };
    a[field] += 1;
    a.score += weight;
    attention.set(id, a);
  };
  for (const c of majorCases.items) bump(c.projectId, c.projectName, "majorCases", ATTENTION_WEIGHTS.majorCase);
  for (const c of stopWork.items) bump(c.projectId, c.projectName, "stopWork", ATTENTION_WEIGHTS.stopWork);
  for (const a of criticalAlarms.items) bump(a.projectId, a.projectName, "criticalAlarms", ATTENTION_WEIGHTS.criticalAlarm);
  for (const r of failedTests.items) bump(r.projectId, r.projectName, "failedTests", ATTENTION_WEIGHTS.failedTest);
  for (const w of arrears.items) bump(w.projectId, w.projectName, "owing", ATTENTION_WEIGHTS.wageArrears);
  const ranked = [...attention.values()].sort((a, b) => b.score - a.score || a.name.localeCompare(b.name, "zh-CN")).slice(0, 10);

  const caseColumns = [col("no", "案件编号", "Case no."), col("project", "项目", "Project"), col("category", "类别", "Category"), col("title", "问题", "Issue"), col("state", "状态", "State"), col("openedAt", "开具时间", "Opened")];
  const tables: ReportTable[] = [
    table(
      "majorCases",
      majorCases.total,
      caseColumns,
      majorCases.items.map((c) => [c.no, c.projectName ?? c.enterpriseName ?? "", CASE_CATEGORY_LABELS[c.category].zh, c.title, CASE_STATE_LABELS[c.state].zh, shanghaiTime(c.createdAt)]),
    ),
    table(
      "stopWork",
      stopWork.total,
      [col("no", "案件编号", "Case no."), col("project", "项目", "Project"), col("title", "问题", "Issue"), col("stopWork", "停工状态", "Stop-work"), col("openedAt", "开具时间", "Opened")],
      stopWork.items.map((c) => [c.no, c.projectName ?? "", c.title, STOP_WORK_LABELS[c.stopWork].zh, shanghaiTime(c.createdAt)]),
    ),
    table(
      "criticalAlarms",
      criticalAlarms.total,
      [col("project", "项目", "Project"), col("device", "设备", "Device"), col("rule", "告警", "Alarm"), col("peak", "峰值", "Peak"), col("status", "状态", "Status"), col("startedAt", "发生时间", "Started")],
      criticalAlarms.items.map((a) => [a.projectName, a.deviceName, a.ruleName, a.peakValue ?? a.value ?? "", ALARM_STATUS_LABELS[a.status].zh, shanghaiTime(a.startedAt)]),
    ),
    table(
      "failedTests",
      failedTests.total,
      [col("commission", "委托编号", "Commission"), col("project", "项目", "Project"), col("agency", "检测机构", "Agency"), col("sample", "样品", "Sample"), col("class", "等级", "Class"), col("testedOn", "检测日期", "Tested")],
      failedTests.items.map((r) => [r.commissionNo, r.projectName, r.agencyName, SAMPLE_TYPE_LABELS[r.sampleType].zh, r.strengthClass ?? "", r.testedOn]),
    ),
    table(
      "wageArrears",
      arrears.total,
      [col("project", "项目", "Project"), col("district", "区域", "District"), col("workers", "欠薪人数", "Workers owed"), col("net", "欠发金额(元)", "Unpaid net (CNY)"), col("oldest", "最早月份", "Oldest month"), col("unrecorded", "未造册人数", "Unrecorded workers")],
      arrears.items.map((w) => [w.projectName, w.district, w.unpaidWorkers, w.unpaidNet, w.oldestMonth ?? "", w.unrecordedWorkers]),
    ),
    table(
      "gasAnomalies",
      anomalies.total,
      [col("enterprise", "燃气企业", "Gas company"), col("kind", "异常类型", "Kind"), col("cylinder", "气瓶", "Cylinder"), col("customer", "用户", "Customer"), col("state", "状态", "State"), col("detectedAt", "发现时间", "Detected")],
      anomalies.items.map((a) => [a.enterpriseName, ANOMALY_KIND_LABELS[a.kind].zh, a.cylinderCode ?? "", a.customerName ?? "", ANOMALY_STATE_LABELS[a.state].zh, shanghaiTime(a.detectedAt)]),
    ),
    table(
      "attention",
      ranked.length,
      [col("project", "项目", "Project"), col("score", "关注指数", "Attention score"), col("majorCases", "重大隐患", "Major cases"), col("stopWork", "停工整改", "Stop-work"), col("criticalAlarms", "紧急告警", "Critical alarms"), col("failedTests", "检测不合格", "Failed tests"), col("owing", "欠薪", "Owing wages")],
      ranked.map((a) => [a.name, a.score, a.majorCases, a.stopWork, a.criticalAlarms, a.failedTests, a.owing ? "是" : ""]),
    ),
  ];
  return {
    city,
    previous: prev,
    headline,
    alarmsBySeverity: Object.fromEntries(SEVERITIES.map((s, i) => [s, bySeverity[i].total])),
    tables,
  };
}

/** Severity names for the chart legend (zh). */
export const severityZh = (s: string) => SEVERITY_LABELS[s as keyof typeof SEVERITY_LABELS]?.zh ?? s;
