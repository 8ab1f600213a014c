import { sql } from "drizzle-orm";
import type { Executor } from "../db/client.js";
import { rowsOf } from "../db/client.js";
import { recordAudit } from "../audit/audit.js";
import { SYSTEM_ACTOR } from "./actor.js";

export interface ThrottleSettings {
  /** Failures of one username from one address before that pair is locked. */
  loginMaxFailures: number;
  /** Failures from one address, over all usernames, before the address is locked. */
  loginMaxFailuresPerAddress: number;
  /** How long a lock lasts, and the window failures are counted over. */
  loginLockMs: number;
}

/** One login attempt's place in the counters: the username it tried and the address it came from. */
export interface AttemptKey {
  username: string;
  ip: string;
}

type Scope = "user_address" | "address";

/** Each attempt counts against its (username, address) pair and its address alone (username ''). */
// The address row comes first in every multi-row statement, so concurrent attempts lock rows in one order.
const keysOf = (k: AttemptKey): [Scope, string, string][] => [
  ["address", "", k.ip],
  ["user_address", k.username, k.ip],
];

const tuples = (keys: [Scope, string, string][]) => sql.join(keys.map(([scope, u, ip]) => sql`(${scope}, ${u}, ${ip})`), sql`, `);

const lockInterval = (s: ThrottleSettings) => sql`make_interval(secs => ${s.loginLockMs / 1000}::float8)`;
const limitOf = (s: ThrottleSettings) => sql`(case t.scope when 'address' then ${s.loginMaxFailuresPerAddress}::int else ${s.loginMaxFailures}::int end)`;

export type Reservation = { ok: true } | { ok: false; retryAfterSeconds: number };

/**
 * Takes one attempt on both counters in a single statement, before the password is checked: each
 * counter holds the window's failures plus the attempts being judged, so of N concurrent guesses only
 * as many as the limit allows go on to be judged. A counter whose window or lock has run out starts
 * over. A refused attempt gives its places back at once (it was never judged).
 */
export async function reserveAttempt(db: Executor, s: ThrottleSettings, k: AttemptKey): Promise<Reservation> {
  const expired = sql`((t.locked_until is null and t.window_start <= now() - ${lockInterval(s)}) or t.locked_until <= now())`;
  const rows = rowsOf<{ attempts: number; limit: number; lockedMs: number | null }>(
    await db.execute(sql`
      insert into auth_login_throttle as t (scope, username, ip, attempts, failures, window_start)
      values ${sql.join(keysOf(k).map(([sc, u, ip]) => sql`(${sc}, ${u}, ${ip}, 1, 0, now())`), sql`, `)}
      on conflict (scope, username, ip) do update set
        attempts = case when ${expired} then 1 else t.attempts + 1 end,
        failures = case when ${expired} then 0 else t.failures end,
        window_start = case when ${expired} then now() else t.window_start end,
        locked_until = case when ${expired} then null else t.locked_until end
      returning t.attempts, ${limitOf(s)} as "limit", (extract(epoch from t.locked_until - now()) * 1000)::float8 as "lockedMs"`),
  );
  const refused = rows.filter((r) => (r.lockedMs !== null && Number(r.lockedMs) > 0) || r.attempts > r.limit);
  if (refused.length === 0) return { ok: true };
  await releaseAttempt(db, k, ["address", "user_address"]);
  const lockedMs = Math.max(0, ...refused.map((r) => Number(r.lockedMs ?? 0)));
  // Not locked yet: the limit is taken by attempts still being judged, which may all fail and lock.
  return { ok: false, retryAfterSeconds: Math.ceil((lockedMs || s.loginLockMs) / 1000) };
}

/** Gives an attempt's places back on the named counters (refused unjudged, or the password was right). */
export async function releaseAttempt(db: Executor, k: AttemptKey, scopes: Scope[]): Promise<void> {
  await db.execute(sql`
    update auth_login_throttle set attempts = greatest(attempts - 1, 0)
    where (scope, username, ip) in (${tuples(keysOf(k).filter(([scope]) => scopes.includes(scope)))})`);
}

/**
 * A right password: the (username, address) pair starts over, and the address gets its place back
 * without forgetting its failures — else one valid account would let an address guess others forever.
 */
export async function recordSuccess(tx: Executor, k: AttemptKey): Promise<void> {
  await tx.execute(sql`delete from auth_login_throttle where scope = 'user_address' and username = ${k.username} and ip = ${k.ip}`);
  await releaseAttempt(tx, k, ["address"]);
}

/**
 * A judged failure: counted on both counters; the failure that reaches a counter's limit locks it for
 * the lock time and writes one audit entry (there is no user to blame: the actor is the system, with
 * the username and address in the entry). Counters whose window ended long ago are swept here, off the
 * success path.
 */
export async function recordFailure(tx: Executor, s: ThrottleSettings, k: AttemptKey, request: { requestId: string | null }): Promise<void> {
  // now() is fixed for the transaction, so a lock that ends exactly now() + lock time was set right here.
  const locked = rowsOf<{ scope: Scope; failures: number; lockedUntil: string; lockedNow: boolean }>(
    await tx.execute(sql`
      update auth_login_throttle as t set
        failures = t.failures + 1,
        locked_until = case when t.locked_until is null and t.failures + 1 >= ${limitOf(s)} then now() + ${lockInterval(s)} else t.locked_until end
      where (t.scope, t.username, t.ip) in (${tuples(keysOf(k))})
      returning t.scope, t.failures, t.locked_until as "lockedUntil", t.locked_until is not distinct from now() + ${lockInterval(s)} as "lockedNow"`),
  ).filter((r) => r.lockedNow);
  for (const r of locked) {
    await recordAudit(
      tx,
      { actor: SYSTEM_ACTOR, requestId: request.requestId, ip: k.ip },
      {
        action: "auth.login.locked",
        entity: "login_throttle",
        entityId: r.scope === "address" ? k.ip : `${k.username}@${k.ip}`,
        after: { scope: r.scope, username: r.scope === "address" ? null : k.username, ip: k.ip, failures: r.failures, lockedUntil: new Date(r.lockedUntil) },
      },
    );
  }
  await tx.execute(sql`
    delete from auth_login_throttle
    where coalesce(locked_until, window_start + ${lockInterval(s)}) < now() - ${lockInterval(s)}`);
}
