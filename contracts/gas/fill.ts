import { z } from "zod";
import { IsoDate, PageQuery, sortParam } from "../platform/common.js";

const Text = (max: number) => z.string().trim().max(max);

/** One fill as a scale or a station system reports it. The filler is named by registry person id or certificate no. */
export const FillInput = z
  .object({
    stationCode: Text(40).min(1, "必填 (required)"),
    cylinderCode: Text(40).min(1, "必填 (required)"),
    filledAt: z.iso.datetime({ offset: true }),
    netWeightKg: z.number().positive().max(500),
    fillerPersonId: z.uuid().optional(),
    certificateNo: Text(60).min(1).optional(),
    preCheckOk: z.boolean(),
    postCheckOk: z.boolean(),
    checks: z.record(z.string().max(40), z.union([z.boolean(), z.number(), z.string().max(200)])).default({}),
  })
  .refine((f) => f.fillerPersonId || f.certificateNo, { path: ["fillerPersonId"], message: "须填充装工 (fillerPersonId or certificateNo required)" });
export type FillInput = z.input<typeof FillInput>;

export const MAX_FILLS_PER_REQUEST = 5000;
export const FillsInput = z.array(FillInput).min(1).max(MAX_FILLS_PER_REQUEST, `一次最多 ${MAX_FILLS_PER_REQUEST} 条 (at most ${MAX_FILLS_PER_REQUEST} fills per request)`);

export const FillsAcceptedDto = z.object({ stored: z.number().int(), duplicates: z.number().int() });
export type FillsAcceptedDto = z.infer<typeof FillsAcceptedDto>;

export const FillDto = z.object({
  id: z.uuid(),
  cylinderId: z.uuid(),
  cylinderCode: z.string(),
  stationId: z.uuid(),
  stationName: z.string(),
  enterpriseId: z.uuid(),
  fillerName: z.string().nullable(),
  filledAt: z.string(),
  netWeightKg: z.number(),
  allowedFillKg: z.number(),
  preCheckOk: z.boolean(),
  postCheckOk: z.boolean(),
  source: z.string(),
});
export type FillDto = z.infer<typeof FillDto>;

export const ListFillsQuery = PageQuery.extend({
  stationId: z.uuid().optional(),
  from: IsoDate.optional(),
  to: IsoDate.optional(),
  sort: sortParam(["filledAt", "netWeightKg"] as const),
});
export type ListFillsQuery = z.infer<typeof ListFillsQuery>;

/**
 * `GET /gas/fill-checks` — the pre-fill checks the scales asked (the regulator's record of every lock and
 * release); `allowed=false` keeps the refusals, the fills the scale stayed locked for (锁定充装).
 */
export const ListFillChecksQuery = PageQuery.extend({
  stationId: z.uuid().optional(),
  allowed: z.enum(["true", "false"]).optional(),
  from: IsoDate.optional(),
  to: IsoDate.optional(),
});
export type ListFillChecksQuery = z.infer<typeof ListFillChecksQuery>;

export const FillCheckRowDto = z.object({
  id: z.number().int(),
  at: z.string(),
  stationId: z.uuid().nullable(),
  stationCode: z.string(),
  stationName: z.string().nullable(),
  cylinderId: z.uuid().nullable(),
  cylinderCode: z.string(),
  allowed: z.boolean(),
  /** Refusal codes (contracts/gas/cylinder-check.ts FILL_REFUSAL_CODES). */
  reasons: z.array(z.string()),
});
export type FillCheckRowDto = z.infer<typeof FillCheckRowDto>;
