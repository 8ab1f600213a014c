import type { FastifyBaseLogger } from "fastify";
import type { ServiceContext } from "../../platform/context.js";
import type { Database, Listener } from "../../platform/db/client.js";
import { startPeriodic } from "../../platform/jobs/periodic.js";
import { CASES_CHANGED_CHANNEL } from "../cases/index.js";
import { ALARM_CHANNEL } from "../iot/index.js";
import { recomputeRisk } from "./risk.service.js";

/** The whole city is rescored at most this long after a contributing event (the issue asks within 60 s). */
export const RISK_DEBOUNCE_MS = 15_000;
/** And at least this often, so the day's snapshot exists and standing records (危大 works, inspections) count. */
export const RISK_PERIOD_MS = 60 * 60_000;

/**
 * Keeps the risk snapshots fresh: hourly (the first run a little after start), and once per debounce window
 * after an alarm or a case change anywhere — cases cover stop-work orders and failed tests, which open
 * cases — heard as the database's notifications, whichever process made the change. A whole-city recompute
 * is a handful of set-based statements, so one per window is cheaper than tracking the projects touched.
 */
export class RiskRecomputer {
  private readonly listeners: Listener[] = [];
  private timer: NodeJS.Timeout | null = null;
  private stopPeriodic: (() => Promise<void>) | null = null;
  private running: Promise<unknown> = Promise.resolve();

  constructor(
    private readonly ctx: Pick<ServiceContext, "db" | "region" | "clock">,
    private readonly log: FastifyBaseLogger,
    private readonly debounceMs = RISK_DEBOUNCE_MS,
  ) {}

  async start(database: Database): Promise<void> {
    const poke = () => this.poke();
    this.listeners.push(await database.listen(ALARM_CHANNEL, poke, poke), await database.listen(CASES_CHANGED_CHANNEL, poke, poke));
    this.stopPeriodic = startPeriodic({ name: "risk recompute", firstAfterMs: 20_000, everyMs: RISK_PERIOD_MS, log: this.log, run: () => this.run() });
  }

  /** A contributing change: recompute once the window since the first unserved change has passed. */
  poke(): void {
    if (this.timer) return;
    this.timer = setTimeout(() => {
      this.timer = null;
      void this.run();
    }, this.debounceMs);
    this.timer.unref();
  }

  /** One recompute after the one in flight (never two at once in this process). */
  run(): Promise<unknown> {
    this.running = this.running.then(() =>
      recomputeRisk(this.ctx).catch((err: unknown) => {
        this.log.error({ err }, "risk recompute failed");
      }),
    );
    return this.running;
  }

  async stop(): Promise<void> {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    await this.stopPeriodic?.();
    await Promise.all(this.listeners.splice(0).map((l) => l.close()));
    await this.running;
  }
}
