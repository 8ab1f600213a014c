import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { reconnectDelay } from "./backoff";
import { throttle } from "./throttle";
import { realtimeUrl } from "./realtime-hub";

describe("reconnectDelay", () => {
  it("doubles per attempt between half and all of the ceiling", () => {
    expect(reconnectDelay(0, () => 0)).toBe(500);
    expect(reconnectDelay(0, () => 1)).toBe(1_000);
    expect(reconnectDelay(3, () => 0)).toBe(4_000);
    expect(reconnectDelay(3, () => 1)).toBe(8_000);
  });
  it("never waits longer than the maximum", () => {
    expect(reconnectDelay(20, () => 1)).toBe(30_000);
    expect(reconnectDelay(20, () => 0)).toBe(15_000);
  });
});

describe("throttle", () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it("runs the first call at once and folds a burst into one trailing call", () => {
    const fn = vi.fn();
    const t = throttle(fn, 1_000);
    t();
    expect(fn).toHaveBeenCalledTimes(1);
    for (let i = 0; i < 10; i++) t();
    expect(fn).toHaveBeenCalledTimes(1);
    vi.advanceTimersByTime(999);
    expect(fn).toHaveBeenCalledTimes(1);
    vi.advanceTimersByTime(1);
    expect(fn).toHaveBeenCalledTimes(2);
  });

  it("runs again at once after a quiet window, and cancel drops the pending call", () => {
    const fn = vi.fn();
    const t = throttle(fn, 1_000);
    t();
    vi.advanceTimersByTime(5_000);
    t();
    expect(fn).toHaveBeenCalledTimes(2);
    t();
    t.cancel();
    vi.advanceTimersByTime(5_000);
    expect(fn).toHaveBeenCalledTimes(2);
  });
});

describe("realtimeUrl", () => {
  it("is the city-wide stream without a project and a project stream with one", () => {
    expect(realtimeUrl()).toBe("/api/v1/realtime");
    expect(realtimeUrl("7f1c0f7e-9d1a-4c55-8a55-1f2d3c4b5a69")).toBe("/api/v1/realtime?projectId=7f1c0f7e-9d1a-4c55-8a55-1f2d3c4b5a69");
  });
});
