import { bulkLoader, type LoaderRows } from "../../../platform/db/copy.js";
import { gasDetectorReadings, gasLeakPoints } from "./schema.js";

const tables = { detectorReadings: gasDetectorReadings, leakPoints: gasLeakPoints };

/** The seed's way into the detection vehicles' readings and leak points: COPY of typed rows (platform/db/copy.ts), the tables staying private. */
export const loadLeaksRows = bulkLoader(tables);

/** A row of each table `loadLeaksRows` fills, by its key. */
export type LeaksRows = LoaderRows<typeof tables>;
