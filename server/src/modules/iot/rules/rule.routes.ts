import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { ListDeviceRulesQuery, RuleDto, RuleVersionInput } from "@contracts/iot/rules";
import { listRules } from "./rule.queries.js";
import { addRuleVersion } from "./rule.service.js";

const tags = ["iot: rules"];

/** Alarm rule configuration under /api/v1: read the versions, add a version. */
export const ruleRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get("/rules", { schema: { tags, querystring: ListDeviceRulesQuery, response: { 200: z.array(RuleDto) } } }, async (req) =>
    listRules(req.ctx.db, req.ctx.actor, req.query),
  );

  app.post("/rules", { schema: { tags, body: RuleVersionInput, response: { 201: RuleDto } } }, async (req, reply) =>
    reply.code(201).send(await addRuleVersion(req.ctx, req.body)),
  );
};
