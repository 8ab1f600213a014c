import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, type TestApp, type TestUser } from "../../../../test/app";
import { applyVerdicts, type AlarmVerdict } from "./alarms/alarm.store.js";
import { insertDevice, insertSite } from "./device.test-fixtures.js";

let t: TestApp;
let base: string;
let contractor: TestUser;
const own = { projectId: "", deviceId: "" };
const other = { projectId: "", deviceId: "" };

beforeAll(async () => {
  t = await createTestApp();
  base = await t.app.listen({ port: 0, host: "127.0.0.1" });
  const a = await insertSite(t.db);
  const b = await insertSite(t.db);
  own.projectId = a.project.id;
  own.deviceId = (await insertDevice(t.db, a.project.id, { type: "tower_crane" })).id;
  other.projectId = b.project.id;
  other.deviceId = (await insertDevice(t.db, b.project.id, { type: "tower_crane" })).id;
  contractor = await t.user("enterprise", { enterpriseId: a.enterpriseId });
});

afterAll(() => t.close());

const verdict = (site: typeof own): AlarmVerdict => ({
  deviceId: site.deviceId,
  projectId: site.projectId,
  ruleId: null,
  ruleCode: "crane.moment",
  ruleName: "塔机力矩",
  metric: "moment_pct",
  severity: "critical",
  value: 115,
  threshold: 110,
  at: Date.now(),
  repeats: 1,
});

/** Opens the stream as `user` and collects its `event:` frames until `until` holds or the time is up. */
async function collect(user: TestUser, query: string, act: () => Promise<void>, until: (events: { event: string; data: unknown }[]) => boolean) {
  const abort = new AbortController();
  const res = await fetch(`${base}/api/v1/realtime${query}`, { headers: { cookie: user.cookie }, signal: abort.signal });
  expect(res.status).toBe(200);
  expect(res.headers.get("content-type")).toContain("text/event-stream");
  const events: { event: string; data: unknown }[] = [];
  const reader = res.body!.getReader();
  let buffer = "";
  await act();
  const deadline = Date.now() + 5000;
  while (!until(events) && Date.now() < deadline) {
    const chunk = await Promise.race([reader.read(), new Promise<null>((r) => setTimeout(() => r(null), 200))]);
    if (!chunk || chunk.done) continue;
    buffer += new TextDecoder().decode(chunk.value);
    let end: number;
    while ((end = buffer.indexOf("\n\n")) >= 0) {
      const frame = buffer.slice(0, end);
      buffer = buffer.slice(end + 2);
      const event = /^event: (.+)$/m.exec(frame)?.[1];
      const data = /^data: (.+)$/m.exec(frame)?.[1];
      if (event && data) events.push({ event, data: JSON.parse(data) });
    }
  }
  abort.abort();
  return events;
}

describe("realtime stream", () => {
  it("pushes alarm changes inside the user's scope only", async () => {
    const events = await collect(
      contractor,
      "",
      async () => {
        await applyVerdicts(t.db, [verdict(other)]);
        await applyVerdicts(t.db, [verdict(own)]);
      },
      (e) => e.some((x) => x.event === "alarm"),
    );
    const alarms = events.filter((e) => e.event === "alarm").map((e) => e.data as { projectId: string; kind: string; severity: string; status: string });
    expect(alarms).toEqual([expect.objectContaining({ projectId: own.projectId, kind: "raised", severity: "critical", status: "active_unack" })]);
  });

  it("answers 401 without a session and 404 for a project outside the scope", async () => {
    expect((await fetch(`${base}/api/v1/realtime`)).status).toBe(401);
    const res = await fetch(`${base}/api/v1/realtime?projectId=${other.projectId}`, { headers: { cookie: contractor.cookie } });
    expect(res.status).toBe(404);
  });
});
