import { and, asc, eq, ilike, or, sql } from "drizzle-orm";
import type { InspectorDomain, ListUsersQuery, Role, UserDto } from "@contracts/platform/auth";
import { requirePermission } from "../../platform/auth/actor.js";
import type { ServiceContext } from "../../platform/context.js";
import type { Executor } from "../../platform/db/client.js";
import { likePattern, offsetOf, toPage, totalOver, type Page } from "../../platform/db/pagination.js";
import { notFound } from "../../platform/errors.js";
import { enterprisesView } from "../registry/index.js";
import { authUsers } from "./schema.js";
import type { UserScope } from "./user.checks.js";

const ENT = enterprisesView();

// Sorted so a user's list compares equal across reads (the audit before/after diff relies on it).
const projectIdsOf = sql<string[]>`coalesce((select array_agg(up.project_id order by up.project_id) from auth_user_projects up where up.user_id = ${authUsers.id}), '{}')`;

const userColumns = {
  id: authUsers.id,
  username: authUsers.username,
  displayName: authUsers.displayName,
  role: authUsers.role,
  domain: authUsers.domain,
  enterpriseId: authUsers.enterpriseId,
  enterpriseName: ENT.name,
  projectIds: projectIdsOf,
  isActive: authUsers.isActive,
  lastLoginAt: authUsers.lastLoginAt,
  createdAt: authUsers.createdAt,
};

type UserRow = {
  id: string;
  username: string;
  displayName: string;
  role: string;
  domain: string | null;
  enterpriseId: string | null;
  enterpriseName: string | null;
  projectIds: string[] | null;
  isActive: boolean;
  lastLoginAt: Date | null;
  createdAt: Date;
};

const toUserDto = (r: UserRow): UserDto => ({
  id: r.id,
  username: r.username,
  displayName: r.displayName,
  role: r.role as Role,
  domain: r.domain as InspectorDomain | null,
  enterpriseId: r.enterpriseId,
  enterpriseName: r.enterpriseName,
  projectIds: r.projectIds ?? [],
  isActive: r.isActive,
  lastLoginAt: r.lastLoginAt?.toISOString() ?? null,
  createdAt: r.createdAt.toISOString(),
});

const selectUsers = (db: Executor) =>
  db.select({ ...userColumns, total: totalOver }).from(authUsers).leftJoin(ENT, eq(ENT.id, authUsers.enterpriseId));

/** Users page for the admin console: `q` matches username or display name, `role` filters. One query. */
export async function listUsers(ctx: ServiceContext, q: ListUsersQuery): Promise<Page<UserDto>> {
  requirePermission(ctx.actor, "admin.users");
  const pattern = q.q ? likePattern(q.q) : undefined;
  const rows = await selectUsers(ctx.db)
    .where(and(pattern ? or(ilike(authUsers.username, pattern), ilike(authUsers.displayName, pattern)) : undefined, q.role ? eq(authUsers.role, q.role) : undefined))
    .orderBy(asc(authUsers.username))
    .limit(q.pageSize)
    .offset(offsetOf(q));
  return toPage(rows, q, toUserDto);
}

/** One user as the admin console shows it. @throws NOT_FOUND */
export async function getUserDto(db: Executor, id: string): Promise<UserDto> {
  const [row] = await selectUsers(db).where(eq(authUsers.id, id));
  if (!row) throw notFound("user", id);
  return toUserDto(row);
}

/** What the audit log keeps of a user: everything but credentials. */
export interface UserAuditView extends UserScope {
  id: string;
  username: string;
  displayName: string;
  isActive: boolean;
}

/** Reads a user for a change, locking its row so concurrent edits of the same user apply one after the other. */
export async function loadUserForUpdate(tx: Executor, id: string): Promise<UserAuditView | null> {
  const [row] = await tx
    .select({
      id: authUsers.id,
      username: authUsers.username,
      displayName: authUsers.displayName,
      role: authUsers.role,
      domain: authUsers.domain,
      enterpriseId: authUsers.enterpriseId,
      projectIds: projectIdsOf,
      isActive: authUsers.isActive,
    })
    .from(authUsers)
    .where(eq(authUsers.id, id))
    .for("update");
  if (!row) return null;
  return { ...row, role: row.role as Role, domain: row.domain as InspectorDomain | null, projectIds: row.projectIds ?? [] };
}
