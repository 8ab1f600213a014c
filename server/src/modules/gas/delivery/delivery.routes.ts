import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { AnomalyCaseResultDto, AnomalyDto, AnomalyToCaseInput, ListAnomaliesQuery, ResolveAnomalyInput } from "@contracts/gas/anomaly";
import { CreateSafetyCheckInput, CustomerDto, CustomerInput, ListCustomersQuery, ListSafetyChecksQuery, SafetyCheckDto, SetCustomerActiveInput } from "@contracts/gas/customer";
import { DeliveryBatchInput, DeliveryBatchResultDto, DeliveryDto, ListDeliveriesQuery } from "@contracts/gas/delivery";
import { IdParams, ImportAcceptedDto, page } from "@contracts/platform/common";
import { PhotoDto, PhotoParams } from "@contracts/platform/files";
import { shanghaiDay } from "@contracts/platform/time";
import { requirePermission } from "../../../platform/auth/actor.js";
import type { ServiceContext } from "../../../platform/context.js";
import { readImageUpload } from "../../../platform/http/upload.js";
import { sendXlsx, writeSheet } from "../../../platform/excel/excel.js";
import { readXlsxUpload } from "../../../platform/excel/upload.js";
import { ruleInForce } from "../../../platform/rules/rules.js";
import { ANOMALY_EXPORT_COLUMNS, anomaliesForExport, getAnomaly, listAnomalies } from "./anomaly.queries.js";
import { anomalyToCase, resolveAnomaly } from "./anomaly.service.js";
import { customerRow, customersForExport, listCustomers } from "./customer.queries.js";
import { createCustomer, getCustomer, setCustomerActive, updateCustomer, viewCustomerFull } from "./customer.service.js";
import { CUSTOMER_EXPORT_COLUMNS, CUSTOMER_IMPORT_COLUMNS, importCustomers } from "./customer.sheet.js";
import { importDeliveries } from "./delivery.import.js";
import { deliveriesForExport, listDeliveries } from "./delivery.queries.js";
import { userCheckIntervalRule } from "./delivery.rules.js";
import { recordDeliveries } from "./delivery.service.js";
import { DELIVERY_EXPORT_COLUMNS, DELIVERY_IMPORT_COLUMNS } from "./delivery.sheet.js";
import { assertCheckPhotos, assertMayUploadCheckPhotos, readCheckPhoto, saveCheckPhoto } from "./safety-check.files.js";
import { listSafetyChecks, recordSafetyCheck } from "./safety-check.service.js";

const tags = ["gas"];
const CustomersExportQuery = ListCustomersQuery.omit({ page: true, pageSize: true });
const DeliveriesExportQuery = ListDeliveriesQuery.omit({ page: true, pageSize: true });
const AnomaliesExportQuery = ListAnomaliesQuery.omit({ page: true, pageSize: true });
const CustomerDeliveriesQuery = ListDeliveriesQuery.omit({ customerId: true, enterpriseId: true });
/** The bureau's admin names the gas company an upload is for; a gas company's own users leave it out. */
const ForEnterpriseQuery = z.object({ enterpriseId: z.uuid().optional() });

/** Real-name customers and their safety checks, the delivery chain (API and xlsx), and anomalies. */
export const deliveryRoutes: FastifyPluginAsyncZod = async (app) => {
  const dueSoonDays = async (ctx: ServiceContext) => (await ruleInForce(ctx.db, userCheckIntervalRule, ctx.region)).value.dueSoonDays;

  // Customers. Static paths before `:id`, so none is ever read as an id.
  app.get("/gas/customers/export", { schema: { tags, querystring: CustomersExportQuery } }, async (req, reply) => {
    const rows = await customersForExport(req.ctx.db, req.ctx.actor, req.query, await dueSoonDays(req.ctx));
    return sendXlsx(reply, `燃气用户_${shanghaiDay()}.xlsx`, await writeSheet("燃气用户", CUSTOMER_EXPORT_COLUMNS, rows));
  });
  app.get("/gas/customers/import-template", { schema: { tags } }, async (req, reply) => {
    requirePermission(req.ctx.actor, "gas.manage");
    return sendXlsx(reply, "燃气用户导入模板.xlsx", await writeSheet("燃气用户", CUSTOMER_IMPORT_COLUMNS, [], true));
  });
  app.post("/gas/customers/import", { schema: { tags, querystring: ForEnterpriseQuery, consumes: ["multipart/form-data"], response: { 202: ImportAcceptedDto } } }, async (req, reply) => {
    const rule = (await ruleInForce(req.ctx.db, userCheckIntervalRule, req.ctx.region)).value;
    return reply.code(202).send(await importCustomers(req.ctx, () => readXlsxUpload(req), rule, req.query.enterpriseId));
  });
  app.get("/gas/customers", { schema: { tags, querystring: ListCustomersQuery, response: { 200: page(CustomerDto) } } }, async (req) =>
    listCustomers(req.ctx.db, req.ctx.actor, req.query, await dueSoonDays(req.ctx)),
  );
  app.post("/gas/customers", { schema: { tags, body: CustomerInput, response: { 201: CustomerDto } } }, async (req, reply) =>
    reply.code(201).send(await createCustomer(req.ctx, req.body, await dueSoonDays(req.ctx))),
  );
  app.get("/gas/customers/:id", { schema: { tags, params: IdParams, response: { 200: CustomerDto } } }, async (req) => getCustomer(req.ctx, req.params.id, await dueSoonDays(req.ctx)));
  app.get("/gas/customers/:id/full", { schema: { tags, params: IdParams, response: { 200: CustomerDto } } }, async (req) => viewCustomerFull(req.ctx, req.params.id, await dueSoonDays(req.ctx)));
  app.put("/gas/customers/:id", { schema: { tags, params: IdParams, body: CustomerInput, response: { 200: CustomerDto } } }, async (req) =>
    updateCustomer(req.ctx, req.params.id, req.body, await dueSoonDays(req.ctx)),
  );
  app.post("/gas/customers/:id/active", { schema: { tags, params: IdParams, body: SetCustomerActiveInput, response: { 200: CustomerDto } } }, async (req) =>
    setCustomerActive(req.ctx, req.params.id, req.body.active, await dueSoonDays(req.ctx)),
  );
  app.get("/gas/customers/:id/deliveries", { schema: { tags, params: IdParams, querystring: CustomerDeliveriesQuery, response: { 200: page(DeliveryDto) } } }, async (req) => {
    await customerRow(req.ctx.db, req.ctx.actor, req.params.id);
    return listDeliveries(req.ctx.db, req.ctx.actor, { ...req.query, customerId: req.params.id });
  });

  // Safety checks.
  app.get("/gas/safety-checks", { schema: { tags, querystring: ListSafetyChecksQuery, response: { 200: page(SafetyCheckDto) } } }, async (req) =>
    listSafetyChecks(req.ctx.db, req.ctx.actor, req.query),
  );
  app.post("/gas/safety-checks", { schema: { tags, body: CreateSafetyCheckInput, response: { 201: SafetyCheckDto } } }, async (req, reply) => {
    const { customerId, ...check } = req.body;
    return reply.code(201).send(await recordSafetyCheck(req.ctx, customerId, check, assertCheckPhotos));
  });
  app.post("/gas/safety-checks/photos", { schema: { tags, consumes: ["multipart/form-data"], response: { 201: PhotoDto } } }, async (req, reply) => {
    // The permission is checked before the body is read, so a refused caller's upload is never stored.
    assertMayUploadCheckPhotos(req.ctx.actor);
    return reply.code(201).send(await saveCheckPhoto(req.ctx, await readImageUpload(req)));
  });
  app.get("/gas/safety-checks/photos/:id", { schema: { tags, params: PhotoParams } }, async (req, reply) => {
    const image = await readCheckPhoto(req.ctx, req.params.id);
    return reply.header("content-type", image.type).header("cache-control", "private, max-age=3600").send(image.bytes);
  });

  // The delivery chain.
  app.get("/gas/deliveries/export", { schema: { tags, querystring: DeliveriesExportQuery } }, async (req, reply) => {
    const rows = await deliveriesForExport(req.ctx.db, req.ctx.actor, req.query);
    return sendXlsx(reply, `配送记录_${shanghaiDay()}.xlsx`, await writeSheet("配送记录", DELIVERY_EXPORT_COLUMNS, rows));
  });
  app.get("/gas/deliveries/import-template", { schema: { tags } }, async (req, reply) => {
    requirePermission(req.ctx.actor, "gas.manage");
    return sendXlsx(reply, "配送记录导入模板.xlsx", await writeSheet("配送记录", DELIVERY_IMPORT_COLUMNS, [], true));
  });
  app.post("/gas/deliveries/import", { schema: { tags, querystring: ForEnterpriseQuery, consumes: ["multipart/form-data"], response: { 200: DeliveryBatchResultDto } } }, async (req) =>
    importDeliveries(req.ctx, () => readXlsxUpload(req), req.query.enterpriseId),
  );
  app.get("/gas/deliveries", { schema: { tags, querystring: ListDeliveriesQuery, response: { 200: page(DeliveryDto) } } }, async (req) => listDeliveries(req.ctx.db, req.ctx.actor, req.query));
  app.post("/gas/deliveries", { bodyLimit: 8 * 1024 * 1024, schema: { tags, body: DeliveryBatchInput, response: { 200: DeliveryBatchResultDto } } }, async (req) =>
    recordDeliveries(req.ctx, req.body),
  );

  // Anomalies.
  app.get("/gas/anomalies/export", { schema: { tags, querystring: AnomaliesExportQuery } }, async (req, reply) => {
    const rows = await anomaliesForExport(req.ctx.db, req.ctx.actor, req.query);
    return sendXlsx(reply, `配送异常_${shanghaiDay()}.xlsx`, await writeSheet("配送异常", ANOMALY_EXPORT_COLUMNS, rows));
  });
  app.get("/gas/anomalies", { schema: { tags, querystring: ListAnomaliesQuery, response: { 200: page(AnomalyDto) } } }, async (req) => listAnomalies(req.ctx.db, req.ctx.actor, req.query));
  app.get("/gas/anomalies/:id", { schema: { tags, params: IdParams, response: { 200: AnomalyDto } } }, async (req) => getAnomaly(req.ctx.db, req.ctx.actor, req.params.id));
  app.post("/gas/anomalies/:id/resolve", { schema: { tags, params: IdParams, body: ResolveAnomalyInput, response: { 200: AnomalyDto } } }, async (req) =>
    resolveAnomaly(req.ctx, req.params.id, req.body),
  );
  app.post("/gas/anomalies/:id/case", { schema: { tags, params: IdParams, body: AnomalyToCaseInput, response: { 201: AnomalyCaseResultDto, 200: AnomalyCaseResultDto } } }, async (req, reply) => {
    const result = await anomalyToCase(req.ctx, req.params.id, req.body);
    return reply.code(result.created ? 201 : 200).send(result);
  });
};
