import { sql } from "drizzle-orm";
import { boolean, date, doublePrecision, index, jsonb, pgTable, text, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { enterpriseKey } from "../../registry/index.js";
import { timestamps, tz } from "../shared/index.js";

/*
 * Cylinders, stations and staff belong to the cylinders module: their ids here are plain ids (foreign keys point
 * only into the registry). The verbs that write them check them: a delivery step names the cylinders it locked
 * and the stations and staff it found by code, a safety check's checker is checked to be the company's staff,
 * an anomaly names what its judge read; and the cylinders module deletes none of its rows.
 */

/** 实名用户: a resident, a catering business or another user, real-name, with the installation's safety-check dates. */
export const gasCustomers = pgTable(
  "gas_customers",
  {
    id: uuid().primaryKey().defaultRandom(),
    enterpriseId: uuid()
      .notNull()
      .references(enterpriseKey),
    code: text().notNull(),
    /** resident | catering | other */
    kind: text().notNull(),
    name: text().notNull(),
    /** ID card number (resident) or unified social credit code (business); shown masked. */
    idNumber: text().notNull(),
    phone: text().notNull(),
    address: text().notNull(),
    lat: doublePrecision(),
    lng: doublePrecision(),
    contractNo: text(),
    lastCheckOn: date({ mode: "string" }),
    nextCheckDue: date({ mode: "string" }),
    active: boolean().notNull().default(true),
    ...timestamps(),
  },
  (t) => [
    uniqueIndex("gas_customers_code_uq").on(t.enterpriseId, t.code),
    uniqueIndex("gas_customers_id_number_uq").on(t.enterpriseId, t.idNumber),
    index("gas_customers_next_check_idx").on(t.nextCheckDue).where(sql`active`),
  ],
);

/** 入户安检: one safety check of a customer's installation (alarm fitted, hose, valve). */
export const gasSafetyChecks = pgTable(
  "gas_safety_checks",
  {
    id: uuid().primaryKey().defaultRandom(),
    customerId: uuid()
      .notNull()
      .references(() => gasCustomers.id),
    enterpriseId: uuid().notNull(),
    checkedOn: date({ mode: "string" }).notNull(),
    checkerId: uuid(),
    alarmFitted: boolean().notNull(),
    hoseOk: boolean().notNull(),
    valveOk: boolean().notNull(),
    passed: boolean().notNull(),
    nextDueOn: date({ mode: "string" }).notNull(),
    note: text().notNull().default(""),
    photoIds: text().array().notNull().default(sql`'{}'::text[]`),
    createdAt: tz().notNull().defaultNow(),
  },
  (t) => [
    index("gas_safety_checks_customer_idx").on(t.customerId, t.checkedOn),
    // A photo is served only to whoever may see its check: containment (@>) finds that check by the photo.
    index("gas_safety_checks_photos_idx").using("gin", t.photoIds),
  ],
);

/**
 * One scanned step of the delivery chain: stock_out (出库, which is also the handover 交接 to the delivery person
 * named by `staffId`) → delivered (入户, real-name) → returned (回收空瓶), or returned_full (未送达退回).
 * Anomaly rules read these.
 */
export const gasDeliveries = pgTable(
  "gas_deliveries",
  {
    id: uuid().primaryKey().defaultRandom(),
    cylinderId: uuid().notNull(),
    enterpriseId: uuid().notNull(),
    stationId: uuid(),
    step: text().notNull(),
    at: tz().notNull(),
    staffId: uuid(),
    customerId: uuid().references(() => gasCustomers.id),
    lat: doublePrecision(),
    lng: doublePrecision(),
    /** api | xlsx | app */
    source: text().notNull(),
    createdAt: tz().notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex("gas_deliveries_step_uq").on(t.cylinderId, t.step, t.at),
    index("gas_deliveries_enterprise_idx").on(t.enterpriseId, t.at),
    index("gas_deliveries_customer_idx").on(t.customerId, t.at),
    index("gas_deliveries_staff_idx").on(t.staffId, t.at),
  ],
);

/**
 * 异常: a cylinder seen at two places at once, filled at a foreign station, delivered to an unregistered
 * customer or by an uncertified person, a customer overdue for a safety check. One open row per `dedupKey`.
 */
export const gasAnomalies = pgTable(
  "gas_anomalies",
  {
    id: uuid().primaryKey().defaultRandom(),
    enterpriseId: uuid().notNull(),
    kind: text().notNull(),
    dedupKey: text().notNull(),
    cylinderId: uuid(),
    customerId: uuid().references(() => gasCustomers.id),
    stationId: uuid(),
    staffId: uuid(),
    detectedAt: tz().notNull(),
    detail: jsonb().notNull().default({}),
    /** open | resolved */
    state: text().notNull().default("open"),
    resolvedAt: tz(),
    resolvedNote: text(),
    caseId: uuid(),
    createdAt: tz().notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex("gas_anomalies_open_uq").on(t.dedupKey).where(sql`state = 'open'`),
    // Judges ask "was this ever raised?" (resolved ones included) so a resolved anomaly is not raised again.
    index("gas_anomalies_dedup_idx").on(t.dedupKey),
    index("gas_anomalies_enterprise_idx").on(t.enterpriseId, t.state, t.detectedAt),
    index("gas_anomalies_kind_idx").on(t.kind, t.detectedAt),
  ],
);
