import { bulkLoader, type LoaderRows } from "../../platform/db/copy.js";
import { safetyDangerousWorkEvents, safetyDangerousWorks, safetyEquipment, safetyEquipmentOperators, safetyExpertReviews, safetyExperts } from "./schema.js";

const tables = {
  experts: safetyExperts,
  dangerousWorks: safetyDangerousWorks,
  dangerousWorkEvents: safetyDangerousWorkEvents,
  expertReviews: safetyExpertReviews,
  equipment: safetyEquipment,
  equipmentOperators: safetyEquipmentOperators,
};

/** The seed's way into the safety tables: COPY of typed rows (platform/db/copy.ts), the tables staying private. */
export const loadSafetyRows = bulkLoader(tables);

/** A row of each table `loadSafetyRows` fills, by its key. */
export type SafetyRows = LoaderRows<typeof tables>;
