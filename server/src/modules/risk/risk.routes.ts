import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { IdParams } from "@contracts/platform/common";
import { ProjectRiskDetailDto, RiskExportQuery, RiskListQuery, RiskPage } from "@contracts/risk/risk";
import { sendXlsx } from "../../platform/excel/excel.js";
import { listRisk, projectRisk } from "./risk.queries.js";
import { exportRisk } from "./risk.sheet.js";

const tags = ["risk"];

/** The project risk index under /api/v1: the city ranking (and its xlsx) and one project's risk with its history. Reads only. */
export const riskRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get("/risk/projects", { schema: { tags, querystring: RiskListQuery, response: { 200: RiskPage } } }, async (req) => listRisk(req.ctx.db, req.ctx.actor, req.query));
  app.get("/risk/projects/export", { schema: { tags, querystring: RiskExportQuery } }, async (req, reply) =>
    sendXlsx(reply, "项目风险排名.xlsx", await exportRisk(req.ctx.db, req.ctx.actor, req.query)),
  );
  app.get("/projects/:id/risk", { schema: { tags, params: IdParams, response: { 200: ProjectRiskDetailDto } } }, async (req) =>
    projectRisk(req.ctx.db, req.ctx.actor, req.ctx.region, req.ctx.clock.now(), req.params.id),
  );
};
