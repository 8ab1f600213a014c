import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { CreateRandomPlanInput, ListRandomPlansQuery, RandomPlanDetailDto, RandomPlanDto } from "@contracts/cases/inspections";
import { IdParams, page } from "@contracts/platform/common";
import { getRandomPlan, listRandomPlans } from "./random-plan.queries.js";
import { createRandomPlan, publishRandomPlan } from "./random-plan.service.js";

const tags = ["cases: random inspection"];

/** 双随机、一公开 under /api/v1; the context's region picks the city's draw-weight rule. */
export const randomPlanRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get("/random-plans", { schema: { tags, querystring: ListRandomPlansQuery, response: { 200: page(RandomPlanDto) } } }, async (req) =>
    listRandomPlans(req.ctx.db, req.ctx.actor, req.query),
  );

  app.get("/random-plans/:id", { schema: { tags, params: IdParams, response: { 200: RandomPlanDetailDto } } }, async (req) => getRandomPlan(req.ctx.db, req.ctx.actor, req.params.id));

  app.post("/random-plans", { schema: { tags, body: CreateRandomPlanInput, response: { 201: RandomPlanDetailDto } } }, async (req, reply) =>
    reply.code(201).send(await createRandomPlan(req.ctx, req.body)),
  );

  app.post("/random-plans/:id/publish", { schema: { tags, params: IdParams, response: { 200: RandomPlanDetailDto } } }, async (req) => publishRandomPlan(req.ctx, req.params.id));
};
