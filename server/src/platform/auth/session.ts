import { and, eq, gt, inArray, sql } from "drizzle-orm";
import type { InspectorDomain, Role } from "@contracts/platform/auth";
import type { Actor } from "../context.js";
import type { Db, Executor } from "../db/client.js";
import { AppError } from "../errors.js";
import { buildActor } from "./actor.js";
import { reserveAttempt, releaseAttempt, recordFailure, recordSuccess, type ThrottleSettings } from "./login-throttle.js";
import { authApiTokens, authSessions } from "./schema.js";
import { hashPassword, newToken, sha256, verifyPassword } from "./secrets.js";
import type { ActorRow, UserDirectory } from "./user-directory.js";

export interface AuthSettings extends ThrottleSettings {
  sessionTtlMs: number;
}

// Sliding expiry is refreshed at most this often, so a busy session does not write on every request.
const TOUCH_EVERY_MS = 5 * 60_000;

// A dummy hash to verify against when the username does not exist, so both paths take the same time.
let dummyHash: Promise<string> | undefined;

export const actorFromRow = (u: ActorRow): Actor =>
  buildActor({ ...u, role: u.role as Role, domain: u.domain as InspectorDomain | null, projectIds: u.projectIds ?? [] });

// The credential tables spelled out for the directory's subselect: drizzle leaves a one-table select's columns
// unqualified, and a bare "user_id" inside the subselect must not be taken for another table's.
const SESSION_USER = sql`${authSessions}.user_id`;
const TOKEN_USER = sql`${authApiTokens}.user_id`;

/**
 * Checks a username and password. Every failure — unknown user, wrong password, disabled account —
 * answers the same UNAUTHENTICATED. The attempt takes its place in the throttle counters before the
 * password is checked, so too many failures of a username from one address, or from one address over
 * all usernames, are refused (RATE_LIMITED) unjudged until the lock ends (login-throttle.ts).
 */
export async function login(
  db: Db,
  users: UserDirectory,
  settings: AuthSettings,
  input: { username: string; password: string; ip: string | null; userAgent: string | null; requestId?: string | null },
): Promise<{ token: string; actor: Actor; expiresAt: Date }> {
  const attempt = { username: input.username, ip: input.ip ?? "unknown" };
  const reserved = await reserveAttempt(db, settings, attempt);
  if (!reserved.ok) {
    throw new AppError("RATE_LIMITED", "登录失败次数过多，请稍后再试 (too many failed logins, try again later)", {
      retryAfterSeconds: reserved.retryAfterSeconds,
    });
  }
  let user: Awaited<ReturnType<UserDirectory["loginCandidate"]>>;
  let ok: boolean;
  try {
    user = await users.loginCandidate(db, input.username);
    dummyHash ??= hashPassword(newToken());
    ok = await verifyPassword(user?.passwordHash ?? (await dummyHash), input.password);
  } catch (err) {
    // Not judged after all (the database failed): the attempt gives its places back.
    await releaseAttempt(db, attempt, ["address", "user_address"]).catch(() => undefined);
    throw err;
  }
  if (!user || !ok || !user.isActive) {
    await db.transaction((tx) => recordFailure(tx, settings, attempt, { requestId: input.requestId ?? null }));
    throw new AppError("UNAUTHENTICATED", "用户名或密码错误 (wrong username or password)");
  }
  const id = user.id;
  const token = newToken();
  const expiresAt = new Date(Date.now() + settings.sessionTtlMs);
  await db.transaction(async (tx) => {
    await tx.insert(authSessions).values({ tokenHash: sha256(token), userId: id, expiresAt, ip: input.ip, userAgent: input.userAgent });
    await users.recordLogin(tx, id);
    await recordSuccess(tx, attempt);
  });
  return { token, actor: actorFromRow(user), expiresAt };
}

/**
 * The per-request session lookup, built once per database and run as a prepared statement: it runs
 * on every authenticated request, so neither drizzle's query building nor PostgreSQL's planning
 * should be paid each time.
 */
const sessionLookups = new WeakMap<Db, ReturnType<typeof prepareSessionLookup>>();

function prepareSessionLookup(db: Db, users: UserDirectory) {
  return db
    .select({ user: users.activeActor(SESSION_USER), lastSeenAt: authSessions.lastSeenAt, expiresAt: authSessions.expiresAt })
    .from(authSessions)
    .where(and(eq(authSessions.tokenHash, sql.placeholder("tokenHash")), gt(authSessions.expiresAt, sql`now()`)))
    .prepare("auth_session_lookup");
}

/** A resolved credential: who it is, and until when it is valid (null: no expiry). */
export interface Resolved {
  actor: Actor;
  expiresAt: number | null;
}

/** Resolves a session cookie to its actor in one query; expired sessions and disabled users resolve to null. */
export async function resolveSession(db: Db, users: UserDirectory, settings: AuthSettings, token: string): Promise<Resolved | null> {
  const tokenHash = sha256(token);
  // One directory per application, so one prepared look-up per database.
  let lookup = sessionLookups.get(db);
  if (!lookup) sessionLookups.set(db, (lookup = prepareSessionLookup(db, users)));
  const [row] = await lookup.execute({ tokenHash });
  if (!row?.user) return null;
  let expiresAt = row.expiresAt.getTime();
  if (Date.now() - row.lastSeenAt.getTime() > TOUCH_EVERY_MS) {
    expiresAt = Date.now() + settings.sessionTtlMs;
    await db.update(authSessions).set({ lastSeenAt: new Date(), expiresAt: new Date(expiresAt) }).where(eq(authSessions.tokenHash, tokenHash));
  }
  return { actor: actorFromRow(row.user), expiresAt };
}

export async function endSession(db: Db, token: string): Promise<void> {
  await db.delete(authSessions).where(eq(authSessions.tokenHash, sha256(token)));
}

/** Ends every session of a user (password change, deactivation). */
export async function endUserSessions(tx: Executor, userId: string): Promise<void> {
  await tx.delete(authSessions).where(eq(authSessions.userId, userId));
}

/** Resolves `Authorization: Bearer sc_…`; revoked or expired tokens and disabled users resolve to null. */
export async function resolveApiToken(db: Db, users: UserDirectory, token: string): Promise<Resolved | null> {
  const tokenHash = sha256(token);
  const [row] = await db
    .select({ user: users.activeActor(TOKEN_USER), tokenId: authApiTokens.id, lastUsedAt: authApiTokens.lastUsedAt, expiresAt: authApiTokens.expiresAt })
    .from(authApiTokens)
    .where(and(eq(authApiTokens.tokenHash, tokenHash), sql`${authApiTokens.revokedAt} is null`, sql`(${authApiTokens.expiresAt} is null or ${authApiTokens.expiresAt} > now())`));
  if (!row?.user) return null;
  if (!row.lastUsedAt || Date.now() - row.lastUsedAt.getTime() > TOUCH_EVERY_MS) {
    await db.update(authApiTokens).set({ lastUsedAt: new Date() }).where(eq(authApiTokens.id, row.tokenId));
  }
  return { actor: actorFromRow(row.user), expiresAt: row.expiresAt?.getTime() ?? null };
}

/**
 * Which of the given credentials (by hash) are still valid — unexpired, not revoked, user active — with
 * their actors, in one query per kind. Nothing is touched: an open event stream is not user activity and
 * must not keep sliding its session's expiry.
 */
export async function liveCredentials(db: Executor, users: UserDirectory, kind: "session" | "token", tokenHashes: string[]): Promise<Map<string, Actor>> {
  if (tokenHashes.length === 0) return new Map();
  const rows =
    kind === "session"
      ? await db
          .select({ user: users.activeActor(SESSION_USER), tokenHash: authSessions.tokenHash })
          .from(authSessions)
          .where(and(inArray(authSessions.tokenHash, tokenHashes), gt(authSessions.expiresAt, sql`now()`)))
      : await db
          .select({ user: users.activeActor(TOKEN_USER), tokenHash: authApiTokens.tokenHash })
          .from(authApiTokens)
          .where(
            and(
              inArray(authApiTokens.tokenHash, tokenHashes),
              sql`${authApiTokens.revokedAt} is null`,
              sql`(${authApiTokens.expiresAt} is null or ${authApiTokens.expiresAt} > now())`,
            ),
          );
  return new Map(rows.flatMap((r) => (r.user ? [[r.tokenHash, actorFromRow(r.user)] as const] : [])));
}
