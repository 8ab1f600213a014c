import type { FastifyBaseLogger } from "fastify";
import { shanghaiDay } from "@contracts/platform/time";
import type { Db } from "../../platform/db/client.js";
import type { EventBus } from "../../platform/events/bus.js";
import { equipmentInUse } from "./equipment.queries.js";
import { raiseEquipmentFindings } from "./equipment.service.js";
import { startPeriodic } from "../../platform/jobs/periodic.js";

const DAY_MS = 86_400_000;
/** The first sweep waits a little after start, so it never competes with migrations or the seed. */
const FIRST_SWEEP_MS = 5 * 60_000;

/**
 * The daily sweep: an inspection that ran out overnight opens its case without anyone saving the record.
 * Idempotent (cases keeps one open case per sourceRef), so two processes sweeping the same day is harmless.
 * Each piece of equipment is its own transaction: one bad record does not stop the rest.
 */
export async function sweepEquipment(deps: { db: Db; events: EventBus; log: FastifyBaseLogger }, region: string): Promise<{ checked: number; opened: number }> {
  const all = await equipmentInUse(deps.db, shanghaiDay());
  let opened = 0;
  for (const e of all) {
    if (e.problems.length === 0) continue;
    try {
      opened += await deps.db.transaction((tx) => raiseEquipmentFindings(tx, { db: deps.db, events: deps.events, log: deps.log, requestId: null, ip: null }, e, region));
    } catch (err) {
      deps.log.error({ err, equipmentId: e.id }, "equipment sweep: opening a finding failed");
    }
  }
  return { checked: all.length, opened };
}

/** Starts the daily sweep; returns its stop. */
export function startEquipmentSweep(deps: { db: Db; events: EventBus; log: FastifyBaseLogger }, region: string): () => Promise<void> {
  return startPeriodic({
    name: "equipment sweep",
    firstAfterMs: FIRST_SWEEP_MS,
    everyMs: DAY_MS,
    log: deps.log,
    run: async () => deps.log.info(await sweepEquipment(deps, region), "equipment sweep done"),
  });
}
