import type { FastifyBaseLogger } from "fastify";
import { shanghaiDay } from "@contracts/platform/time";
import type { Db } from "../../platform/db/client.js";
import type { EventBus } from "../../platform/events/bus.js";
import { equipmentInUse } from "./equipment.queries.js";
import { raiseEquipmentFindings } from "./equipment.service.js";

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

/** Starts the daily sweep on unref'd timers (they never keep the process alive); returns its stop. */
export function startEquipmentSweep(deps: { db: Db; events: EventBus; log: FastifyBaseLogger }, region: string): () => void {
  const run = () => {
    sweepEquipment(deps, region)
      .then((r) => deps.log.info(r, "equipment sweep done"))
      .catch((err) => deps.log.error({ err }, "equipment sweep failed"));
  };
  const first = setTimeout(run, FIRST_SWEEP_MS);
  const daily = setInterval(run, DAY_MS);
  first.unref();
  daily.unref();
  return () => {
    clearTimeout(first);
    clearInterval(daily);
  };
}
