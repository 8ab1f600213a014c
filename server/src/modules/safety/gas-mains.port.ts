import type { Executor } from "../../platform/db/client.js";

/** A gas main a construction site lies near, nearest first, as the gas network's module reports it. */
export interface NearGasMain {
  pipelineId: string;
  code: string;
  distanceM: number;
  enterpriseId: string;
}

/**
 * Which gas mains a project's site lies near. Safety gates an excavation on it but does not know the gas
 * network: the gas pipelines module answers, wired in at app build (app.ts hands its `nearGasMain` to
 * safetyPlugin). So safety imports nothing of gas, and gas reads safety's open excavations through safety's
 * index.ts: no cycle.
 */
export type GasMainsNear = (db: Executor, projectId: string) => Promise<NearGasMain[]>;

/** Without the gas modules no main is known, so no site lies near one. */
export const noKnownGasMains: GasMainsNear = async () => [];
