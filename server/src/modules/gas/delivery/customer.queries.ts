import { and, desc, eq, sql } from "drizzle-orm";
import type { AnyPgColumn } from "drizzle-orm/pg-core";
import type { CheckState, CustomerDto, CustomerKind, ListCustomersQuery } from "@contracts/gas/customer";
import { maskIdNumber } from "@contracts/registry/identifiers";
import { shanghaiDay } from "@contracts/platform/time";
import { requirePermission } from "../../../platform/auth/actor.js";
import type { Actor } from "../../../platform/context.js";
import type { Executor } from "../../../platform/db/client.js";
import { andAll, likePattern, offsetOf, toPage, totalOver, type Page } from "../../../platform/db/pagination.js";
import { notFound } from "../../../platform/errors.js";
import { enterprisesView } from "../../registry/index.js";
import { cylindersView } from "../cylinders/index.js";
import { gasCustomers as CU } from "./schema.js";
import { gasScope } from "../shared/index.js";
import { addDays, checkStateOf } from "./safety-check.calc.js";

const E = enterprisesView();

/**
 * Read side of customers: one statement gives a page, its total, the company name and the cylinders held.
 * ID numbers leave here masked; only the audited full view (customer.service) returns them whole.
 */

export const CUSTOMER_EXPORT_LIMIT = 100_000;

function selectCustomers(db: Executor) {
  return db
    .select({
      c: CU,
      enterpriseName: E.name,
      cylindersHeld: sql<number>`(select count(*) from ${cylindersView("y")} where y.customer_id = ${CU.id} and y.status = 'in_use')`.mapWith(Number),
      total: totalOver,
    })
    .from(CU)
    .innerJoin(E, eq(E.id, CU.enterpriseId));
}

export type CustomerRow = Awaited<ReturnType<typeof selectCustomers>>[number];

export function toCustomerDto(r: CustomerRow, dueSoonDays: number, full = false, today = shanghaiDay()): CustomerDto {
  return {
    id: r.c.id,
    enterpriseId: r.c.enterpriseId,
    enterpriseName: r.enterpriseName,
    code: r.c.code,
    kind: r.c.kind as CustomerKind,
    name: r.c.name,
    idNumber: full ? r.c.idNumber : maskIdNumber(r.c.idNumber),
    phone: r.c.phone,
    address: r.c.address,
    lat: r.c.lat,
    lng: r.c.lng,
    contractNo: r.c.contractNo,
    lastCheckOn: r.c.lastCheckOn,
    nextCheckDue: r.c.nextCheckDue,
    checkState: checkStateOf(r.c.lastCheckOn, r.c.nextCheckDue, today, dueSoonDays),
    active: r.c.active,
    cylindersHeld: r.cylindersHeld,
    createdAt: r.c.createdAt.toISOString(),
    updatedAt: r.c.updatedAt.toISOString(),
  };
}

/** The SQL twin of `checkStateOf`, for the list filter. */
function checkStateWhere(states: readonly CheckState[], today: string, dueSoonDays: number) {
  const soon = addDays(today, dueSoonDays);
  const of: Record<CheckState, ReturnType<typeof sql>> = {
    overdue: sql`${CU.nextCheckDue} < ${today}`,
    never: sql`(${CU.lastCheckOn} is null and (${CU.nextCheckDue} is null or ${CU.nextCheckDue} >= ${today}))`,
    due_soon: sql`(${CU.lastCheckOn} is not null and ${CU.nextCheckDue} >= ${today} and ${CU.nextCheckDue} <= ${soon})`,
    ok: sql`(${CU.lastCheckOn} is not null and ${CU.nextCheckDue} > ${soon})`,
  };
  return sql`(${sql.join(states.map((s) => of[s]), sql` or `)})`;
}

const SORTABLE: Record<string, AnyPgColumn> = { code: CU.code, name: CU.name, nextCheckDue: CU.nextCheckDue, createdAt: CU.createdAt };
type Filters = Omit<ListCustomersQuery, "page" | "pageSize">;

function filtered(db: Executor, actor: Actor, q: Filters, dueSoonDays: number) {
  const text = q.q?.trim();
  const today = shanghaiDay();
  const where = andAll([
    gasScope(actor, CU.enterpriseId),
    text
      ? sql`(${CU.code} = ${text.toUpperCase()} or ${CU.name} ilike ${likePattern(text)} or ${CU.phone} = ${text} or ${CU.address} ilike ${likePattern(text)} or ${CU.contractNo} = ${text})`
      : undefined,
    q.enterpriseId ? eq(CU.enterpriseId, q.enterpriseId) : undefined,
    q.kind?.length ? sql`${CU.kind} = any(${sql.param(q.kind)}::text[])` : undefined,
    q.checkState?.length ? checkStateWhere(q.checkState, today, dueSoonDays) : undefined,
    q.active ? eq(CU.active, q.active === "true") : undefined,
  ]);
  const sort = q.sort ?? "code";
  const isDesc = sort.startsWith("-");
  const column = SORTABLE[isDesc ? sort.slice(1) : sort] ?? CU.code;
  return selectCustomers(db)
    .where(where)
    .orderBy(isDesc ? sql`${column} desc nulls last` : sql`${column} asc nulls first`, desc(CU.id));
}

export async function listCustomers(db: Executor, actor: Actor, q: ListCustomersQuery, dueSoonDays: number): Promise<Page<CustomerDto>> {
  requirePermission(actor, "gas.read");
  const rows = await filtered(db, actor, q, dueSoonDays).limit(q.pageSize).offset(offsetOf(q));
  return toPage(rows, q, (r) => toCustomerDto(r, dueSoonDays));
}

export async function customersForExport(db: Executor, actor: Actor, q: Filters, dueSoonDays: number): Promise<CustomerDto[]> {
  requirePermission(actor, "gas.read");
  return (await filtered(db, actor, q, dueSoonDays).limit(CUSTOMER_EXPORT_LIMIT)).map((r) => toCustomerDto(r, dueSoonDays));
}

/** @throws AppError NOT_FOUND when absent or outside the actor's scope. */
export async function customerRow(db: Executor, actor: Actor, id: string): Promise<CustomerRow> {
  requirePermission(actor, "gas.read");
  const [row] = await selectCustomers(db).where(and(eq(CU.id, id), gasScope(actor, CU.enterpriseId)));
  if (!row) throw notFound("customer", id);
  return row;
}

