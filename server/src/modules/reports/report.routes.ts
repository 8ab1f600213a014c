import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { IdParams, page } from "@contracts/platform/common";
import { CreatedReportDto, CreateReportInput, ListReportsQuery, ReportDto, ReportSubscriptionsDto, UpdateReportSubscriptionsInput } from "@contracts/reports/reports";
import { sendXlsx } from "../../platform/excel/excel.js";
import { sendPdf } from "../../platform/pdf/official-document.js";
import { renderReportPdf } from "./report.pdf.js";
import { getReport, listReports, subscriptionsOf } from "./report.queries.js";
import { generateReport, updateSubscriptions } from "./report.service.js";
import { renderReportSheet } from "./report.sheet.js";

const tags = ["reports"];
/** `weekly-2026-11-30_2026-12-06`: the ASCII fallback of the download's file name. */
const asciiName = (r: ReportDto) => `${r.kind}-${r.from}_${r.to}`;
const fileName = (r: ReportDto) => `${r.title}-${r.from === r.to ? r.from : `${r.from}至${r.to}`}`;

/** 简报 (日报/周报/月报) under /api/v1: the archive, on-demand generation, downloads, the caller's subscriptions. */
export const reportRoutes: FastifyPluginAsyncZod<{ city: string }> = async (app, { city }) => {
  app.get("/reports", { schema: { tags, querystring: ListReportsQuery, response: { 200: page(ReportDto) } } }, async (req) => listReports(req.ctx.db, req.ctx.actor, req.query));

  app.post("/reports", { schema: { tags, body: CreateReportInput, response: { 200: CreatedReportDto, 201: CreatedReportDto } } }, async (req, reply) => {
    const result = await generateReport(req.ctx, req.body, city);
    return reply.code(result.created ? 201 : 200).send(result);
  });

  app.get("/reports/subscriptions", { schema: { tags, response: { 200: ReportSubscriptionsDto } } }, async (req) => subscriptionsOf(req.ctx.db, req.ctx.actor));

  app.put("/reports/subscriptions", { schema: { tags, body: UpdateReportSubscriptionsInput, response: { 200: ReportSubscriptionsDto } } }, async (req) => {
    await updateSubscriptions(req.ctx, req.body);
    return subscriptionsOf(req.ctx.db, req.ctx.actor);
  });

  app.get("/reports/:id", { schema: { tags, params: IdParams, response: { 200: ReportDto } } }, async (req) => {
    const { content: _content, ...dto } = await getReport(req.ctx.db, req.ctx.actor, req.params.id);
    return dto;
  });

  app.get("/reports/:id/report.pdf", { schema: { tags, params: IdParams } }, async (req, reply) => {
    const r = await getReport(req.ctx.db, req.ctx.actor, req.params.id);
    return sendPdf(reply, await renderReportPdf(r), asciiName(r), fileName(r));
  });

  app.get("/reports/:id/report.xlsx", { schema: { tags, params: IdParams } }, async (req, reply) => {
    const r = await getReport(req.ctx.db, req.ctx.actor, req.params.id);
    return sendXlsx(reply, `${fileName(r)}.xlsx`, await renderReportSheet(r));
  });
};
