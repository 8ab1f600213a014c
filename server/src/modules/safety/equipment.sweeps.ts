import { shanghaiDay } from "@contracts/platform/time";
import type { ServiceContext } from "../../platform/context.js";
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
export async function sweepEquipment(ctx: ServiceContext): Promise<{ checked: number; opened: number }> {
  const all = await equipmentInUse(ctx.db, shanghaiDay(ctx.clock.now()));
  let opened = 0;
  for (const e of all) {
    if (e.problems.length === 0) continue;
    try {
      opened += await ctx.db.transaction((tx) => raiseEquipmentFindings(tx, ctx, e));
    } catch (err) {
      ctx.log.error({ err, equipmentId: e.id }, "equipment sweep: opening a finding failed");
    }
  }
  return { checked: all.length, opened };
}

/** Starts the daily sweep in `ctx` (a system context); returns its stop. */
export function startEquipmentSweep(ctx: ServiceContext): () => Promise<void> {
  return startPeriodic({
    name: "equipment sweep",
    firstAfterMs: FIRST_SWEEP_MS,
    everyMs: DAY_MS,
    log: ctx.log,
    run: async () => ctx.log.info(await sweepEquipment(ctx), "equipment sweep done"),
  });
}
