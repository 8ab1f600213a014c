import { and, asc, desc, eq, isNull, lt, sql } from "drizzle-orm";
import { startOfShanghaiDay, type ListRulesQuery, type NewRuleVersionInput, type RuleVersionDto } from "@contracts/platform/rules";
import { shanghaiDay } from "@contracts/platform/time";
import { requirePermission } from "../auth/actor.js";
import { recordAudit } from "../audit/audit.js";
import type { ServiceContext } from "../context.js";
import { AppError, invalid, invalidField } from "../errors.js";
import { andAll } from "../db/pagination.js";
import { inForceAt, ruleInForce, type RuleDefinition } from "./rules.js";
import { platformRules as R } from "./schema.js";

type RuleRow = typeof R.$inferSelect;

const toDto = (r: RuleRow, inForceId: string | undefined): RuleVersionDto => ({
  id: r.id,
  code: r.code,
  region: r.region,
  version: r.version,
  name: r.name,
  value: r.value,
  source: r.source,
  effectiveFrom: shanghaiDay(r.effectiveFrom),
  // The last day in force: the day before the instant it ends (always a 00:00 Asia/Shanghai).
  effectiveTo: r.effectiveTo ? shanghaiDay(r.effectiveTo.getTime() - 1) : null,
  inForce: r.id === inForceId,
  createdAt: r.createdAt.toISOString(),
  createdBy: r.createdBy,
});

/**
 * The versions of every known rule (or one code, one region): all of them (the default), or those in force
 * now; newest first within a code, marking the one that judges the city today.
 */
export async function listRules(ctx: ServiceContext, defs: readonly RuleDefinition[], q: ListRulesQuery = {}): Promise<RuleVersionDto[]> {
  const known = q.code ? defs.filter((d) => d.code === q.code) : defs;
  const rows = await ctx.db
    .select()
    .from(R)
    .where(
      andAll([
        q.code ? eq(R.code, q.code) : undefined,
        q.region ? eq(R.region, q.region) : undefined,
        q.versions === "current" ? inForceAt(R.effectiveFrom, R.effectiveTo, sql`now()`) : undefined,
      ]),
    )
    .orderBy(asc(R.code), desc(R.effectiveFrom), desc(R.version));
  const inForce = new Map<string, string>();
  for (const def of known) {
    const current = await ruleInForce(ctx.db, def, ctx.region).catch(() => null);
    if (current) inForce.set(def.code, current.id);
  }
  return rows.filter((r) => known.some((d) => d.code === r.code)).map((r) => toDto(r, inForce.get(r.code)));
}

/**
 * Files a new version, in force from 00:00 Asia/Shanghai on its first day: the value is checked against the
 * rule's schema (each bad field named as `value.<path>`), the region's open-ended version ends where the new
 * one starts (its last day is the day before), and the change is audited.
 * Only the platform's own city or the national default may be written.
 */
export async function newRuleVersion(ctx: ServiceContext, defs: readonly RuleDefinition[], input: NewRuleVersionInput): Promise<RuleVersionDto> {
  requirePermission(ctx.actor, "rules.manage");
  const def = defs.find((d) => d.code === input.code);
  if (!def) throw invalidField("code", `未知的规则代码 ${input.code} (unknown rule code)`);
  if (input.region !== "CN" && input.region !== ctx.region) throw invalidField("region", `只能维护本市 (${ctx.region}) 或国家 (CN) 规则 (only this city's or the national rules)`);
  const parsed = def.schema.safeParse(input.value);
  if (!parsed.success) throw invalid(parsed.error.issues.map((i) => ({ path: ["value", ...i.path].join("."), message: i.message })));
  const row = await ctx.db.transaction(async (tx) => {
    // One writer per rule and region at a time: versions are numbered max + 1.
    await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${`rule:${input.code}:${input.region}`}))`);
    const [last] = await tx.select().from(R).where(and(eq(R.code, input.code), eq(R.region, input.region))).orderBy(desc(R.version)).limit(1);
    const from = startOfShanghaiDay(input.effectiveFrom);
    if (last && from <= last.effectiveFrom) {
      throw invalidField("effectiveFrom", `生效日期须晚于上一版本的生效日期 ${shanghaiDay(last.effectiveFrom)} (must be after the previous version's start)`);
    }
    await tx
      .update(R)
      .set({ effectiveTo: from })
      .where(and(eq(R.code, input.code), eq(R.region, input.region), isNull(R.effectiveTo), lt(R.effectiveFrom, from)));
    const [created] = await tx
      .insert(R)
      .values({
        code: input.code,
        region: input.region,
        version: (last?.version ?? 0) + 1,
        name: def.name,
        value: parsed.data,
        source: input.source,
        effectiveFrom: from,
        createdBy: ctx.actor.username,
      })
      .returning();
    await recordAudit(tx, ctx, { action: "rules.version.created", entity: "rule", entityId: created.id, before: last ? { version: last.version, value: last.value } : null, after: { code: created.code, region: created.region, version: created.version, value: created.value, effectiveFrom: input.effectiveFrom } });
    return created;
  });
  if (!row) throw new AppError("INTERNAL", "rule version not written");
  const current = await ruleInForce(ctx.db, def, ctx.region, shanghaiDay(ctx.clock.now())).catch(() => null);
  return toDto(row, current?.id);
}
