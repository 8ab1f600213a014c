/**
 * Delay before the next reconnect of a stream the server closed (an EventSource that gets an HTTP error
 * or a non-SSE answer gives up for good, unlike a dropped connection it retries by itself).
 * Doubles from `baseMs` up to `maxMs`; `random` spreads the retries of many browsers after a restart.
 */
export function reconnectDelay(attempt: number, random: () => number = Math.random, baseMs = 1_000, maxMs = 30_000): number {
  const ceiling = Math.min(maxMs, baseMs * 2 ** Math.max(0, attempt));
  // Between half and all of the ceiling: never hammering, never all at the same instant.
  return Math.round(ceiling / 2 + (random() * ceiling) / 2);
}
