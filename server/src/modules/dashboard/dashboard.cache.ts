/**
 * A short-lived answer per data scope: the command center is opened by many people of the same scope (every
 * bureau user shares one), and its figures are allowed to be a few seconds old — the realtime `dashboard`
 * event tells pages when to ask again. Each process keeps its own copy for at most `ttlMs`, so several API
 * processes never disagree for longer than that; concurrent misses of one scope share one computation.
 */
export class ScopeCache<T> {
  private readonly entries = new Map<string, { at: number; value: Promise<T> }>();

  constructor(
    private readonly ttlMs: number,
    private readonly maxEntries = 1000,
    private readonly now: () => number = Date.now,
  ) {}

  get(key: string, compute: () => Promise<T>): Promise<T> {
    const hit = this.entries.get(key);
    if (hit && this.now() - hit.at < this.ttlMs) return hit.value;
    if (this.entries.size >= this.maxEntries) this.entries.delete(this.entries.keys().next().value as string);
    const value = compute();
    const entry = { at: this.now(), value };
    this.entries.set(key, entry);
    // A failed computation is not kept: the next caller tries again.
    value.catch(() => this.entries.get(key) === entry && this.entries.delete(key));
    return value;
  }

  /** Drops every entry: this process saw a change (other processes age theirs out). */
  clear(): void {
    this.entries.clear();
  }
}
