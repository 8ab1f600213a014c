import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { CreateInspectorConflictInput, InspectorConflictDto, ListInspectorConflictsQuery } from "@contracts/cases/inspections";
import { IdParams, page } from "@contracts/platform/common";
import { listConflicts } from "./conflict.queries.js";
import { declareConflict, withdrawConflict } from "./conflict.service.js";

const tags = ["cases: random inspection"];

/** Inspectors' declared conflicts of interest (回避), which the 双随机 draw honours. */
export const conflictRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get("/inspector-conflicts", { schema: { tags, querystring: ListInspectorConflictsQuery, response: { 200: page(InspectorConflictDto) } } }, async (req) =>
    listConflicts(req.ctx.db, req.ctx.actor, req.query),
  );

  app.post("/inspector-conflicts", { schema: { tags, body: CreateInspectorConflictInput, response: { 201: InspectorConflictDto } } }, async (req, reply) =>
    reply.code(201).send(await declareConflict(req.ctx, req.body)),
  );

  app.delete("/inspector-conflicts/:id", { schema: { tags, params: IdParams } }, async (req, reply) => {
    await withdrawConflict(req.ctx, req.params.id);
    return reply.code(204).send();
  });
};
