import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import QRCode from "qrcode";
import { z } from "zod";
// A sampling photo id has the FileStore's photo id shape, which the cases contract defines.
import { PhotoDto, PhotoParams } from "@contracts/platform/files";
import { IdParams, ImportAcceptedDto, page } from "@contracts/platform/common";
import { shanghaiDay } from "@contracts/platform/time";
import { AgencyDto, AgencyInput, CityWitnessShareDto, CityWitnessShareQuery, CommissionDto, CreateCommissionInput, ListAgenciesQuery, ListCommissionsQuery, SamplingInput, WitnessShareDto } from "@contracts/testing/commission";
import { ConcreteEvaluationDto, ConcreteEvaluationInput } from "@contracts/testing/evaluation";
import { IssueReportInput, ListResultsQuery, PublicReportDto, ReportDto, ResultDto, ReviseReportInput, SubmitResultInput, VerifyCodeParams } from "@contracts/testing/result";
import { requirePermission } from "../../platform/auth/actor.js";
import type { Db } from "../../platform/db/client.js";
import { AppError } from "../../platform/errors.js";
import { readImageUpload } from "../../platform/http/upload.js";
import { sendXlsx, writeSheet } from "../../platform/excel/excel.js";
import { readXlsxUpload } from "../../platform/excel/upload.js";
import { assertProjectVisible } from "../registry/index.js";
import { listAgencies, upsertAgency } from "./agency.service.js";
import { commissionsForExport, getCommission, listCommissions } from "./commission.queries.js";
import { COMMISSION_EXPORT_COLUMNS } from "./commission.sheet.js";
import { createCommission, recordSampling } from "./commission.service.js";
import { evaluateConcrete } from "./evaluation.service.js";
import { sendPdf, siteUrlOf } from "../../platform/pdf/official-document.js";
import { renderTestReport } from "./report.pdf.js";
import { getReport, issueReport, publicReportOf, reviseReport, verifyReport } from "./report.service.js";
import { importResults } from "./result.import.js";
import { getResult, listResults, resultsForExport } from "./result.queries.js";
import { submitResult } from "./result.service.js";
import { assertMayUploadSamplingPhotos, readSamplingPhoto, saveSamplingPhoto } from "./sampling.files.js";
import { RESULT_EXPORT_COLUMNS, RESULT_IMPORT_COLUMNS } from "./result.sheet.js";
import { witnessShare } from "./witness-share.queries.js";
import { cityWitnessShare } from "./witness-share-city.queries.js";

const tags = ["testing"];
const CommissionExportQuery = ListCommissionsQuery.omit({ page: true, pageSize: true });
const ResultExportQuery = ListResultsQuery.omit({ page: true, pageSize: true });
const ProjectCommissionsQuery = ListCommissionsQuery.omit({ projectId: true });

/** 工程检测: agencies, commissions and sampling, results (API and Excel), reports and the public verify. */
export const testingRoutes: FastifyPluginAsyncZod<{ db?: Db }> = async (app, { db }) => {
  app.post("/testing/concrete-evaluations", { schema: { tags, body: ConcreteEvaluationInput, response: { 200: ConcreteEvaluationDto } } }, async (req) =>
    evaluateConcrete(req.ctx, req.body),
  );

  app.get("/testing/agencies", { schema: { tags, querystring: ListAgenciesQuery, response: { 200: page(AgencyDto) } } }, async (req) => listAgencies(req.ctx.db, req.ctx.actor, req.query));
  app.post("/testing/agencies", { schema: { tags, body: AgencyInput, response: { 200: AgencyDto } } }, async (req) => upsertAgency(req.ctx, req.body));

  app.post("/testing/photos", { schema: { tags, consumes: ["multipart/form-data"], response: { 201: PhotoDto } } }, async (req, reply) => {
    // The permission is checked before the body is read, so a refused caller's upload is never stored.
    assertMayUploadSamplingPhotos(req.ctx.actor);
    return reply.code(201).send(await saveSamplingPhoto(req.ctx, await readImageUpload(req)));
  });
  app.get("/testing/photos/:id", { schema: { tags, params: PhotoParams } }, async (req, reply) => {
    const image = await readSamplingPhoto(req.ctx, req.params.id);
    return reply.header("content-type", image.type).header("cache-control", "private, max-age=3600").send(image.bytes);
  });

  // Static paths before `:id`, so none is ever read as an id.
  app.get("/testing/commissions/export", { schema: { tags, querystring: CommissionExportQuery } }, async (req, reply) => {
    const rows = await commissionsForExport(req.ctx.db, req.ctx.actor, req.query);
    return sendXlsx(reply, `检测委托_${shanghaiDay()}.xlsx`, await writeSheet("检测委托", COMMISSION_EXPORT_COLUMNS, rows));
  });
  app.get("/testing/commissions", { schema: { tags, querystring: ListCommissionsQuery, response: { 200: page(CommissionDto) } } }, async (req) =>
    listCommissions(req.ctx.db, req.ctx.actor, req.query),
  );
  app.get("/testing/commissions/:id", { schema: { tags, params: IdParams, response: { 200: CommissionDto } } }, async (req) => getCommission(req.ctx.db, req.ctx.actor, req.params.id));
  app.post("/testing/commissions/:id/sampling", { schema: { tags, params: IdParams, body: SamplingInput, response: { 200: CommissionDto } } }, async (req) =>
    recordSampling(req.ctx, req.params.id, req.body),
  );
  app.post("/testing/commissions/:id/results", { schema: { tags, params: IdParams, body: SubmitResultInput, response: { 201: ResultDto } } }, async (req, reply) => {
    const recorded = await submitResult(req.ctx, req.params.id, req.body);
    return reply.code(201).send(await getResult(req.ctx.db, req.ctx.actor, recorded.id));
  });

  app.get("/projects/:id/testing/commissions", { schema: { tags, params: IdParams, querystring: ProjectCommissionsQuery, response: { 200: page(CommissionDto) } } }, async (req) => {
    requirePermission(req.ctx.actor, "testing.read");
    await assertProjectVisible(req.ctx.db, req.ctx.actor, req.params.id);
    return listCommissions(req.ctx.db, req.ctx.actor, { ...req.query, projectId: req.params.id });
  });
  app.post("/projects/:id/testing/commissions", { schema: { tags, params: IdParams, body: CreateCommissionInput, response: { 201: CommissionDto } } }, async (req, reply) =>
    reply.code(201).send(await createCommission(req.ctx, req.params.id, req.body)),
  );
  app.get("/projects/:id/testing/witness-share", { schema: { tags, params: IdParams, response: { 200: WitnessShareDto } } }, async (req) =>
    witnessShare(req.ctx, req.params.id),
  );

  app.get("/testing/witness-share", { schema: { tags, querystring: CityWitnessShareQuery, response: { 200: CityWitnessShareDto } } }, async (req) =>
    cityWitnessShare(req.ctx, req.query),
  );

  app.get("/testing/results/import-template", { schema: { tags } }, async (req, reply) => {
    requirePermission(req.ctx.actor, "testing.report");
    return sendXlsx(reply, "检测结果导入模板.xlsx", await writeSheet("检测结果", RESULT_IMPORT_COLUMNS, [], true));
  });
  app.post("/testing/results/import", { schema: { tags, consumes: ["multipart/form-data"], response: { 202: ImportAcceptedDto } } }, async (req, reply) =>
    reply.code(202).send(await importResults(req.ctx, () => readXlsxUpload(req))),
  );
  app.get("/testing/results/export", { schema: { tags, querystring: ResultExportQuery } }, async (req, reply) => {
    const rows = await resultsForExport(req.ctx.db, req.ctx.actor, req.query);
    return sendXlsx(reply, `检测结果_${shanghaiDay()}.xlsx`, await writeSheet("检测结果", RESULT_EXPORT_COLUMNS, rows));
  });
  app.get("/testing/results", { schema: { tags, querystring: ListResultsQuery.extend({ commissionId: z.uuid().optional() }), response: { 200: page(ResultDto) } } }, async (req) =>
    listResults(req.ctx.db, req.ctx.actor, req.query),
  );
  app.get("/testing/results/:id", { schema: { tags, params: IdParams, response: { 200: ResultDto } } }, async (req) => getResult(req.ctx.db, req.ctx.actor, req.params.id));
  app.post("/testing/results/:id/report", { schema: { tags, params: IdParams, body: IssueReportInput, response: { 201: ReportDto } } }, async (req, reply) =>
    reply.code(201).send(await issueReport(req.ctx, req.params.id, req.body)),
  );

  app.get("/testing/reports/:id", { schema: { tags, params: IdParams, response: { 200: ReportDto } } }, async (req) => getReport(req.ctx.db, req.ctx.actor, req.params.id));
  app.patch("/testing/reports/:id", { schema: { tags, params: IdParams, body: ReviseReportInput, response: { 200: ReportDto } } }, async (req) => reviseReport(req.ctx, req.params.id, req.body));
  app.get("/testing/reports/:id/qr.png", { schema: { tags, params: IdParams } }, async (req, reply) => {
    const report = await getReport(req.ctx.db, req.ctx.actor, req.params.id);
    // The QR carries the full address so any phone camera opens the verify page.
    const png = await QRCode.toBuffer(`${siteUrlOf(req)}${report.verifyPath}`, { type: "png", errorCorrectionLevel: "M", margin: 2, width: 320 });
    return reply.header("content-type", "image/png").header("cache-control", "private, max-age=3600").send(png);
  });

  app.get("/testing/reports/:id/report.pdf", { schema: { tags, params: IdParams } }, async (req, reply) => {
    const report = await getReport(req.ctx.db, req.ctx.actor, req.params.id);
    const [result, pub] = await Promise.all([getResult(req.ctx.db, req.ctx.actor, report.resultId), publicReportOf(req.ctx.db, report.id)]);
    return sendPdf(reply, await renderTestReport(report, result, pub, siteUrlOf(req)), "report", `检测报告-${report.reportNo}`);
  });

  app.get(
    "/public/reports/:code",
    { config: { public: true }, schema: { tags: ["public"], params: VerifyCodeParams, response: { 200: PublicReportDto } } },
    async (req, reply) => {
      reply.header("cache-control", "no-store");
      if (!db) throw new AppError("INTERNAL", "the testing plugin was registered without its db");
      return verifyReport(db, req.params.code);
    },
  );
};
