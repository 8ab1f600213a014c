import { boolean, pgTable, primaryKey, text, timestamp, uuid } from "drizzle-orm/pg-core";

/**
 * Users and the projects a project user is bound to. Their sessions, API tokens and login throttle are
 * platform/auth's, which reads users only through this module's directory (user-directory.reads.ts). The tables
 * keep the auth_ prefix they were created with. Enterprise and project ids are references into the registry
 * without foreign keys; the identity module checks them when a user is created or changed (user.checks.ts).
 */
export const authUsers = pgTable("auth_users", {
  id: uuid().primaryKey().defaultRandom(),
  username: text().notNull().unique(),
  displayName: text().notNull(),
  passwordHash: text().notNull(),
  role: text().notNull(),
  domain: text(),
  enterpriseId: uuid(),
  isActive: boolean().notNull().default(true),
  lastLoginAt: timestamp({ withTimezone: true }),
  createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
});

export const authUserProjects = pgTable(
  "auth_user_projects",
  {
    userId: uuid().notNull().references(() => authUsers.id, { onDelete: "cascade" }),
    projectId: uuid().notNull(),
  },
  (t) => [primaryKey({ columns: [t.userId, t.projectId] })],
);

