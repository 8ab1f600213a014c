import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { IdParams, page } from "@contracts/platform/common";
import {
  CreateDeviceInput,
  DeviceDto,
  DeviceLatestDto,
  DeviceWithSecretDto,
  ListDevicesQuery,
  SetDeviceEnabledInput,
  TelemetryQuery,
  TelemetrySeriesDto,
  UpdateDeviceInput,
} from "@contracts/iot/devices";
import { SiteMapItemDto } from "@contracts/iot/realtime";
import { sendXlsx } from "../../platform/excel/excel.js";
import { getDevice, getDeviceLatest, getTelemetry, listDevices } from "./device.queries.js";
import { createDevice, rotateDeviceSecret, setDeviceEnabled, updateDevice } from "./device.service.js";
import { exportDevices } from "./device.sheet.js";
import { siteMap } from "./site-map.queries.js";

const tags = ["iot: devices"];
const ExportQuery = ListDevicesQuery.omit({ page: true, pageSize: true });

/** 设备台账 routes under /api/v1, plus the city map of sites; thin: the verbs authorise, validate and audit. */
export const deviceRoutes: FastifyPluginAsyncZod = async (app) => {
  // Static paths first, so none of them is ever read as a device id.
  app.get("/devices/export", { schema: { tags, querystring: ExportQuery } }, async (req, reply) =>
    sendXlsx(reply, "设备台账.xlsx", await exportDevices(req.ctx.db, req.ctx, req.query)),
  );

  app.get("/devices", { schema: { tags, querystring: ListDevicesQuery, response: { 200: page(DeviceDto) } } }, async (req) =>
    listDevices(req.ctx.db, req.ctx.actor, req.query),
  );

  app.post("/devices", { schema: { tags, body: CreateDeviceInput, response: { 201: DeviceWithSecretDto } } }, async (req, reply) =>
    reply.code(201).send(await createDevice(req.ctx, req.body)),
  );

  app.get("/devices/:id", { schema: { tags, params: IdParams, response: { 200: DeviceDto } } }, async (req) => getDevice(req.ctx.db, req.ctx.actor, req.params.id));

  app.patch("/devices/:id", { schema: { tags, params: IdParams, body: UpdateDeviceInput, response: { 200: DeviceDto } } }, async (req) =>
    updateDevice(req.ctx, req.params.id, req.body),
  );

  app.post("/devices/:id/rotate-secret", { schema: { tags, params: IdParams, response: { 200: DeviceWithSecretDto } } }, async (req) =>
    rotateDeviceSecret(req.ctx, req.params.id),
  );

  app.post("/devices/:id/enabled", { schema: { tags, params: IdParams, body: SetDeviceEnabledInput, response: { 200: DeviceDto } } }, async (req) =>
    setDeviceEnabled(req.ctx, req.params.id, req.body),
  );

  app.get("/devices/:id/latest", { schema: { tags, params: IdParams, response: { 200: DeviceLatestDto } } }, async (req) =>
    getDeviceLatest(req.ctx.db, req.ctx.actor, req.params.id),
  );

  app.get("/devices/:id/telemetry", { schema: { tags, params: IdParams, querystring: TelemetryQuery, response: { 200: TelemetrySeriesDto } } }, async (req) =>
    getTelemetry(req.ctx, req.params.id, req.query),
  );

  app.get("/iot/map", { schema: { tags: ["iot: map"], response: { 200: z.array(SiteMapItemDto) } } }, async (req) => siteMap(req.ctx.db, req.ctx.actor));
};
