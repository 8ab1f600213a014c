import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { IdParams, page } from "@contracts/platform/common";
import { AlarmDetailDto, AlarmDto, AlarmNoteInput, AlarmStatsDto, AssignAlarmInput, CommentAlarmInput, ListAlarmsQuery } from "@contracts/iot/alarms";
import { sendXlsx } from "../../../platform/excel/excel.js";
import { alarmStats, getAlarm, listAlarms } from "./alarm.queries.js";
import { ackAlarm, assignAlarm, clearAlarm, commentAlarm } from "./alarm.service.js";
import { exportAlarms } from "./alarm.sheet.js";

const tags = ["iot: alarms"];
const ExportQuery = ListAlarmsQuery.omit({ page: true, pageSize: true });
// A note is optional, so no body at all (null to the validator) is a valid ack or clear.
const NoteBody = AlarmNoteInput.nullish().transform((v) => v ?? {});

/** 告警 console routes under /api/v1; thin: the verbs authorise, validate and audit. */
export const alarmRoutes: FastifyPluginAsyncZod = async (app) => {
  // Static paths first, so none of them is ever read as an alarm id.
  app.get("/alarms/stats", { schema: { tags, response: { 200: AlarmStatsDto } } }, async (req) => alarmStats(req.ctx.db, req.ctx.actor));

  app.get("/alarms/export", { schema: { tags, querystring: ExportQuery } }, async (req, reply) =>
    sendXlsx(reply, "告警记录.xlsx", await exportAlarms(req.ctx.db, req.ctx, req.query)),
  );

  app.get("/alarms", { schema: { tags, querystring: ListAlarmsQuery, response: { 200: page(AlarmDto) } } }, async (req) =>
    listAlarms(req.ctx.db, req.ctx.actor, req.query),
  );

  app.get("/alarms/:id", { schema: { tags, params: IdParams, response: { 200: AlarmDetailDto } } }, async (req) => getAlarm(req.ctx.db, req.ctx.actor, req.params.id));

  app.post("/alarms/:id/ack", { schema: { tags, params: IdParams, body: NoteBody, response: { 200: AlarmDetailDto } } }, async (req) =>
    ackAlarm(req.ctx, req.params.id, req.body),
  );

  app.post("/alarms/:id/clear", { schema: { tags, params: IdParams, body: NoteBody, response: { 200: AlarmDetailDto } } }, async (req) =>
    clearAlarm(req.ctx, req.params.id, req.body),
  );

  app.post("/alarms/:id/assign", { schema: { tags, params: IdParams, body: AssignAlarmInput, response: { 200: AlarmDetailDto } } }, async (req) =>
    assignAlarm(req.ctx, req.params.id, req.body),
  );

  app.post("/alarms/:id/comments", { schema: { tags, params: IdParams, body: CommentAlarmInput, response: { 200: AlarmDetailDto } } }, async (req) =>
    commentAlarm(req.ctx, req.params.id, req.body),
  );
};
