import { date, index, integer, jsonb, pgTable, primaryKey, text, timestamp, uuid } from "drizzle-orm/pg-core";
import type { RiskFactorDto } from "@contracts/risk/risk";
import { projectKey } from "../registry/index.js";

const tz = () => timestamp({ withTimezone: true });

/**
 * 项目风险指数 snapshots: one row per live project and day (Asia/Shanghai), rewritten whenever the city is
 * recomputed that day (hourly, and within a minute of a contributing event), so the last row of a day is the
 * day's score and the rows before it are the history. `factors` keeps the explanation as it was.
 */
export const riskSnapshots = pgTable(
  "risk_snapshots",
  {
    projectId: uuid()
      .notNull()
      .references(projectKey),
    day: date({ mode: "string" }).notNull(),
    score: integer().notNull(),
    level: text().notNull(),
    factors: jsonb().$type<RiskFactorDto[]>().notNull(),
    /** The risk.index rule version the score was made under. */
    ruleVersion: integer().notNull(),
    computedAt: tz().notNull(),
  },
  (t) => [primaryKey({ columns: [t.projectId, t.day] }), index("risk_snapshots_day_score_idx").on(t.day, t.score)],
);
