import { sql } from "drizzle-orm";
import { bigint, bigserial, boolean, check, doublePrecision, index, integer, jsonb, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { enterpriseKey, projectKey } from "../registry/index.js";

const tz = () => timestamp({ withTimezone: true });

/** 设备台账: one row per smart-site device; the secret is kept only as its SHA-256. */
export const iotDevices = pgTable(
  "iot_devices",
  {
    id: uuid().primaryKey().defaultRandom(),
    /** The site the device stands on; null for a device that moves about the city (the gas-detection vehicle), owned by `enterpriseId`. */
    projectId: uuid().references(projectKey),
    /** The owning enterprise of a device not on a site (a gas company's detection vehicle). */
    enterpriseId: uuid().references(enterpriseKey),
    type: text().notNull(),
    code: text().notNull(),
    name: text().notNull(),
    model: text(),
    vendor: text(),
    location: text(),
    reportIntervalS: integer().notNull().default(60),
    equipmentRef: text(),
    streamUrl: text(),
    secretHash: text().notNull(),
    /**
     * MD5(code:sitecloud:secret), the HA1 of HTTP Digest (RFC 7616) for gate terminals that can only push
     * with Digest. As sensitive as the secret for that one realm; set with the secret, null until then.
     */
    digestHa1: text(),
    secretRotatedAt: tz().notNull().defaultNow(),
    enabled: boolean().notNull().default(true),
    online: boolean().notNull().default(false),
    lastSeenAt: tz(),
    rejectedCount: bigint({ mode: "number" }).notNull().default(0),
    rejections: jsonb().$type<Record<string, number>>().notNull().default({}),
    lastRejectedAt: tz(),
    lastRejectedReason: text(),
    createdAt: tz().notNull().defaultNow(),
    updatedAt: tz().notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex("iot_devices_code_uq").on(t.code),
    index("iot_devices_project_idx").on(t.projectId, t.type),
    index("iot_devices_last_seen_idx").on(t.lastSeenAt),
    check("iot_devices_owner_ck", sql`project_id is not null or enterprise_id is not null`),
  ],
);

/** The newest value of each metric of each device, for live views. */
export const iotLatest = pgTable(
  "iot_latest",
  {
    deviceId: uuid().notNull(),
    metric: text().notNull(),
    ts: tz().notNull(),
    value: doublePrecision().notNull(),
  },
  (t) => [primaryKey({ columns: [t.deviceId, t.metric] })],
);

/** Rollup columns; `energySum` is Σ10^(L/10) for dB metrics (Leq), null for the others. */
const rollupColumns = () => ({
  deviceId: uuid().notNull(),
  metric: text().notNull(),
  bucket: tz().notNull(),
  min: doublePrecision().notNull(),
  max: doublePrecision().notNull(),
  sum: doublePrecision().notNull(),
  count: integer().notNull(),
  energySum: doublePrecision(),
});

export const iotRollup1m = pgTable("iot_rollup_1m", rollupColumns(), (t) => [primaryKey({ columns: [t.deviceId, t.metric, t.bucket] })]);
export const iotRollup1h = pgTable("iot_rollup_1h", rollupColumns(), (t) => [primaryKey({ columns: [t.deviceId, t.metric, t.bucket] })]);

/** Alarm rules as data: one row per version of (code, region); the version in force has effective_to null or later. */
export const iotRules = pgTable(
  "iot_rules",
  {
    id: uuid().primaryKey().defaultRandom(),
    code: text().notNull(),
    name: text().notNull(),
    deviceType: text().notNull(),
    region: text().notNull(),
    version: integer().notNull(),
    kind: text().notNull(),
    metric: text(),
    aggregation: text().notNull().default("last"),
    windowS: integer().notNull().default(0),
    direction: text().notNull().default("above"),
    levels: jsonb().$type<{ severity: string; threshold: number }[]>().notNull().default([]),
    hysteresis: doublePrecision().notNull().default(0),
    period: text().notNull().default("all"),
    missedIntervals: integer(),
    action: text(),
    source: text().notNull(),
    enabled: boolean().notNull().default(true),
    effectiveFrom: tz().notNull().defaultNow(),
    effectiveTo: tz(),
    createdAt: tz().notNull().defaultNow(),
    createdBy: text(),
  },
  (t) => [uniqueIndex("iot_rules_version_uq").on(t.code, t.region, t.version)],
);

export const iotAlarms = pgTable(
  "iot_alarms",
  {
    id: uuid().primaryKey().defaultRandom(),
    projectId: uuid()
      .notNull()
      .references(projectKey),
    deviceId: uuid()
      .notNull()
      .references(() => iotDevices.id),
    ruleId: uuid().references(() => iotRules.id),
    ruleCode: text().notNull(),
    ruleName: text().notNull(),
    metric: text(),
    severity: text().notNull(),
    value: doublePrecision(),
    peakValue: doublePrecision(),
    threshold: doublePrecision(),
    count: integer().notNull().default(1),
    startedAt: tz().notNull().defaultNow(),
    lastAt: tz().notNull().defaultNow(),
    ackedAt: tz(),
    ackedBy: text(),
    clearedAt: tz(),
    clearedBy: text(),
    assigneeId: uuid(),
    assigneeName: text(),
  },
  (t) => [
    // One active alarm per device and rule: repeats update it (count, latest value) instead of piling up.
    uniqueIndex("iot_alarms_active_uq").on(t.deviceId, t.ruleCode).where(sql`cleared_at is null`),
    index("iot_alarms_project_idx").on(t.projectId, t.startedAt),
    index("iot_alarms_started_idx").on(t.startedAt),
    index("iot_alarms_open_idx").on(t.severity).where(sql`cleared_at is null or acked_at is null`),
  ],
);

export const iotAlarmEvents = pgTable(
  "iot_alarm_events",
  {
    id: bigserial({ mode: "number" }).primaryKey(),
    alarmId: uuid()
      .notNull()
      .references(() => iotAlarms.id),
    kind: text().notNull(),
    at: tz().notNull().defaultNow(),
    actorId: uuid(),
    actorName: text(),
    severity: text(),
    value: doublePrecision(),
    note: text(),
  },
  (t) => [index("iot_alarm_events_alarm_idx").on(t.alarmId, t.id)],
);

export const iotCommands = pgTable(
  "iot_commands",
  {
    id: uuid().primaryKey().defaultRandom(),
    deviceId: uuid()
      .notNull()
      .references(() => iotDevices.id),
    projectId: uuid().notNull(),
    name: text().notNull(),
    params: jsonb().$type<Record<string, unknown>>().notNull().default({}),
    source: text().notNull(),
    operatorId: uuid(),
    operatorName: text(),
    alarmId: uuid(),
    status: text().notNull().default("pending"),
    attempts: integer().notNull().default(0),
    createdAt: tz().notNull().defaultNow(),
    sentAt: tz(),
    ackedAt: tz(),
    expiresAt: tz().notNull(),
    result: jsonb(),
  },
  (t) => [
    index("iot_commands_device_idx").on(t.deviceId, t.createdAt),
    index("iot_commands_project_idx").on(t.projectId, t.createdAt),
    index("iot_commands_open_idx").on(t.status).where(sql`status in ('pending', 'sent')`),
  ],
);
