import { and, asc, isNotNull } from "drizzle-orm";
import type { DashboardMapDto, MapLayer, ProjectMarker } from "@contracts/dashboard/map";
import { ListDangerousWorksQuery } from "@contracts/safety/dangerous-works";
import { ListDevicesQuery } from "@contracts/iot/devices";
import { ListLeaksQuery } from "@contracts/gas/leak";
import { ListAlarmsQuery } from "@contracts/iot/alarms";
import { RiskListQuery, type RiskLevel } from "@contracts/risk/risk";
import { requirePermission } from "../../platform/auth/actor.js";
import type { Actor } from "../../platform/context.js";
import type { Executor } from "../../platform/db/client.js";
import { openCasesByProject } from "../cases/index.js";
import { listLeaks } from "../gas/leaks/index.js";
import { activeAlarmsByProject, listAlarms, listDevices } from "../iot/index.js";
import { projectScope, projectsView } from "../registry/index.js";
import { listRisk } from "../risk/index.js";
import { listDangerousWorks } from "../safety/index.js";

const P = projectsView();

/** The latest risk level of each project in scope, read page by page from the risk module's ranking. */
async function riskLevels(db: Executor, actor: Actor): Promise<Map<string, RiskLevel>> {
  const levels = new Map<string, RiskLevel>();
  for (let page = 1; page <= 50; page++) {
    const p = await listRisk(db, actor, RiskListQuery.parse({ page, pageSize: 200 }));
    for (const r of p.items) levels.set(r.projectId, r.level);
    if (page * 200 >= p.total) break;
  }
  return levels;
}

/** A layer draws at most this many points (the most severe / latest first); the KPIs carry the full counts. */
export const LAYER_LIMIT = 200;

/**
 * The map of the caller's scope: every visible project with coordinates, with its active-alarm and open-case
 * counts from iot and cases, and the layers asked for — each read through its module's own list or read
 * function and placed at its project's coordinates (leak points at their own). A layer the role may not
 * read is left out.
 */
export async function dashboardMap(db: Executor, actor: Actor, layers: readonly MapLayer[]): Promise<DashboardMapDto> {
  requirePermission(actor, "registry.project.read");
  const may = (p: Parameters<Actor["permissions"]["has"]>[0]) => actor.permissions.has(p);
  const want = (l: MapLayer) => layers.includes(l);
  const [projects, alarmsBy, casesBy, riskBy] = await Promise.all([
    actor.role === "gas_company"
      ? []
      : db
          .select({ id: P.id, code: P.code, name: P.name, district: P.district, status: P.status, lng: P.lng, lat: P.lat })
          .from(P)
          .where(and(isNotNull(P.lng), isNotNull(P.lat), projectScope(actor, P.id)))
          .orderBy(asc(P.name)),
    may("iot.read") ? activeAlarmsByProject(db, actor) : new Map(),
    may("cases.read") ? openCasesByProject(db, actor) : new Map(),
    actor.role === "gas_company" ? new Map<string, RiskLevel>() : riskLevels(db, actor),
  ]);
  const at = new Map(projects.map((p) => [p.id, p]));
  const place = <T extends { projectId: string | null }>(items: T[]) =>
    items.flatMap((i) => {
      const p = i.projectId ? at.get(i.projectId) : undefined;
      return p ? [{ ...i, projectId: p.id, lng: p.lng as number, lat: p.lat as number }] : [];
    });
  const markers: ProjectMarker[] = projects.map((p) => ({
    projectId: p.id,
    code: p.code,
    name: p.name,
    district: p.district,
    status: p.status,
    lng: p.lng as number,
    lat: p.lat as number,
    activeAlarms: alarmsBy.get(p.id)?.active ?? 0,
    worstSeverity: alarmsBy.get(p.id)?.worst ?? null,
    openCases: casesBy.get(p.id)?.open ?? 0,
    ...(riskBy.has(p.id) ? { riskLevel: riskBy.get(p.id) } : {}),
  }));
  const out: DashboardMapDto = { projects: markers, at: new Date().toISOString() };
  const page = { page: 1, pageSize: LAYER_LIMIT };
  const [alarms, works, leaks, cameras] = await Promise.all([
    want("alarms") && may("iot.read") && actor.role !== "gas_company"
      ? listAlarms(db, actor, ListAlarmsQuery.parse({ ...page, status: ["active_unack", "active_ack"], sort: "-severity" }))
      : null,
    want("dangerousWorks") && may("safety.read") ? listDangerousWorks(db, actor, ListDangerousWorksQuery.parse({ ...page, state: "in_progress" })) : null,
    want("leaks") && may("gas.read") ? listLeaks(db, actor, ListLeaksQuery.parse({ ...page, state: ["suspect", "confirmed"], sort: "-detectedAt" })) : null,
    want("cameras") && may("iot.read") && actor.role !== "gas_company" ? listDevices(db, actor, ListDevicesQuery.parse({ ...page, type: "camera", onSite: "true" })) : null,
  ]);
  if (alarms)
    {out.alarms = place(alarms.items).map((a) => ({
      id: a.id,
      projectId: a.projectId,
      projectName: a.projectName,
      deviceName: a.deviceName,
      ruleName: a.ruleName,
      severity: a.severity,
      startedAt: a.startedAt,
      lng: a.lng,
      lat: a.lat,
    }));}
  if (want("cases") && may("cases.read"))
    {out.cases = projects.flatMap((p) => {
      const c = casesBy.get(p.id);
      return c ? [{ projectId: p.id, projectName: p.name, open: c.open, overdue: c.overdue, worstGrade: c.worstGrade, lng: p.lng as number, lat: p.lat as number }] : [];
    });}
  if (works)
    {out.dangerousWorks = place(works.items).map((w) => ({
      id: w.id,
      projectId: w.projectId,
      projectName: w.projectName,
      name: w.name,
      category: w.category,
      level: w.level,
      lng: w.lng,
      lat: w.lat,
    }));}
  if (leaks)
    {out.leaks = leaks.items.map((l) => ({
      id: l.id,
      enterpriseName: l.enterpriseName,
      state: l.state,
      level: l.level,
      ppm: l.ppm,
      detectedAt: l.detectedAt,
      pipelineCode: l.pipelineCode,
      lng: l.lng,
      lat: l.lat,
    }));}
  if (cameras)
    {out.cameras = place(cameras.items).map((c) => ({
      deviceId: c.id,
      code: c.code,
      name: c.name,
      projectId: c.projectId,
      projectName: c.projectName ?? "",
      online: c.online,
      lng: c.lng,
      lat: c.lat,
    }));}
  return out;
}
