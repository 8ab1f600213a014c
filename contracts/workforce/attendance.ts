import { z } from "zod";
import { IsoDate, page, PageQuery } from "../platform/common";

/**
 * A gate access event as gates send it on `sitecloud/v1/{gateCode}/events` (and over HTTP):
 * the person by ID number or personId (or workerNo, as Hikvision terminals send the employee number).
 */
export const AccessEventPayload = z.object({
  type: z.literal("access"),
  idNumber: z.string().trim().max(18).optional(),
  personId: z.uuid().optional(),
  workerNo: z.string().trim().max(32).optional(),
  direction: z.enum(["in", "out"]),
  ts: z.union([z.number(), z.string()]),
  similarity: z.number().min(0).max(100).optional(),
  photo: z.string().max(2_000_000).optional(),
});
export type AccessEventPayload = z.infer<typeof AccessEventPayload>;

/** Outcome of a gate event: a valid passage, or why the person was refused (each refusal raises an access alarm). */
export const ACCESS_RESULTS = ["accepted", "unknown_face", "blacklisted", "not_admitted", "other_project"] as const;
export type AccessResult = (typeof ACCESS_RESULTS)[number];

export const HeadcountDto = z.object({
  onSite: z.number().int(),
  /** People who passed the gate today (Asia/Shanghai). */
  presentToday: z.number().int(),
  byTeam: z.array(z.object({ teamId: z.uuid().nullable(), teamName: z.string().nullable(), onSite: z.number().int() })),
  byTrade: z.array(z.object({ trade: z.string(), onSite: z.number().int() })),
  asOf: z.string(),
});
export type HeadcountDto = z.infer<typeof HeadcountDto>;

export const AttendanceDayDto = z.object({
  personId: z.uuid(),
  workerId: z.uuid().nullable(),
  name: z.string(),
  day: z.string(),
  firstIn: z.string().nullable(),
  lastOut: z.string().nullable(),
  hours: z.number().nullable(),
  passages: z.number().int(),
  workerNo: z.string().nullable().optional(),
  teamName: z.string().nullable().optional(),
  trade: z.string().nullable().optional(),
  /** The direction of the day's last passage: `in` means still on site (until midnight). */
  lastDirection: z.enum(["in", "out"]).optional(),
});
export type AttendanceDayDto = z.infer<typeof AttendanceDayDto>;

/** Hours of one day are lastOut − firstIn, capped here (a forgotten "out" must not count as a 20-hour day). */
export const MAX_HOURS_PER_DAY = 16;

/** `GET /projects/{id}/attendance?day=` — one day (Asia/Shanghai), default today. */
export const DailyAttendanceQuery = PageQuery.extend({ day: IsoDate.optional() });
export type DailyAttendanceQuery = z.infer<typeof DailyAttendanceQuery>;

export const Month = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, "YYYY-MM");
/** `GET /projects/{id}/attendance/monthly?month=` — default the current month (Asia/Shanghai). */
export const MonthlyAttendanceQuery = PageQuery.extend({ month: Month.optional() });
export type MonthlyAttendanceQuery = z.infer<typeof MonthlyAttendanceQuery>;
export const MonthlySheetQuery = z.object({ month: Month.optional() });

/** One person's month: days present (≥ 1 valid "in") and hours (each day capped). */
export const MonthlyAttendanceRowDto = z.object({
  personId: z.uuid(),
  workerId: z.uuid().nullable(),
  workerNo: z.string().nullable(),
  name: z.string(),
  teamName: z.string().nullable(),
  trade: z.string().nullable(),
  daysPresent: z.number().int(),
  hours: z.number(),
});
export type MonthlyAttendanceRowDto = z.infer<typeof MonthlyAttendanceRowDto>;
export const MonthlyAttendanceDto = page(MonthlyAttendanceRowDto).extend({ month: z.string(), daysInMonth: z.number().int() });
export type MonthlyAttendanceDto = z.infer<typeof MonthlyAttendanceDto>;

/**
 * `GET /attendance/today` — today's attendance (Asia/Shanghai) across every project in the caller's scope,
 * one row per person and project; `onSite=true` keeps those whose last passage was "in" (在场). Its total
 * is the command center's `workforce.onSite` / `workforce.attendanceToday`.
 */
export const CityAttendanceQuery = PageQuery.extend({
  onSite: z.enum(["true", "false"]).optional(),
  projectId: z.uuid().optional(),
  district: z.string().trim().max(50).optional(),
  trade: z.string().trim().max(40).optional(),
});
export type CityAttendanceQuery = z.infer<typeof CityAttendanceQuery>;

export const CityAttendanceRowDto = AttendanceDayDto.extend({ projectId: z.uuid(), projectName: z.string(), district: z.string() });
export type CityAttendanceRowDto = z.infer<typeof CityAttendanceRowDto>;

/** `GET /attendance/on-site` — the city-wide workforce view: people on site now by district, trade and project. */
export const OnSiteBreakdownDto = z.object({
  onSite: z.number().int(),
  presentToday: z.number().int(),
  byDistrict: z.array(z.object({ district: z.string(), onSite: z.number().int() })),
  byTrade: z.array(z.object({ trade: z.string(), onSite: z.number().int() })),
  /** The 50 projects with most people on site. */
  byProject: z.array(z.object({ projectId: z.uuid(), projectName: z.string(), district: z.string(), onSite: z.number().int() })),
  asOf: z.string(),
});
export type OnSiteBreakdownDto = z.infer<typeof OnSiteBreakdownDto>;
