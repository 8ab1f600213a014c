import { integer, jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";

/**
 * The versioned rule table: every threshold the platform judges by (危大 limits, presence rates, case
 * deadlines, witness shares, leak levels …) is a row keyed by (code, region, version) with its effective
 * instants and source. Region `CN` holds national defaults; a city row (e.g. `330784`) overrides it. The
 * value is a JSON document whose shape the owning module validates with zod. Device alarm rules keep
 * their own richer table (`iot_rules`: aggregation windows, day/night periods) in the same vocabulary:
 * the same regions and the same half-open [effective_from, effective_to) timestamptz (contracts/platform/rules).
 */
export const platformRules = pgTable(
  "platform_rules",
  {
    id: uuid().primaryKey().defaultRandom(),
    code: text().notNull(),
    region: text().notNull(),
    version: integer().notNull(),
    name: text().notNull(),
    value: jsonb().notNull(),
    source: text().notNull(),
    effectiveFrom: timestamp({ withTimezone: true }).notNull(),
    effectiveTo: timestamp({ withTimezone: true }),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    createdBy: text(),
  },
  (t) => [uniqueIndex("platform_rules_version_uq").on(t.code, t.region, t.version)],
);
