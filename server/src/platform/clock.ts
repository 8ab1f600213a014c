/** What a verb asks for the time: the process's clock in service, a fixed or stepped one in tests. */
export interface Clock {
  now(): Date;
}

export const systemClock: Clock = { now: () => new Date() };

/** A clock standing at `at` until moved: tests judge "today" and deadlines without waiting or mocking Date. */
export function fixedClock(at: Date | string): Clock & { set(at: Date | string): void } {
  let current = new Date(at);
  return { now: () => new Date(current), set: (next) => (current = new Date(next)) };
}
