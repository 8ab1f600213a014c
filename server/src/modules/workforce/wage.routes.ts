import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { IdParams, ImportAcceptedDto, page } from "@contracts/platform/common";
import {
  ArrearsPageDto,
  ArrearsQuery,
  CreatePayrollInput,
  ListPayrollsQuery,
  PayrollDto,
  PayrollExportQuery,
  UpdatePayrollInput,
  WageAccountDto,
  WageAccountInput,
  WageAccountQuery,
  WageCheckQuery,
  WageChecksDto,
} from "@contracts/workforce/wages";
import { requirePermission } from "../../platform/auth/actor.js";
import { sendXlsx } from "../../platform/excel/excel.js";
import { readXlsxUpload } from "../../platform/excel/upload.js";
import { payrollExport, payrollTemplate } from "./payroll.sheet.js";
import { listArrears, listPayrolls, payrollsForExport, projectWageChecks } from "./wage.queries.js";
import { createPayroll, importPayrolls, saveWageAccount, updatePayroll, viewWageAccount } from "./wage.service.js";

const tags = ["workforce: wages"];

/** 工资支付 under /api/v1: special account, payroll (entry, import, export, paid), checks and the city arrears view. */
export const wageRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get("/projects/:id/wage-account", { schema: { tags, params: IdParams, querystring: WageAccountQuery, response: { 200: WageAccountDto.nullable() } } }, async (req) =>
    viewWageAccount(req.ctx, req.params.id, req.query.full),
  );

  app.put("/projects/:id/wage-account", { schema: { tags, params: IdParams, body: WageAccountInput, response: { 200: WageAccountDto } } }, async (req) =>
    saveWageAccount(req.ctx, req.params.id, req.body),
  );

  app.get("/payrolls/import-template", { schema: { tags } }, async (req, reply) => {
    requirePermission(req.ctx.actor, "workforce.read");
    return sendXlsx(reply, "工资表导入模板.xlsx", await payrollTemplate());
  });

  app.get("/projects/:id/payrolls/export", { schema: { tags, params: IdParams, querystring: PayrollExportQuery } }, async (req, reply) =>
    sendXlsx(reply, `工资表${req.query.month ? `-${req.query.month}` : ""}.xlsx`, await payrollExport(await payrollsForExport(req.ctx, req.params.id, req.query))),
  );

  app.post("/projects/:id/payrolls/import", { schema: { tags, params: IdParams, consumes: ["multipart/form-data"], response: { 202: ImportAcceptedDto } } }, async (req, reply) =>
    reply.code(202).send(await importPayrolls(req.ctx, req.params.id, () => readXlsxUpload(req))),
  );

  app.get("/projects/:id/payrolls", { schema: { tags, params: IdParams, querystring: ListPayrollsQuery, response: { 200: page(PayrollDto) } } }, async (req) =>
    listPayrolls(req.ctx, req.params.id, req.query),
  );

  app.post("/projects/:id/payrolls", { schema: { tags, params: IdParams, body: CreatePayrollInput, response: { 201: PayrollDto } } }, async (req, reply) =>
    reply.code(201).send(await createPayroll(req.ctx, req.params.id, req.body)),
  );

  app.patch("/payrolls/:id", { schema: { tags, params: IdParams, body: UpdatePayrollInput, response: { 200: PayrollDto } } }, async (req) =>
    updatePayroll(req.ctx, req.params.id, req.body),
  );

  app.get("/projects/:id/wage-checks", { schema: { tags, params: IdParams, querystring: WageCheckQuery, response: { 200: WageChecksDto } } }, async (req) =>
    projectWageChecks(req.ctx, req.params.id, req.query.month),
  );

  app.get("/wages/arrears", { schema: { tags, querystring: ArrearsQuery, response: { 200: ArrearsPageDto } } }, async (req) =>
    listArrears(req.ctx, req.query),
  );
};
