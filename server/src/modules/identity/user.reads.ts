import { and, eq, inArray, sql, type SQL } from "drizzle-orm";
import { QueryBuilder } from "drizzle-orm/pg-core";
import { ENTERPRISE_BOUND_ROLES, type InspectorDomain, type Role } from "@contracts/platform/auth";
import type { Executor } from "../../platform/db/client.js";
import { participantsView } from "../registry/index.js";
import { authUserProjects as UP, authUsers as U } from "./schema.js";

/**
 * What other modules may read of users: a read-only view for their joins, filters and sorts on a user's
 * name (a subquery PostgreSQL pulls up, so a list joining it keeps its plan; see registry.reads.ts), look-ups,
 * and the SQL that names the users a notice goes to. Never a password hash.
 */

const qb = new QueryBuilder({ casing: "snake_case" });

export const usersView = (alias = "u") =>
  qb.select({ id: U.id, username: U.username, displayName: U.displayName, role: U.role, domain: U.domain, enterpriseId: U.enterpriseId, isActive: U.isActive }).from(U).as(alias);

export interface UserRef {
  id: string;
  username: string;
  displayName: string;
  role: Role;
  domain: InspectorDomain | null;
  isActive: boolean;
}

const refColumns = { id: U.id, username: U.username, displayName: U.displayName, role: U.role, domain: U.domain, isActive: U.isActive };
const toRef = (r: { id: string; username: string; displayName: string; role: string; domain: string | null; isActive: boolean }): UserRef => ({
  ...r,
  role: r.role as Role,
  domain: r.domain as InspectorDomain | null,
});

/** One user, or undefined. */
export async function userOf(db: Executor, id: string): Promise<UserRef | undefined> {
  const [row] = await db.select(refColumns).from(U).where(eq(U.id, id));
  return row && toRef(row);
}

/** Display names by user id, for labelling ids another module holds. */
export async function userNamesOf(db: Executor, ids: string[]): Promise<Map<string, string>> {
  if (ids.length === 0) return new Map();
  return new Map((await db.select({ id: U.id, name: U.displayName }).from(U).where(inArray(U.id, ids))).map((r) => [r.id, r.name]));
}

/** Active users; with `ids` only those, with `role` and `domain` only users of that role and inspector domain. */
export async function activeUsers(db: Executor, filter: { ids?: string[]; role?: Role; domain?: string }): Promise<UserRef[]> {
  if (filter.ids?.length === 0) return [];
  const rows = await db
    .select(refColumns)
    .from(U)
    .where(
      and(
        eq(U.isActive, true),
        filter.ids ? inArray(U.id, filter.ids) : undefined,
        filter.role ? eq(U.role, filter.role) : undefined,
        filter.domain ? eq(U.domain, filter.domain) : undefined,
      ),
    );
  return rows.map(toRef);
}

/** Who a notice goes to; every part adds users (or), `exceptUserId` takes one away. */
export interface UserTarget {
  userIds?: string[];
  roles?: Role[];
  /** With `roles`: only users of this inspector domain. */
  domain?: InspectorDomain;
  /** Every active user scoped to the project: enterprise-bound users of its participants and its project users. */
  projectId?: string;
  /** Every active user of this enterprise. */
  enterpriseId?: string;
  /** Only the users bound to this project (role project), not its participants' users. */
  projectUsersOf?: string;
  /** Never this user (the one who acted). */
  exceptUserId?: string | null;
}

/**
 * SQL: `select id from …` the active users a target names, for one-statement inserts of their rows (an inbox
 * notice per recipient); undefined when the target names nobody.
 */
export function targetedUserIds(target: UserTarget): SQL | undefined {
  const parts: SQL[] = [];
  if (target.userIds?.length) parts.push(sql`tu.id = any(${sql.param(target.userIds)}::uuid[])`);
  if (target.roles?.length) {
    parts.push(target.domain ? sql`(tu.role = any(${sql.param(target.roles)}::text[]) and tu.domain = ${target.domain})` : sql`tu.role = any(${sql.param(target.roles)}::text[])`);
  }
  if (target.projectId) {
    const pp = participantsView("tpp");
    parts.push(sql`(tu.role = any(${sql.param([...ENTERPRISE_BOUND_ROLES])}::text[]) and tu.enterprise_id in (select ${pp.enterpriseId} from ${pp} where ${pp.projectId} = ${target.projectId}))`);
    parts.push(sql`tu.id in (select up.user_id from ${UP} up where up.project_id = ${target.projectId})`);
  }
  if (target.enterpriseId) parts.push(sql`tu.enterprise_id = ${target.enterpriseId}`);
  if (target.projectUsersOf) parts.push(sql`tu.id in (select up.user_id from ${UP} up where up.project_id = ${target.projectUsersOf})`);
  if (parts.length === 0) return undefined;
  const except = target.exceptUserId ? sql` and tu.id <> ${target.exceptUserId}` : sql``;
  return sql`select tu.id from ${U} tu where tu.is_active${except} and (${sql.join(parts, sql` or `)})`;
}
