import { boolean, doublePrecision, index, integer, pgTable, primaryKey, text, uuid } from "drizzle-orm/pg-core";
import { tz } from "../shared/index.js";

/** The detection vehicle's drive: each reading with its position and the rolling background it was judged against. */
export const gasDetectorReadings = pgTable(
  "gas_detector_readings",
  {
    deviceId: uuid().notNull(),
    ts: tz().notNull(),
    lat: doublePrecision().notNull(),
    lng: doublePrecision().notNull(),
    ch4Ppm: doublePrecision().notNull(),
    backgroundPpm: doublePrecision().notNull(),
  },
  (t) => [primaryKey({ columns: [t.deviceId, t.ts] }), index("gas_detector_readings_ts_idx").on(t.ts)],
);

/**
 * 疑似泄漏点 → 确认泄漏: a vehicle reading ≥ 10 ppm over the background becomes a suspect; a handheld re-check
 * at ≥ 1 % LEL (or the enclosed-space levels) confirms it and opens an urgent case; a re-check below clears it.
 * `state`: suspect | confirmed | cleared; `level`: the highest threshold reached.
 */
export const gasLeakPoints = pgTable(
  "gas_leak_points",
  {
    id: uuid().primaryKey().defaultRandom(),
    enterpriseId: uuid().notNull(),
    /** The vehicle (an iot device; a plain id: foreign keys point only into the registry). The detector records a point only for a device the IoT registry knows. */
    deviceId: uuid(),
    detectedAt: tz().notNull(),
    /** The newest reading merged into this point: later suspects within the merge distance and window join it. */
    lastDetectedAt: tz().notNull(),
    /** How many suspect readings were merged into this point. */
    readings: integer().notNull().default(1),
    lat: doublePrecision().notNull(),
    lng: doublePrecision().notNull(),
    ppm: doublePrecision().notNull(),
    backgroundPpm: doublePrecision().notNull(),
    state: text().notNull().default("suspect"),
    level: text().notNull().default("suspect"),
    recheckPpm: doublePrecision(),
    recheckAt: tz(),
    recheckEnclosed: boolean(),
    recheckBy: text(),
    recheckNote: text(),
    /** The nearest main when detected (a pipelines id, plain for the same reason); the pipelines module deletes no main a point names (pipeline.port.ts). */
    pipelineId: uuid(),
    pipelineDistanceM: doublePrecision(),
    caseId: uuid(),
    createdAt: tz().notNull().defaultNow(),
    updatedAt: tz().notNull().defaultNow(),
  },
  (t) => [index("gas_leak_points_enterprise_idx").on(t.enterpriseId, t.state, t.detectedAt), index("gas_leak_points_device_idx").on(t.deviceId, t.detectedAt)],
);
