import { z } from "zod";
import type { RuleDefinition } from "../../../platform/rules/rules.js";

/**
 * The thresholds the delivery area judges by, as versioned rules (a city may file its own version):
 * how often a customer's installation is checked, and the anomaly thresholds.
 */

export const UserCheckIntervalRule = z.object({
  /** Months between checks of a resident household (居民用户). */
  residentMonths: z.number().int().min(1).max(60),
  /** Months between checks of a catering business (餐饮). */
  cateringMonths: z.number().int().min(1).max(60),
  /** Months between checks of any other business user (非居民). */
  otherMonths: z.number().int().min(1).max(60),
  /** A failed check (no alarm, bad hose or valve) is re-checked within this many days, once put right. */
  failedRecheckDays: z.number().int().min(1).max(365),
  /** Lists mark a customer "due soon" this many days before the due date. */
  dueSoonDays: z.number().int().min(0).max(365),
});
export type UserCheckIntervalRule = z.infer<typeof UserCheckIntervalRule>;

export const userCheckIntervalRule: RuleDefinition<UserCheckIntervalRule> = {
  code: "gas.user_check_interval",
  name: "燃气用户入户安检周期",
  schema: UserCheckIntervalRule,
  // CJJ 51-2016 §3.5.1: non-residential users at least once a year, residents at least once every two years.
  // Catering is non-residential and the riskiest LPG user, so 12 months; a failed check is re-checked in 30 days.
  defaultValue: { residentMonths: 24, cateringMonths: 12, otherMonths: 12, failedRecheckDays: 30, dueSoonDays: 30 },
  source:
    "CJJ 51-2016 《城镇燃气设施运行、维护和抢修安全技术规程》 3.5.1（居民用户每2年不少于1次，非居民用户每年不少于1次）; 《城镇燃气管理条例》 第十七条; 建城规〔2023〕4号 第四条（未定期对用户燃气设施进行安全检查为重大隐患）",
  effectiveFrom: "2016-12-01",
};

export const AnomalyRules = z.object({
  /** 一瓶两地: two scans of one cylinder further apart than this … */
  twoPlacesMinDistanceKm: z.number().positive().max(1000),
  /** … within this many minutes of each other (no delivery person covers 2 km in 10 min on foot or tricycle in town). */
  twoPlacesWithinMinutes: z.number().positive().max(24 * 60),
  /** A customer is flagged this many days after the check due date passed. */
  checkOverdueGraceDays: z.number().int().min(0).max(365),
  /** The sweep re-reads fills created this long before its last run, so a fill committed late is not missed. */
  sweepLookbackHours: z.number().int().min(1).max(24 * 30),
});
export type AnomalyRules = z.infer<typeof AnomalyRules>;

export const anomalyRulesRule: RuleDefinition<AnomalyRules> = {
  code: "gas.anomaly_rules",
  name: "瓶装燃气配送异常判定阈值",
  schema: AnomalyRules,
  defaultValue: { twoPlacesMinDistanceKm: 2, twoPlacesWithinMinutes: 10, checkOverdueGraceDays: 0, sweepLookbackHours: 48 },
  source:
    "平台设计（issue 6：一瓶两地、非本站充装、非实名用户、无证配送、安检逾期）; DB4114/T 185-2023 《液化石油气气瓶追溯技术规范》（出库、交接、配送追溯）; 瓶装燃气经营者不得使用不合格送气人员、不得充装非自有气瓶（domain-rules §7.1）",
  effectiveFrom: "2023-12-01",
};

export const deliveryRuleList: RuleDefinition[] = [userCheckIntervalRule, anomalyRulesRule] as RuleDefinition[];
