import { integer, jsonb, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";

/** Long-running work (imports) with progress any process can report. */
export const platformJobs = pgTable("platform_jobs", {
  id: uuid().primaryKey().defaultRandom(),
  kind: text().notNull(),
  ownerId: uuid(),
  status: text().notNull().default("running"),
  total: integer().notNull().default(0),
  done: integer().notNull().default(0),
  result: jsonb(),
  error: jsonb(),
  createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  finishedAt: timestamp({ withTimezone: true }),
});
