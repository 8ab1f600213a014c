import { and, eq, sql } from "drizzle-orm";
import { DeliveryBatchInput, type DeliveryBatchResultDto } from "@contracts/gas/delivery";
import { requirePermission } from "../../../platform/auth/actor.js";
import { recordAudit } from "../../../platform/audit/audit.js";
import type { ServiceContext } from "../../../platform/context.js";
import type { Tx } from "../../../platform/db/client.js";
import { invalid } from "../../../platform/errors.js";
import { ruleInForce } from "../../../platform/rules/rules.js";
import { lockCylindersByCode, moveCylinders, staffView, stationsView } from "../cylinders/index.js";
import { judgeTwoPlaces, type Scan } from "./anomaly.checks.js";
import { raiseAnomalies } from "./anomaly.store.js";
import { gasCustomers as CU, gasDeliveries as D } from "./schema.js";
import { anomalyRulesRule } from "./delivery.rules.js";
import { planDeliveries, stepKey, type Plan, type PlanFacts, type PlanIssue, type PlanRecord } from "./delivery.checks.js";
import { gasEnterpriseOf } from "../shared/index.js";

/**
 * Records scanned delivery steps in batch (API, app or xlsx): every fact is read in a handful of queries
 * (cylinders locked), the batch is planned through the status machine, and either every bad row is
 * reported and nothing written, or the steps, their cylinder events, the cylinders' new statuses and the
 * anomalies they reveal are written in one transaction.
 */

const CHUNK = 500;
export type DeliverySource = "api" | "xlsx" | "app";
export const DELIVERY_RECORDED = "gas.delivery.recorded";

const uniq = <T>(xs: T[]) => [...new Set(xs)];

async function readFacts(tx: Tx, enterpriseId: string, records: readonly PlanRecord[]): Promise<{ facts: PlanFacts; previous: Scan[] }> {
  const codes = uniq(records.map((r) => r.cylinderCode));
  // Locked, so the statuses the plan starts from stay true until commit (two uploads of one cylinder queue).
  const cylinders = await lockCylindersByCode(tx, enterpriseId, codes);
  const ids = cylinders.map((c) => c.id);
  const minAt = new Date(Math.min(...records.map((r) => r.at.getTime())));
  const stationCodes = uniq(records.flatMap((r) => (r.stationCode ? [r.stationCode] : [])));
  const customerCodes = uniq(records.flatMap((r) => (r.customerCode ? [r.customerCode] : [])));
  const idNumbers = uniq(records.flatMap((r) => (r.staffIdNumber ? [r.staffIdNumber] : [])));
  // One after another: a transaction is one connection, and node-postgres runs its queries in turn anyway.
  const existing = ids.length
    ? await tx.select({ cylinderId: D.cylinderId, step: D.step, at: D.at }).from(D).where(and(sql`${D.cylinderId} = any(${sql.param(ids)}::uuid[])`, sql`${D.at} >= ${minAt}`))
    : [];
  const last = ids.length
    ? await tx
        .selectDistinctOn([D.cylinderId], { cylinderId: D.cylinderId, step: D.step, at: D.at, lat: D.lat, lng: D.lng })
        .from(D)
        .where(sql`${D.cylinderId} = any(${sql.param(ids)}::uuid[])`)
        .orderBy(D.cylinderId, sql`${D.at} desc`)
    : [];
  const ST = stationsView();
  const stations = stationCodes.length
    ? await tx.select({ id: ST.id, code: ST.code, enterpriseId: ST.enterpriseId }).from(ST).where(sql`${ST.code} = any(${sql.param(stationCodes)}::text[])`)
    : [];
  const customers = customerCodes.length
    ? await tx
        .select({ id: CU.id, code: CU.code, active: CU.active })
        .from(CU)
        .where(and(eq(CU.enterpriseId, enterpriseId), sql`${CU.code} = any(${sql.param(customerCodes)}::text[])`))
    : [];
  const SF = staffView();
  const staff = idNumbers.length
    ? await tx
        .select({ staffId: SF.id, idNumber: SF.idNumber, role: SF.role, active: SF.active, certificateValidTo: SF.certificateValidTo })
        .from(SF)
        .where(and(eq(SF.enterpriseId, enterpriseId), sql`${SF.idNumber} = any(${sql.param(idNumbers)}::text[])`))
    : [];
  const staffMap = new Map<string, (typeof staff)[number]>();
  // A person may be both filler and delivery person; the delivery role is the one that counts here.
  for (const s of staff) if (!staffMap.has(s.idNumber) || s.role === "delivery") staffMap.set(s.idNumber, s);
  const cylinderById = new Map(cylinders.map((c) => [c.id, c]));
  return {
    facts: {
      enterpriseId,
      cylinders: new Map(cylinders.map((c) => [c.code, { id: c.id, status: c.status, stationId: c.stationId, customerId: c.customerId, voided: c.voided }])),
      existing: new Set(existing.map((e) => stepKey(e.cylinderId, e.step, e.at))),
      lastAt: new Map(last.map((l) => [l.cylinderId, l.at])),
      stations: new Map(stations.map((s) => [s.code, { id: s.id, enterpriseId: s.enterpriseId }])),
      customers: new Map(customers.map((c) => [c.code, { id: c.id, active: c.active }])),
      staff: staffMap,
    },
    previous: last.filter((l) => cylinderById.has(l.cylinderId)).map((l) => ({ cylinderId: l.cylinderId, enterpriseId, at: l.at, lat: l.lat, lng: l.lng, step: l.step })),
  };
}

async function writePlan(tx: Tx, ctx: ServiceContext, enterpriseId: string, plan: Plan, source: DeliverySource): Promise<void> {
  for (let i = 0; i < plan.steps.length; i += CHUNK) {
    await tx.insert(D).values(
      plan.steps.slice(i, i + CHUNK).map((s) => ({
        cylinderId: s.cylinderId,
        enterpriseId,
        stationId: s.stationId,
        step: s.record.step,
        at: s.record.at,
        staffId: s.staffId,
        customerId: s.customerId,
        lat: s.record.lat,
        lng: s.record.lng,
        source,
      })),
    );
  }
  const moves = plan.steps.map((s) => ({
    cylinderId: s.cylinderId,
    at: s.record.at,
    action: s.action,
    from: s.from,
    to: s.to,
    stationId: s.stationId,
    staffId: s.staffId,
    customerId: s.customerId,
    data: { step: s.record.step, source },
  }));
  await moveCylinders(tx, ctx.actor.userId, moves, plan.finals);
}

export interface RecordOutcome {
  result: DeliveryBatchResultDto;
  issues: PlanIssue[];
}

/**
 * Plans and, when no row is bad, writes a batch. Bad rows come back as `issues` (nothing written) so the
 * API and the sheet can each name them their own way. `planOnly` judges without writing (the sheet's other
 * rows already failed, but their chain problems are still worth listing).
 */
export async function applyDeliveries(
  ctx: ServiceContext,
  enterpriseId: string,
  records: PlanRecord[],
  source: DeliverySource,
  planOnly = false,
): Promise<RecordOutcome> {
  const rules = (await ruleInForce(ctx.db, anomalyRulesRule, ctx.region)).value;
  const outcome = await ctx.db.transaction(async (tx) => {
    const { facts, previous } = await readFacts(tx, enterpriseId, records);
    const plan = planDeliveries(records, facts);
    if (plan.issues.length > 0) return { result: { recorded: 0, duplicates: plan.duplicates, anomalies: 0 }, issues: plan.issues };
    if (planOnly || plan.steps.length === 0) return { result: { recorded: 0, duplicates: plan.duplicates, anomalies: 0 }, issues: [] };
    await writePlan(tx, ctx, enterpriseId, plan, source);
    const scans: Scan[] = [...previous, ...plan.steps.map((s) => ({ cylinderId: s.cylinderId, enterpriseId, at: s.record.at, lat: s.record.lat, lng: s.record.lng, step: s.record.step }))];
    const anomalies = await raiseAnomalies(tx, [...plan.anomalies, ...judgeTwoPlaces(scans, rules)]);
    const result = { recorded: plan.steps.length, duplicates: plan.duplicates, anomalies };
    await recordAudit(tx, ctx, { action: "gas.delivery.recorded", entity: "gas_delivery", after: { enterpriseId, source, ...result } });
    return { result, issues: [] as PlanIssue[] };
  });
  if (outcome.result.recorded > 0) ctx.events.publish(DELIVERY_RECORDED, { enterpriseId, ...outcome.result });
  return outcome;
}

export const toPlanRecord = (r: DeliveryBatchInput["records"][number], index: number): PlanRecord => ({
  index,
  cylinderCode: r.cylinderCode,
  step: r.step,
  at: new Date(r.at),
  stationCode: r.stationCode ?? null,
  staffIdNumber: r.staffIdNumber ?? null,
  customerCode: r.customerCode ?? null,
  lat: r.lat ?? null,
  lng: r.lng ?? null,
});

/**
 * `POST /gas/deliveries`: all or nothing; a bad row is a VALIDATION error naming `records.<i>.<field>`, every
 * bad row listed. Re-sending a batch records nothing twice.
 * @throws AppError FORBIDDEN without gas.manage; VALIDATION; CONFLICT on a concurrent change.
 */
export async function recordDeliveries(ctx: ServiceContext, raw: DeliveryBatchInput, source: DeliverySource = "api"): Promise<DeliveryBatchResultDto> {
  requirePermission(ctx.actor, "gas.manage");
  const input = DeliveryBatchInput.parse(raw);
  const enterpriseId = gasEnterpriseOf(ctx.actor, input.enterpriseId);
  const { result, issues } = await applyDeliveries(ctx, enterpriseId, input.records.map(toPlanRecord), source);
  if (issues.length > 0) {
    const rows = new Set(issues.map((i) => i.index)).size;
    throw invalid(
      issues.map((i) => ({ path: `records.${i.index}.${i.field}`, message: i.message })),
      `${rows} 条记录有错误，未记录任何数据 (${rows} records have errors; nothing was recorded)`,
    );
  }
  return result;
}
