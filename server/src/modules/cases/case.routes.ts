import type { FastifyReply, FastifyRequest } from "fastify";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import {
  AcceptCaseInput,
  CaseBoardDto,
  CaseDetailDto,
  CaseDto,
  CommentCaseInput,
  ListCasesQuery,
  OpenCaseRequest,
  OpenCaseResultDto,
  RecheckCaseInput,
  ReplyCaseInput,
  ResumeApplyInput,
  ResumeDecisionInput,
  StopWorkInput,
} from "@contracts/cases/cases";
import { IdParams, page } from "@contracts/platform/common";
import { readImageUpload } from "../../platform/http/upload.js";
import { sendXlsx } from "../../platform/excel/excel.js";
import { sendPdf, siteUrlOf } from "../../platform/pdf/official-document.js";
import { renderCaseNotice, type NoticeKind } from "./case.pdf.js";
import { assertMayUploadCasePhotos, readCasePhoto, saveCasePhoto } from "./case.files.js";
import { getCase, listCases } from "./case.queries.js";
import { readCaseBoard, type BoardCache } from "./case.cache.js";
import { acceptCase, applyResume, commentCase, decideResume, openCaseByInspector, orderStopWork, recheckCase, replyCase } from "./case.service.js";
import { exportCases } from "./case.sheet.js";
import { PhotoDto, PhotoParams } from "@contracts/platform/files";

const tags = ["cases"];
const ExportQuery = ListCasesQuery.omit({ page: true, pageSize: true });
const BoardQuery = z.object({ projectId: z.uuid().optional() });
// The note of a sign-for is optional, so no body at all is a valid request.
const AcceptBody = AcceptCaseInput.nullish().transform((v) => v ?? {});

function pdfRoute(kind: NoticeKind, file: string) {
  return async (req: FastifyRequest<{ Params: { id: string } }>, reply: FastifyReply) => {
    const c = await getCase(req.ctx.db, req.ctx.actor, req.params.id);
    return sendPdf(reply, await renderCaseNotice(c, kind, siteUrlOf(req)), kind, `${file}-${c.no}`);
  };
}

/** The rectification loop under /api/v1: board, list, export, detail, the verbs, photos and the printed notices. */
export const caseRoutes: FastifyPluginAsyncZod<{ board: BoardCache }> = async (app, { board }) => {
  // Static paths first, so none of them is ever read as a case id.
  app.get("/cases/board", { schema: { tags, querystring: BoardQuery, response: { 200: CaseBoardDto } } }, async (req) =>
    readCaseBoard(board, req.ctx.db, req.ctx.actor, req.query.projectId),
  );

  app.get("/cases/export", { schema: { tags, querystring: ExportQuery } }, async (req, reply) => sendXlsx(reply, "整改台账.xlsx", await exportCases(req.ctx.db, req.ctx.actor, req.query)));

  app.post("/cases/photos", { schema: { tags, consumes: ["multipart/form-data"], response: { 201: PhotoDto } } }, async (req, reply) => {
    // The permission is checked before the body is read, so a refused caller's upload is never stored.
    assertMayUploadCasePhotos(req.ctx.actor);
    return reply.code(201).send(await saveCasePhoto(req.ctx, await readImageUpload(req)));
  });

  app.get("/cases/photos/:id", { schema: { tags, params: PhotoParams } }, async (req, reply) => {
    const image = await readCasePhoto(req.ctx, req.params.id);
    return reply.header("content-type", image.type).header("cache-control", "private, max-age=3600").send(image.bytes);
  });

  app.get("/cases", { schema: { tags, querystring: ListCasesQuery, response: { 200: page(CaseDto) } } }, async (req) => listCases(req.ctx.db, req.ctx.actor, req.query));

  app.post("/cases", { schema: { tags, body: OpenCaseRequest, response: { 201: OpenCaseResultDto, 200: OpenCaseResultDto } } }, async (req, reply) => {
    const result = await openCaseByInspector(req.ctx, req.body);
    return reply.code(result.created ? 201 : 200).send(result);
  });

  app.get("/cases/:id", { schema: { tags, params: IdParams, response: { 200: CaseDetailDto } } }, async (req) => getCase(req.ctx.db, req.ctx.actor, req.params.id));

  app.get("/cases/:id/notice.pdf", { schema: { tags, params: IdParams } }, pdfRoute("notice", "整改通知书"));
  app.get("/cases/:id/stop-work.pdf", { schema: { tags, params: IdParams } }, pdfRoute("stop_work", "停工整改通知书"));

  app.post("/cases/:id/accept", { schema: { tags, params: IdParams, body: AcceptBody, response: { 200: CaseDetailDto } } }, async (req) => acceptCase(req.ctx, req.params.id, req.body));
  app.post("/cases/:id/reply", { schema: { tags, params: IdParams, body: ReplyCaseInput, response: { 200: CaseDetailDto } } }, async (req) => replyCase(req.ctx, req.params.id, req.body));
  app.post("/cases/:id/recheck", { schema: { tags, params: IdParams, body: RecheckCaseInput, response: { 200: CaseDetailDto } } }, async (req) =>
    recheckCase(req.ctx, req.params.id, req.body),
  );
  app.post("/cases/:id/stop-work", { schema: { tags, params: IdParams, body: StopWorkInput, response: { 200: CaseDetailDto } } }, async (req) => orderStopWork(req.ctx, req.params.id, req.body));
  app.post("/cases/:id/resume-apply", { schema: { tags, params: IdParams, body: ResumeApplyInput, response: { 200: CaseDetailDto } } }, async (req) =>
    applyResume(req.ctx, req.params.id, req.body),
  );
  app.post("/cases/:id/resume-decision", { schema: { tags, params: IdParams, body: ResumeDecisionInput, response: { 200: CaseDetailDto } } }, async (req) =>
    decideResume(req.ctx, req.params.id, req.body),
  );
  app.post("/cases/:id/comment", { schema: { tags, params: IdParams, body: CommentCaseInput, response: { 200: CaseDetailDto } } }, async (req) => commentCase(req.ctx, req.params.id, req.body));
};
