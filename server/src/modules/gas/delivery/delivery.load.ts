import { bulkLoader, type LoaderRows } from "../../../platform/db/copy.js";
import { gasAnomalies, gasCustomers, gasDeliveries, gasSafetyChecks } from "./schema.js";

const tables = { customers: gasCustomers, safetyChecks: gasSafetyChecks, deliveries: gasDeliveries, anomalies: gasAnomalies };

/** The seed's way into the delivery tables: COPY of typed rows (platform/db/copy.ts), the tables staying private. */
export const loadDeliveryRows = bulkLoader(tables);

/** A row of each table `loadDeliveryRows` fills, by its key. */
export type DeliveryRows = LoaderRows<typeof tables>;
