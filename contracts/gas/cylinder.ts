import { z } from "zod";
import { IsoDate, PageQuery, csvEnum, sortParam } from "../platform/common.js";
import type { Labels } from "../registry/enums";
import { FillReason } from "./cylinder-check.js";
import { CYLINDER_STATUSES, CylinderStatus, CylinderType } from "./cylinder-status.js";

const Text = (max: number) => z.string().trim().max(max);

/** A cylinder code as stamped / tagged: unique city-wide, never reused. */
export const CylinderCode = Text(40)
  .min(1, "必填 (required)")
  .regex(/^[A-Za-z0-9_-]+$/, "只能含字母、数字、- 和 _ (letters, digits, - and _ only)");

/**
 * 建档. `type` may not be dual_phase (GB 5842-2023 bans them); liquid-phase comes only as 50 kg. The dates
 * left out are derived from the manufacture date by the rule `gas.cylinder_life`.
 */
export const FileCylinderInput = z.object({
  code: CylinderCode,
  stationId: z.uuid(),
  type: CylinderType,
  spec: Text(20).min(1, "必填 (required)"),
  nominalFillKg: z.number().positive().max(500),
  maker: Text(100).default(""),
  serialNo: Text(60).default(""),
  manufacturedOn: IsoDate,
  lastInspectedOn: IsoDate.nullable().optional(),
});
export type FileCylinderInput = z.input<typeof FileCylinderInput>;

export const CylinderDto = z.object({
  id: z.uuid(),
  code: z.string(),
  enterpriseId: z.uuid(),
  enterpriseName: z.string(),
  stationId: z.uuid(),
  stationCode: z.string(),
  stationName: z.string(),
  type: CylinderType,
  spec: z.string(),
  nominalFillKg: z.number(),
  maker: z.string(),
  serialNo: z.string(),
  manufacturedOn: z.string(),
  designLifeYears: z.number().int(),
  lastInspectedOn: z.string().nullable(),
  nextInspectionOn: z.string(),
  scrapOn: z.string(),
  status: CylinderStatus,
  lost: z.boolean(),
  voided: z.boolean(),
  /** Next inspection on or before today (Asia/Shanghai). */
  overdue: z.boolean(),
  lastFillAt: z.string().nullable(),
  updatedAt: z.string(),
});
export type CylinderDto = z.infer<typeof CylinderDto>;

export const CylinderEventDto = z.object({
  id: z.number().int(),
  at: z.string(),
  action: z.string(),
  fromStatus: z.string().nullable(),
  toStatus: z.string().nullable(),
  stationId: z.uuid().nullable(),
  actorId: z.uuid().nullable(),
  note: z.string(),
  data: z.unknown().nullable(),
});
export type CylinderEventDto = z.infer<typeof CylinderEventDto>;

export const CylinderDetailDto = CylinderDto.extend({ events: z.array(CylinderEventDto) });
export type CylinderDetailDto = z.infer<typeof CylinderDetailDto>;

export const ListCylindersQuery = PageQuery.extend({
  status: csvEnum(CYLINDER_STATUSES),
  stationId: z.uuid().optional(),
  enterpriseId: z.uuid().optional(),
  type: CylinderType.optional(),
  overdue: z.enum(["true", "false"]).optional(),
  sort: sortParam(["code", "nextInspectionOn", "scrapOn", "manufacturedOn", "lastFillAt", "updatedAt"] as const),
});
export type ListCylindersQuery = z.infer<typeof ListCylindersQuery>;

/** What a person does to one cylinder from its page; each is audited and put on the timeline. */
export const CYLINDER_MANUAL_ACTIONS = ["stock_in", "send_inspection", "pass_inspection", "fail_inspection", "scrap", "report_lost", "report_found"] as const;
export const CylinderManualAction = z.enum(CYLINDER_MANUAL_ACTIONS);
export type CylinderManualAction = z.infer<typeof CylinderManualAction>;
export const CYLINDER_MANUAL_ACTION_LABELS: Labels<CylinderManualAction> = {
  stock_in: { zh: "入库", en: "Stock in" },
  send_inspection: { zh: "送检", en: "Send for inspection" },
  pass_inspection: { zh: "检验合格", en: "Passed inspection" },
  fail_inspection: { zh: "检验不合格", en: "Failed inspection" },
  scrap: { zh: "报废", en: "Scrap" },
  report_lost: { zh: "挂失", en: "Report lost" },
  report_found: { zh: "找回", en: "Report found" },
};

export const CylinderActionInput = z.object({
  action: CylinderManualAction,
  /** pass_inspection: the inspection day (default today); the next one follows by the rule. */
  inspectedOn: IsoDate.optional(),
  note: Text(500).default(""),
});
export type CylinderActionInput = z.input<typeof CylinderActionInput>;

export const CodeParams = z.object({ code: Text(40).min(1) });

/** The public scan: no personal data, a plain verdict with the judge's reasons. */
export const PublicCylinderDto = z.object({
  code: z.string(),
  enterpriseName: z.string(),
  stationName: z.string(),
  type: CylinderType,
  spec: z.string(),
  nominalFillKg: z.number(),
  manufacturedOn: z.string(),
  lastFill: z.object({ at: z.string(), stationName: z.string() }).nullable(),
  nextInspectionOn: z.string(),
  scrapOn: z.string(),
  safe: z.boolean(),
  reasons: z.array(FillReason),
  checkedOn: z.string(),
});
export type PublicCylinderDto = z.infer<typeof PublicCylinderDto>;
