import { z } from "zod";
import { IsoDate, PageQuery, page } from "../platform/common";
import type { Labels } from "../registry/enums";

/** 项目风险指数: a score 0–100 per live project, its level, and the factors (with their evidence) that made it. */
export const RISK_LEVELS = ["low", "medium", "high", "critical"] as const;
export const RiskLevel = z.enum(RISK_LEVELS);
export type RiskLevel = z.infer<typeof RiskLevel>;
export const RISK_LEVEL_LABELS: Labels<RiskLevel> = {
  low: { zh: "低", en: "Low" },
  medium: { zh: "中", en: "Medium" },
  high: { zh: "高", en: "High" },
  critical: { zh: "极高", en: "Critical" },
};

/**
 * The factors, each read from the module that owns its records. The list stays open: the contractor's credit
 * grade joins it with the credit module.
 */
export const RISK_FACTORS = [
  "alarms",
  "open_cases",
  "overdue_cases",
  "stop_work",
  "dangerous_works",
  "lifting_inspection",
  "failed_tests",
  "key_personnel",
  "wage_arrears",
  "gas_main",
] as const;
export const RiskFactorCode = z.enum(RISK_FACTORS);
export type RiskFactorCode = z.infer<typeof RiskFactorCode>;
export const RISK_FACTOR_LABELS: Labels<RiskFactorCode> = {
  alarms: { zh: "物联网告警", en: "IoT alarms" },
  open_cases: { zh: "未销项问题", en: "Open cases" },
  overdue_cases: { zh: "逾期未整改", en: "Overdue cases" },
  stop_work: { zh: "停工整改令", en: "Stop-work orders" },
  dangerous_works: { zh: "危大工程实施中", en: "Dangerous works in progress" },
  lifting_inspection: { zh: "起重机械检验过期", en: "Lifting equipment past inspection" },
  failed_tests: { zh: "检测不合格", en: "Failed tests" },
  key_personnel: { zh: "关键岗位人员到岗率不足", en: "Key personnel below the required presence" },
  wage_arrears: { zh: "拖欠工资", en: "Wage arrears" },
  gas_main: { zh: "中压燃气管线50米内开挖", en: "Excavation near a medium-pressure gas main" },
};

/** The record behind a factor's points: its type (alarm, case, dangerous_work, equipment, test_result, key_post, wage_month `<projectId>:<YYYY-MM>`, pipeline) and id. */
export const RiskEvidence = z.object({ type: z.string(), id: z.string() });
export type RiskEvidence = z.infer<typeof RiskEvidence>;

export const RiskFactorDto = z.object({
  code: z.string(),
  label: z.string(),
  points: z.number(),
  evidence: z.array(RiskEvidence),
});
export type RiskFactorDto = z.infer<typeof RiskFactorDto>;

export const ProjectRiskDto = z.object({
  projectId: z.uuid(),
  projectName: z.string(),
  score: z.number().int().min(0).max(100),
  level: RiskLevel,
  factors: z.array(RiskFactorDto),
  computedAt: z.string(),
});
export type ProjectRiskDto = z.infer<typeof ProjectRiskDto>;

/** `GET /risk/projects`: highest score first, in the caller's scope; `q` searches the project's name or code. */
export const RiskListQuery = PageQuery.extend({
  level: RiskLevel.optional(),
  district: z.string().trim().max(50).optional(),
  search: z.string().trim().max(100).optional(),
});
export type RiskListQuery = z.infer<typeof RiskListQuery>;

/** `GET /risk/projects/export`: the same filters, every row (xlsx). */
export const RiskExportQuery = RiskListQuery.omit({ page: true, pageSize: true });
export type RiskExportQuery = z.infer<typeof RiskExportQuery>;

export const RiskPage = page(ProjectRiskDto);
export type RiskPage = z.infer<typeof RiskPage>;

/** `GET /projects/{id}/risk`: the project's latest score plus one score per day (Asia/Shanghai) kept. */
export const ProjectRiskDetailDto = ProjectRiskDto.extend({
  history: z.array(z.object({ day: IsoDate, score: z.number().int() })),
});
export type ProjectRiskDetailDto = z.infer<typeof ProjectRiskDetailDto>;

/**
 * One record a module hands the risk index (its reads file, through its index.ts): the project, the record's
 * id, a kind the weights are keyed by (a severity, a grade, a danger level …), and when it happened — null
 * for a standing condition (an alarm still active, a case still open), which does not decay.
 */
export interface RiskFact {
  projectId: string;
  id: string;
  kind: string;
  at: Date | null;
  /** A finer key some weights need: an alarm's rule code (crane and hoist overloads weigh most). */
  tag?: string;
}
