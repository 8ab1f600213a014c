import { bulkLoader, type LoaderRows } from "../../platform/db/copy.js";
import { qualityAcceptances } from "./schema.js";

const tables = { acceptances: qualityAcceptances };

/** The seed's way into quality's table: COPY of typed rows (platform/db/copy.ts), the table staying private. */
export const loadQualityRows = bulkLoader(tables);

/** A row of each table `loadQualityRows` fills, by its key. */
export type QualityRows = LoaderRows<typeof tables>;
