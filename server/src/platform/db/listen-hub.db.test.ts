import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, TEST_DB_KIND } from "../../../../test/setup/db";
import { type Database, type Listener, rowsOf } from "./client.js";
import { LISTEN_APPLICATION_NAME } from "./listen-hub.js";

let database: Database;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(() => database.close());

async function eventually(check: () => boolean | Promise<boolean>, ms = 10_000): Promise<void> {
  const until = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > until) throw new Error("condition not met in time");
    await new Promise((r) => setTimeout(r, 25));
  }
}

function recorder(channel: string) {
  const got: string[] = [];
  let gaps = 0;
  return {
    got,
    gaps: () => gaps,
    listen: () => database.listen(channel, (p) => got.push(p), () => gaps++),
  };
}

const notify = (channel: string, payload: string) => database.db.execute(sql`select pg_notify(${channel}, ${payload})`);

const listenConnections = async () => {
  const r = await database.db.execute(sql`select count(*)::int as n from pg_stat_activity where application_name = ${LISTEN_APPLICATION_NAME} and datname = current_database()`);
  return Number(rowsOf<{ n: number }>(r)[0].n);
};

describe("LISTEN subscriptions", () => {
  it("route each channel's notifications to its subscribers only, and stop after close", async () => {
    const a1 = recorder("hub_a");
    const a2 = recorder("hub_a");
    const b = recorder("hub_b");
    const listeners: Listener[] = [await a1.listen(), await a2.listen(), await b.listen()];
    expect(listeners.every((l) => l.isLive())).toBe(true);
    await notify("hub_a", "1");
    await notify("hub_b", "2");
    await eventually(() => a1.got.length === 1 && a2.got.length === 1 && b.got.length === 1);
    expect([a1.got, a2.got, b.got]).toEqual([["1"], ["1"], ["2"]]);
    await listeners[0].close();
    await notify("hub_a", "3");
    await eventually(() => a2.got.length === 2);
    expect(a1.got).toEqual(["1"]);
    await Promise.all(listeners.slice(1).map((l) => l.close()));
  });

  it.runIf(TEST_DB_KIND === "postgres")("share one connection, report a gap to every subscriber when it drops, and listen again", async () => {
    const a = recorder("hub_c");
    const b = recorder("hub_d");
    const la = await a.listen();
    const lb = await b.listen();
    expect(await listenConnections()).toBe(1);
    // Each subscriber is told once, on subscribing, that earlier caches may be stale.
    expect([a.gaps(), b.gaps()]).toEqual([1, 1]);

    await database.db.execute(sql`select pg_terminate_backend(pid) from pg_stat_activity where application_name = ${LISTEN_APPLICATION_NAME} and datname = current_database()`);
    await eventually(() => a.gaps() >= 2 && b.gaps() >= 2);
    await eventually(() => la.isLive() && lb.isLive());
    await notify("hub_c", "after");
    await notify("hub_d", "after");
    await eventually(() => a.got.includes("after") && b.got.includes("after"));
    expect(await listenConnections()).toBe(1);

    await la.close();
    await lb.close();
    await eventually(async () => (await listenConnections()) === 0);
  });
});
