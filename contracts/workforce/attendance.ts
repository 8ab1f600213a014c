import { z } from "zod";

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
});
export type AttendanceDayDto = z.infer<typeof AttendanceDayDto>;
