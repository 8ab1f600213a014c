import { z } from "zod";
import { ListRulesQuery as RulesQuery, NATIONAL_REGION as CN, RuleRegion } from "../platform/rules";
import { Severity } from "./alarms";
import { DeviceType } from "./devices";

/**
 * How the device-rule API (`/rules`) spells the national region, as it always has: `CN` inside, `*` on this
 * API's wire. Rules follow the one vocabulary of contracts/platform/rules (regions, effective dating).
 */
export const NATIONAL_REGION = "*";

/** A region on the `/rules` wire: `*` or `CN` (national; both accepted, `*` answered) or a 6-digit administrative code. */
export const DeviceRuleRegion = z.union([z.literal(NATIONAL_REGION), RuleRegion], { error: "* or CN or a 6-digit administrative code" });

/** The region as stored and reasoned about (`CN`), from the `/rules` wire. */
export const storedRegion = (region: string): string => (region === NATIONAL_REGION ? CN : region);
/** The region on the `/rules` wire (`*` for national), from storage. */
export const wireRegion = (region: string): string => (region === CN ? NATIONAL_REGION : region);

export const RuleLevel = z.object({ severity: Severity, threshold: z.number().finite() });
export type RuleLevel = z.infer<typeof RuleLevel>;

/**
 * How a threshold rule reduces readings to the value it compares:
 * `last` the reading itself; `mean`/`max` over `windowS`; `leq` the A-weighted energy mean
 * 10·log10(mean(10^(L/10))) over `windowS`, as GB 12523 measures noise.
 */
export const AGGREGATIONS = ["last", "mean", "max", "leq"] as const;
/** `day` is 06:00–22:00 and `night` 22:00–06:00, Asia/Shanghai (GB 12523-2011). */
export const PERIODS = ["all", "day", "night"] as const;

const RuleFields = z.object({
  code: z.string().trim().regex(/^[a-z0-9_.]{3,60}$/, "3–60 of a-z 0-9 _ ."),
  name: z.string().trim().min(1).max(100),
  deviceType: DeviceType,
  region: DeviceRuleRegion,
  kind: z.enum(["threshold", "offline"]),
  metric: z.string().trim().max(40).nullable(),
  aggregation: z.enum(AGGREGATIONS),
  windowS: z.number().int().min(0).max(86_400),
  direction: z.enum(["above", "below"]),
  /** Ascending severities; the worst level whose threshold the value reaches is the alarm's severity. */
  levels: z.array(RuleLevel).max(4),
  /** The alarm clears only once the value is this far back past the lowest threshold. */
  hysteresis: z.number().min(0),
  period: z.enum(PERIODS),
  /** Offline rules: the device is offline after this many missed reporting intervals. */
  missedIntervals: z.number().int().min(1).max(100).nullable(),
  /** Linkage: `spray` switches the project's spray controllers on while the alarm is active. */
  action: z.enum(["spray"]).nullable(),
  source: z.string().trim().min(1).max(300),
  enabled: z.boolean(),
});

/** A new version of a rule (code + region); it supersedes the current one from `effectiveFrom`. */
export const RuleVersionInput = RuleFields.extend({ effectiveFrom: z.iso.datetime({ offset: true }).optional() }).superRefine((r, ctx) => {
  if (r.kind === "threshold") {
    if (!r.metric) ctx.addIssue({ code: "custom", path: ["metric"], message: "a threshold rule needs a metric" });
    if (r.levels.length === 0) ctx.addIssue({ code: "custom", path: ["levels"], message: "a threshold rule needs at least one level" });
    if (r.aggregation !== "last" && r.windowS < 60) ctx.addIssue({ code: "custom", path: ["windowS"], message: "a windowed rule needs a window of at least 60 s" });
    const sorted = [...r.levels].sort((a, b) => (r.direction === "above" ? a.threshold - b.threshold : b.threshold - a.threshold));
    if (sorted.some((l, i) => l !== r.levels[i])) ctx.addIssue({ code: "custom", path: ["levels"], message: "levels must go from the mildest threshold to the worst" });
  } else if (!r.missedIntervals) {
    ctx.addIssue({ code: "custom", path: ["missedIntervals"], message: "an offline rule needs missedIntervals" });
  }
});
export type RuleVersionInput = z.infer<typeof RuleVersionInput>;

export const RuleDto = RuleFields.extend({
  id: z.uuid(),
  version: z.number().int(),
  effectiveFrom: z.string(),
  effectiveTo: z.string().nullable(),
  createdAt: z.string(),
  createdBy: z.string().nullable(),
});
export type RuleDto = z.infer<typeof RuleDto>;

/** The one rule listing query (versions left out: the current ones), plus the device type. */
export const ListDeviceRulesQuery = RulesQuery.extend({ deviceType: DeviceType.optional(), region: DeviceRuleRegion.optional() });
export type ListDeviceRulesQuery = z.infer<typeof ListDeviceRulesQuery>;
