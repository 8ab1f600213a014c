import { QueryBuilder } from "drizzle-orm/pg-core";
import { casesCases as C } from "./schema.js";

const qb = new QueryBuilder({ casing: "snake_case" });

/**
 * Cases as the modules that open them read them back beside their own records (a hazard's or a leak's case
 * number, state and grade): a read-only view for their joins, filters and sorts (a subquery PostgreSQL pulls
 * up, so a list joining it keeps its plan; see registry.reads.ts).
 */
export const casesView = (alias = "c") => qb.select({ id: C.id, no: C.no, state: C.state, grade: C.grade }).from(C).as(alias);
