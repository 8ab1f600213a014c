import { bulkLoader, type LoaderRows } from "../../platform/db/copy.js";
import { workforceBlacklist, workforceTeams, workforceTrainings, workforceWageAccounts, workforceWorkers } from "./schema.js";

const tables = { teams: workforceTeams, workers: workforceWorkers, trainings: workforceTrainings, blacklist: workforceBlacklist, wageAccounts: workforceWageAccounts };

/**
 * The seed's way into the workforce tables: COPY of typed rows (platform/db/copy.ts), the tables staying
 * private. (Attendance days and payroll lines, the bulk of it, go in by table name and column list, copyRows.)
 */
export const loadWorkforceRows = bulkLoader(tables);

/** A row of each table `loadWorkforceRows` fills, by its key. */
export type WorkforceRows = LoaderRows<typeof tables>;
