import { z } from "zod";
import type { RuleDefinition } from "../../../platform/rules/rules.js";

/**
 * Every threshold the detection vehicle and the handheld re-check are judged by, in one versioned rule (a
 * city may file its own version). Methane LEL 5 % vol, so 1 % LEL = 500 ppm, 25 % LEL = 12,500 ppm,
 * 50 % LEL = 25,000 ppm (domain-rules §7.3).
 */
export const LeakThresholds = z.object({
  /** The rolling background is the median ch4_ppm of the vehicle's readings in this window before a reading. */
  backgroundWindowS: z.number().int().min(10).max(3600),
  /** Fewer earlier readings in the window than this: no background yet, the reading is not judged. */
  minBackgroundReadings: z.number().int().min(1).max(1000),
  /** A reading this far (or more) over the background is a suspect point. */
  suspectRisePpm: z.number().positive().max(100_000),
  /** Suspects within this distance and … */
  mergeDistanceM: z.number().positive().max(1000),
  /** … this time of the point's newest reading merge into one point (the highest reading kept). */
  mergeWindowS: z.number().int().min(1).max(86_400),
  /** The nearest main within this distance is recorded on the point (and names the responsible company). */
  pipelineSearchM: z.number().positive().max(1000),
  /** Handheld re-check: a leak is confirmed at this reading (1 % LEL). */
  confirmPpm: z.number().positive(),
  /** In an enclosed space: level 1 at this reading (25 % LEL) … */
  enclosedLevel1Ppm: z.number().positive(),
  /** … level 2, evacuate and control ignition sources, at this one (50 % LEL). */
  enclosedLevel2Ppm: z.number().positive(),
  /** The confirmed leak's urgent case must be closed within this many hours. */
  caseDeadlineHours: z.number().positive().max(720),
});
export type LeakThresholds = z.infer<typeof LeakThresholds>;

export const LEAK_THRESHOLDS_DEFAULT: LeakThresholds = {
  backgroundWindowS: 300,
  minBackgroundReadings: 3,
  suspectRisePpm: 10,
  mergeDistanceM: 20,
  mergeWindowS: 300,
  pipelineSearchM: 50,
  confirmPpm: 500,
  enclosedLevel1Ppm: 12_500,
  enclosedLevel2Ppm: 25_000,
  caseDeadlineHours: 24,
};

export const leakThresholdsRule: RuleDefinition<LeakThresholds> = {
  code: "gas.leak_thresholds",
  name: "燃气泄漏检测阈值 (gas leak detection thresholds)",
  schema: LeakThresholds.refine((v) => v.confirmPpm <= v.enclosedLevel1Ppm && v.enclosedLevel1Ppm <= v.enclosedLevel2Ppm, {
    message: "confirmPpm ≤ enclosedLevel1Ppm ≤ enclosedLevel2Ppm",
  }),
  defaultValue: LEAK_THRESHOLDS_DEFAULT,
  source:
    "背景 5 分钟中位数、升高 ≥10 ppm 判疑似 (杭州燃气检测车实践, domain-rules §7.3); 复检 ≥1% LEL (500 ppm) 确认泄漏, 密闭空间 ≥25% LEL (12 500 ppm) 一级、≥50% LEL (25 000 ppm) 二级 (GB/T 50493-2019 §5.5; CJJ/T 215-2014); 合并距离 20 m / 5 min、管线搜索 50 m、整改期限 24 h 为平台设定 ❓",
  effectiveFrom: "2020-01-01",
};

export const leakRuleList: RuleDefinition[] = [leakThresholdsRule as RuleDefinition];
