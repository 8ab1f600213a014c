import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { IdParams } from "@contracts/platform/common";
import { ProjectRiskDetailDto, RiskListQuery, RiskPage } from "@contracts/risk/risk";
import { listRisk, projectRisk } from "./risk.queries.js";

const tags = ["risk"];

/** The project risk index under /api/v1: the city ranking and one project's risk with its history. Reads only. */
export const riskRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get("/risk/projects", { schema: { tags, querystring: RiskListQuery, response: { 200: RiskPage } } }, async (req) => listRisk(req.ctx.db, req.ctx.actor, req.query));
  app.get("/projects/:id/risk", { schema: { tags, params: IdParams, response: { 200: ProjectRiskDetailDto } } }, async (req) =>
    projectRisk(req.ctx.db, req.ctx.actor, req.ctx.region, req.ctx.clock.now(), req.params.id),
  );
};
