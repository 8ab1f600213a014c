import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { IdParams, page } from "@contracts/platform/common";
import { shanghaiDay } from "@contracts/platform/time";
import { CreateEquipmentInput, EquipmentDto, ListEquipmentQuery, UpdateEquipmentInput } from "@contracts/safety/equipment";
import { requirePermission } from "../../platform/auth/actor.js";
import { sendXlsx, writeSheet } from "../../platform/excel/excel.js";
import { assertProjectVisible } from "../registry/index.js";
import { equipmentForExport, getEquipment, listEquipment } from "./equipment.queries.js";
import { createEquipment, deleteEquipment, updateEquipment } from "./equipment.service.js";
import { EQUIPMENT_COLUMNS } from "./equipment.sheet.js";

const tags = ["safety: equipment"];
const ExportQuery = ListEquipmentQuery.omit({ page: true, pageSize: true });

/** 起重机械: the city list and export, a project's equipment, and its CRUD. */
export const equipmentRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get("/equipment", { schema: { tags, querystring: ListEquipmentQuery, response: { 200: page(EquipmentDto) } } }, async (req) =>
    listEquipment(req.ctx.db, req.ctx.actor, req.query),
  );

  app.get("/equipment/export", { schema: { tags, querystring: ExportQuery } }, async (req, reply) => {
    const rows = await equipmentForExport(req.ctx.db, req.ctx.actor, req.query);
    return sendXlsx(reply, `起重机械_${shanghaiDay()}.xlsx`, await writeSheet("起重机械", EQUIPMENT_COLUMNS, rows));
  });

  app.get("/equipment/:id", { schema: { tags, params: IdParams, response: { 200: EquipmentDto } } }, async (req) => getEquipment(req.ctx.db, req.ctx.actor, req.params.id));

  app.put("/equipment/:id", { schema: { tags, params: IdParams, body: UpdateEquipmentInput, response: { 200: EquipmentDto } } }, async (req) =>
    updateEquipment(req.ctx, req.params.id, req.body),
  );

  app.delete("/equipment/:id", { schema: { tags, params: IdParams } }, async (req, reply) => {
    await deleteEquipment(req.ctx, req.params.id);
    return reply.code(204).send();
  });

  app.get("/projects/:id/equipment", { schema: { tags, params: IdParams, querystring: ListEquipmentQuery.omit({ projectId: true }), response: { 200: page(EquipmentDto) } } }, async (req) => {
    requirePermission(req.ctx.actor, "safety.read");
    await assertProjectVisible(req.ctx.db, req.ctx.actor, req.params.id);
    return listEquipment(req.ctx.db, req.ctx.actor, { ...req.query, projectId: req.params.id });
  });

  app.post("/projects/:id/equipment", { schema: { tags, params: IdParams, body: CreateEquipmentInput, response: { 201: EquipmentDto } } }, async (req, reply) =>
    reply.code(201).send(await createEquipment(req.ctx, req.params.id, req.body)),
  );
};
