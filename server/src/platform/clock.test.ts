import { describe, expect, it } from "vitest";
import { fixedClock, systemClock } from "./clock.js";

describe("clocks", () => {
  it("a fixed clock stands still until set, and hands out copies its callers cannot move", () => {
    const clock = fixedClock("2026-03-02T09:00:00+08:00");
    const first = clock.now();
    first.setFullYear(2000);
    expect(clock.now().toISOString()).toBe("2026-03-02T01:00:00.000Z");
    clock.set(new Date("2026-03-03T00:00:00Z"));
    expect(clock.now().toISOString()).toBe("2026-03-03T00:00:00.000Z");
  });

  it("the system clock tells the machine's time", () => {
    const before = Date.now();
    const t = systemClock.now().getTime();
    expect(t).toBeGreaterThanOrEqual(before);
    expect(t).toBeLessThanOrEqual(Date.now());
  });
});
