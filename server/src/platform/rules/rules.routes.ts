import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { ListRulesQuery, NewRuleVersionInput, RuleVersionDto, ThresholdList } from "@contracts/platform/rules";
import type { RuleDefinition } from "./rules.js";
import { listRules, newRuleVersion } from "./rules.service.js";

const tags = ["thresholds"];

/**
 * The versioned rule table under /api/v1/thresholds (device alarm rules are /api/v1/rules, in the same
 * vocabulary): every logged-in user may read the thresholds the platform judges by (they are public
 * regulation); the bureau's admin files new versions.
 */
export const ruleRoutes: FastifyPluginAsyncZod<{ definitions: readonly RuleDefinition[] }> = async (app, { definitions }) => {
  app.get("/thresholds", { schema: { tags, querystring: ListRulesQuery, response: { 200: ThresholdList } } }, async (req) => ({
    items: await listRules(req.ctx, definitions, req.query),
    cityRegion: req.ctx.region,
  }));

  app.post("/thresholds", { schema: { tags, body: NewRuleVersionInput, response: { 201: RuleVersionDto } } }, async (req, reply) =>
    reply.status(201).send(await newRuleVersion(req.ctx, definitions, req.body)),
  );
};
