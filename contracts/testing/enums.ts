import { z } from "zod";
import type { Labels } from "../registry/enums.js";

/** 检测样品类别: the items 建建〔2000〕211号 lists for witness sampling, plus other. */
export const SAMPLE_TYPES = ["concrete", "rebar", "mortar", "cement", "admixture", "waterproof", "brick", "other"] as const;
export const SampleType = z.enum(SAMPLE_TYPES);
export type SampleType = z.infer<typeof SampleType>;
export const SAMPLE_TYPE_LABELS: Labels<SampleType> = {
  concrete: { zh: "混凝土试块", en: "Concrete cubes" },
  rebar: { zh: "钢筋", en: "Rebar" },
  mortar: { zh: "砂浆试块", en: "Mortar cubes" },
  cement: { zh: "水泥", en: "Cement" },
  admixture: { zh: "外加剂", en: "Admixture" },
  waterproof: { zh: "防水材料", en: "Waterproofing" },
  brick: { zh: "砖及砌块", en: "Bricks & blocks" },
  other: { zh: "其他", en: "Other" },
};

/** 57号令: 综合类 or 专项类 qualification. */
export const AGENCY_LEVELS = ["comprehensive", "special"] as const;
export const AgencyLevel = z.enum(AGENCY_LEVELS);
export type AgencyLevel = z.infer<typeof AgencyLevel>;
export const AGENCY_LEVEL_LABELS: Labels<AgencyLevel> = {
  comprehensive: { zh: "综合类", en: "Comprehensive" },
  special: { zh: "专项类", en: "Special" },
};

/** 委托 → 已取样 (witness record filed) → 已出结果 → 已出报告. */
export const COMMISSION_STATES = ["commissioned", "sampled", "tested", "reported"] as const;
export const CommissionState = z.enum(COMMISSION_STATES);
export type CommissionState = z.infer<typeof CommissionState>;
export const COMMISSION_STATE_LABELS: Labels<CommissionState> = {
  commissioned: { zh: "已委托", en: "Commissioned" },
  sampled: { zh: "已取样", en: "Sampled" },
  tested: { zh: "已出结果", en: "Tested" },
  reported: { zh: "已出报告", en: "Reported" },
};

/** How a result was judged. */
export const JUDGE_METHODS = ["sigma_known", "sigma_unknown", "non_statistical", "rebar", "agency"] as const;
export const JudgeMethod = z.enum(JUDGE_METHODS);
export type JudgeMethod = z.infer<typeof JudgeMethod>;
export const JUDGE_METHOD_LABELS: Labels<JudgeMethod> = {
  sigma_known: { zh: "统计方法（标准差已知）", en: "Statistical, σ known" },
  sigma_unknown: { zh: "统计方法（标准差未知）", en: "Statistical, σ unknown" },
  non_statistical: { zh: "非统计方法", en: "Non-statistical" },
  rebar: { zh: "GB/T 1499.2 力学性能", en: "GB/T 1499.2 tensile" },
  agency: { zh: "检测机构判定", en: "Agency's judgement" },
};

/** Rebar batch verdict (GB/T 1499.2: a failed item calls for a double-quantity re-test). */
export const REBAR_VERDICTS = ["pass", "retest_required", "fail"] as const;
export const RebarVerdict = z.enum(REBAR_VERDICTS);
export type RebarVerdict = z.infer<typeof RebarVerdict>;
export const REBAR_VERDICT_LABELS: Labels<RebarVerdict> = {
  pass: { zh: "合格", en: "Pass" },
  retest_required: { zh: "需双倍复检", en: "Double re-test required" },
  fail: { zh: "不合格", en: "Fail" },
};

export const CONCLUSIONS = ["pass", "fail"] as const;
export const Conclusion = z.enum(CONCLUSIONS);
export type Conclusion = z.infer<typeof Conclusion>;
export const CONCLUSION_LABELS: Labels<Conclusion> = {
  pass: { zh: "合格", en: "Pass" },
  fail: { zh: "不合格", en: "Fail" },
};

/** Concrete strength classes GB 50010 knows, C15–C80 in steps of 5. */
export const CONCRETE_GRADES = ["C15", "C20", "C25", "C30", "C35", "C40", "C45", "C50", "C55", "C60", "C65", "C70", "C75", "C80"] as const;
export const ConcreteGrade = z.enum(CONCRETE_GRADES, { error: "强度等级须为 C15–C80 (grade must be C15…C80 in steps of 5)" });
export type ConcreteGrade = z.infer<typeof ConcreteGrade>;
/** f_cu,k of a class: C30 → 30 MPa. */
export const fcukOf = (grade: ConcreteGrade): number => Number(grade.slice(1));

/** Rebar grades of GB/T 1499.2-2018 (E: seismic). */
export const REBAR_GRADES = ["HRB400", "HRB400E", "HRB500", "HRB500E", "HRB600"] as const;
export const RebarGrade = z.enum(REBAR_GRADES, { error: `牌号须为 ${REBAR_GRADES.join("、")} (unknown rebar grade)` });
export type RebarGrade = z.infer<typeof RebarGrade>;

/** Non-standard cube sizes and the standard 150 mm. */
export const SPECIMEN_SIZES = [100, 150, 200] as const;
