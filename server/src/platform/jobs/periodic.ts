import type { FastifyBaseLogger, FastifyInstance } from "fastify";

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

type Stop = () => Promise<unknown> | void;

/**
 * Starts a module's background work when the app is ready and stops it when the app closes. `listen` makes the
 * app ready, and the server listens only after its migrations and the demo seed: a sweep started earlier would
 * compete with the seed (on PostgreSQL its reads could deadlock with the seed's deferred constraints; on PGlite it
 * would queue behind the seed and hold up the first login). Test apps become ready at their first request.
 */
export function runWhileReady(app: FastifyInstance, start: () => Stop | Promise<Stop>): void {
  let stop: Stop | null = null;
  app.addHook("onReady", async () => {
    stop = await start();
  });
  app.addHook("onClose", async () => {
    await stop?.();
  });
}
