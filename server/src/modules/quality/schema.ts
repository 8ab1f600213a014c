import { index, jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { projectKey } from "../registry/index.js";

const tz = () => timestamp({ withTimezone: true });

/** One party's sign-off on a milestone acceptance. */
export interface AcceptanceSignoff {
  role: string;
  enterpriseId: string;
  signerName: string;
  opinion: string;
  signedAt: string;
}

/**
 * Milestone acceptance (分部/竣工验收: 地基与基础, 主体结构, 竣工验收) with each party's sign-off; it is
 * refused while major (重大) findings of the project are open. State: open → accepted (all required
 * parties signed) | refused.
 */
export const qualityAcceptances = pgTable(
  "quality_acceptances",
  {
    id: uuid().primaryKey().defaultRandom(),
    projectId: uuid()
      .notNull()
      .references(projectKey),
    milestone: text().notNull(),
    state: text().notNull().default("open"),
    plannedOn: text(),
    signoffs: jsonb().$type<AcceptanceSignoff[]>().notNull().default([]),
    refusedReason: text(),
    acceptedAt: tz(),
    createdAt: tz().notNull().defaultNow(),
    updatedAt: tz().notNull().defaultNow(),
  },
  (t) => [uniqueIndex("quality_acceptances_uq").on(t.projectId, t.milestone), index("quality_acceptances_state_idx").on(t.state)],
);
