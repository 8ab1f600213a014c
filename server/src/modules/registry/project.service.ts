import { and, eq, sql } from "drizzle-orm";
import { LIVE_PROJECT_STATUSES, type ProjectStatus } from "@contracts/registry/enums";
import type { CreateProjectInput, ProjectDto, TransitionProjectInput, UpdateProjectInput } from "@contracts/registry/project";
import { requirePermission } from "../../platform/auth/actor.js";
import { recordAudit } from "../../platform/audit/audit.js";
import type { ServiceContext } from "../../platform/context.js";
import type { Executor } from "../../platform/db/client.js";
import { conflict, invalid, notFound, type FieldIssue } from "../../platform/errors.js";
import { todayInShanghai } from "./expiry.checks.js";
import { getProject, managerBusyOn, PROJECT_ID } from "./project.queries.js";
import { planTransition, type TransitionFacts } from "./project.workflow.js";
import { registryProjects as P } from "./schema.js";
import { projectScope } from "./registry.scope.js";
import { isUniqueViolation } from "../../platform/db/pg-errors.js";

/** The Yongkang area (永康市 with a margin); coordinates outside it are typing errors. */
export const YONGKANG_BOUNDS = { lng: [119.8, 120.35], lat: [28.75, 29.15] } as const;

/** Project fields as stored, for the rules shared by create, update and import. */
export interface ProjectFieldValues {
  lng?: number | null;
  lat?: number | null;
  plannedStart?: string | null;
  plannedEnd?: string | null;
  actualStart?: string | null;
  actualEnd?: string | null;
}

/** Cross-field rules zod cannot see alone: date order and coordinates inside Yongkang. */
export function projectFieldIssues(v: ProjectFieldValues): FieldIssue[] {
  const issues: FieldIssue[] = [];
  if (v.plannedStart && v.plannedEnd && v.plannedEnd < v.plannedStart) {
    issues.push({ path: "plannedEnd", message: "计划竣工日期不能早于计划开工日期 (planned end before planned start)" });
  }
  if (v.actualStart && v.actualEnd && v.actualEnd < v.actualStart) {
    issues.push({ path: "actualEnd", message: "实际竣工日期不能早于实际开工日期 (actual end before actual start)" });
  }
  const lng = v.lng ?? null;
  const lat = v.lat ?? null;
  if ((lng === null) !== (lat === null)) {
    issues.push({ path: lng === null ? "lng" : "lat", message: "经纬度须同时填写 (give both longitude and latitude)" });
  }
  const [lngMin, lngMax] = YONGKANG_BOUNDS.lng;
  const [latMin, latMax] = YONGKANG_BOUNDS.lat;
  if (lng !== null && (lng < lngMin || lng > lngMax)) {
    issues.push({ path: "lng", message: `经度不在永康市范围内 (longitude outside Yongkang, ${lngMin}–${lngMax})` });
  }
  if (lat !== null && (lat < latMin || lat > latMax)) {
    issues.push({ path: "lat", message: `纬度不在永康市范围内 (latitude outside Yongkang, ${latMin}–${latMax})` });
  }
  return issues;
}

const blankToNull = (v: string | null | undefined) => (v === undefined ? undefined : v === null || v.trim() === "" ? null : v);

export const duplicateCode = (code: string) =>
  conflict(`项目编号 ${code} 已存在 (project code already exists)`, { issues: [{ path: "code", message: "项目编号已存在 (already exists)" }] });

/**
 * Registers a project (立项): status `approved`.
 * @throws AppError FORBIDDEN without `registry.project.create`; VALIDATION naming the field; CONFLICT on a duplicate code.
 */
export async function createProject(ctx: ServiceContext, input: CreateProjectInput): Promise<ProjectDto> {
  requirePermission(ctx.actor, "registry.project.create");
  const values = { ...input, permitNo: blankToNull(input.permitNo) ?? null, status: "approved" satisfies ProjectStatus };
  const issues = projectFieldIssues(values);
  if (issues.length > 0) throw invalid(issues);
  const id = await ctx.db
    .transaction(async (tx) => {
      const [taken] = await tx.select({ id: P.id }).from(P).where(eq(P.code, values.code));
      if (taken) throw duplicateCode(values.code);
      const [row] = await tx.insert(P).values(values).returning();
      await recordAudit(tx, ctx, { action: "registry.project.created", entity: "project", entityId: row.id, after: row });
      return row.id;
    })
    .catch((err: unknown) => {
      throw isUniqueViolation(err) ? duplicateCode(values.code) : err;
    });
  ctx.events.publish("registry.project.created", { projectId: id });
  return getProject(ctx.db, ctx.actor, id, { scoped: false });
}

/** Locks the project row for the write; out of scope behaves as absent. */
export async function lockProject(tx: Executor, ctx: ServiceContext, id: string) {
  const [row] = await tx
    .select()
    .from(P)
    .where(and(eq(P.id, id), projectScope(ctx.actor, P.id)))
    .for("update");
  if (!row) throw notFound("project", id);
  return row;
}

/** Marks the project changed (list order, caches) after a write to its participants or posts. */
export async function touchProject(tx: Executor, id: string): Promise<void> {
  await tx.update(P).set({ updatedAt: sql`now()` }).where(eq(P.id, id));
}

/**
 * Edits a project's data (not its status: see transitionProject).
 * @throws AppError FORBIDDEN without `registry.project.update`; NOT_FOUND out of scope; VALIDATION naming the field.
 */
export async function updateProject(ctx: ServiceContext, id: string, input: UpdateProjectInput): Promise<ProjectDto> {
  requirePermission(ctx.actor, "registry.project.update");
  const changes = { ...input, ...(input.permitNo === undefined ? {} : { permitNo: blankToNull(input.permitNo) }) };
  const changed = await ctx.db.transaction(async (tx) => {
    const before = await lockProject(tx, ctx, id);
    const merged = { ...before, ...changes };
    const issues = projectFieldIssues(merged);
    if (LIVE_PROJECT_STATUSES.includes(before.status as ProjectStatus) && !merged.permitNo) {
      issues.push({ path: "permitNo", message: "在建项目必须有施工许可证号 (a live project needs its permit number)" });
    }
    if (issues.length > 0) throw invalid(issues);
    if (Object.keys(changes).length === 0) return false;
    const [after] = await tx
      .update(P)
      .set({ ...changes, updatedAt: sql`now()` })
      .where(eq(P.id, id))
      .returning();
    await recordAudit(tx, ctx, { action: "registry.project.updated", entity: "project", entityId: id, before, after });
    return true;
  });
  if (changed) ctx.events.publish("registry.project.updated", { projectId: id, fields: Object.keys(changes) });
  return getProject(ctx.db, ctx.actor, id, { scoped: false });
}

/** Guard facts of a locked project, read in the same transaction. */
async function transitionFacts(tx: Executor, row: typeof P.$inferSelect): Promise<TransitionFacts> {
  const [facts] = await tx
    .select({
      gc: sql<boolean>`exists (select 1 from registry_project_participants pp where pp.project_id = ${PROJECT_ID} and pp.role = 'general_contractor')`,
      pm: sql<boolean>`exists (select 1 from registry_project_posts po where po.project_id = ${PROJECT_ID} and po.post = 'project_manager' and po.ended_on is null)`,
      busy: managerBusyOn,
    })
    .from(P)
    .where(eq(P.id, row.id));
  return {
    status: row.status as ProjectStatus,
    permitNo: row.permitNo,
    actualStart: row.actualStart,
    hasGeneralContractor: facts.gc,
    hasProjectManager: facts.pm,
    managerBusyOn: facts.busy,
  };
}

/** What a committed lifecycle transition publishes as `registry.project.statusChanged`. */
export interface ProjectStatusChange {
  projectId: string;
  from: ProjectStatus;
  to: ProjectStatus;
  on: string | null;
  reason: string | null;
}

/**
 * The lifecycle transition inside the caller's transaction (audited there), for verbs of other modules
 * that move a project as part of their own write (a stop-work order suspends it). The caller authorises
 * and, after its commit, publishes `registry.project.statusChanged` with the returned change.
 * @throws AppError NOT_FOUND out of scope; PRECONDITION_FAILED naming from/to and why.
 */
export async function transitionProjectIn(tx: Executor, ctx: ServiceContext, id: string, input: TransitionProjectInput): Promise<ProjectStatusChange> {
  const before = await lockProject(tx, ctx, id);
  const changes = planTransition(await transitionFacts(tx, before), input, todayInShanghai());
  const [after] = await tx
    .update(P)
    .set({ ...changes, updatedAt: sql`now()` })
    .where(eq(P.id, id))
    .returning();
  await recordAudit(tx, ctx, {
    action: "registry.project.transitioned",
    entity: "project",
    entityId: id,
    before: { status: before.status, actualStart: before.actualStart, actualEnd: before.actualEnd },
    after: { status: after.status, actualStart: after.actualStart, actualEnd: after.actualEnd, on: input.on ?? null, reason: input.reason ?? null },
  });
  return { projectId: id, from: before.status as ProjectStatus, to: input.to, on: input.on ?? null, reason: input.reason ?? null };
}

/**
 * Moves a project along its lifecycle (see project.workflow.ts). Only the bureau does this.
 * Publishes `registry.project.statusChanged` {projectId, from, to} after commit.
 * @throws AppError FORBIDDEN for other roles; NOT_FOUND; PRECONDITION_FAILED naming from/to and why.
 */
export async function transitionProject(ctx: ServiceContext, id: string, input: TransitionProjectInput): Promise<ProjectDto> {
  // `registry.project.create` is the bureau's write permission; bound roles may edit data but not the lifecycle.
  requirePermission(ctx.actor, "registry.project.create");
  const change = await ctx.db.transaction((tx) => transitionProjectIn(tx, ctx, id, input));
  ctx.events.publish("registry.project.statusChanged", { ...change });
  return getProject(ctx.db, ctx.actor, id, { scoped: false });
}
