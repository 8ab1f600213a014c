import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import type { Database } from "../../platform/db/client.js";
import { RealtimeHub } from "../../platform/realtime/hub.js";
import { DashboardNotifier } from "./dashboard.runtime.js";

const P1 = "11111111-1111-4111-8111-111111111111";
const P2 = "22222222-2222-4222-8222-222222222222";

/** A database whose notifications the test sends by hand. */
function fakeDatabase() {
  const handlers = new Map<string, (payload: string) => void>();
  const database = {
    listen: (channel: string, onNotify: (payload: string) => void) => {
      handlers.set(channel, onNotify);
      return Promise.resolve({ close: () => Promise.resolve(), isLive: () => true });
    },
  } as unknown as Database;
  return { database, notify: (channel: string, payload: string) => handlers.get(channel)?.(payload) };
}

function stream(hub: RealtimeHub, visible: string[] | null) {
  const frames: string[] = [];
  hub.add({ visibleProjects: visible ? new Set(visible) : null, watchedProject: null, write: (c) => frames.push(c) });
  return () => frames.filter((f) => f.startsWith("event: dashboard")).map((f) => JSON.parse(f.split("data: ")[1]) as { source: string; projectId: string | null });
}

describe("DashboardNotifier", () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it("sends one event per source and window to the streams that see a project concerned, and empties the cache once", async () => {
    const hub = new RealtimeHub();
    const { database, notify } = fakeDatabase();
    let cleared = 0;
    const n = new DashboardNotifier(hub, () => cleared++, 2000);
    await n.start(database);
    const city = stream(hub, null);
    const site1 = stream(hub, [P1]);
    const site2 = stream(hub, [P2]);
    for (let i = 0; i < 5; i++) notify("sc_iot_alarm", JSON.stringify({ projectId: P1 }));
    vi.advanceTimersByTime(0);
    expect(city()).toEqual([{ source: "alarm", projectId: P1, at: expect.any(String) }]);
    expect(site1()).toHaveLength(1);
    expect(site2()).toHaveLength(0);
    expect(cleared).toBe(1);

    // Inside the window: held back, then one event naming no single project.
    notify("sc_iot_alarm", JSON.stringify({ projectId: P1 }));
    notify("sc_iot_alarm", JSON.stringify({ projectId: P2 }));
    vi.advanceTimersByTime(1999);
    expect(city()).toHaveLength(1);
    vi.advanceTimersByTime(1);
    expect(city()).toHaveLength(2);
    expect(city()[1].projectId).toBeNull();
    expect(site2()).toHaveLength(1);

    // A case-board change names no project: every stream hears it.
    vi.advanceTimersByTime(5000);
    notify("sc_cases_board", "");
    vi.advanceTimersByTime(0);
    expect(site2().map((e) => e.source)).toEqual(["alarm", "case"]);
    expect(cleared).toBe(3);
    await n.stop();
    hub.close();
  });
});
