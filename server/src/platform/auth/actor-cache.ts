import type { Actor } from "../context.js";
import type { Database, Listener } from "../db/client.js";

/** The channel the auth tables' triggers announce changes on (migration 0001_auth_change_notify). */
export const AUTH_CHANGED_CHANNEL = "sc_auth_changed";

// Bounds how stale an entry can be even if a notification were lost without the connection dropping.
const MAX_AGE_MS = 30_000;
const MAX_ENTRIES = 20_000;

interface Entry {
  actor: Actor;
  userId: string;
  /** The session's or token's own expiry (ms), checked on every hit. */
  expiresAt: number;
  cachedAt: number;
}

/**
 * Remembers which actor a session cookie or API token resolved to, so an authenticated request costs
 * no extra database round trip. It stays coherent across server processes: triggers on the auth tables
 * NOTIFY every change (logout, password change, deactivation, role or scope change, token revocation)
 * with the user's id, and each process drops that user's entries. While the LISTEN connection is down
 * the cache is bypassed and emptied, so a missed notification can never keep a revoked session alive.
 */
export class ActorCache {
  private readonly entries = new Map<string, Entry>();
  private readonly keysByUser = new Map<string, Set<string>>();
  private listener: Listener | null = null;

  /** Subscribes to auth changes; without a subscription the cache stays disabled (every lookup hits the database). */
  async start(database: Database): Promise<void> {
    try {
      this.listener = await database.listen(AUTH_CHANGED_CHANNEL, (userId) => this.forgetUser(userId), () => this.clear());
    } catch {
      this.listener = null;
    }
  }

  async stop(): Promise<void> {
    await this.listener?.close();
    this.listener = null;
    this.clear();
  }

  get(key: string, now = Date.now()): Actor | null {
    if (!this.listener?.isLive()) return null;
    const e = this.entries.get(key);
    if (!e) return null;
    if (e.expiresAt <= now || now - e.cachedAt > MAX_AGE_MS) {
      this.delete(key);
      return null;
    }
    return e.actor;
  }

  set(key: string, actor: Actor, expiresAt: number | null, now = Date.now()): void {
    if (!this.listener?.isLive() || !actor.userId) return;
    if (this.entries.size >= MAX_ENTRIES) this.delete(this.entries.keys().next().value as string);
    this.entries.set(key, { actor, userId: actor.userId, expiresAt: expiresAt ?? Number.POSITIVE_INFINITY, cachedAt: now });
    let keys = this.keysByUser.get(actor.userId);
    if (!keys) this.keysByUser.set(actor.userId, (keys = new Set()));
    keys.add(key);
  }

  /** Drops one key at once (this process's own logout), ahead of the notification. */
  delete(key: string): void {
    const e = this.entries.get(key);
    if (!e) return;
    this.entries.delete(key);
    this.keysByUser.get(e.userId)?.delete(key);
  }

  forgetUser(userId: string): void {
    for (const key of this.keysByUser.get(userId) ?? []) this.entries.delete(key);
    this.keysByUser.delete(userId);
  }

  clear(): void {
    this.entries.clear();
    this.keysByUser.clear();
  }
}
