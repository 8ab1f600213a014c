import { bulkLoader, type LoaderRows } from "../../platform/db/copy.js";
import { iotDevices, iotLatest } from "./schema.js";

const tables = { devices: iotDevices, latest: iotLatest };

/**
 * The seed's way into the device registry and the latest readings: COPY of typed rows (platform/db/copy.ts),
 * the tables staying private. (The seed's device history goes into the rollups by table name and column
 * list, copyRows, being hundreds of thousands of plain number rows.)
 */
export const loadIotRows = bulkLoader(tables);

/** A row of each table `loadIotRows` fills, by its key. */
export type IotRows = LoaderRows<typeof tables>;
