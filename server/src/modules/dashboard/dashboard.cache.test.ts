import { describe, expect, it } from "vitest";
import { ScopeCache } from "./dashboard.cache.js";

describe("ScopeCache", () => {
  it("serves one scope's answer until it is ttl old, each scope its own", async () => {
    let now = 0;
    let computed = 0;
    const cache = new ScopeCache<number>(5000, 10, () => now);
    const compute = () => Promise.resolve(++computed);
    expect(await cache.get("a", compute)).toBe(1);
    now = 4999;
    expect(await cache.get("a", compute)).toBe(1);
    expect(await cache.get("b", compute)).toBe(2);
    now = 5000;
    expect(await cache.get("a", compute)).toBe(3);
  });

  it("lets concurrent misses share one computation, and forgets a failed one", async () => {
    const cache = new ScopeCache<number>(5000);
    let calls = 0;
    let release: (n: number) => void = () => undefined;
    const slow = () => {
      calls++;
      return new Promise<number>((r) => (release = r));
    };
    const [a, b] = [cache.get("s", slow), cache.get("s", slow)];
    release(7);
    expect(await Promise.all([a, b])).toEqual([7, 7]);
    expect(calls).toBe(1);
    await expect(cache.get("f", () => Promise.reject(new Error("db down")))).rejects.toThrow("db down");
    await Promise.resolve();
    expect(await cache.get("f", () => Promise.resolve(1))).toBe(1);
  });

  it("clear() drops every scope; the oldest entry goes when full", async () => {
    let n = 0;
    const cache = new ScopeCache<number>(60_000, 2);
    const next = () => Promise.resolve(++n);
    await cache.get("a", next);
    await cache.get("b", next);
    await cache.get("c", next);
    expect(await cache.get("a", next)).toBe(4);
    cache.clear();
    expect(await cache.get("c", next)).toBe(5);
  });
});
