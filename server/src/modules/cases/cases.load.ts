import { and, eq, gte, inArray, lt, sql } from "drizzle-orm";
import type { Executor } from "../../platform/db/client.js";
import { bulkLoader, type LoaderRows } from "../../platform/db/copy.js";
import { CASE_NO_PREFIX } from "./case-number.queries.js";
import { casesCases, casesEvents, casesInspections, casesInspectorConflicts, casesRandomPlans, casesTemplates, type TemplateItem } from "./schema.js";
import { MAJOR_HAZARD_TEMPLATE_CODE, QUALITY_TEMPLATE_CODE } from "./template.defaults.js";

const tables = {
  inspections: casesInspections,
  cases: casesCases,
  events: casesEvents,
  randomPlans: casesRandomPlans,
  inspectorConflicts: casesInspectorConflicts,
};

/**
 * The seed's way into the cases tables: COPY of typed rows (platform/db/copy.ts), the tables staying private.
 * A year of inspections and their cases written through `openCase` one by one would take minutes; the rows
 * the seed writes here are the ones the verbs would have written.
 */
export const loadCasesRows = bulkLoader(tables);

/** A row of each table `loadCasesRows` fills, by its key. */
export type CasesRows = LoaderRows<typeof tables>;

/** Whether any inspection is on file: the seed writes its supervision year only into a database without one. */
export async function hasInspections(executor: Executor): Promise<boolean> {
  return (await executor.select({ id: casesInspections.id }).from(casesInspections).limit(1)).length > 0;
}

/** The two default checklists (version 1) the seed's inspections fill in, once ensureDefaultTemplates has filed them. */
export async function defaultChecklists(executor: Executor): Promise<Record<"safety" | "quality", { id: string; code: string; items: TemplateItem[] }>> {
  const rows = await executor
    .select({ id: casesTemplates.id, code: casesTemplates.code, items: casesTemplates.items })
    .from(casesTemplates)
    .where(and(inArray(casesTemplates.code, [MAJOR_HAZARD_TEMPLATE_CODE, QUALITY_TEMPLATE_CODE]), eq(casesTemplates.version, 1)));
  return { safety: rows.find((t) => t.code === MAJOR_HAZARD_TEMPLATE_CODE)!, quality: rows.find((t) => t.code === QUALITY_TEMPLATE_CODE)! };
}

/** How many case numbers `year` has used, so numbers the seed assigns continue after them. */
export async function caseNumbersUsed(executor: Executor, year: number): Promise<number> {
  const [row] = await executor
    .select({ n: sql<number>`count(*)`.mapWith(Number) })
    .from(casesCases)
    .where(and(gte(casesCases.no, `${CASE_NO_PREFIX}-${year}-`), lt(casesCases.no, `${CASE_NO_PREFIX}-${year + 1}-`)));
  return row.n;
}
