import { index, integer, pgTable, primaryKey, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { usersKey } from "./users.key.js";

// Users themselves are the identity module's (modules/identity/schema.ts); sessions and API tokens point at them.

/** Sessions live in the database so any server process can serve any user. Only the token's hash is stored. */
export const authSessions = pgTable(
  "auth_sessions",
  {
    tokenHash: text().primaryKey(),
    userId: uuid().notNull().references(() => usersKey.id, { onDelete: "cascade" }),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    expiresAt: timestamp({ withTimezone: true }).notNull(),
    lastSeenAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    ip: text(),
    userAgent: text(),
  },
  (t) => [index("auth_sessions_user_idx").on(t.userId)],
);

export const authApiTokens = pgTable("auth_api_tokens", {
  id: uuid().primaryKey().defaultRandom(),
  name: text().notNull(),
  userId: uuid().notNull().references(() => usersKey.id, { onDelete: "cascade" }),
  tokenHash: text().notNull().unique(),
  prefix: text().notNull(),
  createdBy: uuid(),
  createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  expiresAt: timestamp({ withTimezone: true }),
  lastUsedAt: timestamp({ withTimezone: true }),
  revokedAt: timestamp({ withTimezone: true }),
});

/**
 * Login throttle counters shared by every process: one row per (username, client address) and one per
 * address alone (scope 'address', username ''). `attempts` is the window's failures plus the attempts
 * still being judged; it is taken atomically before the password is checked, so concurrent guesses
 * cannot all slip under the limit. Keying by address as well keeps a stranger from locking an account
 * out everywhere: the owner still logs in from another address (login-throttle.ts).
 */
export const authLoginThrottle = pgTable(
  "auth_login_throttle",
  {
    scope: text().notNull(),
    username: text().notNull(),
    ip: text().notNull(),
    attempts: integer().notNull(),
    failures: integer().notNull().default(0),
    windowStart: timestamp({ withTimezone: true }).notNull(),
    lockedUntil: timestamp({ withTimezone: true }),
  },
  (t) => [primaryKey({ columns: [t.scope, t.username, t.ip] })],
);
