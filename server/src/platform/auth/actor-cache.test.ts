import { describe, expect, it } from "vitest";
import type { Database } from "../db/client";
import { buildActor } from "./actor";
import { ActorCache } from "./actor-cache";

function fakeDatabase() {
  const state = { live: true, notify: (_p: string) => undefined as void, gap: () => undefined as void };
  const database = {
    listen: async (_c: string, onNotify: (p: string) => void, onGap: () => void) => {
      state.notify = onNotify;
      state.gap = onGap;
      return { isLive: () => state.live, close: async () => undefined };
    },
  } as unknown as Database;
  return { database, state };
}

const actor = (id: string) => buildActor({ id, username: id, displayName: id, role: "leader" });

describe("ActorCache", () => {
  it("serves entries until their credential expires or they grow old", async () => {
    const { database } = fakeDatabase();
    const cache = new ActorCache();
    await cache.start(database);
    cache.set("s:1", actor("u1"), 10_000, 0);
    expect(cache.get("s:1", 5_000)?.userId).toBe("u1");
    expect(cache.get("s:1", 10_000)).toBeNull();
    cache.set("s:2", actor("u2"), null, 0);
    expect(cache.get("s:2", 29_000)?.userId).toBe("u2");
    expect(cache.get("s:2", 31_000)).toBeNull();
  });

  it("drops every entry of a user named by a notification, and everything after a gap", async () => {
    const { database, state } = fakeDatabase();
    const cache = new ActorCache();
    await cache.start(database);
    cache.set("s:a", actor("u1"), null, 0);
    cache.set("t:b", actor("u1"), null, 0);
    cache.set("s:c", actor("u2"), null, 0);
    state.notify("u1");
    expect(cache.get("s:a", 1)).toBeNull();
    expect(cache.get("t:b", 1)).toBeNull();
    expect(cache.get("s:c", 1)?.userId).toBe("u2");
    state.gap();
    expect(cache.get("s:c", 1)).toBeNull();
  });

  it("is bypassed entirely while the listener is down", async () => {
    const { database, state } = fakeDatabase();
    const cache = new ActorCache();
    await cache.start(database);
    state.live = false;
    cache.set("s:1", actor("u1"), null, 0);
    state.live = true;
    expect(cache.get("s:1", 1)).toBeNull();
  });
});
