import { and, desc, eq, gt, inArray, isNull, lte, or, sql, type Column, type SQL } from "drizzle-orm";
import type { z } from "zod";
import { NATIONAL_REGION, startOfShanghaiDay } from "@contracts/platform/rules";
import { shanghaiDay } from "@contracts/platform/time";
import type { Executor } from "../db/client.js";
import { AppError } from "../errors.js";
import { platformRules as R } from "./schema.js";

export { NATIONAL_REGION };

/**
 * The one effective-dating test of both rule tables: a version is in force at `at` when it has started and
 * not yet ended, over the half-open [effectiveFrom, effectiveTo).
 */
export const inForceAt = (from: Column, to: Column, at: Date | SQL): SQL => and(lte(from, at), or(isNull(to), gt(to, at)))!;

/**
 * A kind of rule a module judges by: its code, a zod schema its value must satisfy, and the national
 * default (version 1, region CN) that is filed when the table has none. Modules export their definitions
 * and hand them to app.ts, which files the defaults and serves them under `/api/v1/rules`.
 */
export interface RuleDefinition<T = unknown> {
  code: string;
  name: string;
  schema: z.ZodType<T>;
  defaultValue: T;
  source: string;
  /** The first day the default applies (its source's date). */
  effectiveFrom: string;
}

export interface RuleInForce<T> {
  id: string;
  code: string;
  region: string;
  version: number;
  name: string;
  value: T;
  source: string;
  effectiveFrom: Date;
  effectiveTo: Date | null;
}

/** Files the national default of every definition that has no row yet (idempotent; safe in parallel starts). */
export async function ensureRuleDefaults(db: Executor, defs: readonly RuleDefinition[]): Promise<void> {
  if (defs.length === 0) return;
  await db
    .insert(R)
    .values(
      defs.map((d) => ({
        code: d.code,
        region: NATIONAL_REGION,
        version: 1,
        name: d.name,
        value: d.schema.parse(d.defaultValue),
        source: d.source,
        effectiveFrom: startOfShanghaiDay(d.effectiveFrom),
        createdBy: "system",
      })),
    )
    .onConflictDoNothing();
}

/**
 * The rule in force on `day` (Asia/Shanghai; versions are filed by day, so the one in force at its 00:00) for
 * `region`: the city's version when it has one in force, else the national one. Its value is checked against the definition's schema, so a
 * hand-edited row that no longer fits fails loudly instead of judging by garbage.
 * @throws AppError INTERNAL when no version is in force (the defaults were not filed).
 */
export async function ruleInForce<T>(db: Executor, def: RuleDefinition<T>, region: string, day: string = shanghaiDay()): Promise<RuleInForce<T>> {
  const [row] = await db
    .select()
    .from(R)
    .where(
      and(
        eq(R.code, def.code),
        inArray(R.region, [region, NATIONAL_REGION]),
        inForceAt(R.effectiveFrom, R.effectiveTo, startOfShanghaiDay(day)),
      ),
    )
    .orderBy(sql`(${R.region} = ${NATIONAL_REGION})`, desc(R.version))
    .limit(1);
  if (!row) throw new AppError("INTERNAL", `No rule ${def.code} in force for ${region} on ${day}`);
  const parsed = def.schema.safeParse(row.value);
  if (!parsed.success) throw new AppError("INTERNAL", `Rule ${def.code} v${row.version} (${row.region}) does not fit its schema`, parsed.error.issues);
  return {
    id: row.id,
    code: row.code,
    region: row.region,
    version: row.version,
    name: row.name,
    value: parsed.data,
    source: row.source,
    effectiveFrom: row.effectiveFrom,
    effectiveTo: row.effectiveTo,
  };
}
