import type { ServiceContext } from "../../../platform/context.js";
import { startPeriodic } from "../../../platform/jobs/periodic.js";
import { relinkAll } from "./site-link.service.js";

/** The sweep's period: a moved site is flagged within 10 minutes. */
export const SITE_LINK_SWEEP_MS = 10 * 60_000;
/** The first sweep waits a little after start, so it never competes with migrations or the seed. */
const FIRST_SWEEP_MS = 2 * 60_000;

/**
 * Starts the periodic full recompute. Idempotent and serialised by the lock, so two processes sweeping is
 * harmless. Returns its stop.
 */
export function startSiteLinkSweep(ctx: ServiceContext): () => Promise<void> {
  return startPeriodic({
    name: "gas site-link sweep",
    firstAfterMs: FIRST_SWEEP_MS,
    everyMs: SITE_LINK_SWEEP_MS,
    log: ctx.log,
    run: async () => ctx.log.debug(await relinkAll(ctx), "gas site-link sweep done"),
  });
}
