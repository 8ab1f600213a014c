import type { z } from "zod";
import { ListCasesQuery } from "@contracts/cases/cases";
import { ListRandomPlansQuery, ListInspectionsQuery } from "@contracts/cases/inspections";
import { ListAnomaliesQuery } from "@contracts/gas/anomaly";
import { ListCylindersQuery } from "@contracts/gas/cylinder";
import { ListFillChecksQuery, ListFillsQuery } from "@contracts/gas/fill";
import { ListLeaksQuery } from "@contracts/gas/leak";
import { ListHazardsQuery } from "@contracts/gas/patrol";
import { ListStationsQuery } from "@contracts/gas/station";
import { ListAlarmsQuery } from "@contracts/iot/alarms";
import type { Permission } from "@contracts/platform/auth";
import { ListPersonsQuery } from "@contracts/registry/person";
import { ListProjectsQuery } from "@contracts/registry/project";
import { RiskListQuery } from "@contracts/risk/risk";
import { ListDangerousWorksQuery } from "@contracts/safety/dangerous-works";
import { ListEquipmentQuery } from "@contracts/safety/equipment";
import { ListCommissionsQuery } from "@contracts/testing/commission";
import { ListResultsQuery } from "@contracts/testing/result";
import { CityAttendanceQuery } from "@contracts/workforce/attendance";
import { ArrearsQuery } from "@contracts/workforce/wages";
import type { Actor, ServiceContext } from "../../platform/context.js";
import type { Executor } from "../../platform/db/client.js";
import { listCases, listInspections, listRandomPlans } from "../cases/index.js";
import { listAnomalies } from "../gas/delivery/index.js";
import { listCylinders, listFillChecks, listFills, listStations } from "../gas/cylinders/index.js";
import { listLeaks } from "../gas/leaks/index.js";
import { listHazards } from "../gas/pipelines/index.js";
import { listAlarms } from "../iot/index.js";
import { listPersons, listProjects } from "../registry/index.js";
import { listRisk } from "../risk/index.js";
import { listDangerousWorks, listEquipment } from "../safety/index.js";
import { listCommissions, listResults } from "../testing/index.js";
import { cityAttendanceToday, listArrears } from "../workforce/index.js";

/**
 * The lists a KPI may equal. A KPI is (list, query): its value is that list's `total` for the caller,
 * read through the owning module's own list function with the query parsed by the list's own schema —
 * exactly what `GET <path>?<query>` answers — and its link is that path and query. A count and its link
 * cannot drift apart, and the module computes its own figure.
 */
interface ListSource<S extends z.ZodType> {
  path: string;
  permission: Permission;
  schema: S;
  read: (ctx: ServiceContext, q: z.output<S>) => Promise<{ total: number }>;
}

const source = <S extends z.ZodType>(s: ListSource<S>) => s as unknown as ListSource<z.ZodType>;
/** A list function of the older `(db, actor, query)` shape, read with the context's executor and actor. */
const byActor =
  <Q, R>(list: (db: Executor, actor: Actor, q: Q) => Promise<R>) =>
  (ctx: ServiceContext, q: Q) =>
    list(ctx.db, ctx.actor, q);

export const LISTS = {
  projects: source({ path: "/api/v1/projects", permission: "registry.project.read", schema: ListProjectsQuery, read: byActor(listProjects) }),
  persons: source({ path: "/api/v1/persons", permission: "registry.person.read", schema: ListPersonsQuery, read: byActor(listPersons) }),
  attendanceToday: source({ path: "/api/v1/attendance/today", permission: "workforce.read", schema: CityAttendanceQuery, read: cityAttendanceToday }),
  cases: source({ path: "/api/v1/cases", permission: "cases.read", schema: ListCasesQuery, read: byActor(listCases) }),
  inspections: source({ path: "/api/v1/inspections", permission: "cases.read", schema: ListInspectionsQuery, read: byActor(listInspections) }),
  randomPlans: source({ path: "/api/v1/random-plans", permission: "cases.inspect", schema: ListRandomPlansQuery, read: byActor(listRandomPlans) }),
  alarms: source({ path: "/api/v1/alarms", permission: "iot.read", schema: ListAlarmsQuery, read: byActor(listAlarms) }),
  dangerousWorks: source({ path: "/api/v1/dangerous-works", permission: "safety.read", schema: ListDangerousWorksQuery, read: byActor(listDangerousWorks) }),
  equipment: source({ path: "/api/v1/equipment", permission: "safety.read", schema: ListEquipmentQuery, read: byActor(listEquipment) }),
  testResults: source({ path: "/api/v1/testing/results", permission: "testing.read", schema: ListResultsQuery, read: byActor(listResults) }),
  commissions: source({ path: "/api/v1/testing/commissions", permission: "testing.read", schema: ListCommissionsQuery, read: byActor(listCommissions) }),
  arrears: source({ path: "/api/v1/wages/arrears", permission: "workforce.read", schema: ArrearsQuery, read: listArrears }),
  fills: source({ path: "/api/v1/gas/fills", permission: "gas.read", schema: ListFillsQuery, read: byActor(listFills) }),
  fillChecks: source({ path: "/api/v1/gas/fill-checks", permission: "gas.read", schema: ListFillChecksQuery, read: byActor(listFillChecks) }),
  anomalies: source({ path: "/api/v1/gas/anomalies", permission: "gas.read", schema: ListAnomaliesQuery, read: byActor(listAnomalies) }),
  leaks: source({ path: "/api/v1/gas/leaks", permission: "gas.read", schema: ListLeaksQuery, read: byActor(listLeaks) }),
  hazards: source({ path: "/api/v1/gas/hazards", permission: "gas.read", schema: ListHazardsQuery, read: byActor(listHazards) }),
  cylinders: source({ path: "/api/v1/gas/cylinders", permission: "gas.read", schema: ListCylindersQuery, read: byActor(listCylinders) }),
  risk: source({ path: "/api/v1/risk/projects", permission: "registry.project.read", schema: RiskListQuery, read: byActor(listRisk) }),
  stations: source({ path: "/api/v1/gas/stations", permission: "gas.read", schema: ListStationsQuery, read: byActor(listStations) }),
} as const;
export type ListKey = keyof typeof LISTS;

/** A query as the querystring carries it: repeated keys for several values. */
export type KpiQuery = Record<string, string | readonly string[]>;

export interface Kpi {
  list: ListKey;
  query?: KpiQuery;
}

/** `path?a=1&b=x&b=y` — the link a web page maps to its own route. */
export function linkOf(kpi: Kpi): string {
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries(kpi.query ?? {})) for (const one of typeof v === "string" ? [v] : v) params.append(k, one);
  const qs = params.toString();
  return qs ? `${LISTS[kpi.list].path}?${qs}` : LISTS[kpi.list].path;
}

/** The list's total for the caller, read as `GET <link>` would (page 1 of one row: the count is the answer). */
export async function countOf(ctx: ServiceContext, kpi: Kpi): Promise<number> {
  const s = LISTS[kpi.list];
  const q = s.schema.parse({ ...kpi.query, page: 1, pageSize: 1 });
  return (await s.read(ctx, q)).total;
}

export const mayRead = (actor: Actor, list: ListKey) => actor.permissions.has(LISTS[list].permission);
