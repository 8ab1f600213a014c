import type { SQL, SQLWrapper } from "drizzle-orm";
import type { Executor } from "../db/client.js";

/** A user as an actor is built from it (actor.ts): who, which role, which data scope. */
export interface ActorRow {
  id: string;
  username: string;
  displayName: string;
  role: string;
  domain: string | null;
  enterpriseId: string | null;
  projectIds: string[];
}

/**
 * The one interface through which platform/auth reads users. Users are the identity module's (its tables,
 * its verbs); sessions, API tokens and the login throttle stay here, and platform imports no module, so
 * the identity module hands its directory to buildApp (app.ts), which passes it to login, the session and
 * token look-ups and the stream guard.
 */
export interface UserDirectory {
  /**
   * SQL: the active user `userId` names, as an actor row (json); null when there is none or it is disabled.
   * A credential's look-up selects it beside its own columns, so resolving a session stays one statement.
   */
  activeActor(userId: SQLWrapper): SQL<ActorRow | null>;
  /** The user a login names, with its password hash and whether it is active; undefined when unknown. */
  loginCandidate(db: Executor, username: string): Promise<(ActorRow & { passwordHash: string; isActive: boolean }) | undefined>;
  /** Stamps a successful login, inside the login's transaction. */
  recordLogin(tx: Executor, userId: string): Promise<void>;
}
