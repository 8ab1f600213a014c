import { desc, eq } from "drizzle-orm";
import type { ApiTokenDto, CreateApiTokenInput, CreatedApiTokenDto } from "@contracts/platform/auth";
import { recordAudit } from "../../platform/audit/audit.js";
import { requirePermission } from "../../platform/auth/actor.js";
import { authApiTokens } from "../../platform/auth/schema.js";
import { newToken, sha256 } from "../../platform/auth/secrets.js";
import type { ServiceContext } from "../../platform/context.js";
import type { Executor } from "../../platform/db/client.js";
import { offsetOf, toPage, totalOver, type Page, type PageRequest } from "../../platform/db/pagination.js";
import { invalidField, notFound } from "../../platform/errors.js";
import { authUsers } from "./schema.js";

/** The visible start of a token (`sc_` + 8 characters): enough to recognise it in a list, useless to an attacker. */
const PREFIX_LENGTH = 11;

const tokenColumns = {
  id: authApiTokens.id,
  name: authApiTokens.name,
  userId: authApiTokens.userId,
  username: authUsers.username,
  prefix: authApiTokens.prefix,
  createdAt: authApiTokens.createdAt,
  expiresAt: authApiTokens.expiresAt,
  lastUsedAt: authApiTokens.lastUsedAt,
  revokedAt: authApiTokens.revokedAt,
};

type TokenRow = { id: string; name: string; userId: string; username: string; prefix: string; createdAt: Date; expiresAt: Date | null; lastUsedAt: Date | null; revokedAt: Date | null };

const toTokenDto = (r: TokenRow): ApiTokenDto => ({
  id: r.id,
  name: r.name,
  userId: r.userId,
  username: r.username,
  prefix: r.prefix,
  createdAt: r.createdAt.toISOString(),
  expiresAt: r.expiresAt?.toISOString() ?? null,
  lastUsedAt: r.lastUsedAt?.toISOString() ?? null,
  revokedAt: r.revokedAt?.toISOString() ?? null,
});

// What the audit log keeps of a token: never the token or its hash.
const auditView = (r: TokenRow) => ({ id: r.id, name: r.name, userId: r.userId, prefix: r.prefix, expiresAt: r.expiresAt, revokedAt: r.revokedAt });

const selectToken = (db: Executor) => db.select(tokenColumns).from(authApiTokens).innerJoin(authUsers, eq(authUsers.id, authApiTokens.userId));

/** API tokens, newest first, optionally of one user. Never includes the secret. */
export async function listApiTokens(ctx: ServiceContext, q: PageRequest & { userId?: string }): Promise<Page<ApiTokenDto>> {
  requirePermission(ctx.actor, "admin.users");
  const rows = await ctx.db
    .select({ ...tokenColumns, total: totalOver })
    .from(authApiTokens)
    .innerJoin(authUsers, eq(authUsers.id, authApiTokens.userId))
    .where(q.userId ? eq(authApiTokens.userId, q.userId) : undefined)
    .orderBy(desc(authApiTokens.createdAt), desc(authApiTokens.id))
    .limit(q.pageSize)
    .offset(offsetOf(q));
  return toPage(rows, q, toTokenDto);
}

/**
 * Issues a bearer token acting as the given user (devices, integrations). The clear token is returned
 * here once; only its SHA-256 and a short prefix are stored.
 * @throws VALIDATION naming `userId` (unknown or deactivated user) or `expiresAt` (not in the future).
 */
export async function createApiToken(ctx: ServiceContext, input: CreateApiTokenInput): Promise<CreatedApiTokenDto> {
  requirePermission(ctx.actor, "admin.users");
  const expiresAt = input.expiresAt ? new Date(input.expiresAt) : null;
  if (expiresAt && expiresAt.getTime() <= Date.now()) throw invalidField("expiresAt", "过期时间必须晚于当前时间 (must be in the future)");
  const token = newToken("sc_");
  const created = await ctx.db.transaction(async (tx) => {
    const [user] = await tx.select({ isActive: authUsers.isActive }).from(authUsers).where(eq(authUsers.id, input.userId));
    if (!user) throw invalidField("userId", "用户不存在 (unknown user)");
    if (!user.isActive) throw invalidField("userId", "用户已停用 (the user is deactivated)");
    const [row] = await tx
      .insert(authApiTokens)
      .values({ name: input.name, userId: input.userId, tokenHash: sha256(token), prefix: token.slice(0, PREFIX_LENGTH), createdBy: ctx.actor.userId, expiresAt })
      .returning({ id: authApiTokens.id });
    const [dto] = await selectToken(tx).where(eq(authApiTokens.id, row.id));
    await recordAudit(tx, ctx, { action: "identity.token.created", entity: "api_token", entityId: row.id, after: auditView(dto) });
    return dto;
  });
  ctx.events.publish("identity.token.created", { tokenId: created.id, userId: created.userId });
  return { ...toTokenDto(created), token };
}

/** Revokes a token; from then on it answers 401. Revoking a revoked token changes nothing. @throws NOT_FOUND */
export async function revokeApiToken(ctx: ServiceContext, id: string): Promise<ApiTokenDto> {
  requirePermission(ctx.actor, "admin.users");
  const { row, revoked } = await ctx.db.transaction(async (tx) => {
    const [before] = await selectToken(tx).where(eq(authApiTokens.id, id)).for("update", { of: authApiTokens });
    if (!before) throw notFound("api token", id);
    if (before.revokedAt) return { row: before, revoked: false };
    const [{ revokedAt }] = await tx.update(authApiTokens).set({ revokedAt: new Date() }).where(eq(authApiTokens.id, id)).returning({ revokedAt: authApiTokens.revokedAt });
    const after = { ...before, revokedAt };
    await recordAudit(tx, ctx, { action: "identity.token.revoked", entity: "api_token", entityId: id, before: auditView(before), after: auditView(after) });
    return { row: after, revoked: true };
  });
  if (revoked) ctx.events.publish("identity.token.revoked", { tokenId: id, userId: row.userId });
  return toTokenDto(row);
}
