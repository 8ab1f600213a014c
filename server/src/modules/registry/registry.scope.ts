import { and, eq, sql, type SQL, type SQLWrapper } from "drizzle-orm";
import type { AnyPgColumn } from "drizzle-orm/pg-core";
import { ENTERPRISE_BOUND_ROLES } from "@contracts/platform/auth";
import { isCityWide } from "../../platform/auth/actor.js";
import type { Actor } from "../../platform/context.js";
import type { Executor } from "../../platform/db/client.js";
import { notFound } from "../../platform/errors.js";
import { registryProjects } from "./schema.js";

/**
 * Data scope, the second half of authorization: which records an actor may see at all.
 * Bureau roles see the whole city; an enterprise-bound user sees the projects its enterprise takes
 * part in; a project user sees its bound projects. Out-of-scope records behave as if absent (404).
 * Each function returns a SQL condition on the given column, or undefined for "no restriction".
 */

/**
 * Which kind of project scope an actor has: the whole city, its enterprise's projects, its bound
 * projects, or nothing (a bound user without an enterprise or projects).
 */
export type ScopeKind = "city" | "enterprise" | "projects" | "none";

/** The actor's scope kind; the SQL of a scoped query depends on this and nothing else about the actor. */
export function scopeKind(actor: Actor): ScopeKind {
  if (isCityWide(actor)) return "city";
  if (ENTERPRISE_BOUND_ROLES.includes(actor.role) && actor.enterpriseId) return "enterprise";
  if (actor.role === "project" && actor.projectIds.length > 0) return "projects";
  return "none";
}

/** Placeholder names of the scope values in prepared queries (see `projectScopeOf`, `scopeValues`). */
const SCOPE_ENTERPRISE = "scopeEnterpriseId";
const SCOPE_PROJECTS = "scopeProjectIds";

/** Ids of the projects a bound actor may see, as a subquery; `enterpriseId`/`projectIds` are params or placeholders. */
function visibleIdsOf(kind: ScopeKind, enterpriseId: SQLWrapper, projectIds: SQLWrapper): SQL {
  if (kind === "enterprise") return sql`select pp.project_id from registry_project_participants pp where pp.enterprise_id = ${enterpriseId}`;
  if (kind === "projects") return sql`select unnest(${projectIds}::uuid[])`;
  return sql`select null::uuid where false`;
}

function visibleProjectIds(actor: Actor): SQL {
  return visibleIdsOf(scopeKind(actor), sql.param(actor.enterpriseId), sql.param(actor.projectIds));
}

export function projectScope(actor: Actor, projectId: AnyPgColumn | SQL): SQL | undefined {
  if (isCityWide(actor)) return undefined;
  return sql`${projectId} in (${visibleProjectIds(actor)})`;
}

/**
 * `projectScope` for a prepared query: the same condition for every actor of one scope kind, with the
 * actor's enterprise or project ids as placeholders. Execute it with `scopeValues(actor)`.
 */
export function projectScopeOf(kind: ScopeKind, projectId: AnyPgColumn | SQL): SQL | undefined {
  if (kind === "city") return undefined;
  return sql`${projectId} in (${visibleIdsOf(kind, sql.placeholder(SCOPE_ENTERPRISE), sql.placeholder(SCOPE_PROJECTS))})`;
}

/** The placeholder values `projectScopeOf(scopeKind(actor), …)` needs. */
export function scopeValues(actor: Actor): Record<string, unknown> {
  return { [SCOPE_ENTERPRISE]: actor.enterpriseId, [SCOPE_PROJECTS]: actor.projectIds };
}

/** Own enterprise, plus every enterprise taking part in a visible project. */
export function enterpriseScope(actor: Actor, enterpriseId: AnyPgColumn | SQL): SQL | undefined {
  if (isCityWide(actor)) return undefined;
  const own = actor.enterpriseId ? sql`${enterpriseId} = ${actor.enterpriseId} or ` : sql``;
  // Parenthesised: callers combine it with drizzle's and(), which does not wrap its operands, so a bare `or` would leak.
  return sql`(${own}${enterpriseId} in (select pp2.enterprise_id from registry_project_participants pp2 where pp2.project_id in (${visibleProjectIds(actor)})))`;
}

/** Employees of the own enterprise, plus everyone holding a post on a visible project. */
export function personScope(actor: Actor, personId: AnyPgColumn | SQL, employerId: AnyPgColumn | SQL): SQL | undefined {
  if (isCityWide(actor)) return undefined;
  const own = actor.enterpriseId ? sql`${employerId} = ${actor.enterpriseId} or ` : sql``;
  return sql`(${own}${personId} in (select po.person_id from registry_project_posts po where po.project_id in (${visibleProjectIds(actor)})))`;
}

/** Throws NOT_FOUND unless the project exists and is inside the actor's scope. Other modules call this before any project-bound write. */
export async function assertProjectVisible(db: Executor, actor: Actor, projectId: string): Promise<void> {
  const rows = await db
    .select({ id: registryProjects.id })
    .from(registryProjects)
    .where(and(eq(registryProjects.id, projectId), projectScope(actor, registryProjects.id)));
  if (rows.length === 0) throw notFound("project", projectId);
}
