import { sql } from "drizzle-orm";
import { date, doublePrecision, index, integer, jsonb, pgTable, primaryKey, text, uuid } from "drizzle-orm/pg-core";
import { enterpriseKey, personKey, projectKey } from "../../registry/index.js";
import { timestamps, tz } from "../shared/index.js";

/** [lng, lat] in WGS-84, the GeoJSON order. */
export type LngLat = [number, number];

/**
 * 燃气管线: one line of the network as a GeoJSON LineString (`coordinates`), with its pressure class
 * (low | medium | sub_high | high), material, laying year and owner. The bounding box is kept as columns so
 * "which mains pass near this point" prefilters by index before the exact distance.
 */
export const gasPipelines = pgTable(
  "gas_pipelines",
  {
    id: uuid().primaryKey().defaultRandom(),
    enterpriseId: uuid()
      .notNull()
      .references(enterpriseKey),
    code: text().notNull().unique(),
    name: text().notNull(),
    pressureClass: text().notNull(),
    material: text().notNull(),
    diameterMm: integer(),
    laidOn: date({ mode: "string" }),
    coordinates: jsonb().$type<LngLat[]>().notNull(),
    lengthM: doublePrecision().notNull(),
    minLat: doublePrecision().notNull(),
    maxLat: doublePrecision().notNull(),
    minLng: doublePrecision().notNull(),
    maxLng: doublePrecision().notNull(),
    ...timestamps(),
  },
  (t) => [index("gas_pipelines_enterprise_idx").on(t.enterpriseId, t.pressureClass), index("gas_pipelines_bbox_idx").on(t.minLat, t.maxLat, t.minLng, t.maxLng)],
);

/** 巡线计划: which lines (by pressure class or by id) are patrolled how often. */
export const gasPatrolPlans = pgTable("gas_patrol_plans", {
  id: uuid().primaryKey().defaultRandom(),
  enterpriseId: uuid()
    .notNull()
    .references(enterpriseKey),
  name: text().notNull(),
  pressureClasses: text().array().notNull().default(sql`'{}'::text[]`),
  pipelineIds: uuid().array().notNull().default(sql`'{}'::uuid[]`),
  intervalDays: integer().notNull(),
  active: integer().notNull().default(1),
  ...timestamps(),
});

/** One patrol: its GPS track and the share of the plan's lines it came within the coverage distance of. */
export const gasPatrols = pgTable(
  "gas_patrols",
  {
    id: uuid().primaryKey().defaultRandom(),
    planId: uuid().references(() => gasPatrolPlans.id),
    enterpriseId: uuid().notNull(),
    patrollerId: uuid().references(personKey),
    patrollerName: text().notNull(),
    startedAt: tz().notNull(),
    endedAt: tz(),
    /** [lng, lat, epoch ms] points. */
    track: jsonb().$type<[number, number, number][]>().notNull().default([]),
    plannedLengthM: doublePrecision().notNull().default(0),
    coveredLengthM: doublePrecision().notNull().default(0),
    coveragePct: doublePrecision().notNull().default(0),
    /** Per pipeline: {pipelineId: coveredM}. */
    coverage: jsonb().$type<Record<string, number>>().notNull().default({}),
    createdAt: tz().notNull().defaultNow(),
  },
  (t) => [index("gas_patrols_enterprise_idx").on(t.enterpriseId, t.startedAt), index("gas_patrols_plan_idx").on(t.planId, t.startedAt)],
);

/** A hazard found on patrol (third-party digging, exposed pipe, leak smell, …); opens a case through the one loop. */
export const gasPatrolHazards = pgTable(
  "gas_patrol_hazards",
  {
    id: uuid().primaryKey().defaultRandom(),
    enterpriseId: uuid().notNull(),
    patrolId: uuid().references(() => gasPatrols.id),
    pipelineId: uuid().references(() => gasPipelines.id),
    kind: text().notNull(),
    lat: doublePrecision().notNull(),
    lng: doublePrecision().notNull(),
    description: text().notNull().default(""),
    photoIds: text().array().notNull().default(sql`'{}'::text[]`),
    foundAt: tz().notNull(),
    caseId: uuid(),
    createdAt: tz().notNull().defaultNow(),
  },
  (t) => [index("gas_patrol_hazards_enterprise_idx").on(t.enterpriseId, t.foundAt)],
);

/**
 * 工地—管线联动: a construction project whose site lies within the linkage distance of a medium-pressure
 * or higher main. Recomputed when a pipeline or a project's location changes, or the distance rule does.
 */
export const gasSiteLinks = pgTable(
  "gas_site_links",
  {
    projectId: uuid()
      .notNull()
      .references(projectKey),
    pipelineId: uuid()
      .notNull()
      .references(() => gasPipelines.id),
    distanceM: doublePrecision().notNull(),
    computedAt: tz().notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.projectId, t.pipelineId] }), index("gas_site_links_pipeline_idx").on(t.pipelineId)],
);
