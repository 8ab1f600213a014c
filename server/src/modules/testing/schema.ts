import { sql } from "drizzle-orm";
import { boolean, date, index, integer, jsonb, numeric, pgTable, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { enterpriseKey, personKey, projectKey } from "../registry/index.js";

const tz = () => timestamp({ withTimezone: true });
const timestamps = {
  createdAt: tz().notNull().defaultNow(),
  updatedAt: tz().notNull().defaultNow(),
};

/** A testing agency's qualification (57号令: 综合类 | 专项类) and the sample types it may test. */
export const testingAgencies = pgTable("testing_agencies", {
  enterpriseId: uuid()
    .primaryKey()
    .references(enterpriseKey),
  qualificationNo: text().notNull().unique(),
  level: text().notNull(),
  scopes: text().array().notNull().default(sql`'{}'::text[]`),
  validTo: date({ mode: "string" }).notNull(),
  ...timestamps,
});

/**
 * 委托: one commission of one sample to an agency. A witnessed commission has a registered witness (client
 * or supervisor) and a sampling record (time, place, photos, sealed sample code); `witnessed` counts toward
 * the ≥ 30 % share of 建建〔2000〕211号. `lotNo` groups concrete groups of one 验收批 for GB/T 50107.
 */
export const testingCommissions = pgTable(
  "testing_commissions",
  {
    id: uuid().primaryKey().defaultRandom(),
    no: text().notNull().unique(),
    projectId: uuid()
      .notNull()
      .references(projectKey),
    agencyId: uuid()
      .notNull()
      .references(enterpriseKey),
    sampleType: text().notNull(),
    spec: text().notNull().default(""),
    strengthClass: text(),
    lotNo: text(),
    part: text().notNull().default(""),
    specimenCount: integer().notNull(),
    specimenSizeMm: integer(),
    /** Rebar: the 检验批's weight; more than 60 t needs more specimens (GB/T 1499.2 8.2). */
    batchTonnes: numeric({ precision: 8, scale: 2, mode: "number" }),
    witnessed: boolean().notNull().default(false),
    witnessPersonId: uuid().references(personKey),
    samplerPersonId: uuid().references(personKey),
    sampleCode: text(),
    sampledAt: tz(),
    samplePlace: text(),
    samplePhotoIds: text().array().notNull().default(sql`'{}'::text[]`),
    state: text().notNull().default("commissioned"),
    ...timestamps,
  },
  (t) => [
    index("testing_commissions_project_idx").on(t.projectId, t.sampleType),
    index("testing_commissions_agency_idx").on(t.agencyId, t.state),
    uniqueIndex("testing_commissions_sample_code_uq").on(t.sampleCode).where(sql`sample_code is not null`),
  ],
);

/**
 * A result reported by the agency and judged by the standard (GB/T 50107 for concrete lots, GB/T 1499.2
 * for rebar). Never overwritten: a retest is a new row pointing at the original (`retestOf`).
 */
export const testingResults = pgTable(
  "testing_results",
  {
    id: uuid().primaryKey().defaultRandom(),
    commissionId: uuid()
      .notNull()
      .references(() => testingCommissions.id),
    retestOf: uuid(),
    values: jsonb().notNull(),
    pass: boolean().notNull(),
    method: text().notNull(),
    figures: jsonb().notNull(),
    testedOn: date({ mode: "string" }).notNull(),
    caseId: uuid(),
    createdBy: uuid(),
    createdAt: tz().notNull().defaultNow(),
  },
  (t) => [index("testing_results_commission_idx").on(t.commissionId), index("testing_results_fail_idx").on(t.createdAt).where(sql`not pass`)],
);

/**
 * An issued report with its anti-forgery verify code (the QR points at `/verify/report/{code}`). Any change
 * after issue bumps `revision` and is audited; the public page shows the change history.
 */
export const testingReports = pgTable(
  "testing_reports",
  {
    id: uuid().primaryKey().defaultRandom(),
    reportNo: text().notNull().unique(),
    verifyCode: text().notNull().unique(),
    resultId: uuid()
      .notNull()
      .references(() => testingResults.id),
    issuedAt: tz().notNull().defaultNow(),
    conclusion: text().notNull(),
    signers: jsonb().$type<{ tester: string; reviewer: string; approver: string }>().notNull(),
    revision: integer().notNull().default(1),
    revisions: jsonb().$type<{ revision: number; at: string; by: string; reason: string; changes: Record<string, unknown> }[]>().notNull().default([]),
    ...timestamps,
  },
  (t) => [index("testing_reports_result_idx").on(t.resultId)],
);
