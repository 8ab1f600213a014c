import { sql } from "drizzle-orm";
import { bigserial, boolean, date, doublePrecision, index, integer, numeric, pgTable, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { enterpriseKey, personKey, projectKey } from "../registry/index.js";

const tz = () => timestamp({ withTimezone: true });
const timestamps = {
  createdAt: tz().notNull().defaultNow(),
  updatedAt: tz().notNull().defaultNow(),
};

/** 班组: a team of one employer on one project. */
export const workforceTeams = pgTable(
  "workforce_teams",
  {
    id: uuid().primaryKey().defaultRandom(),
    projectId: uuid()
      .notNull()
      .references(projectKey),
    employerId: uuid()
      .notNull()
      .references(enterpriseKey),
    name: text().notNull(),
    trade: text(),
    ...timestamps,
  },
  (t) => [uniqueIndex("workforce_teams_name_uq").on(t.projectId, t.name)],
);

/**
 * A worker's enrolment on one project (实名制): a person of the registry with trade, team, employer,
 * labour contract, wage standard and bank card. `workerNo` (工号) is unique in the city and is the
 * employee number the gates know. Lifecycle registered → entered (进场) → on_site (在场) → exited (退场).
 */
export const workforceWorkers = pgTable(
  "workforce_workers",
  {
    id: uuid().primaryKey().defaultRandom(),
    workerNo: text().notNull(),
    personId: uuid()
      .notNull()
      .references(personKey),
    projectId: uuid()
      .notNull()
      .references(projectKey),
    employerId: uuid()
      .notNull()
      .references(enterpriseKey),
    teamId: uuid().references(() => workforceTeams.id),
    trade: text().notNull(),
    isTeamLeader: boolean().notNull().default(false),
    status: text().notNull().default("registered"),
    contractSignedOn: date({ mode: "string" }),
    contractStart: date({ mode: "string" }),
    contractEnd: date({ mode: "string" }),
    wageStandard: numeric({ precision: 12, scale: 2 }),
    wageUnit: text(),
    bankName: text(),
    /** Kept whole for payroll; every API answer masks it unless the caller asks for the full view (audited). */
    bankCard: text(),
    photoPath: text(),
    enteredOn: date({ mode: "string" }),
    exitedOn: date({ mode: "string" }),
    exitReason: text(),
    ...timestamps,
  },
  (t) => [
    uniqueIndex("workforce_workers_no_uq").on(t.workerNo),
    // A person is enrolled at most once per project at a time; after 退场 they may enrol again.
    uniqueIndex("workforce_workers_live_uq").on(t.personId, t.projectId).where(sql`status <> 'exited'`),
    index("workforce_workers_project_idx").on(t.projectId, t.status),
    index("workforce_workers_team_idx").on(t.teamId),
  ],
);

/** 入场三级安全教育 and other safety training of a person (on a project, or general). */
export const workforceTrainings = pgTable(
  "workforce_trainings",
  {
    id: uuid().primaryKey().defaultRandom(),
    personId: uuid()
      .notNull()
      .references(personKey),
    projectId: uuid().references(projectKey),
    kind: text().notNull(),
    hours: doublePrecision().notNull(),
    score: doublePrecision(),
    passed: boolean().notNull(),
    trainedOn: date({ mode: "string" }).notNull(),
    ...timestamps,
  },
  (t) => [index("workforce_trainings_person_idx").on(t.personId, t.trainedOn)],
);

/** City-wide blacklist (黑名单): blocks admission everywhere while valid. */
export const workforceBlacklist = pgTable(
  "workforce_blacklist",
  {
    id: uuid().primaryKey().defaultRandom(),
    personId: uuid()
      .notNull()
      .references(personKey),
    reason: text().notNull(),
    validFrom: date({ mode: "string" }).notNull(),
    validTo: date({ mode: "string" }),
    createdBy: text(),
    revokedAt: tz(),
    ...timestamps,
  },
  (t) => [index("workforce_blacklist_person_idx").on(t.personId)],
);

/**
 * Gate access events (闸机通行记录). `dedupKey` (device, person or face key, second) makes a re-pushed
 * event a no-op. `result` says whether the gate event was a valid passage or why it was refused.
 */
export const workforceAccessEvents = pgTable(
  "workforce_access_events",
  {
    id: bigserial({ mode: "number" }).primaryKey(),
    /** The gate (an IoT device); an id, not a foreign key: cross-module links point only into the registry. */
    deviceId: uuid().notNull(),
    projectId: uuid().notNull(),
    personId: uuid(),
    workerId: uuid(),
    direction: text().notNull(),
    ts: tz().notNull(),
    similarity: doublePrecision(),
    result: text().notNull(),
    /** What the gate sent to identify the person (ID number masked, employee number, or face id). */
    subject: text(),
    snapshotPath: text(),
    dedupKey: text().notNull(),
    receivedAt: tz().notNull().defaultNow(),
  },
  (t) => [
    // The key hashed to 16 bytes: a fifth of the text index, so it stays in memory as the table grows.
    uniqueIndex("workforce_access_events_dedup_uq").using("btree", sql`(md5(${t.dedupKey})::uuid)`),
    index("workforce_access_events_project_ts_idx").on(t.projectId, t.ts),
  ],
);

/**
 * One row per person, project and day (Asia/Shanghai): first in, last out, passages and the last
 * direction — the live headcount is "last direction today is in", so a missing "out" ends at midnight.
 */
export const workforceAttendanceDays = pgTable(
  "workforce_attendance_days",
  {
    projectId: uuid().notNull(),
    personId: uuid().notNull(),
    day: date({ mode: "string" }).notNull(),
    workerId: uuid(),
    firstIn: tz(),
    lastOut: tz(),
    lastTs: tz().notNull(),
    lastDirection: text().notNull(),
    passages: integer().notNull().default(0),
  },
  (t) => [uniqueIndex("workforce_attendance_days_pk").on(t.projectId, t.personId, t.day), index("workforce_attendance_days_day_idx").on(t.day, t.projectId)],
);

/** 农民工工资专用账户 of a project. */
export const workforceWageAccounts = pgTable("workforce_wage_accounts", {
  projectId: uuid()
    .primaryKey()
    .references(projectKey),
  bankName: text().notNull(),
  accountName: text().notNull(),
  accountNo: text().notNull(),
  openedOn: date({ mode: "string" }).notNull(),
  ...timestamps,
});

/** Monthly pay of a worker (工资发放): 应发 gross, 实发 net, paid date and bank reference. */
export const workforcePayrolls = pgTable(
  "workforce_payrolls",
  {
    id: uuid().primaryKey().defaultRandom(),
    workerId: uuid()
      .notNull()
      .references(() => workforceWorkers.id),
    projectId: uuid().notNull(),
    month: text().notNull(),
    days: integer(),
    gross: numeric({ precision: 12, scale: 2 }).notNull(),
    net: numeric({ precision: 12, scale: 2 }).notNull(),
    paidOn: date({ mode: "string" }),
    bankRef: text(),
    status: text().notNull().default("unpaid"),
    ...timestamps,
  },
  (t) => [uniqueIndex("workforce_payrolls_worker_month_uq").on(t.workerId, t.month), index("workforce_payrolls_project_month_idx").on(t.projectId, t.month)],
);
