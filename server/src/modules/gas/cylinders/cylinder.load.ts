import { bulkLoader, type LoaderRows } from "../../../platform/db/copy.js";
import { gasCylinderEvents, gasCylinders, gasFills, gasStaff, gasStations } from "./schema.js";

const tables = { stations: gasStations, staff: gasStaff, cylinders: gasCylinders, fills: gasFills, cylinderEvents: gasCylinderEvents };

/** The seed's way into the cylinder ledger: COPY of typed rows (platform/db/copy.ts), the tables staying private. */
export const loadCylindersRows = bulkLoader(tables);

/** A row of each table `loadCylindersRows` fills, by its key. */
export type CylindersRows = LoaderRows<typeof tables>;
