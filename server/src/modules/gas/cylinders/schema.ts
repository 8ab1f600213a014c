import { sql } from "drizzle-orm";
import { bigserial, boolean, date, doublePrecision, index, integer, jsonb, numeric, pgTable, text, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { enterpriseKey, personKey } from "../../registry/index.js";
import { timestamps, tz } from "../shared/index.js";

/** 充装站 (filling station) or 供应站/点 (supply point) of a gas company. */
export const gasStations = pgTable(
  "gas_stations",
  {
    id: uuid().primaryKey().defaultRandom(),
    enterpriseId: uuid()
      .notNull()
      .references(enterpriseKey),
    code: text().notNull().unique(),
    name: text().notNull(),
    /** filling | supply_point */
    kind: text().notNull(),
    licenceNo: text(),
    address: text().notNull().default(""),
    lat: doublePrecision(),
    lng: doublePrecision(),
    active: boolean().notNull().default(true),
    ...timestamps(),
  },
  (t) => [index("gas_stations_enterprise_idx").on(t.enterpriseId)],
);

/** Certified staff of a gas company: fillers (充装工) and delivery people (送气工), with certificate and expiry. */
export const gasStaff = pgTable(
  "gas_staff",
  {
    id: uuid().primaryKey().defaultRandom(),
    enterpriseId: uuid()
      .notNull()
      .references(enterpriseKey),
    personId: uuid()
      .notNull()
      .references(personKey),
    stationId: uuid().references(() => gasStations.id),
    /** filler | delivery */
    role: text().notNull(),
    certificateNo: text(),
    certificateValidTo: date({ mode: "string" }),
    active: boolean().notNull().default(true),
    ...timestamps(),
  },
  (t) => [uniqueIndex("gas_staff_person_role_uq").on(t.personId, t.role), index("gas_staff_enterprise_idx").on(t.enterpriseId, t.role)],
);

/**
 * 钢瓶: one cylinder one code, unique in the city and never reused (a scrapped cylinder keeps its row, voided).
 * `status` follows filed → in_stock → filled → dispatched → in_use → returned_empty → …, with the side path
 * inspection_due → at_inspection → (passed → in_stock) | failed → scrapped. Dates are kept as columns so the
 * pre-fill check is one indexed row read.
 */
export const gasCylinders = pgTable(
  "gas_cylinders",
  {
    id: uuid().primaryKey().defaultRandom(),
    code: text().notNull(),
    enterpriseId: uuid()
      .notNull()
      .references(enterpriseKey),
    stationId: uuid()
      .notNull()
      .references(() => gasStations.id),
    /** gas_phase | liquid_phase | dual_phase (recorded for legacy cylinders; never filled, never filed anew) */
    type: text().notNull(),
    /** e.g. YSP15, YSP50 */
    spec: text().notNull(),
    nominalFillKg: numeric({ precision: 6, scale: 2, mode: "number" }).notNull(),
    maker: text().notNull().default(""),
    serialNo: text().notNull().default(""),
    manufacturedOn: date({ mode: "string" }).notNull(),
    designLifeYears: integer().notNull().default(8),
    lastInspectedOn: date({ mode: "string" }),
    nextInspectionOn: date({ mode: "string" }).notNull(),
    scrapOn: date({ mode: "string" }).notNull(),
    status: text().notNull().default("filed"),
    lostAt: tz(),
    voidedAt: tz(),
    /** The real-name customer holding it (while in_use). */
    customerId: uuid(),
    lastFillAt: tz(),
    lastSeenAt: tz(),
    version: integer().notNull().default(1),
    ...timestamps(),
  },
  (t) => [
    uniqueIndex("gas_cylinders_code_uq").on(t.code),
    index("gas_cylinders_station_idx").on(t.stationId, t.status),
    index("gas_cylinders_enterprise_idx").on(t.enterpriseId, t.status),
    index("gas_cylinders_next_inspection_idx").on(t.nextInspectionOn).where(sql`voided_at is null`),
    index("gas_cylinders_customer_idx").on(t.customerId).where(sql`customer_id is not null`),
  ],
);

/** A cylinder's life, append-only: every status change, fill, delivery step, inspection and report. */
export const gasCylinderEvents = pgTable(
  "gas_cylinder_events",
  {
    id: bigserial({ mode: "number" }).primaryKey(),
    cylinderId: uuid().notNull(),
    at: tz().notNull(),
    action: text().notNull(),
    fromStatus: text(),
    toStatus: text(),
    stationId: uuid(),
    staffId: uuid(),
    customerId: uuid(),
    actorId: uuid(),
    note: text().notNull().default(""),
    data: jsonb(),
  },
  (t) => [index("gas_cylinder_events_cylinder_idx").on(t.cylinderId, t.at)],
);

/**
 * Pre-fill checks asked by the scales (`POST /gas/fill-checks`), kept as the regulator's record of every
 * lock and release. Written in batches off the answer path.
 */
export const gasFillChecks = pgTable(
  "gas_fill_checks",
  {
    id: bigserial({ mode: "number" }).primaryKey(),
    at: tz().notNull(),
    stationId: uuid(),
    stationCode: text().notNull(),
    cylinderId: uuid(),
    cylinderCode: text().notNull(),
    allowed: boolean().notNull(),
    reasons: text().array().notNull().default(sql`'{}'::text[]`),
  },
  (t) => [index("gas_fill_checks_station_idx").on(t.stationCode, t.at), index("gas_fill_checks_refused_idx").on(t.at).where(sql`not allowed`)],
);

/** 充装记录: net weight within the allowed fill, pre- and post-fill checks, the filler. */
export const gasFills = pgTable(
  "gas_fills",
  {
    id: uuid().primaryKey().defaultRandom(),
    cylinderId: uuid()
      .notNull()
      .references(() => gasCylinders.id),
    stationId: uuid()
      .notNull()
      .references(() => gasStations.id),
    enterpriseId: uuid().notNull(),
    fillerId: uuid().references(() => gasStaff.id),
    filledAt: tz().notNull(),
    netWeightKg: numeric({ precision: 6, scale: 2, mode: "number" }).notNull(),
    allowedFillKg: numeric({ precision: 6, scale: 2, mode: "number" }).notNull(),
    preCheckOk: boolean().notNull(),
    postCheckOk: boolean().notNull(),
    /** {leak, valve, appearance, weightOk, …} as the scale reported them. */
    checks: jsonb().notNull().default({}),
    /** api | xlsx | scale */
    source: text().notNull(),
    createdAt: tz().notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex("gas_fills_cylinder_at_uq").on(t.cylinderId, t.filledAt),
    index("gas_fills_station_idx").on(t.stationId, t.filledAt),
    index("gas_fills_enterprise_idx").on(t.enterpriseId, t.filledAt),
  ],
);
