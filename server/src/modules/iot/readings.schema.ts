import { doublePrecision, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";

/**
 * The partitioned raw-readings table, for typed queries only: it is created by the hand-written
 * migration 0003_iot_readings.sql (drizzle-kit cannot partition), so this file is deliberately not
 * named schema.ts and stays outside drizzle-kit's schema globs.
 */
export const iotReadings = pgTable("iot_readings", {
  deviceId: uuid().notNull(),
  metric: text().notNull(),
  ts: timestamp({ withTimezone: true }).notNull(),
  value: doublePrecision().notNull(),
});
