import { z } from "zod";
import { IsoDate, PageQuery, csvEnum, sortParam } from "../platform/common.js";
import { IdNumber } from "../registry/fields";
import type { Labels } from "../registry/enums";
import { CustomerCode } from "./customer";

/**
 * The scanned steps of the delivery chain. `stock_out` (出库) is also the handover (交接) to the delivery person:
 * the scan names who takes the cylinder, so one scan makes both records and the status machine needs no
 * in-between state. `delivered` (入户) names the real-name customer; `returned` collects an empty (回收空瓶);
 * `returned_full` brings an undelivered full cylinder back (未送达退回).
 */
export const DELIVERY_STEPS = ["stock_out", "delivered", "returned", "returned_full"] as const;
export const DeliveryStep = z.enum(DELIVERY_STEPS);
export type DeliveryStep = z.infer<typeof DeliveryStep>;
export const DELIVERY_STEP_LABELS: Labels<DeliveryStep> = {
  stock_out: { zh: "出库交接", en: "Stock out / handover" },
  delivered: { zh: "入户送达", en: "Delivered" },
  returned: { zh: "回收空瓶", en: "Empty collected" },
  returned_full: { zh: "未送达退回", en: "Returned undelivered" },
};

export const DELIVERY_SOURCES = ["api", "xlsx", "app"] as const;

/**
 * One scan. `stationCode` is required for stock_out; `staffIdNumber` (the delivery person's 身份证号) for
 * stock_out and delivered; `customerCode` for delivered — a code not on file is accepted and flagged as
 * an unregistered customer. `lat`/`lng` are where the scan happened (both or neither).
 */
export const DeliveryRecordInput = z
  .object({
    cylinderCode: z.string().trim().toUpperCase().min(1, "必填 (required)").max(40),
    step: DeliveryStep,
    at: z.iso.datetime({ offset: true, error: "时间格式应为 ISO 8601，含时区 (ISO 8601 with offset)" }),
    stationCode: z.string().trim().max(40).nullable().optional(),
    staffIdNumber: IdNumber.nullable().optional(),
    customerCode: CustomerCode.nullable().optional(),
    lat: z.number().min(-90).max(90).nullable().optional(),
    lng: z.number().min(-180).max(180).nullable().optional(),
  })
  .superRefine((v, ctx) => {
    if (v.step === "stock_out" && !v.stationCode) ctx.addIssue({ code: "custom", path: ["stationCode"], message: "出库须填写站点编号 (stock_out needs the station)" });
    if ((v.step === "stock_out" || v.step === "delivered") && !v.staffIdNumber) ctx.addIssue({ code: "custom", path: ["staffIdNumber"], message: "须填写送气工身份证号 (name the delivery person)" });
    if (v.step === "delivered" && !v.customerCode) ctx.addIssue({ code: "custom", path: ["customerCode"], message: "入户须填写用户编号 (delivered needs the customer code)" });
    if ((v.lat == null) !== (v.lng == null)) ctx.addIssue({ code: "custom", path: ["lng"], message: "经纬度须同时填写 (give both lat and lng)" });
    if (Date.parse(v.at) > Date.now() + 5 * 60_000) ctx.addIssue({ code: "custom", path: ["at"], message: "时间不能晚于现在 (cannot be in the future)" });
  });
export type DeliveryRecordInput = z.input<typeof DeliveryRecordInput>;

/** At most this many scans per call; larger uploads are split by the sender. */
export const MAX_DELIVERY_BATCH = 5000;

export const DeliveryBatchInput = z.object({
  /** The gas company; a gas-company user may omit it (its own), the bureau must name one. */
  enterpriseId: z.uuid().nullable().optional(),
  records: z.array(DeliveryRecordInput).min(1).max(MAX_DELIVERY_BATCH, `一次最多 ${MAX_DELIVERY_BATCH} 条 (at most ${MAX_DELIVERY_BATCH} records)`),
});
export type DeliveryBatchInput = z.input<typeof DeliveryBatchInput>;

export const DeliveryBatchResultDto = z.object({
  /** New steps recorded. */
  recorded: z.number().int(),
  /** Steps already on file (same cylinder, step and time): skipped, so a re-sent batch is harmless. */
  duplicates: z.number().int(),
  /** Anomalies newly raised by this batch. */
  anomalies: z.number().int(),
});
export type DeliveryBatchResultDto = z.infer<typeof DeliveryBatchResultDto>;

export const DeliveryDto = z.object({
  id: z.uuid(),
  cylinderId: z.uuid(),
  cylinderCode: z.string(),
  enterpriseId: z.uuid(),
  step: DeliveryStep,
  at: z.string(),
  stationId: z.uuid().nullable(),
  stationName: z.string().nullable(),
  staffId: z.uuid().nullable(),
  staffName: z.string().nullable(),
  customerId: z.uuid().nullable(),
  customerCode: z.string().nullable(),
  customerName: z.string().nullable(),
  lat: z.number().nullable(),
  lng: z.number().nullable(),
  source: z.enum(DELIVERY_SOURCES),
  createdAt: z.string(),
});
export type DeliveryDto = z.infer<typeof DeliveryDto>;

export const DELIVERY_SORTS = ["at", "step", "createdAt"] as const;
export const ListDeliveriesQuery = PageQuery.extend({
  enterpriseId: z.uuid().optional(),
  customerId: z.uuid().optional(),
  cylinderCode: z.string().trim().toUpperCase().max(40).optional(),
  staffId: z.uuid().optional(),
  stationId: z.uuid().optional(),
  step: csvEnum(DELIVERY_STEPS),
  from: IsoDate.optional(),
  to: IsoDate.optional(),
  sort: sortParam(DELIVERY_SORTS),
});
export type ListDeliveriesQuery = z.infer<typeof ListDeliveriesQuery>;
