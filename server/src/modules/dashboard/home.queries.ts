import { ListCasesQuery } from "@contracts/cases/cases";
import { CASE_STATES } from "@contracts/cases/enums";
import type { HomeCard, HomeCardKey, HomeDto, HomeKind } from "@contracts/dashboard/home";
import { alarmTickerItem } from "@contracts/dashboard/city";
import { ListAlarmsQuery } from "@contracts/iot/alarms";
import type { Actor, ServiceContext } from "../../platform/context.js";
import { listCases } from "../cases/index.js";
import { listAlarms } from "../iot/index.js";
import { kpiDays, type KpiDays } from "./city-kpi.calc.js";
import { countOf, linkOf, mayRead, type Kpi } from "./kpi.queries.js";

const OPEN_STATES = CASE_STATES.filter((s) => s !== "closed");
const ACTIVE = ["active_unack", "active_ack"];

export function homeKind(actor: Actor): HomeKind {
  switch (actor.role) {
    case "inspector":
      return "inspector";
    case "enterprise":
    case "project":
      return "contractor";
    case "testing_agency":
      return "testing";
    case "gas_company":
      return "gas";
    default:
      return "bureau";
  }
}

/** Each card of a kind as the list it equals (the caller's scope narrows every list by itself). */
function cardsOf(kind: HomeKind, actor: Actor, d: KpiDays): [HomeCardKey, Kpi][] {
  const me = actor.userId ?? "00000000-0000-0000-0000-000000000000";
  switch (kind) {
    case "inspector":
      return [
        ["inspectionsToday", { list: "inspections", query: { inspectorId: me, from: d.today, to: d.today } }],
        ["randomTasks", { list: "randomPlans", query: { state: "published", ...(actor.domain ? { domain: actor.domain } : {}) } }],
        ["awaitingMyRecheck", { list: "cases", query: { issuerId: me, state: "review" } }],
        ["myOverdueFollowUps", { list: "cases", query: { issuerId: me, overdue: "true" } }],
      ];
    case "contractor":
      return [
        ["myOpenCases", { list: "cases", query: { state: OPEN_STATES } }],
        ["myOverdueCases", { list: "cases", query: { overdue: "true" } }],
        ["activeAlarms", { list: "alarms", query: { status: ACTIVE } }],
        ["workersOnSite", { list: "attendanceToday", query: { onSite: "true" } }],
        ["certificatesExpiring", { list: "persons", query: { certificateExpiry: "expiring" } }],
        ["equipmentInspectionsExpiring", { list: "equipment", query: { status: "in_use", inspection: "expiring" } }],
        ["wageWarnings", { list: "arrears" }],
      ];
    case "testing":
      return [
        ["commissionsDue", { list: "commissions", query: { state: "commissioned" } }],
        ["resultsToEnter", { list: "commissions", query: { state: "sampled" } }],
        ["failedResults", { list: "testResults", query: { pass: "false", from: d.day30 } }],
      ];
    case "gas":
      return [
        ["stations", { list: "stations" }],
        ["fillsToday", { list: "fills", query: { from: d.today, to: d.today } }],
        ["lockedFillsToday", { list: "fillChecks", query: { allowed: "false", from: d.today, to: d.today } }],
        ["overdueCylinders", { list: "cylinders", query: { overdue: "true" } }],
        ["openAnomalies", { list: "anomalies", query: { state: "open" } }],
        ["openHazards", { list: "hazards", query: { open: "true" } }],
        ["openLeaks", { list: "leaks", query: { state: ["suspect", "confirmed"] } }],
      ];
    default:
      return [];
  }
}

/** Cards that count things to act on: red when above zero. The rest (stations, fills, people) just inform. */
const CALM = new Set<HomeCardKey>(["inspectionsToday", "randomTasks", "workersOnSite", "stations", "fillsToday", "commissionsDue", "resultsToEnter"]);

/**
 * The caller's home: its role's cards (each the total of its linked list, cards whose list the role may not
 * read left out), a contractor's open cases by deadline, the latest alarms of its sites, and for the bureau
 * and inspectors the command center's figures (`city`, passed in from the cache).
 */
export async function homeOf(ctx: ServiceContext, city: () => Promise<HomeDto["city"]>): Promise<HomeDto> {
  const { db, actor } = ctx;
  const now = ctx.clock.now().getTime();
  const kind = homeKind(actor);
  const kpis = cardsOf(kind, actor, kpiDays(now)).filter(([, kpi]) => mayRead(actor, kpi.list));
  const contractor = kind === "contractor";
  const [values, cases, alarms, cityFigures] = await Promise.all([
    Promise.all(kpis.map(([, kpi]) => countOf(ctx, kpi))),
    contractor && mayRead(actor, "cases") ? listCases(db, actor, ListCasesQuery.parse({ state: OPEN_STATES, sort: "deadline", pageSize: 10 })) : null,
    contractor && mayRead(actor, "alarms") ? listAlarms(db, actor, ListAlarmsQuery.parse({ status: ACTIVE, sort: "-lastAt", pageSize: 10 })) : null,
    kind === "bureau" || kind === "inspector" ? city() : undefined,
  ]);
  const cards: HomeCard[] = kpis.map(([key, kpi], i) => ({ key, value: values[i], link: linkOf(kpi), alert: !CALM.has(key) && values[i] > 0 }));
  const out: HomeDto = { role: actor.role, kind, cards, at: new Date(now).toISOString() };
  if (cityFigures) out.city = cityFigures;
  if (cases) {
    out.cases = cases.items.map((c) => ({
      id: c.id,
      no: c.no,
      title: c.title,
      projectName: c.projectName,
      state: c.state,
      grade: c.grade,
      deadline: c.deadline,
      overdue: c.overdue,
      actions: c.actions,
    }));
  }
  if (alarms) out.alarms = alarms.items.map(alarmTickerItem);
  return out;
}
