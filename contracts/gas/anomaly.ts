import { z } from "zod";
import { IsoDate, PageQuery, csvEnum, sortParam } from "../platform/common.js";
import type { Labels } from "../registry/enums";

/** What the platform flags in the bottled-gas chain (issue 6; domain-rules §7.1). */
/** Why a delivery person counts as uncertified (the `reason` in an uncertified_staff anomaly's detail). */
export const UNCERTIFIED_REASONS = ["not_staff", "no_certificate", "certificate_expired"] as const;
export type UncertifiedReason = (typeof UNCERTIFIED_REASONS)[number];
export const UNCERTIFIED_REASON_LABELS: Labels<UncertifiedReason> = {
  not_staff: { zh: "非本企业登记送气工", en: "Not a registered delivery person" },
  no_certificate: { zh: "无从业资格证", en: "No certificate" },
  certificate_expired: { zh: "资格证已过期", en: "Certificate expired" },
};

export const ANOMALY_KINDS = ["two_places", "foreign_fill", "unregistered_customer", "uncertified_staff", "check_overdue"] as const;
export const AnomalyKind = z.enum(ANOMALY_KINDS);
export type AnomalyKind = z.infer<typeof AnomalyKind>;
export const ANOMALY_KIND_LABELS: Labels<AnomalyKind> = {
  two_places: { zh: "一瓶两地", en: "Seen at two places at once" },
  foreign_fill: { zh: "非本站充装", en: "Filled at a foreign station" },
  unregistered_customer: { zh: "送达非实名用户", en: "Delivered to an unregistered customer" },
  uncertified_staff: { zh: "无证人员配送", en: "Delivered by an uncertified person" },
  check_overdue: { zh: "用户安检逾期", en: "Customer overdue for a safety check" },
};

export const ANOMALY_STATES = ["open", "resolved"] as const;
export const AnomalyState = z.enum(ANOMALY_STATES);
export type AnomalyState = z.infer<typeof AnomalyState>;
export const ANOMALY_STATE_LABELS: Labels<AnomalyState> = {
  open: { zh: "待处理", en: "Open" },
  resolved: { zh: "已处理", en: "Resolved" },
};

export const AnomalyDto = z.object({
  id: z.uuid(),
  enterpriseId: z.uuid(),
  enterpriseName: z.string(),
  kind: AnomalyKind,
  cylinderId: z.uuid().nullable(),
  cylinderCode: z.string().nullable(),
  customerId: z.uuid().nullable(),
  customerName: z.string().nullable(),
  stationId: z.uuid().nullable(),
  stationName: z.string().nullable(),
  staffId: z.uuid().nullable(),
  staffName: z.string().nullable(),
  detectedAt: z.string(),
  /** What the judge saw, by kind: distances and times, the owner station, the unknown customer code, … */
  detail: z.record(z.string(), z.unknown()),
  state: AnomalyState,
  resolvedAt: z.string().nullable(),
  resolvedNote: z.string().nullable(),
  caseId: z.uuid().nullable(),
});
export type AnomalyDto = z.infer<typeof AnomalyDto>;

export const ANOMALY_SORTS = ["detectedAt", "kind"] as const;
export const ListAnomaliesQuery = PageQuery.extend({
  enterpriseId: z.uuid().optional(),
  kind: csvEnum(ANOMALY_KINDS),
  state: csvEnum(ANOMALY_STATES),
  cylinderId: z.uuid().optional(),
  customerId: z.uuid().optional(),
  from: IsoDate.optional(),
  to: IsoDate.optional(),
  sort: sortParam(ANOMALY_SORTS),
});
export type ListAnomaliesQuery = z.infer<typeof ListAnomaliesQuery>;

export const ResolveAnomalyInput = z.object({
  note: z.string().trim().min(1, "请填写处理说明 (say how it was resolved)").max(1000),
});
export type ResolveAnomalyInput = z.infer<typeof ResolveAnomalyInput>;

/** 转为整改单: opens a case for the gas company through the one rectification loop. */
export const AnomalyToCaseInput = z.object({
  grade: z.enum(["general", "major"]).default("general"),
  /** Defaults to the anomaly's own description. */
  title: z.string().trim().min(1).max(200).optional(),
  description: z.string().max(4000).optional(),
  deadline: z.iso.datetime({ offset: true }).optional(),
});
export type AnomalyToCaseInput = z.input<typeof AnomalyToCaseInput>;

export const AnomalyCaseResultDto = z.object({ anomalyId: z.uuid(), caseId: z.uuid(), caseNo: z.string(), created: z.boolean() });
export type AnomalyCaseResultDto = z.infer<typeof AnomalyCaseResultDto>;
