import { z } from "zod";
import { IsoDate } from "./common";

/**
 * The one rule vocabulary, shared by the thresholds (`/thresholds`, platform_rules) and the device alarm
 * rules (`/rules`, iot_rules).
 *
 * Region: `CN` is the national default; a city's version is keyed by its 6-digit administrative code
 * (行政区划代码, e.g. 330784 永康市). The version in force for a city is its own when it has one in force,
 * else the national one.
 *
 * Effective dating: every version is in force over the half-open interval [effectiveFrom, effectiveTo) of
 * instants (timestamptz, stored UTC); effectiveTo null means open-ended. Filing a version ends the open one of
 * the same code and region exactly where the new one starts, so one version applies at any instant. A
 * version filed by day (the thresholds) starts at 00:00 Asia/Shanghai of that day; the thresholds API shows
 * those days, with effectiveTo as the last day in force.
 */
export const NATIONAL_REGION = "CN";

export const RuleRegion = z.union([z.literal(NATIONAL_REGION), z.string().regex(/^\d{6}$/, "a 6-digit administrative code or CN")]);
export type RuleRegion = z.infer<typeof RuleRegion>;

/**
 * Listing either kind of rule: one code, one region, and `current` (the versions in force now) or `all`
 * (the history). Left out, `/rules` lists the current versions and `/thresholds` every version, as each
 * always has.
 */
export const ListRulesQuery = z.object({
  code: z.string().trim().max(100).optional(),
  region: RuleRegion.optional(),
  versions: z.enum(["current", "all"]).optional(),
});
export type ListRulesQuery = z.infer<typeof ListRulesQuery>;

/** One version of a threshold (platform_rules): national (`CN`) or a city's own. */
export const RuleVersionDto = z.object({
  id: z.uuid(),
  code: z.string(),
  region: z.string(),
  version: z.number().int(),
  name: z.string(),
  value: z.unknown(),
  source: z.string(),
  /** The first day in force (Asia/Shanghai). */
  effectiveFrom: z.string(),
  /** The last day in force (Asia/Shanghai); null while open-ended. */
  effectiveTo: z.string().nullable(),
  /** True for the version that judges today in the platform's city. */
  inForce: z.boolean(),
  createdAt: z.string(),
  createdBy: z.string().nullable(),
});
export type RuleVersionDto = z.infer<typeof RuleVersionDto>;

/** `GET /thresholds`: the versions asked for, and the platform's own city (the region a city version is filed for). */
export const ThresholdList = z.object({ items: z.array(RuleVersionDto), cityRegion: z.string() });
export type ThresholdList = z.infer<typeof ThresholdList>;

/**
 * A new version of a threshold for the city (or, by the bureau's admin, the national default). The value must
 * fit the rule's schema; it is in force from 00:00 Asia/Shanghai on `effectiveFrom`, and the region's open
 * version ends then (its last day is the day before).
 */
export const NewRuleVersionInput = z.object({
  code: z.string().trim().min(1).max(100),
  region: RuleRegion,
  value: z.unknown(),
  source: z.string().trim().min(1).max(500),
  effectiveFrom: IsoDate,
});
export type NewRuleVersionInput = z.infer<typeof NewRuleVersionInput>;

/** The instant a day-filed version starts: 00:00 Asia/Shanghai (UTC+8, no daylight saving) of `day`. */
export const startOfShanghaiDay = (day: string): Date => new Date(Date.parse(`${day}T00:00:00+08:00`));
