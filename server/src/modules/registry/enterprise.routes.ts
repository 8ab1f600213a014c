import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { IdParams, ImportAcceptedDto, page } from "@contracts/platform/common";
import {
  CreateEnterpriseInput,
  EnterpriseDto,
  EnterpriseProjectDto,
  EnterpriseSummaryDto,
  ListEnterprisesQuery,
  UpdateEnterpriseInput,
} from "@contracts/registry/enterprise";
import { sendXlsx, writeSheet } from "../../platform/excel/excel.js";
import { todayInShanghai } from "./expiry.checks.js";
import { enterprisesForExport, getEnterprise, listEnterpriseProjects, listEnterprises } from "./enterprise.queries.js";
import { createEnterprise, importEnterprises, updateEnterprise } from "./enterprise.service.js";
import { readXlsxUpload } from "../../platform/excel/upload.js";
import { ENTERPRISE_EXPORT_COLUMNS, ENTERPRISE_IMPORT_COLUMNS } from "./enterprise.sheet.js";

/** `/enterprises` (企业库): list, detail, create, update, the projects an enterprise is in, Excel export and import. */
export const enterpriseRoutes: FastifyPluginAsyncZod = async (app) => {
  const tags = ["registry"];
  app.get("/enterprises", { schema: { tags, querystring: ListEnterprisesQuery, response: { 200: page(EnterpriseSummaryDto) } } }, async (req) =>
    listEnterprises(req.ctx.db, req.ctx.actor, req.query),
  );

  // Static paths are matched before `/enterprises/:id`, so these never reach the id route.
  app.get("/enterprises/export", { schema: { tags, querystring: ListEnterprisesQuery } }, async (req, reply) => {
    const rows = await enterprisesForExport(req.ctx.db, req.ctx.actor, req.query);
    return sendXlsx(reply, `企业库_${todayInShanghai()}.xlsx`, await writeSheet("企业库", ENTERPRISE_EXPORT_COLUMNS, rows));
  });

  app.get("/enterprises/import-template", { schema: { tags } }, async (_req, reply) =>
    sendXlsx(reply, "企业导入模板.xlsx", await writeSheet("企业库", ENTERPRISE_IMPORT_COLUMNS, [], true)),
  );

  app.post("/enterprises/import", { schema: { tags, consumes: ["multipart/form-data"], response: { 202: ImportAcceptedDto } } }, async (req, reply) =>
    reply.code(202).send(await importEnterprises(req.ctx, () => readXlsxUpload(req))),
  );

  app.get("/enterprises/:id", { schema: { tags, params: IdParams, response: { 200: EnterpriseDto } } }, async (req) =>
    getEnterprise(req.ctx.db, req.ctx.actor, req.params.id),
  );

  app.get("/enterprises/:id/projects", { schema: { tags, params: IdParams, response: { 200: z.array(EnterpriseProjectDto) } } }, async (req) =>
    listEnterpriseProjects(req.ctx.db, req.ctx.actor, req.params.id),
  );

  app.post("/enterprises", { schema: { tags, body: CreateEnterpriseInput, response: { 201: EnterpriseDto } } }, async (req, reply) =>
    reply.code(201).send(await createEnterprise(req.ctx, req.body)),
  );

  app.patch("/enterprises/:id", { schema: { tags, params: IdParams, body: UpdateEnterpriseInput, response: { 200: EnterpriseDto } } }, async (req) =>
    updateEnterprise(req.ctx, req.params.id, req.body),
  );
};
