import { sql } from "drizzle-orm";
import { bigserial, boolean, check, date, index, integer, jsonb, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { enterpriseKey, projectKey } from "../registry/index.js";

const tz = () => timestamp({ withTimezone: true });

/** One checklist item of an inspection template; a failed item may become a finding. */
export interface TemplateItem {
  code: string;
  text: string;
  category: string;
  /** The grade a failure is judged at (重大 items come from the 2024 major-hazard criteria). */
  grade: "general" | "major";
  score: number;
  clause: string;
}

/** Inspection templates (检查表), versioned by (code, version); inspections keep the version they used. */
export const casesTemplates = pgTable(
  "cases_templates",
  {
    id: uuid().primaryKey().defaultRandom(),
    code: text().notNull(),
    version: integer().notNull().default(1),
    name: text().notNull(),
    domain: text().notNull(),
    items: jsonb().$type<TemplateItem[]>().notNull(),
    source: text().notNull().default(""),
    active: integer().notNull().default(1),
    createdAt: tz().notNull().defaultNow(),
  },
  (t) => [uniqueIndex("cases_templates_version_uq").on(t.code, t.version)],
);

export interface ChecklistResult {
  itemCode: string;
  passed: boolean;
  note?: string;
  photoIds?: string[];
}

/** 检查: one visit of one project by inspectors, with its checklist results. */
export const casesInspections = pgTable(
  "cases_inspections",
  {
    id: uuid().primaryKey().defaultRandom(),
    projectId: uuid()
      .notNull()
      .references(projectKey),
    kind: text().notNull(),
    domain: text().notNull(),
    inspectedOn: date({ mode: "string" }).notNull(),
    templateId: uuid().references(() => casesTemplates.id),
    inspectorIds: uuid().array().notNull().default(sql`'{}'::uuid[]`),
    inspectorNames: text().array().notNull().default(sql`'{}'::text[]`),
    results: jsonb().$type<ChecklistResult[]>().notNull().default([]),
    score: integer(),
    summary: text().notNull().default(""),
    planId: uuid(),
    createdBy: uuid(),
    createdAt: tz().notNull().defaultNow(),
  },
  (t) => [index("cases_inspections_project_idx").on(t.projectId, t.inspectedOn), index("cases_inspections_date_idx").on(t.inspectedOn)],
);

/**
 * A case (问题/隐患) in the one rectification loop: 待整改 pending → 整改中 rectifying → 待复查 review →
 * 已销项 closed, with 退回 back to rectifying. `overdueAt` is set when the deadline passed without a reply
 * (and the leader was told); `stopWork` carries an optional 停工整改 order (none | ordered | resume_applied
 * | resumed). `source` names who opened it (inspection, iot, testing, gas, patrol, complaint …) and
 * `sourceRef` the originating record's id in that module.
 */
export const casesCases = pgTable(
  "cases_cases",
  {
    id: uuid().primaryKey().defaultRandom(),
    no: text().notNull().unique(),
    /** The construction project, or null for a case outside any site (gas: a pipeline, a leak, a station) — then `enterpriseId` is required. */
    projectId: uuid().references(projectKey),
    enterpriseId: uuid().references(enterpriseKey),
    inspectionId: uuid().references(() => casesInspections.id),
    source: text().notNull(),
    sourceRef: text(),
    category: text().notNull(),
    grade: text().notNull(),
    title: text().notNull(),
    description: text().notNull().default(""),
    location: text().notNull().default(""),
    legalBasis: text().notNull().default(""),
    photoIds: text().array().notNull().default(sql`'{}'::text[]`),
    state: text().notNull().default("pending"),
    deadline: tz().notNull(),
    overdueAt: tz(),
    stopWork: text().notNull().default("none"),
    issuerId: uuid(),
    issuerName: text().notNull(),
    closedAt: tz(),
    version: integer().notNull().default(1),
    createdAt: tz().notNull().defaultNow(),
    updatedAt: tz().notNull().defaultNow(),
  },
  (t) => [
    index("cases_cases_board_idx").on(t.state, t.createdAt),
    index("cases_cases_project_idx").on(t.projectId, t.state),
    index("cases_cases_enterprise_idx").on(t.enterpriseId),
    index("cases_cases_deadline_idx").on(t.deadline).where(sql`state <> 'closed'`),
    // The board's closed-in-30-days tile: a range of the recently closed (the other tiles read cases_board_counts).
    index("cases_cases_closed_idx").on(t.closedAt, t.projectId).where(sql`state = 'closed'`),
    // A photo is served to whoever may see a case it belongs to (case.files.ts): found by containment.
    index("cases_cases_photos_idx").using("gin", t.photoIds),
    uniqueIndex("cases_cases_source_uq").on(t.source, t.sourceRef).where(sql`source_ref is not null and state <> 'closed'`),
    check("cases_cases_subject_ck", sql`project_id is not null or enterprise_id is not null`),
  ],
);

/** The timeline: every transition and comment of a case, append-only. */
export const casesEvents = pgTable(
  "cases_events",
  {
    id: bigserial({ mode: "number" }).primaryKey(),
    caseId: uuid()
      .notNull()
      .references(() => casesCases.id),
    at: tz().notNull().defaultNow(),
    actorId: uuid(),
    actorName: text().notNull(),
    action: text().notNull(),
    fromState: text(),
    toState: text(),
    note: text().notNull().default(""),
    photoIds: text().array().notNull().default(sql`'{}'::text[]`),
    data: jsonb(),
  },
  (t) => [index("cases_events_case_idx").on(t.caseId, t.at), index("cases_events_photos_idx").using("gin", t.photoIds)],
);

/** The in-app inbox; outbound channels (email, SMS) are sent from the same record. */
export const casesNotifications = pgTable(
  "cases_notifications",
  {
    id: uuid().primaryKey().defaultRandom(),
    userId: uuid().notNull(),
    kind: text().notNull(),
    title: text().notNull(),
    body: text().notNull().default(""),
    link: text(),
    caseId: uuid(),
    createdAt: tz().notNull().defaultNow(),
    readAt: tz(),
  },
  (t) => [index("cases_notifications_user_idx").on(t.userId, t.createdAt), index("cases_notifications_unread_idx").on(t.userId).where(sql`read_at is null`)],
);

export interface RandomPlanTarget {
  projectId: string;
  inspectorIds: string[];
  inspectionId?: string;
}

/** 双随机: a random inspection plan drawn from a logged seed (replayable), published with its results. */
export const casesRandomPlans = pgTable("cases_random_plans", {
  id: uuid().primaryKey().defaultRandom(),
  name: text().notNull(),
  seed: text().notNull(),
  ratioPct: integer().notNull(),
  domain: text().notNull(),
  targets: jsonb().$type<RandomPlanTarget[]>().notNull(),
  createdBy: uuid(),
  createdByName: text().notNull(),
  createdAt: tz().notNull().defaultNow(),
  publishedAt: tz(),
  summary: text(),
});

/**
 * An inspector's declared conflict of interest (回避): the 双随机 draw never sends them to a project in
 * which this enterprise takes part (former employer, relatives' firm …).
 */
export const casesInspectorConflicts = pgTable(
  "cases_inspector_conflicts",
  {
    id: uuid().primaryKey().defaultRandom(),
    userId: uuid().notNull(),
    enterpriseId: uuid()
      .notNull()
      .references(enterpriseKey),
    reason: text().notNull(),
    declaredOn: date({ mode: "string" }).notNull(),
    createdAt: tz().notNull().defaultNow(),
  },
  (t) => [uniqueIndex("cases_conflicts_uq").on(t.userId, t.enterpriseId)],
);

/**
 * The case board's counts per project and (state, grade, overdue, stop-work order in force), kept by
 * statement-level triggers on cases_cases in the same transaction as every change (migration 0009), so
 * the board sums a few rows per project instead of counting every case.
 */
export const casesBoardCounts = pgTable(
  "cases_board_counts",
  {
    projectId: uuid().notNull(),
    state: text().notNull(),
    grade: text().notNull(),
    overdue: boolean().notNull(),
    stopActive: boolean().notNull(),
    n: integer().notNull(),
  },
  (t) => [primaryKey({ columns: [t.projectId, t.state, t.grade, t.overdue, t.stopActive] })],
);
