import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { CreateTemplateInput, ListTemplatesQuery, TemplateDetailDto, TemplateDto } from "@contracts/cases/inspections";
import { IdParams, page } from "@contracts/platform/common";
import { getTemplate, listTemplates } from "./template.queries.js";
import { createTemplate } from "./template.service.js";

const tags = ["cases: templates"];

/** 检查表 under /api/v1: list, one version with its items, issue a new version. */
export const templateRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get("/inspection-templates", { schema: { tags, querystring: ListTemplatesQuery, response: { 200: page(TemplateDto) } } }, async (req) =>
    listTemplates(req.ctx.db, req.ctx.actor, req.query),
  );

  app.get("/inspection-templates/:id", { schema: { tags, params: IdParams, response: { 200: TemplateDetailDto } } }, async (req) => getTemplate(req.ctx.db, req.ctx.actor, req.params.id));

  app.post("/inspection-templates", { schema: { tags, body: CreateTemplateInput, response: { 201: TemplateDetailDto } } }, async (req, reply) =>
    reply.code(201).send(await createTemplate(req.ctx, req.body)),
  );
};
