import type { FastifyBaseLogger } from "fastify";

export interface PeriodicJob {
  /** Named in the error log. */
  name: string;
  /** The first run waits this long after start, so it never competes with migrations or the seed. */
  firstAfterMs: number;
  everyMs: number;
  log: FastifyBaseLogger;
  /** One run; it logs its own result. A failure is logged here and the next run comes as planned. */
  run: () => Promise<unknown>;
}

/**
 * Runs a background sweep on unref'd timers (they never keep the process alive). A run still going when
 * the next is due is skipped rather than stacked. Returns a stop that waits for the run in flight.
 */
export function startPeriodic(job: PeriodicJob): () => Promise<void> {
  let running: Promise<unknown> | null = null;
  const tick = () => {
    if (running) return;
    running = job
      .run()
      .catch((err: unknown) => job.log.error({ err }, `${job.name} failed`))
      .finally(() => {
        running = null;
      });
  };
  const first = setTimeout(tick, job.firstAfterMs);
  const every = setInterval(tick, job.everyMs);
  first.unref();
  every.unref();
  return async () => {
    clearTimeout(first);
    clearInterval(every);
    await running;
  };
}
