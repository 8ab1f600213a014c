import { date, doublePrecision, index, jsonb, numeric, pgTable, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import type { EnterpriseIdentity, EnterpriseIdentityChange } from "@contracts/registry/enterprise-change";

const timestamps = {
  createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
};

export const registryEnterprises = pgTable(
  "registry_enterprises",
  {
    id: uuid().primaryKey().defaultRandom(),
    name: text().notNull(),
    creditCode: text().notNull().unique(),
    type: text().notNull(),
    legalRep: text().notNull(),
    address: text().notNull().default(""),
    district: text(),
    contactName: text(),
    contactPhone: text(),
    status: text().notNull().default("normal"),
    ...timestamps,
  },
  (t) => [
    index("registry_enterprises_type_idx").on(t.type),
    index("registry_enterprises_name_idx").on(t.name),
    index("registry_enterprises_updated_idx").on(t.updatedAt),
  ],
);

export const registryQualifications = pgTable(
  "registry_qualifications",
  {
    id: uuid().primaryKey().defaultRandom(),
    enterpriseId: uuid()
      .notNull()
      .references(() => registryEnterprises.id, { onDelete: "cascade" }),
    category: text().notNull(),
    grade: text().notNull(),
    certNo: text().notNull(),
    issuedOn: date({ mode: "string" }),
    expiresOn: date({ mode: "string" }).notNull(),
    ...timestamps,
  },
  (t) => [index("registry_qualifications_enterprise_idx").on(t.enterpriseId), uniqueIndex("registry_qualifications_cert_no_uq").on(t.certNo)],
);

/**
 * 企业信息变更申请: an enterprise's own user proposes new identity fields (name, credit code, type, legal
 * representative, qualifications); the bureau approves (applied then) or rejects. `base` is the identity
 * when filed: once the enterprise's identity differs from it the request is stale and cannot be approved.
 * Users are ids without foreign keys (foreign keys point only into the registry), their names kept for the record.
 */
export const registryEnterpriseChangeRequests = pgTable(
  "registry_enterprise_change_requests",
  {
    id: uuid().primaryKey().defaultRandom(),
    enterpriseId: uuid()
      .notNull()
      .references(() => registryEnterprises.id, { onDelete: "cascade" }),
    state: text().notNull().default("pending"),
    proposed: jsonb().$type<EnterpriseIdentityChange>().notNull(),
    base: jsonb().$type<EnterpriseIdentity>().notNull(),
    reason: text().notNull(),
    requestedBy: uuid(),
    requestedByName: text().notNull(),
    note: text(),
    decidedBy: uuid(),
    decidedByName: text(),
    decidedAt: timestamp({ withTimezone: true }),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index("registry_change_requests_enterprise_idx").on(t.enterpriseId, t.createdAt),
    index("registry_change_requests_state_idx").on(t.state, t.createdAt),
  ],
);

export const registryPersons = pgTable(
  "registry_persons",
  {
    id: uuid().primaryKey().defaultRandom(),
    name: text().notNull(),
    idNumber: text().notNull().unique(),
    gender: text().notNull(),
    birthDate: date({ mode: "string" }).notNull(),
    mobile: text(),
    employerId: uuid().references(() => registryEnterprises.id, { onDelete: "set null" }),
    status: text().notNull().default("active"),
    ...timestamps,
  },
  (t) => [
    index("registry_persons_employer_idx").on(t.employerId),
    index("registry_persons_name_idx").on(t.name),
    index("registry_persons_updated_idx").on(t.updatedAt),
  ],
);

export const registryCertificates = pgTable(
  "registry_certificates",
  {
    id: uuid().primaryKey().defaultRandom(),
    personId: uuid()
      .notNull()
      .references(() => registryPersons.id, { onDelete: "cascade" }),
    kind: text().notNull(),
    specialty: text(),
    level: text(),
    certNo: text().notNull(),
    issuedOn: date({ mode: "string" }),
    expiresOn: date({ mode: "string" }).notNull(),
    ...timestamps,
  },
  (t) => [index("registry_certificates_person_idx").on(t.personId), uniqueIndex("registry_certificates_kind_no_uq").on(t.kind, t.certNo)],
);

export const registryProjects = pgTable(
  "registry_projects",
  {
    id: uuid().primaryKey().defaultRandom(),
    code: text().notNull().unique(),
    name: text().notNull(),
    type: text().notNull(),
    district: text().notNull(),
    address: text().notNull().default(""),
    lng: doublePrecision(),
    lat: doublePrecision(),
    areaM2: numeric({ precision: 14, scale: 2, mode: "number" }),
    contractValueWan: numeric({ precision: 14, scale: 2, mode: "number" }),
    /** 施工合同签订日期: the wage special account must be opened within 30 days of it. */
    contractSignedOn: date({ mode: "string" }),
    permitNo: text(),
    plannedStart: date({ mode: "string" }),
    plannedEnd: date({ mode: "string" }),
    actualStart: date({ mode: "string" }),
    actualEnd: date({ mode: "string" }),
    status: text().notNull().default("approved"),
    ...timestamps,
  },
  (t) => [
    index("registry_projects_status_idx").on(t.status),
    index("registry_projects_district_idx").on(t.district),
    index("registry_projects_type_idx").on(t.type),
    index("registry_projects_updated_idx").on(t.updatedAt),
  ],
);

export const registryProjectParticipants = pgTable(
  "registry_project_participants",
  {
    id: uuid().primaryKey().defaultRandom(),
    projectId: uuid()
      .notNull()
      .references(() => registryProjects.id, { onDelete: "cascade" }),
    enterpriseId: uuid()
      .notNull()
      .references(() => registryEnterprises.id),
    role: text().notNull(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex("registry_participants_uq").on(t.projectId, t.enterpriseId, t.role),
    index("registry_participants_enterprise_idx").on(t.enterpriseId),
  ],
);

/** A key post (项目经理, 总监 …) held by a person on a project; `endedOn` null means currently held. */
export const registryProjectPosts = pgTable(
  "registry_project_posts",
  {
    id: uuid().primaryKey().defaultRandom(),
    projectId: uuid()
      .notNull()
      .references(() => registryProjects.id, { onDelete: "cascade" }),
    personId: uuid()
      .notNull()
      .references(() => registryPersons.id),
    enterpriseId: uuid()
      .notNull()
      .references(() => registryEnterprises.id),
    post: text().notNull(),
    startedOn: date({ mode: "string" }).notNull(),
    endedOn: date({ mode: "string" }),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("registry_posts_project_idx").on(t.projectId), index("registry_posts_person_idx").on(t.personId)],
);
