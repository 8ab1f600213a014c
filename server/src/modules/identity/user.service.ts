import { and, count, eq, isNull, ne, sql } from "drizzle-orm";
import type { CreateUserInput, UpdateUserInput, UserDto } from "@contracts/platform/auth";
import { recordAudit } from "../../platform/audit/audit.js";
import { requirePermission } from "../../platform/auth/actor.js";
import { authApiTokens } from "../../platform/auth/schema.js";
import { hashPassword } from "../../platform/auth/secrets.js";
import { endUserSessions } from "../../platform/auth/session.js";
import type { ServiceContext } from "../../platform/context.js";
import type { Executor } from "../../platform/db/client.js";
import { conflict, notFound } from "../../platform/errors.js";
import { authUserProjects, authUsers } from "./schema.js";
import { getUserDto, loadUserForUpdate, type UserAuditView } from "./user.queries.js";
import { assertValidScope, nextScope, type UserScope } from "./user.checks.js";

// Serialises "is this the last active admin?" checks so two admins cannot demote each other at once.
const LAST_ADMIN_LOCK = 7_240_101;

const usernameTaken = (username: string) =>
  conflict(`用户名已存在 (username already taken): ${username}`, { issues: [{ path: "username", message: "用户名已存在 (username already taken)" }] });

/**
 * Creates a user with a role and the scope that role needs (see user.checks.ts). The password is stored
 * as an argon2id hash only; the audit entry never sees it.
 * @throws CONFLICT naming `username`; VALIDATION naming `domain`, `enterpriseId` or `projectIds`.
 */
export async function createUser(ctx: ServiceContext, input: CreateUserInput): Promise<UserDto> {
  requirePermission(ctx.actor, "admin.users");
  const scope = nextScope({ role: input.role, domain: null, enterpriseId: null, projectIds: [] }, input);
  // Hashing is deliberately slow; do it before the transaction so no locks are held meanwhile.
  const passwordHash = await hashPassword(input.password);
  const id = await ctx.db.transaction(async (tx) => {
    await assertValidScope(tx, scope);
    const [row] = await tx
      .insert(authUsers)
      .values({ username: input.username, displayName: input.displayName, passwordHash, ...bindingOf(scope) })
      .onConflictDoNothing({ target: authUsers.username })
      .returning({ id: authUsers.id });
    if (!row) throw usernameTaken(input.username);
    if (scope.projectIds.length) await tx.insert(authUserProjects).values(scope.projectIds.map((projectId) => ({ userId: row.id, projectId })));
    const after: UserAuditView = { id: row.id, username: input.username, displayName: input.displayName, isActive: true, ...scope };
    await recordAudit(tx, ctx, { action: "identity.user.created", entity: "user", entityId: row.id, after });
    return row.id;
  });
  ctx.events.publish("identity.user.created", { userId: id, role: scope.role });
  return getUserDto(ctx.db, id);
}

/**
 * Changes a user; the role/scope rules apply to the resulting state. A new password or a deactivation
 * ends every session of the user and revokes its API tokens, so stolen credentials die with the change.
 * @throws NOT_FOUND; CONFLICT when it would leave no active admin; VALIDATION as for {@link createUser}.
 */
export async function updateUser(ctx: ServiceContext, id: string, input: UpdateUserInput): Promise<UserDto> {
  requirePermission(ctx.actor, "admin.users");
  const passwordHash = input.password ? await hashPassword(input.password) : undefined;
  const changed = await ctx.db.transaction(async (tx) => {
    const before = await loadUserForUpdate(tx, id);
    if (!before) throw notFound("user", id);
    const scope = nextScope(before, input);
    await assertValidScope(tx, scope);
    const after: UserAuditView = { ...before, ...scope, displayName: input.displayName ?? before.displayName, isActive: input.isActive ?? before.isActive };
    if (before.role === "admin" && before.isActive && (after.role !== "admin" || !after.isActive)) {
      await assertOtherActiveAdmin(tx, id, after.isActive ? "role" : "isActive");
    }

    await tx
      .update(authUsers)
      .set({ displayName: after.displayName, isActive: after.isActive, ...bindingOf(scope), ...(passwordHash ? { passwordHash } : {}), updatedAt: new Date() })
      .where(eq(authUsers.id, id));
    if (scope.projectIds.join() !== before.projectIds.join()) await replaceProjects(tx, id, scope.projectIds);

    const deactivated = before.isActive && !after.isActive;
    const revokedTokenIds = passwordHash || deactivated ? await endCredentials(tx, id) : [];
    await recordAudit(tx, ctx, {
      action: "identity.user.updated",
      entity: "user",
      entityId: id,
      before,
      after: { ...after, ...(passwordHash ? { passwordChanged: true } : {}), ...(revokedTokenIds.length ? { revokedTokenIds } : {}) },
    });
    return { roleChanged: before.role !== after.role, deactivated };
  });
  ctx.events.publish("identity.user.updated", { userId: id, ...changed });
  return getUserDto(ctx.db, id);
}

async function assertOtherActiveAdmin(tx: Executor, userId: string, field: "role" | "isActive"): Promise<void> {
  await tx.execute(sql`select pg_advisory_xact_lock(${LAST_ADMIN_LOCK})`);
  const [{ others }] = await tx
    .select({ others: count() })
    .from(authUsers)
    .where(and(eq(authUsers.role, "admin"), eq(authUsers.isActive, true), ne(authUsers.id, userId)));
  if (others === 0) {
    throw conflict("不能停用或降级最后一个启用的管理员 (the last active admin cannot be deactivated or demoted)", {
      issues: [{ path: field, message: "至少保留一个启用的管理员 (keep at least one active admin)" }],
    });
  }
}

/** The columns of auth_users that carry the scope; project bindings live in auth_user_projects. */
const bindingOf = (s: UserScope) => ({ role: s.role, domain: s.domain, enterpriseId: s.enterpriseId });

async function replaceProjects(tx: Executor, userId: string, projectIds: string[]): Promise<void> {
  await tx.delete(authUserProjects).where(eq(authUserProjects.userId, userId));
  if (projectIds.length) await tx.insert(authUserProjects).values(projectIds.map((projectId) => ({ userId, projectId })));
}

/** Ends the user's sessions and revokes its live API tokens; returns the ids of the tokens revoked. */
async function endCredentials(tx: Executor, userId: string): Promise<string[]> {
  await endUserSessions(tx, userId);
  const revoked = await tx
    .update(authApiTokens)
    .set({ revokedAt: new Date() })
    .where(and(eq(authApiTokens.userId, userId), isNull(authApiTokens.revokedAt)))
    .returning({ id: authApiTokens.id });
  return revoked.map((t) => t.id);
}
