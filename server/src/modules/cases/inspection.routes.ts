import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { CreateInspectionInput, InspectionDetailDto, InspectionDto, InspectionExportQuery, ListInspectionsQuery } from "@contracts/cases/inspections";
import { IdParams, page } from "@contracts/platform/common";
import { sendXlsx } from "../../platform/excel/excel.js";
import { getInspection, inspectionsForExport, listInspections } from "./inspection.queries.js";
import { createInspection } from "./inspection.service.js";
import { inspectionSheet } from "./inspection.sheet.js";

const tags = ["cases: inspections"];

/** 监督检查 under /api/v1: record an inspection (failed items open cases), list, export, one with its cases. */
export const inspectionRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get("/inspections/export", { schema: { tags, querystring: InspectionExportQuery } }, async (req, reply) =>
    sendXlsx(reply, "监督检查记录.xlsx", await inspectionSheet(await inspectionsForExport(req.ctx.db, req.ctx.actor, req.query))),
  );

  app.get("/inspections", { schema: { tags, querystring: ListInspectionsQuery, response: { 200: page(InspectionDto) } } }, async (req) =>
    listInspections(req.ctx.db, req.ctx.actor, req.query),
  );

  app.get("/inspections/:id", { schema: { tags, params: IdParams, response: { 200: InspectionDetailDto } } }, async (req) => getInspection(req.ctx.db, req.ctx.actor, req.params.id));

  app.post("/inspections", { schema: { tags, body: CreateInspectionInput, response: { 201: InspectionDetailDto } } }, async (req, reply) =>
    reply.code(201).send(await createInspection(req.ctx, req.body)),
  );
};
