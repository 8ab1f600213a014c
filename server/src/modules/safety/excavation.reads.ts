import { and, notInArray, inArray, sql } from "drizzle-orm";
import { QueryBuilder } from "drizzle-orm/pg-core";
import { EXCAVATION_CATEGORIES } from "@contracts/safety/dangerous-works";
import { safetyDangerousWorks as W } from "./schema.js";

const qb = new QueryBuilder({ casing: "snake_case" });

/** Works past these states have finished digging. */
const DIGGING_DONE = ["acceptance", "accepted", "closed"];

/**
 * Excavation 危大 works still to dig, each with whether the gas company's clearance is on record, for the gas
 * pipelines module's site ↔ pipeline linkage: a read-only view for its joins and filters (a subquery
 * PostgreSQL pulls up; see registry.reads.ts).
 */
export const openExcavationsView = (alias = "w") =>
  qb
    .select({ id: W.id, projectId: W.projectId, cleared: sql<boolean>`${W.gasClearance} is not null`.as("cleared") })
    .from(W)
    .where(and(inArray(W.category, [...EXCAVATION_CATEGORIES]), notInArray(W.state, DIGGING_DONE)))
    .as(alias);
