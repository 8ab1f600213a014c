import type { FastifyInstance, FastifyRequest } from "fastify";
import type { Config } from "../../config.js";
import type { ActorCache } from "../auth/actor-cache.js";
import { sha256 } from "../auth/secrets.js";
import { resolveApiToken, resolveSession } from "../auth/session.js";
import type { UserDirectory } from "../auth/user-directory.js";
import type { Clock } from "../clock.js";
import type { ServiceContext } from "../context.js";
import type { Db } from "../db/client.js";
import { AppError } from "../errors.js";
import type { EventBus } from "../events/bus.js";
import type { Files } from "../files/store.js";

export const SESSION_COOKIE = "sc_session";

declare module "fastify" {
  interface FastifyRequest {
    /** Set for every authenticated request; public routes leave it null. */
    ctx: ServiceContext;
  }
  interface FastifyContextConfig {
    /** Routes reachable without a session or token (login, health, public verification). */
    public?: boolean;
  }
}

/** The cache key of a credential: its kind and hash, never the credential itself. */
export const credentialKey = (kind: "session" | "token", credential: string) => `${kind}:${sha256(credential)}`;

/** The request's credential: a bearer token (API clients) wins over the session cookie. */
export function credentialOf(req: FastifyRequest): { kind: "session" | "token"; credential: string } | null {
  const bearer = /^Bearer\s+(\S+)$/i.exec(req.headers.authorization ?? "")?.[1];
  if (bearer) return { kind: "token", credential: bearer };
  const cookie = req.cookies[SESSION_COOKIE];
  return cookie ? { kind: "session", credential: cookie } : null;
}

/**
 * Resolves the caller from the session cookie or a bearer token and builds the request's ServiceContext; refuses
 * (401) every route not marked public.
 */
export function installRequestContext(app: FastifyInstance, deps: { db: Db; users: UserDirectory; config: Config; events: EventBus; actors: ActorCache; clock: Clock; files: Files }): void {
  app.decorateRequest("ctx", null as unknown as ServiceContext);
  app.addHook("onRequest", async (req: FastifyRequest) => {
    // Judged on the route the router matched (it decodes the path, so `/%61pi/…` is `/api/…`), never on the raw
    // URL: every route needs a caller unless its config says public. A path no route matched reaches only the
    // not-found handler (a 404 or the web app's index.html), never data.
    if (req.routeOptions.config?.public || req.is404) return;
    const found = credentialOf(req);
    if (!found) throw new AppError("UNAUTHENTICATED", "请先登录 (login required)");
    const key = credentialKey(found.kind, found.credential);
    let actor = deps.actors.get(key);
    if (!actor) {
      const resolved = found.kind === "token" ? await resolveApiToken(deps.db, deps.users, found.credential) : await resolveSession(deps.db, deps.users, deps.config.auth, found.credential);
      if (!resolved) throw new AppError("UNAUTHENTICATED", "请先登录 (login required)");
      deps.actors.set(key, resolved.actor, resolved.expiresAt);
      actor = resolved.actor;
    }
    req.ctx = { db: deps.db, actor, events: deps.events, log: req.log, requestId: req.id, ip: req.ip, region: deps.config.cityRegion, clock: deps.clock, files: deps.files };
  });
}

/**
 * Marks every route registered in `scope` public, for plugins whose routes take no config of ours: the API
 * docs (integrators read them before they have an account) and the web app's files (the login page is one).
 */
export function markRoutesPublic(scope: FastifyInstance): void {
  scope.addHook("onRoute", (route) => {
    route.config = { ...route.config, public: true };
  });
}
