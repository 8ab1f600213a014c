import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { requirePermission } from "../../platform/auth/actor.js";
import { sha256 } from "../../platform/auth/secrets.js";
import { scopeOf } from "../../platform/auth/stream-guard.js";
import { AppError } from "../../platform/errors.js";
import { credentialOf } from "../../platform/http/request-context.js";
import { assertProjectVisible, projectIdsInScope } from "../registry/index.js";
import type { IotRuntime } from "./iot.runtime.js";

const Query = z.object({ projectId: z.uuid().optional() });

/**
 * `GET /realtime[?projectId=]`: the live stream (Server-Sent Events) of alarm, device-status and command
 * changes inside the user's data scope, plus a watched project's latest values. The scope is fixed when
 * the stream opens; the stream ends when its session or token does, or the user's scope changes
 * (platform/auth/stream-guard.ts), and EventSource reconnects on its own: with the new scope, or to a 401.
 */
export const realtimeRoutes: FastifyPluginAsyncZod<{ runtime: IotRuntime }> = async (app, { runtime }) => {
  app.get("/realtime", { schema: { tags: ["iot: realtime"], querystring: Query } }, async (req, reply) => {
    const { actor, db } = req.ctx;
    requirePermission(actor, "iot.read");
    const credential = credentialOf(req);
    if (!credential || !actor.userId) throw new AppError("UNAUTHENTICATED", "请先登录 (login required)");
    if (req.query.projectId) await assertProjectVisible(db, actor, req.query.projectId);
    const visible = await projectIdsInScope(db, actor);
    reply.hijack();
    reply.raw.writeHead(200, {
      "content-type": "text/event-stream; charset=utf-8",
      "cache-control": "no-cache, no-transform",
      connection: "keep-alive",
      "x-accel-buffering": "no",
    });
    const remove = runtime.hub.add({
      visibleProjects: visible,
      watchedProject: req.query.projectId ?? null,
      owner: { userId: actor.userId, credential: { kind: credential.kind, tokenHash: sha256(credential.credential) }, scope: scopeOf(actor) },
      write: (chunk) => reply.raw.write(chunk),
      end: () => reply.raw.end(),
    });
    req.raw.on("close", remove);
  });
};
