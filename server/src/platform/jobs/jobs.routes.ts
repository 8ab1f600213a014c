import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { IdParams, JobDto } from "@contracts/platform/common";
import { getJob } from "./jobs.js";

export const jobRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get("/jobs/:id", { schema: { tags: ["jobs"], params: IdParams, response: { 200: JobDto } } }, async (req) =>
    getJob(req.ctx.db, req.ctx.actor, req.params.id),
  );
};
