import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, type TestApp, type TestUser } from "../../../../../test/app";
import { insertDeviceWithSecret } from "../../iot/device.test-fixtures.js";
import { gasLeakPoints } from "./schema.js";
import { pipelineWorld, type PipelineWorld } from "../pipelines/pipeline.test-fixtures.js";

/**
 * Authorization of the leak area: every route × the 7 roles and anonymous, in scope (GAS's vehicle and leak
 * points, the gas_company user of GAS) and out of scope (the gas_company user of another company, GAS2).
 * gas.read: admin, leader, inspector, gas_company; gas.manage (the re-check): admin, gas_company.
 */

type Who = "anonymous" | "admin" | "leader" | "inspector" | "enterprise" | "project" | "testing_agency" | "gas_company" | "gas_company_other";
const WHO: Who[] = ["anonymous", "admin", "leader", "inspector", "enterprise", "project", "testing_agency", "gas_company", "gas_company_other"];

let t: TestApp;
let w: PipelineWorld;
let users: Record<Who, TestUser | null>;
let vehicleId: string;

beforeAll(async () => {
  t = await createTestApp();
  w = await pipelineWorld(t, 260);
  users = {
    anonymous: null,
    admin: w.users.admin,
    leader: w.users.leader,
    inspector: w.users.inspector,
    enterprise: w.users.gc,
    project: w.users.project,
    testing_agency: w.users.testing,
    gas_company: w.users.gas,
    gas_company_other: w.users.gas2,
  };
  vehicleId = (await insertDeviceWithSecret(t.db, null, "gas_detector", { enterpriseId: w.GAS })).device.id;
});
afterAll(() => t.close());

interface Req {
  method: "GET" | "POST";
  url: string;
  payload?: object;
}
const call = (who: Who, r: Req) => t.as(users[who], { method: r.method, url: `/api/v1${r.url}`, ...(r.payload ? { payload: r.payload } : {}) });

/** A fresh suspect point of GAS's vehicle (so one role's re-check never disturbs the next). */
async function suspect(): Promise<string> {
  const [lng, lat] = w.pt(10, 3);
  const now = new Date();
  const [row] = await t.db
    .insert(gasLeakPoints)
    .values({ enterpriseId: w.GAS, deviceId: vehicleId, detectedAt: now, lastDetectedAt: now, lat, lng, ppm: 40, backgroundPpm: 2 })
    .returning({ id: gasLeakPoints.id });
  return row.id;
}

const READ = { anonymous: 401, admin: 200, leader: 200, inspector: 200, enterprise: 403, project: 403, testing_agency: 403, gas_company: 200 } as const;
const READ_ONE = { ...READ, gas_company_other: 404 } as const;
const LIST = { ...READ, gas_company_other: 200 } as const;
const WRITE = (ok: number, other: number) => ({ anonymous: 401, admin: ok, leader: 403, inspector: 403, enterprise: 403, project: 403, testing_agency: 403, gas_company: ok, gas_company_other: other });

const fixed = (r: Req) => async () => r;
const window = () => `from=${new Date(Date.now() - 3600_000).toISOString()}&to=${new Date().toISOString()}`;

const CASES: { name: string; expected: Record<Who, number>; request: (who: Who) => Promise<Req> }[] = [
  { name: "GET /gas/leaks", expected: LIST, request: fixed({ method: "GET", url: "/gas/leaks" }) },
  { name: "GET /gas/leaks/export", expected: LIST, request: fixed({ method: "GET", url: "/gas/leaks/export" }) },
  { name: "GET /gas/leaks/:id", expected: READ_ONE, request: async () => ({ method: "GET", url: `/gas/leaks/${await suspect()}` }) },
  // Below 1 % LEL: cleared, so no case is opened and the matrix stays about authority only.
  { name: "POST /gas/leaks/:id/recheck", expected: WRITE(200, 404), request: async () => ({ method: "POST", url: `/gas/leaks/${await suspect()}/recheck`, payload: { ppm: 100, enclosed: false } }) },
  { name: "GET /gas/detector-readings", expected: READ_ONE, request: async () => ({ method: "GET", url: `/gas/detector-readings?deviceId=${vehicleId}&${window()}` }) },
  { name: "GET /gas/vehicles", expected: LIST, request: fixed({ method: "GET", url: "/gas/vehicles" }) },
];

describe("leak area authorization", () => {
  for (const c of CASES) {
    it(c.name, async () => {
      const got: Partial<Record<Who, number>> = {};
      for (const who of WHO) got[who] = (await call(who, await c.request(who))).statusCode;
      expect(got).toEqual(c.expected);
    });
  }

  it("lists answer another company's user none of GAS's leak points or vehicles", async () => {
    await suspect();
    const items = async (who: Who, url: string) => (await call(who, { method: "GET", url })).json().items as unknown[];
    expect((await items("gas_company", "/gas/leaks")).length).toBeGreaterThan(0);
    expect(await items("gas_company_other", "/gas/leaks")).toEqual([]);
    expect((await items("gas_company", "/gas/vehicles")).length).toBe(1);
    expect(await items("gas_company_other", "/gas/vehicles")).toEqual([]);
    expect((await items("inspector", "/gas/vehicles")).length).toBeGreaterThan(0);
  });
});
