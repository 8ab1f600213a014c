import { z } from "zod";
import { PressureClass } from "@contracts/gas/pipeline";
import type { RuleDefinition } from "../../../platform/rules/rules.js";

/**
 * The thresholds of the pipeline area, as versioned rules a city may re-file: how close a construction
 * site may be to a main before it is linked, and how close a patrol must come for a line to count as walked.
 */

export const SitePipelineDistanceRule = z.object({
  /** A site within this many metres of a main is linked (flagged on both sides). */
  distanceM: z.number().positive().max(1000),
  /** Mains of this pressure class or higher count. */
  minPressureClass: PressureClass,
});
export type SitePipelineDistanceRule = z.infer<typeof SitePipelineDistanceRule>;

export const sitePipelineDistanceRule: RuleDefinition<SitePipelineDistanceRule> = {
  code: "gas.site_pipeline_distance",
  name: "工地—燃气管线联动距离 (site ↔ gas main linkage distance)",
  schema: SitePipelineDistanceRule,
  defaultValue: { distanceM: 50, minPressureClass: "medium" },
  source:
    "《城镇燃气管理条例》(国务院令第583号) 第三十五条：在燃气设施保护范围内从事挖掘等活动须与燃气经营者共同制定保护方案；距离为平台默认值(issue 6: 50 m)，各地保护范围不同，请按本市规定调整",
  effectiveFrom: "2011-03-01",
};

export const PatrolCoverageRule = z.object({
  /** A piece of line counts as patrolled where the track came within this many metres. */
  radiusM: z.number().positive().max(500),
  /** Consecutive GPS fixes further apart than this are a signal gap, not a walked stretch. */
  maxGapM: z.number().positive().max(5000),
  /** Resolution of the coverage computation (metres per judged piece). */
  stepM: z.number().positive().max(50),
});
export type PatrolCoverageRule = z.infer<typeof PatrolCoverageRule>;

export const patrolCoverageRule: RuleDefinition<PatrolCoverageRule> = {
  code: "gas.patrol_coverage",
  name: "巡线轨迹覆盖判定 (patrol track coverage)",
  schema: PatrolCoverageRule,
  defaultValue: { radiusM: 30, maxGapM: 200, stepM: 5 },
  source: "平台设计默认值 (design default): 手持 GNSS 定位误差约 5–10 m，巡线人员沿管位两侧行走；CJJ 51-2016 《城镇燃气设施运行、维护和抢修安全技术规程》要求按周期巡查，未规定轨迹判定距离",
  effectiveFrom: "2016-01-01",
};

export const pipelineRuleList: RuleDefinition[] = [sitePipelineDistanceRule as RuleDefinition, patrolCoverageRule as RuleDefinition];
