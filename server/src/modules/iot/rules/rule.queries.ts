import { asc, eq, sql } from "drizzle-orm";
import type { DeviceType } from "@contracts/iot/devices";
import { storedRegion, wireRegion, type ListDeviceRulesQuery, type RuleDto, type RuleLevel } from "@contracts/iot/rules";
import { NATIONAL_REGION } from "@contracts/platform/rules";
import { requirePermission } from "../../../platform/auth/actor.js";
import type { Actor } from "../../../platform/context.js";
import type { Executor } from "../../../platform/db/client.js";
import { andAll } from "../../../platform/db/pagination.js";
import { notFound } from "../../../platform/errors.js";
import { inForceAt } from "../../../platform/rules/rules.js";
import { iotRules as R } from "../schema.js";

/** Read side of the alarm rules (thresholds as data, versioned per code and region). */

type RuleRow = typeof R.$inferSelect;

export function toRuleDto(r: RuleRow): RuleDto {
  return {
    ...r,
    // This API spells the national region `*`, as it always has (stored as CN, contracts/platform/rules).
    region: wireRegion(r.region),
    deviceType: r.deviceType as DeviceType,
    kind: r.kind as RuleDto["kind"],
    aggregation: r.aggregation as RuleDto["aggregation"],
    direction: r.direction as RuleDto["direction"],
    levels: r.levels as RuleLevel[],
    period: r.period as RuleDto["period"],
    action: r.action as RuleDto["action"],
    effectiveFrom: r.effectiveFrom.toISOString(),
    effectiveTo: r.effectiveTo ? r.effectiveTo.toISOString() : null,
    createdAt: r.createdAt.toISOString(),
  };
}

/** The versions in force now: started, and not yet superseded. */
export const currentRule = inForceAt(R.effectiveFrom, R.effectiveTo, sql`now()`);

/** Rules are city-wide configuration, readable by anyone with `iot.read`; sorted by device type, code, region (national first), version. */
export async function listRules(db: Executor, actor: Actor, q: ListDeviceRulesQuery): Promise<RuleDto[]> {
  requirePermission(actor, "iot.read");
  const rows = await db
    .select()
    .from(R)
    .where(
      andAll([
        q.versions === "all" ? undefined : currentRule,
        q.deviceType ? eq(R.deviceType, q.deviceType) : undefined,
        q.code ? eq(R.code, q.code) : undefined,
        q.region ? eq(R.region, storedRegion(q.region)) : undefined,
      ]),
    )
    .orderBy(asc(R.deviceType), asc(R.code), sql`${R.region} <> ${NATIONAL_REGION}`, asc(R.region), asc(R.version));
  return rows.map(toRuleDto);
}

export async function getRule(db: Executor, id: string): Promise<RuleDto> {
  const [row] = await db.select().from(R).where(eq(R.id, id));
  if (!row) throw notFound("rule", id);
  return toRuleDto(row);
}
