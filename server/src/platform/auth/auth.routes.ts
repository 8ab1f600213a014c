import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { LoginInput, MeDto } from "@contracts/platform/auth";
import type { Config } from "../../config.js";
import type { Actor } from "../context.js";
import type { Db } from "../db/client.js";
import { credentialKey, SESSION_COOKIE } from "../http/request-context.js";
import type { ActorCache } from "./actor-cache.js";
import { sha256 } from "./secrets.js";
import { endSession, login } from "./session.js";
import type { StreamGuard } from "./stream-guard.js";
import type { UserDirectory } from "./user-directory.js";

export const toMe = (a: Actor): MeDto => ({
  id: a.userId ?? "00000000-0000-0000-0000-000000000000",
  username: a.username,
  displayName: a.displayName,
  role: a.role,
  domain: a.domain,
  enterpriseId: a.enterpriseId,
  projectIds: a.projectIds,
  permissions: [...a.permissions],
});

export const authRoutes: FastifyPluginAsyncZod<{ db: Db; users: UserDirectory; config: Config; actors: ActorCache; streams: StreamGuard }> = async (app, { db, users, config, actors, streams }) => {
  app.post(
    "/auth/login",
    { config: { public: true }, schema: { tags: ["auth"], body: LoginInput, response: { 200: MeDto } } },
    async (req, reply) => {
      const { token, actor, expiresAt } = await login(db, users, config.auth, {
        ...req.body,
        ip: req.ip,
        userAgent: req.headers["user-agent"] ?? null,
        requestId: req.id,
      });
      reply.setCookie(SESSION_COOKIE, token, {
        httpOnly: true,
        sameSite: "lax",
        // Behind TLS (directly, or a proxy's X-Forwarded-Proto under TRUST_PROXY) the cookie never travels in clear.
        secure: config.auth.cookieSecure || req.protocol === "https",
        path: "/",
        expires: expiresAt,
      });
      return toMe(actor);
    },
  );

  app.post("/auth/logout", { config: { public: true }, schema: { tags: ["auth"], response: { 204: z.null() } } }, async (req, reply) => {
    const token = req.cookies[SESSION_COOKIE];
    if (token) {
      await endSession(db, token);
      // Other processes learn it from the trigger's notification; this one forgets at once and ends its streams.
      actors.delete(credentialKey("session", token));
      streams.endCredential("session", sha256(token));
    }
    reply.clearCookie(SESSION_COOKIE, { path: "/" });
    return reply.status(204).send(null);
  });

  app.get("/auth/me", { schema: { tags: ["auth"], response: { 200: MeDto } } }, async (req) => toMe(req.ctx.actor));
};
