import { and, desc, eq, gte, lte, sql } from "drizzle-orm";
import { SafetyCheckInput, type CustomerKind, type ListSafetyChecksQuery, type SafetyCheckDto } from "@contracts/gas/customer";
import { shanghaiDay } from "@contracts/platform/time";
import { requirePermission } from "../../../platform/auth/actor.js";
import { recordAudit } from "../../../platform/audit/audit.js";
import type { Actor, ServiceContext } from "../../../platform/context.js";
import type { Executor } from "../../../platform/db/client.js";
import { andAll, likePattern, offsetOf, toPage, totalOver, type Page } from "../../../platform/db/pagination.js";
import { invalidField } from "../../../platform/errors.js";
import { ruleInForce } from "../../../platform/rules/rules.js";
import { staffView } from "../cylinders/index.js";
import { customerRow } from "./customer.queries.js";
import { gasCustomers as CU, gasSafetyChecks as SC } from "./schema.js";
import { userCheckIntervalRule } from "./delivery.rules.js";
import { gasScope } from "../shared/index.js";
import { nextCheckDue } from "./safety-check.calc.js";

/**
 * 入户安检: a check of a customer's installation (alarm fitted, hose, valve). The next due date comes from
 * the rule in force on the check day by the customer's kind (shorter re-check when failed); the customer's
 * lastCheckOn/nextCheckDue follow the newest check, so a late-entered older check never moves them back.
 */

const SF = staffView();

function selectChecks(db: Executor) {
  return db
    .select({ s: SC, customerCode: CU.code, customerName: CU.name, checkerName: SF.name, total: totalOver })
    .from(SC)
    .innerJoin(CU, eq(CU.id, SC.customerId))
    .leftJoin(SF, eq(SF.id, SC.checkerId));
}
type Row = Awaited<ReturnType<typeof selectChecks>>[number];

const toDto = (r: Row): SafetyCheckDto => ({
  id: r.s.id,
  customerId: r.s.customerId,
  customerCode: r.customerCode,
  customerName: r.customerName,
  enterpriseId: r.s.enterpriseId,
  checkedOn: r.s.checkedOn,
  checkerId: r.s.checkerId,
  checkerName: r.checkerName,
  alarmFitted: r.s.alarmFitted,
  hoseOk: r.s.hoseOk,
  valveOk: r.s.valveOk,
  passed: r.s.passed,
  nextDueOn: r.s.nextDueOn,
  note: r.s.note,
  photoIds: r.s.photoIds,
  createdAt: r.s.createdAt.toISOString(),
});

/**
 * `assertPhotos` checks the photo ids name photos the caller's company uploaded (the routes pass the shelf's check).
 * @throws AppError FORBIDDEN without gas.manage; NOT_FOUND for a customer out of scope; VALIDATION for a
 * future date, a checker who is not the company's staff, or a photo not uploaded.
 */
export async function recordSafetyCheck(
  ctx: ServiceContext,
  customerId: string,
  raw: SafetyCheckInput,
  assertPhotos: (ctx: ServiceContext, ids: readonly string[]) => Promise<void>,
): Promise<SafetyCheckDto> {
  requirePermission(ctx.actor, "gas.manage");
  const input = SafetyCheckInput.parse(raw);
  const customer = await customerRow(ctx.db, ctx.actor, customerId);
  await assertPhotos(ctx, input.photoIds);
  if (input.checkedOn > shanghaiDay(ctx.clock.now())) throw invalidField("checkedOn", "安检日期不能晚于今天 (cannot be in the future)");
  if (input.checkerId) {
    const [staff] = await ctx.db.select({ id: SF.id }).from(SF).where(and(eq(SF.id, input.checkerId), eq(SF.enterpriseId, customer.c.enterpriseId)));
    if (!staff) throw invalidField("checkerId", "不是该燃气企业的人员 (not staff of this gas company)");
  }
  const rule = await ruleInForce(ctx.db, userCheckIntervalRule, ctx.region, input.checkedOn);
  const passed = input.alarmFitted && input.hoseOk && input.valveOk;
  const due = nextCheckDue(rule.value, customer.c.kind as CustomerKind, input.checkedOn, passed);
  const id = await ctx.db.transaction(async (tx) => {
    const [row] = await tx
      .insert(SC)
      .values({ customerId, enterpriseId: customer.c.enterpriseId, checkedOn: input.checkedOn, checkerId: input.checkerId ?? null, alarmFitted: input.alarmFitted, hoseOk: input.hoseOk, valveOk: input.valveOk, passed, nextDueOn: due, note: input.note, photoIds: input.photoIds })
      .returning();
    // Guarded in SQL so two checks entered at once still leave the newest one's dates.
    await tx
      .update(CU)
      .set({ lastCheckOn: input.checkedOn, nextCheckDue: due, updatedAt: new Date() })
      .where(and(eq(CU.id, customerId), sql`(${CU.lastCheckOn} is null or ${CU.lastCheckOn} <= ${input.checkedOn})`));
    await recordAudit(tx, ctx, { action: "gas.safety_check.recorded", entity: "gas_safety_check", entityId: row.id, after: { ...row, rule: { code: rule.code, version: rule.version, region: rule.region } } });
    return row.id;
  });
  const [row] = await selectChecks(ctx.db).where(eq(SC.id, id));
  return toDto(row);
}

export async function listSafetyChecks(db: Executor, actor: Actor, q: ListSafetyChecksQuery): Promise<Page<SafetyCheckDto>> {
  requirePermission(actor, "gas.read");
  const where = andAll([
    gasScope(actor, SC.enterpriseId),
    q.customerId ? eq(SC.customerId, q.customerId) : undefined,
    q.enterpriseId ? eq(SC.enterpriseId, q.enterpriseId) : undefined,
    q.passed ? eq(SC.passed, q.passed === "true") : undefined,
    q.from ? gte(SC.checkedOn, q.from) : undefined,
    q.to ? lte(SC.checkedOn, q.to) : undefined,
    q.q?.trim() ? sql`(${CU.code} = ${q.q.trim().toUpperCase()} or ${CU.name} ilike ${likePattern(q.q.trim())})` : undefined,
  ]);
  const rows = await selectChecks(db).where(where).orderBy(desc(SC.checkedOn), desc(SC.createdAt)).limit(q.pageSize).offset(offsetOf(q));
  return toPage(rows, q, toDto);
}
