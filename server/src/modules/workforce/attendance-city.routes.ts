import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { page } from "@contracts/platform/common";
import { CityAttendanceQuery, CityAttendanceRowDto, OnSiteBreakdownDto } from "@contracts/workforce/attendance";
import { cityAttendanceToday, onSiteBreakdown } from "./attendance-city.queries.js";

const tags = ["workforce: attendance"];

/** The city-wide attendance of today, inside the caller's scope, under /api/v1. */
export const cityAttendanceRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get("/attendance/today", { schema: { tags, querystring: CityAttendanceQuery, response: { 200: page(CityAttendanceRowDto) } } }, async (req) =>
    cityAttendanceToday(req.ctx, req.query),
  );
  app.get("/attendance/on-site", { schema: { tags, response: { 200: OnSiteBreakdownDto } } }, async (req) => onSiteBreakdown(req.ctx));
};
