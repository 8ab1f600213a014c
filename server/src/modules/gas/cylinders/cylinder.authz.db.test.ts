import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, type TestApp, type TestUser } from "../../../../../test/app";
import ExcelJS from "exceljs";
import { multipartFile } from "../../registry/project.test-fixtures.js";
import { gasWorld, insertCylinder, insertFiller, insertPerson, ROLES, type GasWorld } from "./cylinder.test-fixtures.js";

/**
 * Every route of the cylinder area × the seven roles and anonymous, on the caller's own company's records
 * (in scope) and on another gas company's (out of scope). gas.read: admin, leader, inspector, gas_company;
 * gas.manage: admin, gas_company. Out of scope answers as absent (404) or, for a referenced id in a body, names
 * the field (400); lists leave it out.
 */
let t: TestApp;
let w: GasWorld;

beforeAll(async () => {
  t = await createTestApp();
  w = await gasWorld(t);
});
afterAll(() => t.close());

type Who = (typeof ROLES)[number] | "anonymous";
const WHO: Who[] = [...ROLES, "anonymous"];
const READERS: Who[] = ["admin", "leader", "inspector", "gas_company"];
const MANAGERS: Who[] = ["admin", "gas_company"];
const userOf = (who: Who): TestUser | null => (who === "anonymous" ? null : w.users[who]);

let n = 0;
const uniq = () => `AZ${process.pid}${++n}`;

type Req = { method: "GET" | "POST" | "PUT"; url: string; payload?: object | Buffer; headers?: Record<string, string> };

interface Route {
  name: string;
  manage: boolean;
  /** The request on a record of company A (the gas_company user's own), and on one of company B. */
  own: () => Promise<Req>;
  foreign?: () => Promise<Req>;
  /** What a gas_company user of A gets on B's record. */
  foreignStatus?: number;
  okStatus?: number;
}

const stationBody = (enterpriseId: string) => ({ enterpriseId, code: uniq(), name: "授权测试站", kind: "filling" });
const cylinderBody = (stationId: string) => ({ code: uniq(), stationId, type: "gas_phase", spec: "YSP35.5", nominalFillKg: 14.5, manufacturedOn: "2024-01-01" });

async function xlsx(headers: string[], rows: (string | number)[][]) {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet("s");
  ws.addRow(headers);
  for (const r of rows) ws.addRow(r);
  return multipartFile("file", "upload.xlsx", Buffer.from(await wb.xlsx.writeBuffer()), "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
}
const CYLINDER_HEADERS = ["钢瓶编码", "产权站点编码", "类型", "规格型号", "允许充装量(kg)", "制造单位", "出厂编号", "制造日期", "上次检验日期"];
const FILL_HEADERS = ["充装站编码", "钢瓶编码", "充装时间", "充装净重(kg)", "充装工人员ID", "充装工证书编号", "充装前检查合格", "充装后检查合格", "检漏合格"];

const routes: Route[] = [
  {
    name: "POST /gas/cylinders/import",
    manage: true,
    okStatus: 202,
    own: async () => ({ method: "POST", url: "/api/v1/gas/cylinders/import", ...(await xlsx(CYLINDER_HEADERS, [[uniq(), w.a1.code, "气相瓶", "YSP35.5", 14.5, "", "", "2024-01-01"]])) }),
  },
  {
    name: "POST /gas/fills/import",
    manage: true,
    own: async () => {
      const c = await insertCylinder(t.db, w.a1, { updatedAt: new Date(Date.now() - 3600_000) });
      const f = await insertFiller(t.db, w.a1);
      return { method: "POST", url: "/api/v1/gas/fills/import", ...(await xlsx(FILL_HEADERS, [[w.a1.code, c.code, new Date().toISOString(), 14, f.person.id, "", "是", "是"]])) };
    },
    foreign: async () => {
      const c = await insertCylinder(t.db, w.b1, { updatedAt: new Date(Date.now() - 3600_000) });
      const f = await insertFiller(t.db, w.b1);
      return { method: "POST", url: "/api/v1/gas/fills/import", ...(await xlsx(FILL_HEADERS, [[w.b1.code, c.code, new Date().toISOString(), 14, f.person.id, "", "是", "是"]])) };
    },
    foreignStatus: 400,
  },
  {
    name: "POST /gas/fill-checks",
    manage: true,
    own: async () => ({ method: "POST", url: "/api/v1/gas/fill-checks", payload: { stationCode: w.a1.code, cylinderCode: (await insertCylinder(t.db, w.a1)).code } }),
    foreign: async () => ({ method: "POST", url: "/api/v1/gas/fill-checks", payload: { stationCode: w.b1.code, cylinderCode: (await insertCylinder(t.db, w.b1)).code } }),
    foreignStatus: 404,
  },
  { name: "GET /gas/stations", manage: false, own: async () => ({ method: "GET", url: "/api/v1/gas/stations" }) },
  { name: "GET /gas/stations/export", manage: false, own: async () => ({ method: "GET", url: "/api/v1/gas/stations/export" }) },
  { name: "POST /gas/stations", manage: true, okStatus: 201, own: async () => ({ method: "POST", url: "/api/v1/gas/stations", payload: stationBody(w.companyA.id) }) },
  {
    name: "GET /gas/stations/:id",
    manage: false,
    own: async () => ({ method: "GET", url: `/api/v1/gas/stations/${w.a1.id}` }),
    foreign: async () => ({ method: "GET", url: `/api/v1/gas/stations/${w.b1.id}` }),
    foreignStatus: 404,
  },
  {
    name: "PUT /gas/stations/:id",
    manage: true,
    own: async () => ({ method: "PUT", url: `/api/v1/gas/stations/${w.a2.id}`, payload: { code: w.a2.code, name: "改名站", kind: "filling" } }),
    foreign: async () => ({ method: "PUT", url: `/api/v1/gas/stations/${w.b1.id}`, payload: { code: w.b1.code, name: "改名站", kind: "filling" } }),
    foreignStatus: 404,
  },
  { name: "GET /gas/staff", manage: false, own: async () => ({ method: "GET", url: "/api/v1/gas/staff" }) },
  { name: "GET /gas/staff/export", manage: false, own: async () => ({ method: "GET", url: "/api/v1/gas/staff/export" }) },
  {
    name: "POST /gas/staff",
    manage: true,
    okStatus: 201,
    own: async () => ({ method: "POST", url: "/api/v1/gas/staff", payload: { enterpriseId: w.companyA.id, personId: (await insertPerson(t.db, null)).id, role: "filler", certificateNo: uniq(), certificateValidTo: "2030-01-01" } }),
    foreign: async () => ({ method: "POST", url: "/api/v1/gas/staff", payload: { enterpriseId: w.companyB.id, personId: (await insertPerson(t.db, null)).id, stationId: w.b1.id, role: "filler", certificateNo: uniq(), certificateValidTo: "2030-01-01" } }),
    foreignStatus: 400,
  },
  {
    name: "GET /gas/staff/:id",
    manage: false,
    own: async () => ({ method: "GET", url: `/api/v1/gas/staff/${(await insertFiller(t.db, w.a1)).staff.id}` }),
    foreign: async () => ({ method: "GET", url: `/api/v1/gas/staff/${(await insertFiller(t.db, w.b1)).staff.id}` }),
    foreignStatus: 404,
  },
  {
    name: "PUT /gas/staff/:id",
    manage: true,
    own: async () => {
      const f = await insertFiller(t.db, w.a1);
      return { method: "PUT", url: `/api/v1/gas/staff/${f.staff.id}`, payload: { personId: f.person.id, role: "filler", certificateNo: uniq(), certificateValidTo: "2031-01-01" } };
    },
    foreign: async () => {
      const f = await insertFiller(t.db, w.b1);
      return { method: "PUT", url: `/api/v1/gas/staff/${f.staff.id}`, payload: { personId: f.person.id, role: "filler", certificateNo: uniq(), certificateValidTo: "2031-01-01" } };
    },
    foreignStatus: 404,
  },
  { name: "GET /gas/cylinders/import-template", manage: true, own: async () => ({ method: "GET", url: "/api/v1/gas/cylinders/import-template" }) },
  { name: "GET /gas/cylinders/export", manage: false, own: async () => ({ method: "GET", url: "/api/v1/gas/cylinders/export" }) },
  { name: "GET /gas/cylinders", manage: false, own: async () => ({ method: "GET", url: "/api/v1/gas/cylinders" }) },
  {
    name: "POST /gas/cylinders",
    manage: true,
    okStatus: 201,
    own: async () => ({ method: "POST", url: "/api/v1/gas/cylinders", payload: cylinderBody(w.a1.id) }),
    foreign: async () => ({ method: "POST", url: "/api/v1/gas/cylinders", payload: cylinderBody(w.b1.id) }),
    foreignStatus: 400,
  },
  {
    name: "GET /gas/cylinders/:id",
    manage: false,
    own: async () => ({ method: "GET", url: `/api/v1/gas/cylinders/${(await insertCylinder(t.db, w.a1)).id}` }),
    foreign: async () => ({ method: "GET", url: `/api/v1/gas/cylinders/${(await insertCylinder(t.db, w.b1)).id}` }),
    foreignStatus: 404,
  },
  {
    name: "POST /gas/cylinders/:id/actions",
    manage: true,
    own: async () => ({ method: "POST", url: `/api/v1/gas/cylinders/${(await insertCylinder(t.db, w.a1)).id}/actions`, payload: { action: "report_lost" } }),
    foreign: async () => ({ method: "POST", url: `/api/v1/gas/cylinders/${(await insertCylinder(t.db, w.b1)).id}/actions`, payload: { action: "report_lost" } }),
    foreignStatus: 404,
  },
  { name: "GET /gas/fills/import-template", manage: true, own: async () => ({ method: "GET", url: "/api/v1/gas/fills/import-template" }) },
  { name: "GET /gas/fills/export", manage: false, own: async () => ({ method: "GET", url: "/api/v1/gas/fills/export" }) },
  { name: "GET /gas/fills", manage: false, own: async () => ({ method: "GET", url: "/api/v1/gas/fills" }) },
  {
    name: "POST /gas/fills",
    manage: true,
    own: async () => {
      const c = await insertCylinder(t.db, w.a1, { updatedAt: new Date(Date.now() - 3600_000) });
      const f = await insertFiller(t.db, w.a1);
      return { method: "POST", url: "/api/v1/gas/fills", payload: [{ stationCode: w.a1.code, cylinderCode: c.code, filledAt: new Date().toISOString(), netWeightKg: 14, fillerPersonId: f.person.id, preCheckOk: true, postCheckOk: true }] };
    },
    foreign: async () => {
      const c = await insertCylinder(t.db, w.b1, { updatedAt: new Date(Date.now() - 3600_000) });
      const f = await insertFiller(t.db, w.b1);
      return { method: "POST", url: "/api/v1/gas/fills", payload: [{ stationCode: w.b1.code, cylinderCode: c.code, filledAt: new Date().toISOString(), netWeightKg: 14, fillerPersonId: f.person.id, preCheckOk: true, postCheckOk: true }] };
    },
    // The foreign station reads as unknown: a bad row naming stationCode.
    foreignStatus: 400,
  },
];

const expected = (route: Route, who: Who) => {
  if (who === "anonymous") return 401;
  const allowed = route.manage ? MANAGERS : READERS;
  return allowed.includes(who) ? (route.okStatus ?? 200) : 403;
};

describe("cylinder area authorization", () => {
  for (const route of routes) {
    it(`${route.name}: every role, in scope`, async () => {
      const got: Record<string, number> = {};
      const want: Record<string, number> = {};
      for (const who of WHO) {
        const res = await t.as(userOf(who), await route.own());
        got[who] = res.statusCode;
        want[who] = expected(route, who);
      }
      expect(got).toEqual(want);
    });
    if (route.foreign) {
      it(`${route.name}: another gas company's record`, async () => {
        const got: Record<string, number> = {};
        const want: Record<string, number> = {};
        for (const who of WHO) {
          const res = await t.as(userOf(who), await route.foreign!());
          got[who] = res.statusCode;
          // The bureau has the whole city in scope; company A's user sees B's records as absent.
          want[who] = who === "gas_company" ? route.foreignStatus! : expected(route, who);
        }
        expect(got).toEqual(want);
      });
    }
  }

  it("leaves another company's records out of a gas company's lists and exports", async () => {
    const foreign = await insertCylinder(t.db, w.b1);
    const list = await t.as(w.users.gas_company, { method: "GET", url: `/api/v1/gas/cylinders?q=${foreign.code}` });
    expect(list.json()).toMatchObject({ total: 0 });
    const stations = (await t.as(w.users.gas_company, { method: "GET", url: "/api/v1/gas/stations?pageSize=200" })).json() as { items: { id: string }[] };
    expect(stations.items.map((s) => s.id)).not.toContain(w.b1.id);
    expect(stations.items.map((s) => s.id)).toContain(w.a1.id);
  });

  it("serves the public scan to everyone, logged in or not", async () => {
    const c = await insertCylinder(t.db, w.b1);
    for (const who of WHO) expect((await t.as(userOf(who), { method: "GET", url: `/api/v1/public/cylinders/${c.code}` })).statusCode, who).toBe(200);
  });
});
