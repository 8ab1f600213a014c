import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { IdParams, page } from "@contracts/platform/common";
import { CreateExpertInput, ExpertDto, ListExpertsQuery, UpdateExpertInput } from "@contracts/safety/experts";
import { createExpert, listExperts, updateExpert } from "./expert.service.js";

const tags = ["safety: experts"];

/** The expert pool (专家库). */
export const expertRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get("/safety/experts", { schema: { tags, querystring: ListExpertsQuery, response: { 200: page(ExpertDto) } } }, async (req) =>
    listExperts(req.ctx.db, req.ctx.actor, req.query),
  );
  app.post("/safety/experts", { schema: { tags, body: CreateExpertInput, response: { 201: ExpertDto } } }, async (req, reply) =>
    reply.code(201).send(await createExpert(req.ctx, req.body)),
  );
  app.patch("/safety/experts/:id", { schema: { tags, params: IdParams, body: UpdateExpertInput, response: { 200: ExpertDto } } }, async (req) =>
    updateExpert(req.ctx, req.params.id, req.body),
  );
};
