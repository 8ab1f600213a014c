import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { CityDashboardDto } from "@contracts/dashboard/city";
import type { DashboardChangedDto } from "@contracts/dashboard/realtime";
import { createTestApp, type TestApp, type TestUser } from "../../../../test/app";
import { applyVerdicts, type AlarmVerdict } from "../iot/alarms/alarm.store.js";
import { insertDevice, insertSite } from "../iot/device.test-fixtures.js";

let t: TestApp;
let base: string;
let contractor: TestUser;
let leader: TestUser;
const own = { projectId: "", deviceId: "" };
const other = { projectId: "", deviceId: "" };

beforeAll(async () => {
  t = await createTestApp();
  base = await t.app.listen({ port: 0, host: "127.0.0.1" });
  const a = await insertSite(t.db);
  const b = await insertSite(t.db);
  Object.assign(own, { projectId: a.project.id, deviceId: (await insertDevice(t.db, a.project.id, { type: "tower_crane" })).id });
  Object.assign(other, { projectId: b.project.id, deviceId: (await insertDevice(t.db, b.project.id, { type: "tower_crane" })).id });
  contractor = await t.user("enterprise", { enterpriseId: a.enterpriseId });
  leader = await t.user("leader");
});
afterAll(() => t.close());

const verdict = (site: typeof own, ruleCode: string): AlarmVerdict => ({
  deviceId: site.deviceId,
  projectId: site.projectId,
  ruleId: null,
  ruleCode,
  ruleName: ruleCode,
  metric: "moment_pct",
  severity: "critical",
  value: 115,
  threshold: 110,
  at: Date.now(),
  repeats: 1,
});

/** Opens `user`'s stream; `until(ms)` collects its `dashboard` events for `ms` more, then closes it. */
async function openStream(user: TestUser) {
  const abort = new AbortController();
  const res = await fetch(`${base}/api/v1/realtime`, { headers: { cookie: user.cookie }, signal: abort.signal });
  expect(res.status).toBe(200);
  const reader = res.body!.getReader();
  // The first frame (retry:) says the hub holds the connection.
  await reader.read();
  const out: DashboardChangedDto[] = [];
  let buffer = "";
  return async (ms: number): Promise<DashboardChangedDto[]> => {
    const deadline = Date.now() + ms;
    // One read in flight at a time: a read abandoned to the timer would swallow the next chunk.
    let pending = reader.read();
    while (Date.now() < deadline) {
      const chunk = await Promise.race([pending, new Promise<null>((r) => setTimeout(() => r(null), 100))]);
      if (!chunk) continue;
      if (chunk.done) break;
      pending = reader.read();
      buffer += new TextDecoder().decode(chunk.value);
      for (let end = buffer.indexOf("\n\n"); end >= 0; end = buffer.indexOf("\n\n")) {
        const frame = buffer.slice(0, end);
        buffer = buffer.slice(end + 2);
        if (/^event: dashboard$/m.test(frame)) out.push(JSON.parse(/^data: (.+)$/m.exec(frame)![1]) as DashboardChangedDto);
      }
    }
    abort.abort();
    return out;
  };
}

describe("the dashboard event", () => {
  it("follows an alarm to the streams that see its project, once per window, and the refetch is fresh", async () => {
    // Let the set-up's own notifications (participants move the case board) go out first.
    await new Promise((r) => setTimeout(r, 2500));
    const before = (await t.as(leader, { method: "GET", url: "/api/v1/dashboard/city" })).json() as CityDashboardDto;
    const [mineOf, cityOf] = await Promise.all([openStream(contractor), openStream(leader)]);
    await applyVerdicts(t.db, [verdict(other, "crane.moment")]);
    const [mine, city] = await Promise.all([mineOf(2500), cityOf(2500)]);
    expect(mine).toEqual([]);
    expect(city).toEqual([{ source: "alarm", projectId: other.projectId, at: expect.any(String) }]);
    // Within the cache's 5 s, yet the count has moved: the event emptied the cache.
    const after = (await t.as(leader, { method: "GET", url: "/api/v1/dashboard/city" })).json() as CityDashboardDto;
    expect(after.alarms?.active).toBe((before.alarms?.active ?? 0) + 1);
    expect(after.alarms?.latest[0]).toMatchObject({ projectId: other.projectId, severity: "critical" });

    // Alarms on the contractor's own site reach it, throttled.
    const againOf = await openStream(contractor);
    await applyVerdicts(t.db, [verdict(own, "crane.moment")]);
    await applyVerdicts(t.db, [verdict(own, "crane.load")]);
    const again = await againOf(4500);
    expect(again.length).toBeGreaterThan(0);
    expect(again.every((e) => e.projectId === own.projectId && e.source === "alarm")).toBe(true);
    // Never two in one throttle window (2 s) on one stream.
    for (let i = 1; i < again.length; i++) expect(Date.parse(again[i].at) - Date.parse(again[i - 1].at)).toBeGreaterThanOrEqual(2000);
  });
});
