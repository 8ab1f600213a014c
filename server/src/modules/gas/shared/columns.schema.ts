import { timestamp } from "drizzle-orm/pg-core";

/** Column helpers the gas schema files share. */
export const tz = () => timestamp({ withTimezone: true });
export const timestamps = () => ({
  createdAt: tz().notNull().defaultNow(),
  updatedAt: tz().notNull().defaultNow(),
});
