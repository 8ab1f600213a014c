import { and, desc, eq, isNull, lt, sql } from "drizzle-orm";
import { storedRegion, type RuleDto, type RuleVersionInput } from "@contracts/iot/rules";
import { requirePermission } from "../../../platform/auth/actor.js";
import { recordAudit } from "../../../platform/audit/audit.js";
import type { ServiceContext } from "../../../platform/context.js";
import { isUniqueViolation } from "../../../platform/db/pg-errors.js";
import { conflict, invalidField } from "../../../platform/errors.js";
import { RULES_CHANNEL } from "../iot.notify.js";
import { getRule } from "./rule.queries.js";
import { iotRules as R } from "../schema.js";

const concurrentVersion = (code: string, region: string) =>
  conflict(`规则 ${code} (${region}) 正被同时修改，请重试 (another version was added at the same time; retry)`, { issues: [{ path: "code", message: "concurrent change" }] });

/**
 * Adds a version of a rule (code + region). The version in force so far ends where the new one starts
 * (`effectiveFrom`, default now), so exactly one version applies at any moment and the history stays.
 * Every process reloads its rules on the RULES_CHANNEL notification, sent only if this commits.
 * @throws AppError FORBIDDEN without `iot.rule.manage`; VALIDATION naming `deviceType` (a code keeps its
 * device type) or `effectiveFrom` (not after the current version's start); CONFLICT on a concurrent version.
 */
export async function addRuleVersion(ctx: ServiceContext, input: RuleVersionInput): Promise<RuleDto> {
  requirePermission(ctx.actor, "iot.rule.manage");
  const { effectiveFrom: from, ...rest } = input;
  // `*` and `CN` both name the national default on this API; it is stored as CN.
  const fields = { ...rest, region: storedRegion(input.region) };
  const id = await ctx.db
    .transaction(async (tx) => {
      // Every version of the code (all regions), locked: the device type check and the numbering see a settled history.
      const versions = await tx.select().from(R).where(eq(R.code, input.code)).orderBy(desc(R.version)).for("update");
      const other = versions.find((v) => v.deviceType !== input.deviceType);
      if (other) throw invalidField("deviceType", `规则 ${input.code} 适用于 ${other.deviceType}，不能改为 ${input.deviceType} (a rule code keeps its device type)`);
      const sameRegion = versions.filter((v) => v.region === fields.region);
      // Default: the transaction's now(), so the closed version ends exactly where the new one starts.
      const effectiveFrom = from ? sql`${from}::timestamptz` : sql`now()`;
      const open = sameRegion.find((v) => v.effectiveTo === null);
      if (open) {
        const closed = await tx
          .update(R)
          .set({ effectiveTo: effectiveFrom })
          .where(and(eq(R.id, open.id), isNull(R.effectiveTo), lt(R.effectiveFrom, effectiveFrom)))
          .returning({ id: R.id });
        if (closed.length === 0) {
          throw invalidField("effectiveFrom", `生效时间须晚于现行版本的生效时间 ${open.effectiveFrom.toISOString()} (must be after the current version's start)`);
        }
      }
      const version = (sameRegion[0]?.version ?? 0) + 1;
      const [row] = await tx
        .insert(R)
        .values({ ...fields, version, effectiveFrom, createdBy: ctx.actor.username })
        .returning();
      await recordAudit(tx, ctx, {
        action: "iot.rule.versionAdded",
        entity: "rule",
        entityId: row.id,
        before: open ? { id: open.id, version: open.version, effectiveTo: null } : undefined,
        after: row,
      });
      await tx.execute(sql`select pg_notify(${RULES_CHANNEL}, ${input.code})`);
      return row.id;
    })
    .catch((err: unknown) => {
      throw isUniqueViolation(err) ? concurrentVersion(input.code, fields.region) : err;
    });
  ctx.events.publish("iot.rule.versionAdded", { ruleId: id, code: input.code, region: fields.region });
  return getRule(ctx.db, id);
}
