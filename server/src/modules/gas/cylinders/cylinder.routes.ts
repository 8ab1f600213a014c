import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { CodeParams, CylinderActionInput, CylinderDetailDto, CylinderDto, FileCylinderInput, ListCylindersQuery, PublicCylinderDto } from "@contracts/gas/cylinder";
import { FillCheckDto, FillCheckInput } from "@contracts/gas/cylinder-check";
import { FillCheckRowDto, FillDto, FillsAcceptedDto, FillsInput, ListFillChecksQuery, ListFillsQuery } from "@contracts/gas/fill";
import { ListStaffQuery, ListStationsQuery, StaffDto, StaffInput, StationDto, StationInput } from "@contracts/gas/station";
import { IdParams, ImportAcceptedDto, page } from "@contracts/platform/common";
import { shanghaiDay } from "@contracts/platform/time";
import { requirePermission } from "../../../platform/auth/actor.js";
import type { Db } from "../../../platform/db/client.js";
import { invalidField } from "../../../platform/errors.js";
import { sendXlsx, writeSheet } from "../../../platform/excel/excel.js";
import { readXlsxUpload } from "../../../platform/excel/upload.js";
import { importCylinders } from "./cylinder.import.js";
import { cylindersForExport, getCylinder, listCylinders } from "./cylinder.queries.js";
import { actOnCylinder, fileCylinder } from "./cylinder.service.js";
import { CYLINDER_EXPORT_COLUMNS, CYLINDER_IMPORT_COLUMNS } from "./cylinder.sheet.js";
import { checkFill, FillCheckLog } from "./fill-check.service.js";
import { fillsForExport, listFills } from "./fill.queries.js";
import { listFillChecks } from "./fill-check.queries.js";
import { recordFills } from "./fill.service.js";
import { FILL_EXPORT_COLUMNS, FILL_IMPORT_COLUMNS, parseFillSheet } from "./fill.sheet.js";
import { scanCylinder } from "./public-cylinder.service.js";
import { createStaff, getStaff, listStaff, staffForExport, updateStaff } from "./staff.service.js";
import { createStation, getStation, listStations, stationsForExport, updateStation } from "./station.service.js";
import { STAFF_EXPORT_COLUMNS, STATION_EXPORT_COLUMNS } from "./station.sheet.js";

const tags = ["gas"];
const StationExportQuery = ListStationsQuery.omit({ page: true, pageSize: true });
const StaffExportQuery = ListStaffQuery.omit({ page: true, pageSize: true });
const CylinderExportQuery = ListCylindersQuery.omit({ page: true, pageSize: true });
const FillExportQuery = ListFillsQuery.omit({ page: true, pageSize: true });

/** Bottled gas: stations, staff, cylinders (filing, actions, timeline), the pre-fill check, fills and the public scan. */
export const cylinderRoutes: FastifyPluginAsyncZod<{ db: Db }> = async (app, { db }) => {
  const checkLog = new FillCheckLog(db, app.log);
  app.addHook("onClose", () => checkLog.close());

  // The scale's question: answered from one prepared read; the record is written behind the answer.
  app.get("/gas/fill-checks", { schema: { tags, querystring: ListFillChecksQuery, response: { 200: page(FillCheckRowDto) } } }, async (req) => listFillChecks(req.ctx.db, req.ctx.actor, req.query));
  app.post("/gas/fill-checks", { schema: { tags, body: FillCheckInput, response: { 200: FillCheckDto } } }, async (req) => checkFill(req.ctx, req.body, checkLog));

  app.get("/gas/stations/export", { schema: { tags, querystring: StationExportQuery } }, async (req, reply) =>
    sendXlsx(reply, `燃气站点_${shanghaiDay()}.xlsx`, await writeSheet("站点", STATION_EXPORT_COLUMNS, await stationsForExport(req.ctx.db, req.ctx.actor, req.query))),
  );
  app.get("/gas/stations", { schema: { tags, querystring: ListStationsQuery, response: { 200: page(StationDto) } } }, async (req) => listStations(req.ctx.db, req.ctx.actor, req.query));
  app.post("/gas/stations", { schema: { tags, body: StationInput, response: { 201: StationDto } } }, async (req, reply) => reply.code(201).send(await createStation(req.ctx, req.body)));
  app.get("/gas/stations/:id", { schema: { tags, params: IdParams, response: { 200: StationDto } } }, async (req) => getStation(req.ctx.db, req.ctx.actor, req.params.id));
  app.put("/gas/stations/:id", { schema: { tags, params: IdParams, body: StationInput, response: { 200: StationDto } } }, async (req) => updateStation(req.ctx, req.params.id, req.body));

  app.get("/gas/staff/export", { schema: { tags, querystring: StaffExportQuery } }, async (req, reply) =>
    sendXlsx(reply, `持证人员_${shanghaiDay()}.xlsx`, await writeSheet("持证人员", STAFF_EXPORT_COLUMNS, await staffForExport(req.ctx.db, req.ctx.actor, req.query))),
  );
  app.get("/gas/staff", { schema: { tags, querystring: ListStaffQuery, response: { 200: page(StaffDto) } } }, async (req) => listStaff(req.ctx.db, req.ctx.actor, req.query));
  app.post("/gas/staff", { schema: { tags, body: StaffInput, response: { 201: StaffDto } } }, async (req, reply) => reply.code(201).send(await createStaff(req.ctx, req.body)));
  app.get("/gas/staff/:id", { schema: { tags, params: IdParams, response: { 200: StaffDto } } }, async (req) => getStaff(req.ctx.db, req.ctx.actor, req.params.id));
  app.put("/gas/staff/:id", { schema: { tags, params: IdParams, body: StaffInput, response: { 200: StaffDto } } }, async (req) => updateStaff(req.ctx, req.params.id, req.body));

  // Static paths before `:id`, so none is ever read as an id.
  app.get("/gas/cylinders/import-template", { schema: { tags } }, async (req, reply) => {
    requirePermission(req.ctx.actor, "gas.manage");
    return sendXlsx(reply, "钢瓶建档导入模板.xlsx", await writeSheet("钢瓶", CYLINDER_IMPORT_COLUMNS, [], true));
  });
  app.post("/gas/cylinders/import", { schema: { tags, consumes: ["multipart/form-data"], response: { 202: ImportAcceptedDto } } }, async (req, reply) => {
    requirePermission(req.ctx.actor, "gas.manage");
    return reply.code(202).send(await importCylinders(req.ctx, () => readXlsxUpload(req)));
  });
  app.get("/gas/cylinders/export", { schema: { tags, querystring: CylinderExportQuery } }, async (req, reply) =>
    sendXlsx(reply, `钢瓶_${shanghaiDay()}.xlsx`, await writeSheet("钢瓶", CYLINDER_EXPORT_COLUMNS, await cylindersForExport(req.ctx.db, req.ctx.actor, req.query))),
  );
  app.get("/gas/cylinders", { schema: { tags, querystring: ListCylindersQuery, response: { 200: page(CylinderDto) } } }, async (req) => listCylinders(req.ctx.db, req.ctx.actor, req.query));
  app.post("/gas/cylinders", { schema: { tags, body: FileCylinderInput, response: { 201: CylinderDetailDto } } }, async (req, reply) => reply.code(201).send(await fileCylinder(req.ctx, req.body)));
  app.get("/gas/cylinders/:id", { schema: { tags, params: IdParams, response: { 200: CylinderDetailDto } } }, async (req) => getCylinder(req.ctx.db, req.ctx.actor, req.params.id));
  app.post("/gas/cylinders/:id/actions", { schema: { tags, params: IdParams, body: CylinderActionInput, response: { 200: CylinderDetailDto } } }, async (req) =>
    actOnCylinder(req.ctx, req.params.id, req.body),
  );

  app.get("/gas/fills/import-template", { schema: { tags } }, async (req, reply) => {
    requirePermission(req.ctx.actor, "gas.manage");
    return sendXlsx(reply, "充装记录导入模板.xlsx", await writeSheet("充装记录", FILL_IMPORT_COLUMNS, [], true));
  });
  // Synchronous: at most 5,000 rows, checked and stored in one transaction; the answer lists every bad row.
  app.post("/gas/fills/import", { schema: { tags, consumes: ["multipart/form-data"], response: { 200: FillsAcceptedDto } } }, async (req) => {
    requirePermission(req.ctx.actor, "gas.manage");
    const sheet = await parseFillSheet(await readXlsxUpload(req));
    if (sheet.fills.length === 0 && sheet.errors.length === 0) throw invalidField("file", "表格中没有数据行 (the sheet has no data rows)");
    return recordFills(req.ctx, sheet.fills, "xlsx", { columnOf: sheet.header, priorErrors: sheet.errors });
  });
  app.get("/gas/fills/export", { schema: { tags, querystring: FillExportQuery } }, async (req, reply) =>
    sendXlsx(reply, `充装记录_${shanghaiDay()}.xlsx`, await writeSheet("充装记录", FILL_EXPORT_COLUMNS, await fillsForExport(req.ctx.db, req.ctx.actor, req.query))),
  );
  app.get("/gas/fills", { schema: { tags, querystring: ListFillsQuery, response: { 200: page(FillDto) } } }, async (req) => listFills(req.ctx.db, req.ctx.actor, req.query));
  app.post("/gas/fills", { bodyLimit: 8 * 1024 * 1024, schema: { tags, body: FillsInput, response: { 200: FillsAcceptedDto } } }, async (req) =>
    recordFills(req.ctx, req.body.map((input, row) => ({ row, input: input as Parameters<typeof recordFills>[1][number]["input"] })), "api"),
  );

  app.get(
    "/public/cylinders/:code",
    { config: { public: true }, schema: { tags: ["public"], params: CodeParams, response: { 200: PublicCylinderDto } } },
    async (req, reply) => {
      reply.header("cache-control", "no-store");
      return scanCylinder(db, req.params.code);
    },
  );
};
