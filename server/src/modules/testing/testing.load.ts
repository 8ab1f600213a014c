import type { Executor } from "../../platform/db/client.js";
import { bulkLoader, type LoaderRows } from "../../platform/db/copy.js";
import { testingAgencies, testingCommissions, testingReports, testingResults } from "./schema.js";

const tables = { agencies: testingAgencies, commissions: testingCommissions, results: testingResults, reports: testingReports };

/** The seed's way into the testing tables: COPY of typed rows (platform/db/copy.ts), the tables staying private. */
export const loadTestingRows = bulkLoader(tables);

/** A row of each table `loadTestingRows` fills, by its key. */
export type TestingRows = LoaderRows<typeof tables>;

/** Whether any testing agency is on file: the seed writes testing only into a database without one. */
export async function hasAgencies(executor: Executor): Promise<boolean> {
  return (await executor.select({ id: testingAgencies.enterpriseId }).from(testingAgencies).limit(1)).length > 0;
}
