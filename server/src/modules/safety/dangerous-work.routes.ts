import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { IdParams, page } from "@contracts/platform/common";
import { shanghaiDay } from "@contracts/platform/time";
import {
  CreateDangerousWorkInput,
  DrafterSignoffInput,
  DangerousWorkDetailDto,
  DangerousWorkDto,
  ExpertReviewInput,
  GasClearanceInput,
  ListDangerousWorksQuery,
  TransitionInput,
  UpdateDangerousWorkInput,
  UploadWorkFileQuery,
  WeeklyListDto,
  WeeklyQuery,
  WorkFileDto,
  WorkFileParams,
} from "@contracts/safety/dangerous-works";
import { requirePermission } from "../../platform/auth/actor.js";
import { sendXlsx, writeSheet } from "../../platform/excel/excel.js";
import { readUpload } from "../../platform/http/upload.js";
import { assertProjectVisible } from "../registry/index.js";
import { dangerousWorksForExport, getDangerousWork, listDangerousWorks, weeklyDangerousWorks } from "./dangerous-work.queries.js";
import { fileWorkDocument, readWorkDocument } from "./dangerous-work.files.js";
import { createDangerousWork, recordExpertReview, recordGasClearance, signAsDrafter, transitionDangerousWork, updateDangerousWork } from "./dangerous-work.service.js";
import { DANGEROUS_WORK_COLUMNS, WEEKLY_COLUMNS } from "./dangerous-work.sheet.js";
import type { GasMainsNear } from "./gas-mains.port.js";

const tags = ["safety: dangerous works"];
const ExportQuery = ListDangerousWorksQuery.omit({ page: true, pageSize: true });

/** 危大工程: per-project register, the city list and its export, the weekly list, workflow, sign-offs, expert reviews and archived documents. */
export const dangerousWorkRoutes: FastifyPluginAsyncZod<{ gasMainsNear: GasMainsNear }> = async (app, { gasMainsNear }) => {
  // Static paths first, so none of them is ever read as a work id.
  app.get("/dangerous-works", { schema: { tags, querystring: ListDangerousWorksQuery, response: { 200: page(DangerousWorkDto) } } }, async (req) =>
    listDangerousWorks(req.ctx.db, req.ctx.actor, req.query),
  );

  app.get("/dangerous-works/export", { schema: { tags, querystring: ExportQuery } }, async (req, reply) => {
    const rows = await dangerousWorksForExport(req.ctx.db, req.ctx.actor, req.query);
    return sendXlsx(reply, `危大工程清单_${shanghaiDay()}.xlsx`, await writeSheet("危大工程", DANGEROUS_WORK_COLUMNS, rows));
  });

  app.get("/dangerous-works/weekly", { schema: { tags, querystring: WeeklyQuery, response: { 200: WeeklyListDto } } }, async (req) =>
    weeklyDangerousWorks(req.ctx.db, req.ctx.actor, req.query.day),
  );

  app.get("/dangerous-works/weekly/export", { schema: { tags, querystring: WeeklyQuery } }, async (req, reply) => {
    const week = await weeklyDangerousWorks(req.ctx.db, req.ctx.actor, req.query.day);
    return sendXlsx(reply, `危大工程周报_${week.from}_${week.to}.xlsx`, await writeSheet("危大工程周报", WEEKLY_COLUMNS, week.items));
  });

  app.get("/dangerous-works/:id", { schema: { tags, params: IdParams, response: { 200: DangerousWorkDetailDto } } }, async (req) =>
    getDangerousWork(req.ctx.db, req.ctx.actor, req.params.id),
  );

  app.put("/dangerous-works/:id", { schema: { tags, params: IdParams, body: UpdateDangerousWorkInput, response: { 200: DangerousWorkDto } } }, async (req) =>
    updateDangerousWork(req.ctx, req.params.id, req.body),
  );

  app.post("/dangerous-works/:id/transition", { schema: { tags, params: IdParams, body: TransitionInput, response: { 200: DangerousWorkDto } } }, async (req) =>
    transitionDangerousWork(req.ctx, req.params.id, req.body, gasMainsNear),
  );

  app.post("/dangerous-works/:id/expert-reviews", { schema: { tags, params: IdParams, body: ExpertReviewInput, response: { 201: DangerousWorkDto } } }, async (req, reply) =>
    reply.code(201).send(await recordExpertReview(req.ctx, req.params.id, req.body)),
  );

  app.post("/dangerous-works/:id/drafter-signoff", { schema: { tags, params: IdParams, body: DrafterSignoffInput.nullish().transform((v) => v ?? { note: "" }), response: { 200: DangerousWorkDto } } }, async (req) =>
    signAsDrafter(req.ctx, req.params.id, req.body),
  );

  app.post(
    "/dangerous-works/:id/files",
    { schema: { tags, params: IdParams, querystring: UploadWorkFileQuery, consumes: ["multipart/form-data"], response: { 201: WorkFileDto } } },
    async (req, reply) => {
      // The permission is checked before the body is read, so a refused caller's upload is never stored.
      requirePermission(req.ctx.actor, "safety.manage");
      const upload = await readUpload(req, { zh: " PDF、JPEG 或 PNG 文件", en: "a PDF, JPEG or PNG file" });
      return reply.code(201).send(await fileWorkDocument(req.ctx, req.params.id, req.query.kind, upload));
    },
  );

  app.get("/dangerous-works/:id/files/:fileId", { schema: { tags, params: WorkFileParams } }, async (req, reply) => {
    const { bytes, file } = await readWorkDocument(req.ctx, req.params.id, req.params.fileId);
    const ascii = file.fileName.replace(/[^\x20-\x7e]|["\\]/g, "_");
    return reply
      .header("content-type", file.contentType)
      .header("content-disposition", `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(file.fileName)}`)
      .header("x-content-type-options", "nosniff")
      .header("cache-control", "private, max-age=3600")
      .send(bytes);
  });

  app.post("/dangerous-works/:id/gas-clearance", { schema: { tags, params: IdParams, body: GasClearanceInput, response: { 200: DangerousWorkDto } } }, async (req) =>
    recordGasClearance(req.ctx, req.params.id, req.body),
  );

  app.get("/projects/:id/dangerous-works", { schema: { tags, params: IdParams, querystring: ListDangerousWorksQuery.omit({ projectId: true }), response: { 200: page(DangerousWorkDto) } } }, async (req) => {
    requirePermission(req.ctx.actor, "safety.read");
    await assertProjectVisible(req.ctx.db, req.ctx.actor, req.params.id);
    return listDangerousWorks(req.ctx.db, req.ctx.actor, { ...req.query, projectId: req.params.id });
  });

  app.post("/projects/:id/dangerous-works", { schema: { tags, params: IdParams, body: CreateDangerousWorkInput, response: { 201: DangerousWorkDto } } }, async (req, reply) =>
    reply.code(201).send(await createDangerousWork(req.ctx, req.params.id, req.body)),
  );
};

