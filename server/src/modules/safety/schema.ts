import { bigserial, date, doublePrecision, index, integer, jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { enterpriseKey, personKey, projectKey } from "../registry/index.js";

const tz = () => timestamp({ withTimezone: true });
const timestamps = {
  createdAt: tz().notNull().defaultNow(),
  updatedAt: tz().notNull().defaultNow(),
};

/**
 * 危大工程: one dangerous sub-divisional work of a project. `params` are the declared measures (depth_m,
 * height_m, span_m, load_kn_m2 …); `level` (none | weida | chaoweida) is derived from them by the
 * versioned 建办质〔2018〕31号 rule at save time, with `levelClauses` naming the rows that matched.
 * `state` follows the 37号令 workflow; `gasClearance` records the gas company's clearance an excavation
 * near a gas main needs before it may start.
 */
export const safetyDangerousWorks = pgTable(
  "safety_dangerous_works",
  {
    id: uuid().primaryKey().defaultRandom(),
    projectId: uuid()
      .notNull()
      .references(projectKey),
    category: text().notNull(),
    name: text().notNull(),
    location: text().notNull().default(""),
    params: jsonb().$type<Record<string, number | boolean | string>>().notNull().default({}),
    level: text().notNull(),
    levelClauses: jsonb().$type<string[]>().notNull().default([]),
    state: text().notNull().default("identified"),
    revision: integer().notNull().default(1),
    plannedStart: date({ mode: "string" }),
    plannedEnd: date({ mode: "string" }),
    authorName: text(),
    /** A specialty subcontractor that drafted the scheme; its technical lead signs each revision first. */
    drafterEnterpriseId: uuid().references(enterpriseKey),
    /** The revision the drafting subcontractor last signed. */
    drafterSignedRevision: integer(),
    gasClearance: jsonb().$type<{ enterpriseId: string; refNo: string; at: string; by: string }>(),
    ...timestamps,
  },
  (t) => [index("safety_works_project_idx").on(t.projectId), index("safety_works_state_idx").on(t.state, t.updatedAt)],
);

/** The timeline of a 危大 work: every step, sign-off and refusal reason. */
export const safetyDangerousWorkEvents = pgTable(
  "safety_dangerous_work_events",
  {
    id: bigserial({ mode: "number" }).primaryKey(),
    workId: uuid()
      .notNull()
      .references(() => safetyDangerousWorks.id),
    at: tz().notNull().defaultNow(),
    actorId: uuid(),
    actorName: text().notNull(),
    action: text().notNull(),
    fromState: text(),
    toState: text(),
    note: text().notNull().default(""),
    data: jsonb(),
  },
  (t) => [index("safety_work_events_work_idx").on(t.workId, t.at)],
);

/** The government expert pool (专家库) for 超危大 scheme reviews. */
export const safetyExperts = pgTable(
  "safety_experts",
  {
    id: uuid().primaryKey().defaultRandom(),
    personId: uuid()
      .notNull()
      .references(personKey),
    enterpriseId: uuid().references(enterpriseKey),
    specialty: text().notNull(),
    title: text().notNull(),
    years: integer().notNull(),
    active: integer().notNull().default(1),
    ...timestamps,
  },
  (t) => [uniqueIndex("safety_experts_person_uq").on(t.personId)],
);

/** An expert review (专家论证) of a 超危大 scheme: ≥ 5 experts, none from the project's units. */
export const safetyExpertReviews = pgTable(
  "safety_expert_reviews",
  {
    id: uuid().primaryKey().defaultRandom(),
    workId: uuid()
      .notNull()
      .references(() => safetyDangerousWorks.id),
    revision: integer().notNull(),
    expertIds: uuid().array().notNull(),
    heldOn: date({ mode: "string" }).notNull(),
    verdict: text().notNull(),
    opinion: text().notNull().default(""),
    createdAt: tz().notNull().defaultNow(),
  },
  (t) => [index("safety_reviews_work_idx").on(t.workId)],
);

/**
 * Documents archived with a work (scheme of each revision, expert report, briefings, site notice, monitoring,
 * acceptance, emergency records). `path` is the FileStore's generated path; `fileName` the uploader's name,
 * for display and the download's name only. Never deleted: the archive is the point.
 */
export const safetyDangerousWorkFiles = pgTable(
  "safety_dangerous_work_files",
  {
    id: uuid().primaryKey().defaultRandom(),
    workId: uuid()
      .notNull()
      .references(() => safetyDangerousWorks.id),
    kind: text().notNull(),
    revision: integer().notNull(),
    fileName: text().notNull(),
    path: text().notNull(),
    contentType: text().notNull(),
    size: integer().notNull(),
    sha256: text().notNull(),
    uploadedById: uuid(),
    uploadedBy: text().notNull(),
    uploadedAt: tz().notNull().defaultNow(),
  },
  (t) => [index("safety_work_files_work_idx").on(t.workId, t.kind, t.revision)],
);

/**
 * Special equipment (起重机械): tower cranes and hoists with 产权备案号, 使用登记, inspection validity.
 * `deviceId` links the crane's IoT monitor (an id, not a foreign key: IoT is another module).
 */
export const safetyEquipment = pgTable(
  "safety_equipment",
  {
    id: uuid().primaryKey().defaultRandom(),
    projectId: uuid()
      .notNull()
      .references(projectKey),
    kind: text().notNull(),
    recordNo: text().notNull(),
    model: text().notNull(),
    manufacturer: text().notNull().default(""),
    ratedCapacityT: doublePrecision().notNull(),
    ownerEnterpriseId: uuid().references(enterpriseKey),
    installerEnterpriseId: uuid().references(enterpriseKey),
    installedOn: date({ mode: "string" }),
    inspectionValidTo: date({ mode: "string" }),
    useRegistrationNo: text(),
    deviceId: uuid(),
    status: text().notNull().default("in_use"),
    ...timestamps,
  },
  (t) => [uniqueIndex("safety_equipment_record_uq").on(t.recordNo), index("safety_equipment_project_idx").on(t.projectId)],
);

/** Certified operators (司机/信号司索工) assigned to a piece of equipment. */
export const safetyEquipmentOperators = pgTable(
  "safety_equipment_operators",
  {
    id: uuid().primaryKey().defaultRandom(),
    equipmentId: uuid()
      .notNull()
      .references(() => safetyEquipment.id, { onDelete: "cascade" }),
    personId: uuid()
      .notNull()
      .references(personKey),
    role: text().notNull(),
    createdAt: tz().notNull().defaultNow(),
  },
  (t) => [uniqueIndex("safety_operators_uq").on(t.equipmentId, t.personId, t.role), index("safety_operators_person_idx").on(t.personId)],
);

