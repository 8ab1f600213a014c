import { and, eq, ne, or } from "drizzle-orm";
import { CustomerInput, type CustomerDto } from "@contracts/gas/customer";
import { shanghaiDay } from "@contracts/platform/time";
import { requirePermission } from "../../../platform/auth/actor.js";
import { recordAudit } from "../../../platform/audit/audit.js";
import type { ServiceContext } from "../../../platform/context.js";
import type { Executor } from "../../../platform/db/client.js";
import { isUniqueViolation } from "../../../platform/db/pg-errors.js";
import { conflict, invalidField } from "../../../platform/errors.js";
import { enterpriseOf } from "../../registry/index.js";
import { customerRow, toCustomerDto } from "./customer.queries.js";
import { gasCustomers as CU } from "./schema.js";
import { gasEnterpriseOf } from "../shared/index.js";

/** Writes of real-name customers; every write audited, the ID number kept whole in the audit only as masked. */

const audited = (c: typeof CU.$inferSelect) => ({ ...c, idNumber: `${c.idNumber.slice(0, 4)}…${c.idNumber.slice(-4)}` });

/** The company a write acts for must be a gas company on the registry. */
export async function assertGasEnterprise(db: Executor, id: string): Promise<void> {
  const e = await enterpriseOf(db, id);
  if (!e || e.type !== "gas") throw invalidField("enterpriseId", "不是登记在册的燃气企业 (not a registered gas company)");
}

/** Which of code / ID number another customer of the company already uses (the unique indexes, named per field). */
export async function takenBy(db: Executor, enterpriseId: string, code: string, idNumber: string, exceptId?: string): Promise<void> {
  const rows = await db
    .select({ code: CU.code, idNumber: CU.idNumber })
    .from(CU)
    .where(and(eq(CU.enterpriseId, enterpriseId), or(eq(CU.code, code), eq(CU.idNumber, idNumber)), exceptId ? ne(CU.id, exceptId) : undefined));
  if (rows.some((r) => r.code === code)) throw conflict(`用户编号 ${code} 已存在 (customer code taken)`, { issues: [{ path: "code", message: "已存在 (taken)" }] });
  if (rows.some((r) => r.idNumber === idNumber)) throw conflict("该证件号码已登记为本企业用户 (this ID is already a customer)", { issues: [{ path: "idNumber", message: "已存在 (taken)" }] });
}

const uniqueToConflict = (err: unknown): never => {
  if (isUniqueViolation(err)) throw conflict("用户编号或证件号码已存在 (customer code or ID already on file)");
  throw err;
};

/**
 * Files a real-name customer. Supply starts with a check of the installation (首次供气前入户安检), so the
 * first check is due on the day the customer is filed.
 * @throws AppError FORBIDDEN without gas.manage; VALIDATION; CONFLICT on a taken code or ID.
 */
export async function createCustomer(ctx: ServiceContext, raw: CustomerInput, dueSoonDays: number): Promise<CustomerDto> {
  requirePermission(ctx.actor, "gas.manage");
  const input = CustomerInput.parse(raw);
  const enterpriseId = gasEnterpriseOf(ctx.actor, input.enterpriseId);
  const id = await ctx.db
    .transaction(async (tx) => {
      await assertGasEnterprise(tx, enterpriseId);
      await takenBy(tx, enterpriseId, input.code, input.idNumber);
      const [row] = await tx
        .insert(CU)
        .values({ ...input, enterpriseId, lat: input.lat ?? null, lng: input.lng ?? null, contractNo: input.contractNo ?? null, nextCheckDue: shanghaiDay() })
        .returning();
      await recordAudit(tx, ctx, { action: "gas.customer.created", entity: "gas_customer", entityId: row.id, after: audited(row) });
      return row.id;
    })
    .catch(uniqueToConflict);
  return toCustomerDto(await customerRow(ctx.db, ctx.actor, id), dueSoonDays);
}

/**
 * Replaces a customer's particulars (the company stays). Check dates are kept: only a check moves them.
 * @throws AppError NOT_FOUND out of scope; VALIDATION; CONFLICT on a taken code or ID.
 */
export async function updateCustomer(ctx: ServiceContext, id: string, raw: CustomerInput, dueSoonDays: number): Promise<CustomerDto> {
  requirePermission(ctx.actor, "gas.manage");
  const input = CustomerInput.parse(raw);
  const before = await customerRow(ctx.db, ctx.actor, id);
  await ctx.db
    .transaction(async (tx) => {
      await takenBy(tx, before.c.enterpriseId, input.code, input.idNumber, id);
      const { enterpriseId: _ignored, ...fields } = input;
      const [row] = await tx
        .update(CU)
        .set({ ...fields, lat: input.lat ?? null, lng: input.lng ?? null, contractNo: input.contractNo ?? null, updatedAt: new Date() })
        .where(eq(CU.id, id))
        .returning();
      await recordAudit(tx, ctx, { action: "gas.customer.updated", entity: "gas_customer", entityId: id, before: audited(before.c), after: audited(row) });
    })
    .catch(uniqueToConflict);
  return toCustomerDto(await customerRow(ctx.db, ctx.actor, id), dueSoonDays);
}

/** 销户 / 恢复: a closed account keeps its history; deliveries to it are flagged like an unregistered customer's. */
export async function setCustomerActive(ctx: ServiceContext, id: string, active: boolean, dueSoonDays: number): Promise<CustomerDto> {
  requirePermission(ctx.actor, "gas.manage");
  const before = await customerRow(ctx.db, ctx.actor, id);
  if (before.c.active !== active) {
    await ctx.db.transaction(async (tx) => {
      await tx.update(CU).set({ active, updatedAt: new Date() }).where(eq(CU.id, id));
      await recordAudit(tx, ctx, { action: active ? "gas.customer.reactivated" : "gas.customer.deactivated", entity: "gas_customer", entityId: id, before: { active: before.c.active }, after: { active } });
    });
  }
  return toCustomerDto(await customerRow(ctx.db, ctx.actor, id), dueSoonDays);
}

export async function getCustomer(ctx: ServiceContext, id: string, dueSoonDays: number): Promise<CustomerDto> {
  return toCustomerDto(await customerRow(ctx.db, ctx.actor, id), dueSoonDays);
}

/**
 * The customer with the ID number whole, for the company that serves them (and the bureau's admin); every
 * call is audited.
 * @throws AppError FORBIDDEN without gas.manage; NOT_FOUND out of scope.
 */
export async function viewCustomerFull(ctx: ServiceContext, id: string, dueSoonDays: number): Promise<CustomerDto> {
  requirePermission(ctx.actor, "gas.manage");
  const row = await customerRow(ctx.db, ctx.actor, id);
  await ctx.db.transaction((tx) => recordAudit(tx, ctx, { action: "gas.customer.viewedFull", entity: "gas_customer", entityId: id, after: { fields: ["idNumber"] } }));
  return toCustomerDto(row, dueSoonDays, true);
}
