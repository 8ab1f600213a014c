import { z } from "zod";
import type { Labels } from "../registry/enums";

/**
 * The pre-fill check (充装前检查): the filling scale asks before it opens; the answer lists EVERY reason a
 * cylinder may not be filled, each with a stable code the scale's software branches on and a zh/en message.
 */
export const FillCheckInput = z.object({
  stationCode: z.string().trim().min(1, "必填 (required)").max(40),
  cylinderCode: z.string().trim().min(1, "必填 (required)").max(40),
});
export type FillCheckInput = z.infer<typeof FillCheckInput>;

export const FILL_REFUSAL_CODES = [
  "not_filed",
  "not_own",
  "inspection_overdue",
  "scrap_date_passed",
  "scrapped",
  "reported_lost",
  "dual_phase",
  "not_fillable",
] as const;
export const FillRefusalCode = z.enum(FILL_REFUSAL_CODES);
export type FillRefusalCode = z.infer<typeof FillRefusalCode>;

export const FILL_REFUSAL_LABELS: Labels<FillRefusalCode> = {
  not_filed: { zh: "钢瓶未建档或未入库", en: "Cylinder not filed (unknown code, or filed but never stocked in)" },
  not_own: { zh: "非本站自有产权钢瓶", en: "Not this station's own cylinder" },
  inspection_overdue: { zh: "钢瓶超期未检验", en: "Periodic inspection overdue" },
  scrap_date_passed: { zh: "钢瓶已超过报废日期", en: "Past its scrap date" },
  scrapped: { zh: "钢瓶已报废或检验不合格", en: "Scrapped, voided or failed inspection" },
  reported_lost: { zh: "钢瓶已挂失", en: "Reported lost" },
  dual_phase: { zh: "气液双相瓶禁止充装 (GB 5842-2023)", en: "Dual-phase cylinders are banned (GB 5842-2023)" },
  not_fillable: { zh: "钢瓶当前状态不可充装", en: "Status does not allow filling" },
};

export const FillReason = z.object({ code: FillRefusalCode, message: z.string() });
export type FillReason = z.infer<typeof FillReason>;

export const FillCheckDto = z.object({ allowed: z.boolean(), reasons: z.array(FillReason) });
export type FillCheckDto = z.infer<typeof FillCheckDto>;

/** `zh (en)`, the house style of messages. */
export const fillReason = (code: FillRefusalCode): FillReason => ({ code, message: `${FILL_REFUSAL_LABELS[code].zh} (${FILL_REFUSAL_LABELS[code].en})` });
