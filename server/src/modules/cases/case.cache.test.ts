import { describe, expect, it } from "vitest";
import type { CaseBoardDto } from "@contracts/cases/cases";
import type { Database } from "../../platform/db/client.js";
import { BoardCache } from "./case.cache.js";

const boardOf = (pending: number): CaseBoardDto => ({ byState: { pending, rectifying: 0, review: 0, closed: 0 }, openMajor: 0, overdue: 0, stopWork: 0, closedLast30Days: 0 });

/** A database whose LISTEN connection the test drives: `notify()` delivers, `live` says whether it is up. */
function fakeDatabase() {
  const state = { live: true, notify: () => {} };
  const database = {
    listen: async (_channel: string, onNotify: (p: string) => void) => {
      state.notify = () => onNotify("");
      return { isLive: () => state.live, close: async () => {} };
    },
  } as unknown as Database;
  return { database, state };
}

describe("BoardCache", () => {
  it("serves from memory until a notification, then loads again", async () => {
    const { database, state } = fakeDatabase();
    const cache = new BoardCache();
    await cache.start(database);
    let loads = 0;
    const load = async () => boardOf(++loads);
    expect((await cache.read("*", load, 0)).byState.pending).toBe(1);
    expect((await cache.read("*", load, 1_000)).byState.pending).toBe(1);
    expect((await cache.read("p1", load, 1_000)).byState.pending).toBe(2);
    state.notify();
    expect((await cache.read("*", load, 2_000)).byState.pending).toBe(3);
  });

  it("does not keep an answer a notification overtook while it was loading", async () => {
    const { database, state } = fakeDatabase();
    const cache = new BoardCache();
    await cache.start(database);
    let loads = 0;
    const racing = async () => {
      loads++;
      state.notify(); // a commit lands while the statement runs: its answer may predate it
      return boardOf(loads);
    };
    await cache.read("*", racing, 0);
    expect((await cache.read("*", async () => boardOf(++loads), 0)).byState.pending).toBe(2);
  });

  it("bypasses memory while the LISTEN connection is down, and lets entries age out", async () => {
    const { database, state } = fakeDatabase();
    const cache = new BoardCache();
    await cache.start(database);
    let loads = 0;
    const load = async () => boardOf(++loads);
    await cache.read("*", load, 0);
    expect((await cache.read("*", load, 30_000)).byState.pending).toBe(2);
    state.live = false;
    expect((await cache.read("*", load, 30_001)).byState.pending).toBe(3);
    expect((await cache.read("*", load, 30_002)).byState.pending).toBe(4);
  });
});
