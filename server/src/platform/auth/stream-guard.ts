import type { Actor } from "../context.js";
import type { Database, Db, Listener } from "../db/client.js";
import type { RealtimeConnection, RealtimeHub, StreamOwner } from "../realtime/hub.js";
import { AUTH_CHANGED_CHANNEL } from "./actor-cache.js";
import { liveCredentials } from "./session.js";
import type { UserDirectory } from "./user-directory.js";

/** How often every open stream's credential is re-checked anyway: expiry, and any notification lost. */
export const STREAM_RECHECK_MS = 30_000;

/** The parts of an actor that decide what a stream may carry; a change ends the stream so it reopens with the new scope. */
export const scopeOf = (a: Actor): string => JSON.stringify([a.role, a.domain, a.enterpriseId, [...a.projectIds].sort()]);

/**
 * Ends event streams whose credential has ended. A stream authenticates once, when it opens; without
 * this it would keep delivering after logout, deactivation, a password change or a token's revocation.
 * This process's own logouts end their streams at once; everything else — other processes' changes too
 * — arrives as the auth tables' notification with the user's id (migration 0001), and that user's
 * streams are re-checked against the database. A periodic sweep catches expiry, and a gap in the
 * notifications re-checks every stream.
 */
export class StreamGuard {
  private listener: Listener | null = null;
  private timer: NodeJS.Timeout | null = null;
  private readonly pendingUsers = new Set<string>();
  private pendingAll = false;
  private flushing: Promise<void> | null = null;

  constructor(
    private readonly db: Db,
    private readonly users: UserDirectory,
    private readonly hub: RealtimeHub,
    private readonly onError: (err: unknown) => void = () => undefined,
  ) {}

  async start(database: Database, recheckMs = STREAM_RECHECK_MS): Promise<void> {
    try {
      this.listener = await database.listen(AUTH_CHANGED_CHANNEL, (userId) => this.recheckUser(userId), () => this.recheckAll());
    } catch (err) {
      // Without notifications the periodic sweep still ends every stream, only later.
      this.onError(err);
    }
    this.timer = setInterval(() => this.recheckAll(), recheckMs);
    this.timer.unref();
  }

  async stop(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    await this.listener?.close();
    this.listener = null;
    this.pendingAll = false;
    this.pendingUsers.clear();
    await this.flushing;
  }

  /** A logout in this process: its streams end now, without waiting for the notification. */
  endCredential(kind: "session" | "token", tokenHash: string): void {
    for (const c of this.hub.connectionsOf()) {
      if (c.owner.credential.kind === kind && c.owner.credential.tokenHash === tokenHash) this.hub.end(c);
    }
  }

  recheckUser(userId: string): void {
    if (this.hub.connectionsOf(userId).length === 0) return;
    this.pendingUsers.add(userId);
    this.schedule();
  }

  recheckAll(): void {
    if (this.hub.size === 0) return;
    this.pendingAll = true;
    this.schedule();
  }

  // A burst of notifications (one per changed row) becomes one check; checks never overlap.
  private schedule(): void {
    this.flushing ??= new Promise<void>((resolve) => setImmediate(resolve))
      .then(() => this.flush())
      .catch((err: unknown) => this.onError(err))
      .finally(() => {
        this.flushing = null;
        if (this.pendingAll || this.pendingUsers.size > 0) this.schedule();
      });
  }

  private async flush(): Promise<void> {
    const all = this.pendingAll;
    const users = new Set(this.pendingUsers);
    this.pendingAll = false;
    this.pendingUsers.clear();
    const streams = this.hub.connectionsOf().filter((c) => all || users.has(c.owner.userId));
    await this.check(streams);
  }

  private async check(streams: (RealtimeConnection & { owner: StreamOwner })[]): Promise<void> {
    const hashes = (kind: "session" | "token") => [...new Set(streams.filter((c) => c.owner.credential.kind === kind).map((c) => c.owner.credential.tokenHash))];
    const [sessions, tokens] = await Promise.all([liveCredentials(this.db, this.users, "session", hashes("session")), liveCredentials(this.db, this.users, "token", hashes("token"))]);
    for (const c of streams) {
      const actor = (c.owner.credential.kind === "session" ? sessions : tokens).get(c.owner.credential.tokenHash);
      if (!actor || scopeOf(actor) !== c.owner.scope) this.hub.end(c);
    }
  }
}
