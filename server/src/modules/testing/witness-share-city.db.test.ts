import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { CityWitnessShareDto, WitnessShareDto } from "@contracts/testing/commission";
import { createTestApp, type TestApp, type TestUser } from "../../../../test/app";
import { seedDemoCity } from "../../seed/demo-city.js";

let t: TestApp;
let leader: TestUser;

beforeAll(async () => {
  t = await createTestApp();
  await seedDemoCity(t.db, { scale: 0.02 });
  leader = await t.user("leader");
}, 300_000);
afterAll(() => t.close());

const get = async <T>(url: string): Promise<T> => {
  const res = await t.as(leader, { method: "GET", url });
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as T;
};

describe("GET /testing/witness-share (the city list)", () => {
  it("judges every project as its own page does, lowest share first, and below=true keeps those under the share", async () => {
    const all = await get<CityWitnessShareDto>("/api/v1/testing/witness-share?below=false&pageSize=200");
    expect(all.total).toBeGreaterThan(0);
    expect(all.items).toHaveLength(all.total);
    for (const p of all.items) {
      const page = await get<WitnessShareDto>(`/api/v1/projects/${p.projectId}/testing/witness-share`);
      expect({ id: p.projectId, rows: p.rows, below: p.below }).toEqual({ id: p.projectId, rows: page.rows, below: page.below });
    }
    const lows = all.items.map((p) => p.lowestShare ?? 2);
    expect(lows).toEqual([...lows].sort((a, b) => a - b));
    const below = await get<CityWitnessShareDto>("/api/v1/testing/witness-share?pageSize=200");
    expect(below.items.map((p) => p.projectId)).toEqual(all.items.filter((p) => p.below).map((p) => p.projectId));
    expect(below.minShare).toBe(all.minShare);
  });

  it("shows a contractor only its projects", async () => {
    const all = await get<CityWitnessShareDto>("/api/v1/testing/witness-share?below=false&pageSize=200");
    const one = all.items[0];
    const contractor = await t.user("project", { projectIds: [one.projectId] });
    const res = await t.as(contractor, { method: "GET", url: "/api/v1/testing/witness-share?below=false" });
    expect(res.statusCode).toBe(200);
    expect((res.json() as CityWitnessShareDto).items.map((p) => p.projectId)).toEqual([one.projectId]);
  });
});
