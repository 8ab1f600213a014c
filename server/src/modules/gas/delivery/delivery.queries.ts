import { asc, desc, eq, gte, lt, sql } from "drizzle-orm";
import type { AnyPgColumn } from "drizzle-orm/pg-core";
import type { DeliveryDto, DeliveryStep, ListDeliveriesQuery } from "@contracts/gas/delivery";
import { requirePermission } from "../../../platform/auth/actor.js";
import type { Actor } from "../../../platform/context.js";
import type { Executor } from "../../../platform/db/client.js";
import { andAll, likePattern, offsetOf, toPage, totalOver, type Page } from "../../../platform/db/pagination.js";
import { cylindersView, staffView, stationsView } from "../cylinders/index.js";
import { gasCustomers as CU, gasDeliveries as D } from "./schema.js";
import { gasScope } from "../shared/index.js";

/** Read side of the delivery chain: one statement gives a page, its total and the names. */

export const DELIVERY_EXPORT_LIMIT = 100_000;

const CY = cylindersView();
const ST = stationsView();
const SF = staffView();

function selectDeliveries(db: Executor) {
  return db
    .select({ d: D, cylinderCode: CY.code, stationName: ST.name, staffName: SF.name, customerCode: CU.code, customerName: CU.name, total: totalOver })
    .from(D)
    .innerJoin(CY, eq(CY.id, D.cylinderId))
    .leftJoin(ST, eq(ST.id, D.stationId))
    .leftJoin(SF, eq(SF.id, D.staffId))
    .leftJoin(CU, eq(CU.id, D.customerId));
}

type Row = Awaited<ReturnType<typeof selectDeliveries>>[number];

const toDto = (r: Row): DeliveryDto => ({
  id: r.d.id,
  cylinderId: r.d.cylinderId,
  cylinderCode: r.cylinderCode,
  enterpriseId: r.d.enterpriseId,
  step: r.d.step as DeliveryStep,
  at: r.d.at.toISOString(),
  stationId: r.d.stationId,
  stationName: r.stationName,
  staffId: r.d.staffId,
  staffName: r.staffName,
  customerId: r.d.customerId,
  customerCode: r.customerCode,
  customerName: r.customerName,
  lat: r.d.lat,
  lng: r.d.lng,
  source: r.d.source as DeliveryDto["source"],
  createdAt: r.d.createdAt.toISOString(),
});

const SORTABLE: Record<string, AnyPgColumn> = { at: D.at, step: D.step, createdAt: D.createdAt };
type Filters = Omit<ListDeliveriesQuery, "page" | "pageSize">;

function filtered(db: Executor, actor: Actor, q: Filters) {
  const text = q.q?.trim();
  const where = andAll([
    gasScope(actor, D.enterpriseId),
    text ? sql`(${CY.code} = ${text.toUpperCase()} or ${CU.code} = ${text.toUpperCase()} or ${CU.name} ilike ${likePattern(text)} or ${SF.name} ilike ${likePattern(text)})` : undefined,
    q.enterpriseId ? eq(D.enterpriseId, q.enterpriseId) : undefined,
    q.customerId ? eq(D.customerId, q.customerId) : undefined,
    q.cylinderCode ? eq(CY.code, q.cylinderCode) : undefined,
    q.staffId ? eq(D.staffId, q.staffId) : undefined,
    q.stationId ? eq(D.stationId, q.stationId) : undefined,
    q.step?.length ? sql`${D.step} = any(${sql.param(q.step)}::text[])` : undefined,
    q.from ? gte(D.at, sql`(${q.from}::date)::timestamp at time zone 'Asia/Shanghai'`) : undefined,
    q.to ? lt(D.at, sql`(${q.to}::date + 1)::timestamp at time zone 'Asia/Shanghai'`) : undefined,
  ]);
  const sort = q.sort ?? "-at";
  const isDesc = sort.startsWith("-");
  const column = SORTABLE[isDesc ? sort.slice(1) : sort] ?? D.at;
  return selectDeliveries(db)
    .where(where)
    .orderBy(isDesc ? desc(column) : asc(column), desc(D.id));
}

export async function listDeliveries(db: Executor, actor: Actor, q: ListDeliveriesQuery): Promise<Page<DeliveryDto>> {
  requirePermission(actor, "gas.read");
  const rows = await filtered(db, actor, q).limit(q.pageSize).offset(offsetOf(q));
  return toPage(rows, q, toDto);
}

export async function deliveriesForExport(db: Executor, actor: Actor, q: Filters): Promise<DeliveryDto[]> {
  requirePermission(actor, "gas.read");
  return (await filtered(db, actor, q).limit(DELIVERY_EXPORT_LIMIT)).map(toDto);
}

/** A customer's delivery history, only when the customer is in scope (else NOT_FOUND from the caller's check). */
export const customerDeliveries = (db: Executor, actor: Actor, customerId: string, q: ListDeliveriesQuery) => listDeliveries(db, actor, { ...q, customerId });

