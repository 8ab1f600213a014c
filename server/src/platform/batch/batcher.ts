import type { FastifyBaseLogger } from "fastify";

export interface BatcherOptions<T> {
  /** Writes one batch; throwing means nothing of it was written (it is retried). */
  write: (items: T[]) => Promise<void>;
  /** How much an item counts towards `maxWeight` (default 1). */
  weight?: (item: T) => number;
  /** Write as soon as this much waits … */
  maxWeight: number;
  /** … or when the oldest item has waited this long. */
  maxDelayMs: number;
  /** Batches written at once. */
  maxConcurrent: number;
  log: FastifyBaseLogger;
  /** What the log calls a batch, e.g. "ingest batch". */
  name: string;
  retryMs?: number;
}

interface Queued<T> {
  item: T;
  done: (err?: Error) => void;
}

/**
 * Collects items and writes them in batches: the one batching mechanism of the hot paths (telemetry,
 * gate events). `submit` resolves once the item's batch is written, so callers acknowledge only what
 * is stored. A failing batch is retried until it succeeds or the batcher is closed: nothing is dropped.
 */
export class Batcher<T> {
  private queue: Queued<T>[] = [];
  private queuedWeight = 0;
  private timer: NodeJS.Timeout | null = null;
  private inFlight = 0;
  private closed = false;
  readonly stats = { batches: 0, failedBatches: 0 };

  constructor(private readonly opts: BatcherOptions<T>) {}

  submit(item: T): Promise<void> {
    if (this.closed) return Promise.reject(new Error(`${this.opts.name}: closed`));
    return new Promise((resolve, reject) => {
      this.queue.push({ item, done: (err) => (err ? reject(err) : resolve()) });
      this.queuedWeight += this.weightOf(item);
      this.schedule();
    });
  }

  /** Writes everything queued and waits for the batches in flight. */
  async drain(): Promise<void> {
    while (this.queue.length > 0 || this.inFlight > 0) {
      if (this.queue.length > 0 && this.inFlight < this.opts.maxConcurrent) void this.flush();
      await new Promise((r) => setTimeout(r, 5));
    }
  }

  async close(): Promise<void> {
    await this.drain();
    this.closed = true;
    if (this.timer) clearTimeout(this.timer);
  }

  private weightOf(item: T): number {
    return Math.max(1, this.opts.weight?.(item) ?? 1);
  }

  private schedule(): void {
    if (this.queuedWeight >= this.opts.maxWeight) {
      if (this.timer) clearTimeout(this.timer);
      this.timer = null;
      void this.flush();
    } else if (!this.timer && this.queue.length > 0) {
      this.timer = setTimeout(() => {
        this.timer = null;
        void this.flush();
      }, this.opts.maxDelayMs);
    }
  }

  private async flush(): Promise<void> {
    if (this.queue.length === 0) return;
    if (this.inFlight >= this.opts.maxConcurrent) {
      if (!this.timer) this.timer = setTimeout(() => ((this.timer = null), void this.flush()), this.opts.maxDelayMs);
      return;
    }
    let weight = 0;
    let take = 0;
    while (take < this.queue.length) {
      const w = this.weightOf(this.queue[take].item);
      if (take > 0 && weight + w > this.opts.maxWeight) break;
      weight += w;
      take++;
    }
    const batch = this.queue.splice(0, take);
    this.queuedWeight -= weight;
    this.inFlight++;
    try {
      const items = batch.map((q) => q.item);
      for (;;) {
        try {
          await this.opts.write(items);
          this.stats.batches++;
          break;
        } catch (err) {
          if (this.closed) throw err;
          this.stats.failedBatches++;
          this.opts.log.error({ err, items: batch.length }, `${this.opts.name} failed; retrying`);
          await new Promise((r) => setTimeout(r, this.opts.retryMs ?? 1000));
        }
      }
      for (const q of batch) q.done();
    } catch (err) {
      for (const q of batch) q.done(err as Error);
    } finally {
      this.inFlight--;
      this.schedule();
    }
  }
}
