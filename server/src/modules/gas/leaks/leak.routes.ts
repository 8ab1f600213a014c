import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { DriveDto, DriveQuery, LeakPointDto, ListLeaksQuery, ListVehiclesQuery, RecheckInput, VehicleDto } from "@contracts/gas/leak";
import { IdParams, page } from "@contracts/platform/common";
import { shanghaiDay } from "@contracts/platform/time";
import { sendXlsx, writeSheet } from "../../../platform/excel/excel.js";
import { getDrive, listVehicles } from "./detector.queries.js";
import { getLeak, leaksForExport, listLeaks } from "./leak.queries.js";
import { recheckLeak } from "./leak.service.js";
import { LEAK_EXPORT_COLUMNS } from "./leak.sheet.js";

const tags = ["gas: leaks"];
const LeakExportQuery = ListLeaksQuery.omit({ page: true, pageSize: true });

/** Leak points and their handheld re-check, the vehicles, and their drives (readings with background). */
export const leakRoutes: FastifyPluginAsyncZod = async (app) => {
  // Static paths before `:id`, so none is ever read as an id.
  app.get("/gas/leaks/export", { schema: { tags, querystring: LeakExportQuery } }, async (req, reply) => {
    const rows = await leaksForExport(req.ctx.db, req.ctx.actor, req.query);
    return sendXlsx(reply, `燃气泄漏点_${shanghaiDay()}.xlsx`, await writeSheet("泄漏点", LEAK_EXPORT_COLUMNS, rows));
  });
  app.get("/gas/leaks", { schema: { tags, querystring: ListLeaksQuery, response: { 200: page(LeakPointDto) } } }, async (req) => listLeaks(req.ctx.db, req.ctx.actor, req.query));
  app.get("/gas/leaks/:id", { schema: { tags, params: IdParams, response: { 200: LeakPointDto } } }, async (req) => getLeak(req.ctx.db, req.ctx.actor, req.params.id));
  app.post("/gas/leaks/:id/recheck", { schema: { tags, params: IdParams, body: RecheckInput, response: { 200: LeakPointDto } } }, async (req) =>
    recheckLeak(req.ctx, req.params.id, req.body),
  );
  app.get("/gas/detector-readings", { schema: { tags, querystring: DriveQuery, response: { 200: DriveDto } } }, async (req) => getDrive(req.ctx, req.query));
  app.get("/gas/vehicles", { schema: { tags, querystring: ListVehiclesQuery, response: { 200: page(VehicleDto) } } }, async (req) => listVehicles(req.ctx.db, req.ctx.actor, req.query));
};
