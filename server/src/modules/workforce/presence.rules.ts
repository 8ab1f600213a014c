import { z } from "zod";
import { Post } from "@contracts/registry/enums";
import { shanghaiDay } from "@contracts/platform/time";
import { monthBounds } from "@contracts/workforce/presence";
import type { Executor } from "../../platform/db/client.js";
import { ruleInForce, type RuleDefinition } from "../../platform/rules/rules.js";

const KeyPostRates = z
  .array(z.object({ post: Post, requiredRate: z.number().gt(0).max(1), source: z.string().min(1) }))
  .min(1)
  .refine((rows) => new Set(rows.map((r) => r.post)).size === rows.length, "each post once");
export type KeyPostRates = z.infer<typeof KeyPostRates>;

const REGIONAL = "地方规定：管理人员月出勤不低于应出勤天数的80%（永康市标准待定，可配置）";

/**
 * Required presence rate per key post (关键岗位人员到岗, domain-rules §1.6). Only 项目经理 has a national
 * figure; the others use the regional management-staff rule until the Yongkang/Jinhua quotas are known
 * (domain-rules §10 item 8) — a city files its own version to change them.
 */
export const KEY_POST_PRESENCE: RuleDefinition<KeyPostRates> = {
  code: "workforce.key_post_presence",
  name: "关键岗位人员到岗率",
  schema: KeyPostRates,
  defaultValue: [
    { post: "project_manager", requiredRate: 0.8, source: "建质〔2011〕111号：项目负责人带班生产时间不少于本月施工时间的80%" },
    { post: "chief_supervisor", requiredRate: 0.8, source: REGIONAL },
    { post: "safety_officer", requiredRate: 0.8, source: REGIONAL },
    { post: "technical_lead", requiredRate: 0.8, source: REGIONAL },
  ],
  source: "建质〔2011〕111号；地方管理人员考勤规定",
  // Applies to every month on record: the platform holds no attendance from before it.
  effectiveFrom: "2000-01-01",
};

/** The rates in force for a month: the version effective on its last day, or today for the running month. */
export async function keyPostRatesFor(db: Executor, region: string, month: string): Promise<KeyPostRates> {
  const { to } = monthBounds(month);
  const today = shanghaiDay();
  return (await ruleInForce(db, KEY_POST_PRESENCE, region, to < today ? to : today)).value;
}
