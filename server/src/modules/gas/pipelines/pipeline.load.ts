import { bulkLoader, type LoaderRows } from "../../../platform/db/copy.js";
import { gasPatrolHazards, gasPatrolPlans, gasPatrols, gasPipelines } from "./schema.js";

const tables = { pipelines: gasPipelines, patrolPlans: gasPatrolPlans, patrols: gasPatrols, patrolHazards: gasPatrolHazards };

/** The seed's way into the pipeline network and its patrols: COPY of typed rows (platform/db/copy.ts), the tables staying private. */
export const loadPipelinesRows = bulkLoader(tables);

/** A row of each table `loadPipelinesRows` fills, by its key. */
export type PipelinesRows = LoaderRows<typeof tables>;
