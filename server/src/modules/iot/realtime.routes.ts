import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { isCityWide, requirePermission } from "../../platform/auth/actor.js";
import { assertProjectVisible, projectScope, registryProjects } from "../registry/index.js";
import type { IotRuntime } from "./iot.runtime.js";

const Query = z.object({ projectId: z.uuid().optional() });

/**
 * `GET /realtime[?projectId=]`: the live stream (Server-Sent Events) of alarm, device-status and command
 * changes inside the user's data scope, plus a watched project's latest values. The scope is fixed when
 * the stream opens; EventSource reconnects on its own, picking up scope changes.
 */
export const realtimeRoutes: FastifyPluginAsyncZod<{ runtime: IotRuntime }> = async (app, { runtime }) => {
  app.get("/realtime", { schema: { tags: ["iot: realtime"], querystring: Query } }, async (req, reply) => {
    const { actor, db } = req.ctx;
    requirePermission(actor, "iot.read");
    if (req.query.projectId) await assertProjectVisible(db, actor, req.query.projectId);
    let visible: Set<string> | null = null;
    if (!isCityWide(actor)) {
      const rows = await db.select({ id: registryProjects.id }).from(registryProjects).where(projectScope(actor, registryProjects.id));
      visible = new Set(rows.map((r) => r.id));
    }
    reply.hijack();
    reply.raw.writeHead(200, {
      "content-type": "text/event-stream; charset=utf-8",
      "cache-control": "no-cache, no-transform",
      connection: "keep-alive",
      "x-accel-buffering": "no",
    });
    const remove = runtime.hub.add({ visibleProjects: visible, watchedProject: req.query.projectId ?? null, write: (chunk) => reply.raw.write(chunk) });
    req.raw.on("close", remove);
  });
};
