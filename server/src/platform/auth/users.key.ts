import { pgTable, uuid } from "drizzle-orm/pg-core";

/**
 * The users table as platform/auth knows it: a key and nothing else. The table is the identity module's
 * (modules/identity/schema.ts); sessions and API tokens keep their foreign keys into it (`references`),
 * and platform imports no module. Not a schema file: drizzle-kit takes the table from identity's.
 */
export const usersKey = pgTable("auth_users", { id: uuid().primaryKey() });
