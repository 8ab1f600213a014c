import type { FileCylinderInput } from "@contracts/gas/cylinder";
import type { CylinderLifeRule } from "./cylinder.rules.js";
import { cylinderDates } from "./cylinder.rules.js";

/** The only fill of a liquid-phase cylinder GB 5842-2023 allows (one size, 50 kg). */
export const LIQUID_PHASE_KG = 50;

export interface FilingProblem {
  field: keyof FileCylinderInput;
  message: string;
}

/**
 * The filing rules that need no database (建档): no dual-phase (GB 5842-2023), liquid-phase only as 50 kg,
 * dates in order and not in the future, and not already past its scrap date. Returns every problem.
 */
export function filingProblems(v: { type: string; nominalFillKg: number; manufacturedOn: string; lastInspectedOn?: string | null }, rule: CylinderLifeRule, today: string): FilingProblem[] {
  const problems: FilingProblem[] = [];
  if (v.type === "dual_phase") problems.push({ field: "type", message: "GB 5842-2023 禁止气液双相瓶，不能建档 (dual-phase cylinders are banned by GB 5842-2023 and cannot be filed)" });
  if (v.type === "liquid_phase" && v.nominalFillKg !== LIQUID_PHASE_KG)
    {problems.push({ field: "nominalFillKg", message: `液相瓶只有 ${LIQUID_PHASE_KG} kg 一种规格 (GB 5842-2023: liquid-phase cylinders come only as ${LIQUID_PHASE_KG} kg)` });}
  if (v.manufacturedOn > today) problems.push({ field: "manufacturedOn", message: "制造日期不能晚于今天 (manufacture date in the future)" });
  if (v.lastInspectedOn && (v.lastInspectedOn < v.manufacturedOn || v.lastInspectedOn > today))
    {problems.push({ field: "lastInspectedOn", message: "上次检验日期须在制造日期与今天之间 (last inspection must lie between manufacture and today)" });}
  const { scrapOn } = cylinderDates(rule, v.manufacturedOn, v.lastInspectedOn);
  if (scrapOn <= today) problems.push({ field: "manufacturedOn", message: `已超过最长使用年限 ${rule.maxServiceYears} 年，应报废 (past the ${rule.maxServiceYears}-year maximum service; scrap it)` });
  return problems;
}

/** The row to insert for a filing that passed `filingProblems`. */
export function filedRow(v: FileCylinderInput & { maker: string; serialNo: string }, owner: { enterpriseId: string; stationId: string }, rule: CylinderLifeRule) {
  return {
    code: v.code,
    enterpriseId: owner.enterpriseId,
    stationId: owner.stationId,
    type: v.type,
    spec: v.spec,
    nominalFillKg: v.nominalFillKg,
    maker: v.maker,
    serialNo: v.serialNo,
    manufacturedOn: v.manufacturedOn,
    designLifeYears: rule.designLifeYears,
    lastInspectedOn: v.lastInspectedOn ?? null,
    ...cylinderDates(rule, v.manufacturedOn, v.lastInspectedOn),
    status: "filed",
  };
}
