import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { IdParams, page } from "@contracts/platform/common";
import { AttendanceDayDto, DailyAttendanceQuery, HeadcountDto, MonthlyAttendanceDto, MonthlyAttendanceQuery, MonthlySheetQuery } from "@contracts/workforce/attendance";
import { requirePermission } from "../../platform/auth/actor.js";
import type { ServiceContext } from "../../platform/context.js";
import { sendXlsx } from "../../platform/excel/excel.js";
import { assertProjectVisible } from "../registry/index.js";
import { shanghaiMonth } from "@contracts/platform/time";
import { dailyAttendance, monthlyAttendance } from "./attendance.queries.js";
import { monthlySheet } from "./attendance.sheet.js";
import { projectHeadcount } from "./headcount.queries.js";

const tags = ["workforce: attendance"];

/** Attendance reads need `workforce.read` and the project in scope (404 otherwise). */
async function readable(ctx: ServiceContext, projectId: string): Promise<void> {
  requirePermission(ctx.actor, "workforce.read");
  await assertProjectVisible(ctx.db, ctx.actor, projectId);
}

/** Live headcount, daily attendance and the monthly 考勤表 of a project, under /api/v1. */
export const attendanceRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get("/projects/:id/headcount", { schema: { tags, params: IdParams, response: { 200: HeadcountDto } } }, async (req) => {
    await readable(req.ctx, req.params.id);
    return projectHeadcount(req.ctx, req.params.id);
  });

  app.get(
    "/projects/:id/attendance",
    { schema: { tags, params: IdParams, querystring: DailyAttendanceQuery, response: { 200: page(AttendanceDayDto) } } },
    async (req) => {
      await readable(req.ctx, req.params.id);
      return dailyAttendance(req.ctx, req.params.id, req.query);
    },
  );

  app.get(
    "/projects/:id/attendance/monthly",
    { schema: { tags, params: IdParams, querystring: MonthlyAttendanceQuery, response: { 200: MonthlyAttendanceDto } } },
    async (req) => {
      await readable(req.ctx, req.params.id);
      return monthlyAttendance(req.ctx, req.params.id, req.query);
    },
  );

  app.get("/projects/:id/attendance/monthly.xlsx", { schema: { tags, params: IdParams, querystring: MonthlySheetQuery } }, async (req, reply) => {
    await readable(req.ctx, req.params.id);
    const month = req.query.month ?? shanghaiMonth();
    return sendXlsx(reply, `考勤表-${month}.xlsx`, await monthlySheet(req.ctx.db, req.params.id, month));
  });
};
