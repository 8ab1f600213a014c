import { z } from "zod";
import type { Labels } from "../registry/enums";

/**
 * A cylinder's status (domain-rules §7.1): the main loop filed → in_stock → filled → dispatched → in_use →
 * returned_empty → (filled again …), and the inspection side path inspection_due → at_inspection → in_stock
 * (passed) | failed → scrapped. `scrapped` is final: the code is voided and never reused.
 */
export const CYLINDER_STATUSES = ["filed", "in_stock", "filled", "dispatched", "in_use", "returned_empty", "inspection_due", "at_inspection", "failed", "scrapped"] as const;
export const CylinderStatus = z.enum(CYLINDER_STATUSES);
export type CylinderStatus = z.infer<typeof CylinderStatus>;
export const CYLINDER_STATUS_LABELS: Labels<CylinderStatus> = {
  filed: { zh: "建档", en: "Filed" },
  in_stock: { zh: "在库", en: "In stock" },
  filled: { zh: "已充装", en: "Filled" },
  dispatched: { zh: "配送中", en: "Out for delivery" },
  in_use: { zh: "在用(用户)", en: "With customer" },
  returned_empty: { zh: "回收空瓶", en: "Returned empty" },
  inspection_due: { zh: "待检", en: "Inspection due" },
  at_inspection: { zh: "送检", en: "At inspection" },
  failed: { zh: "检验不合格", en: "Failed inspection" },
  scrapped: { zh: "报废", en: "Scrapped" },
};

/** What happens to a cylinder; each maps to one allowed set of from-statuses and one to-status. */
export const CYLINDER_ACTIONS = [
  "stock_in",
  "fill",
  "stock_out",
  "deliver",
  "return_full",
  "return_empty",
  "inspection_due",
  "send_inspection",
  "pass_inspection",
  "fail_inspection",
  "scrap",
] as const;
export const CylinderAction = z.enum(CYLINDER_ACTIONS);
export type CylinderAction = z.infer<typeof CylinderAction>;
export const CYLINDER_ACTION_LABELS: Labels<CylinderAction> = {
  stock_in: { zh: "入库", en: "Stock in" },
  fill: { zh: "充装", en: "Fill" },
  stock_out: { zh: "出库配送", en: "Out for delivery" },
  deliver: { zh: "送达用户", en: "Delivered" },
  return_full: { zh: "未送达退回", en: "Returned undelivered" },
  return_empty: { zh: "回收空瓶", en: "Empty collected" },
  inspection_due: { zh: "定检到期", en: "Inspection due" },
  send_inspection: { zh: "送检", en: "Sent for inspection" },
  pass_inspection: { zh: "检验合格", en: "Passed inspection" },
  fail_inspection: { zh: "检验不合格", en: "Failed inspection" },
  scrap: { zh: "报废", en: "Scrapped" },
};

/** Gas-phase or liquid-phase (GB 5842-2023); dual-phase cylinders are banned: recorded for legacy ones, never filled, never filed anew. */
export const CYLINDER_TYPES = ["gas_phase", "liquid_phase", "dual_phase"] as const;
export const CylinderType = z.enum(CYLINDER_TYPES);
export type CylinderType = z.infer<typeof CylinderType>;
export const CYLINDER_TYPE_LABELS: Labels<CylinderType> = {
  gas_phase: { zh: "气相瓶", en: "Gas-phase" },
  liquid_phase: { zh: "液相瓶", en: "Liquid-phase" },
  dual_phase: { zh: "气液双相瓶(禁用)", en: "Dual-phase (banned)" },
};
