import { bulkLoader, type LoaderRows } from "../../platform/db/copy.js";
import { testingAgencies, testingCommissions, testingReports, testingResults } from "./schema.js";

const tables = { agencies: testingAgencies, commissions: testingCommissions, results: testingResults, reports: testingReports };

/** The seed's way into the testing tables: COPY of typed rows (platform/db/copy.ts), the tables staying private. */
export const loadTestingRows = bulkLoader(tables);

/** A row of each table `loadTestingRows` fills, by its key. */
export type TestingRows = LoaderRows<typeof tables>;
