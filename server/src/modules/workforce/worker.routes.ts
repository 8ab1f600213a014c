import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { IdParams, ImportAcceptedDto, page } from "@contracts/platform/common";
import {
  AdmitWorkerInput,
  ExitWorkerInput,
  ListProjectWorkersQuery,
  ListWorkersQuery,
  RegisterWorkerInput,
  UpdateWorkerInput,
  WorkerDto,
  WorkerFullDto,
} from "@contracts/workforce/workers";
import { shanghaiDay } from "@contracts/platform/time";
import { requirePermission } from "../../platform/auth/actor.js";
import { sendXlsx, writeSheet } from "../../platform/excel/excel.js";
import { readXlsxUpload } from "../../platform/excel/upload.js";
import { readImageUpload } from "../../platform/http/upload.js";
import { assertProjectVisible, getProject } from "../registry/index.js";
import { importRoster } from "./worker.import.js";
import { getWorker, listWorkers, workersForExport } from "./worker.queries.js";
import { admitWorker, exitWorker, registerWorker, setWorkerPhoto, updateWorker, viewWorkerFull, viewWorkerPhoto } from "./worker.service.js";
import { ROSTER_EXPORT_COLUMNS, ROSTER_IMPORT_COLUMNS } from "./worker.sheet.js";

const tags = ["workforce: workers"];
const ExportQuery = ListProjectWorkersQuery.omit({ page: true, pageSize: true });

/** Workers (实名制): list, register, change, 进场/退场, photo, the audited full view, and the project roster sheet. */
export const workerRoutes: FastifyPluginAsyncZod = async (app) => {
  // Static paths first, so none of them is ever read as a worker id.
  app.get("/workers/import-template", { schema: { tags } }, async (req, reply) => {
    requirePermission(req.ctx.actor, "workforce.read");
    return sendXlsx(reply, "花名册导入模板.xlsx", await writeSheet("花名册", ROSTER_IMPORT_COLUMNS, [], true));
  });

  app.get("/workers", { schema: { tags, querystring: ListWorkersQuery, response: { 200: page(WorkerDto) } } }, async (req) =>
    listWorkers(req.ctx.db, req.ctx.actor, req.query),
  );

  app.post("/workers", { schema: { tags, body: RegisterWorkerInput, response: { 201: WorkerDto } } }, async (req, reply) =>
    reply.code(201).send(await registerWorker(req.ctx, req.body)),
  );

  app.get("/workers/:id", { schema: { tags, params: IdParams, response: { 200: WorkerDto } } }, async (req) => getWorker(req.ctx.db, req.ctx.actor, req.params.id));

  app.patch("/workers/:id", { schema: { tags, params: IdParams, body: UpdateWorkerInput, response: { 200: WorkerDto } } }, async (req) =>
    updateWorker(req.ctx, req.params.id, req.body),
  );

  app.post("/workers/:id/admit", { schema: { tags, params: IdParams, body: AdmitWorkerInput, response: { 200: WorkerDto } } }, async (req) =>
    admitWorker(req.ctx, req.params.id, req.body),
  );

  app.post("/workers/:id/exit", { schema: { tags, params: IdParams, body: ExitWorkerInput, response: { 200: WorkerDto } } }, async (req) =>
    exitWorker(req.ctx, req.params.id, req.body),
  );

  app.post("/workers/:id/photo", { schema: { tags, params: IdParams, consumes: ["multipart/form-data"], response: { 200: WorkerDto } } }, async (req) => {
    requirePermission(req.ctx.actor, "workforce.manage");
    return setWorkerPhoto(req.ctx, req.params.id, await readImageUpload(req));
  });

  app.get("/workers/:id/photo", { schema: { tags, params: IdParams } }, async (req, reply) => {
    const image = await viewWorkerPhoto(req.ctx, req.params.id);
    return reply.header("content-type", image.type).header("cache-control", "private, no-store").send(image.bytes);
  });

  app.get("/workers/:id/full", { schema: { tags, params: IdParams, response: { 200: WorkerFullDto } } }, async (req, reply) => {
    reply.header("cache-control", "private, no-store");
    return viewWorkerFull(req.ctx, req.params.id);
  });

  app.get("/projects/:id/workers/export", { schema: { tags, params: IdParams, querystring: ExportQuery } }, async (req, reply) => {
    requirePermission(req.ctx.actor, "workforce.read");
    const project = await getProject(req.ctx.db, req.ctx.actor, req.params.id);
    const rows = await workersForExport(req.ctx.db, req.ctx.actor, { ...req.query, projectId: req.params.id });
    return sendXlsx(reply, `花名册_${project.code}_${shanghaiDay()}.xlsx`, await writeSheet("花名册", ROSTER_EXPORT_COLUMNS, rows));
  });

  app.get("/projects/:id/workers", { schema: { tags, params: IdParams, querystring: ListProjectWorkersQuery, response: { 200: page(WorkerDto) } } }, async (req) => {
    requirePermission(req.ctx.actor, "workforce.read");
    await assertProjectVisible(req.ctx.db, req.ctx.actor, req.params.id);
    return listWorkers(req.ctx.db, req.ctx.actor, { ...req.query, projectId: req.params.id });
  });

  app.post("/projects/:id/workers/import", { schema: { tags, params: IdParams, consumes: ["multipart/form-data"], response: { 202: ImportAcceptedDto } } }, async (req, reply) =>
    reply.code(202).send(await importRoster(req.ctx, req.params.id, () => readXlsxUpload(req))),
  );
};
