import type { InjectOptions } from "fastify";
import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, type TestApp, type TestUser } from "../../../../../test/app";
import { multipartFile } from "../../registry/project.test-fixtures.js";
import { gasAnomalies } from "./schema.js";
import { CUSTOMER_IMPORT_COLUMNS } from "./customer.sheet.js";
import { DELIVERY_IMPORT_COLUMNS } from "./delivery.sheet.js";
import { gasWorld, insertCustomer, insertCylinder, validIdNumber, type GasWorld } from "./delivery.test-fixtures.js";

/**
 * Every route of the delivery area × the 7 roles and anonymous, on company A's records: gas company A is in
 * scope, gas company B out of scope (its answer must not reveal A's records).
 */

let t: TestApp;
let w: GasWorld;

beforeAll(async () => {
  t = await createTestApp();
  w = await gasWorld(t);
});
afterAll(() => t.close());

type Actor = "admin" | "leader" | "inspector" | "enterprise" | "project" | "testing" | "gasA" | "gasB" | "anonymous";
const ACTORS: Actor[] = ["admin", "leader", "inspector", "enterprise", "project", "testing", "gasA", "gasB", "anonymous"];

interface RouteCase {
  name: string;
  /** Builds a fresh request per actor (writes need their own records). */
  make: () => Promise<InjectOptions>;
  expect: Partial<Record<Actor, number>> & { otherwise: number };
}

const XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
async function sheet(columns: { key: string; header: string }[], rows: Record<string, string | number>[]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet("s");
  ws.addRow(columns.map((c) => c.header));
  for (const r of rows) ws.addRow(columns.map((c) => r[c.key] ?? null));
  return Buffer.from(await wb.xlsx.writeBuffer());
}
let minute = 0;
const time = () => new Date(Date.parse("2026-08-01T00:00:00Z") + ++minute * 60_000).toISOString();
let n = 0;
const customerBody = (extra: Record<string, unknown> = {}) => ({ code: `AZ-${process.pid}-${++n}`, kind: "resident", name: "张", idNumber: validIdNumber(), phone: "13900000000", address: "永康", ...extra });
const anomalyOfA = async () =>
  (await t.db.insert(gasAnomalies).values({ enterpriseId: w.gasA.id, kind: "check_overdue", dedupKey: `authz:${++n}:${Math.random()}`, detectedAt: new Date() }).returning())[0];
const stockOut = (code: string) => ({ cylinderCode: code, step: "stock_out", at: time(), stationCode: w.stationA.code, staffIdNumber: w.courierA.idNumber });

const READ = { admin: 200, leader: 200, inspector: 200, gasA: 200, gasB: 200, anonymous: 401, otherwise: 403 };
const READ_ONE = { admin: 200, leader: 200, inspector: 200, gasA: 200, gasB: 404, anonymous: 401, otherwise: 403 };
const MANAGE_ONE = (ok: number) => ({ admin: ok, gasA: ok, gasB: 404, anonymous: 401, otherwise: 403 });

let customerA: { id: string };
const routes: RouteCase[] = [
  { name: "GET /gas/customers", make: async () => ({ method: "GET", url: "/api/v1/gas/customers" }), expect: READ },
  { name: "GET /gas/customers/export", make: async () => ({ method: "GET", url: "/api/v1/gas/customers/export" }), expect: READ },
  { name: "GET /gas/customers/import-template", make: async () => ({ method: "GET", url: "/api/v1/gas/customers/import-template" }), expect: { admin: 200, gasA: 200, gasB: 200, anonymous: 401, otherwise: 403 } },
  { name: "GET /gas/customers/:id", make: async () => ({ method: "GET", url: `/api/v1/gas/customers/${customerA.id}` }), expect: READ_ONE },
  { name: "GET /gas/customers/:id/deliveries", make: async () => ({ method: "GET", url: `/api/v1/gas/customers/${customerA.id}/deliveries` }), expect: READ_ONE },
  { name: "GET /gas/customers/:id/full", make: async () => ({ method: "GET", url: `/api/v1/gas/customers/${customerA.id}/full` }), expect: MANAGE_ONE(200) },
  {
    name: "POST /gas/customers",
    // A gas company always files for itself (B's customer, not A's); the admin names the company.
    make: async () => ({ method: "POST", url: "/api/v1/gas/customers", payload: customerBody({ enterpriseId: w.gasA.id }) }),
    expect: { admin: 201, gasA: 201, gasB: 201, anonymous: 401, otherwise: 403 },
  },
  {
    name: "PUT /gas/customers/:id",
    make: async () => {
      const c = await insertCustomer(t.db, w.gasA.id);
      return { method: "PUT", url: `/api/v1/gas/customers/${c.id}`, payload: customerBody({ code: c.code }) };
    },
    expect: MANAGE_ONE(200),
  },
  {
    name: "POST /gas/customers/:id/active",
    make: async () => ({ method: "POST", url: `/api/v1/gas/customers/${(await insertCustomer(t.db, w.gasA.id)).id}/active`, payload: { active: false } }),
    expect: MANAGE_ONE(200),
  },
  {
    name: "POST /gas/customers/import",
    make: async () => ({ method: "POST", url: `/api/v1/gas/customers/import?enterpriseId=${w.gasA.id}`, ...multipartFile("file", "u.xlsx", await sheet(CUSTOMER_IMPORT_COLUMNS, [customerBody()]), XLSX) }),
    expect: { admin: 202, gasA: 202, gasB: 202, anonymous: 401, otherwise: 403 },
  },
  { name: "GET /gas/safety-checks", make: async () => ({ method: "GET", url: "/api/v1/gas/safety-checks" }), expect: READ },
  {
    name: "POST /gas/safety-checks",
    make: async () => ({ method: "POST", url: "/api/v1/gas/safety-checks", payload: { customerId: customerA.id, checkedOn: "2026-01-10", alarmFitted: true, hoseOk: true, valveOk: true } }),
    expect: MANAGE_ONE(201),
  },
  { name: "GET /gas/deliveries", make: async () => ({ method: "GET", url: "/api/v1/gas/deliveries" }), expect: READ },
  { name: "GET /gas/deliveries/export", make: async () => ({ method: "GET", url: "/api/v1/gas/deliveries/export" }), expect: READ },
  { name: "GET /gas/deliveries/import-template", make: async () => ({ method: "GET", url: "/api/v1/gas/deliveries/import-template" }), expect: { admin: 200, gasA: 200, gasB: 200, anonymous: 401, otherwise: 403 } },
  {
    name: "POST /gas/deliveries",
    // Company B cannot move A's cylinder: to B it does not exist (a bad row, not a hint that it is A's).
    make: async () => ({ method: "POST", url: "/api/v1/gas/deliveries", payload: { enterpriseId: w.gasA.id, records: [stockOut((await insertCylinder(t.db, w.gasA.id, w.stationA.id)).code)] } }),
    expect: { admin: 200, gasA: 200, gasB: 400, anonymous: 401, otherwise: 403 },
  },
  {
    name: "POST /gas/deliveries/import",
    make: async () => {
      const code = (await insertCylinder(t.db, w.gasA.id, w.stationA.id)).code;
      const beijing = new Date(Date.parse(time()) + 8 * 3600_000).toISOString().slice(0, 16).replace("T", " ");
      const file = await sheet(DELIVERY_IMPORT_COLUMNS, [{ cylinderCode: code, step: "stock_out", at: beijing, stationCode: w.stationA.code, staffIdNumber: w.courierA.idNumber }]);
      return { method: "POST", url: `/api/v1/gas/deliveries/import?enterpriseId=${w.gasA.id}`, ...multipartFile("file", "d.xlsx", file, XLSX) };
    },
    expect: { admin: 200, gasA: 200, gasB: 400, anonymous: 401, otherwise: 403 },
  },
  { name: "GET /gas/anomalies", make: async () => ({ method: "GET", url: "/api/v1/gas/anomalies" }), expect: READ },
  { name: "GET /gas/anomalies/export", make: async () => ({ method: "GET", url: "/api/v1/gas/anomalies/export" }), expect: READ },
  { name: "GET /gas/anomalies/:id", make: async () => ({ method: "GET", url: `/api/v1/gas/anomalies/${(await anomalyOfA()).id}` }), expect: READ_ONE },
  {
    name: "POST /gas/anomalies/:id/resolve",
    make: async () => ({ method: "POST", url: `/api/v1/gas/anomalies/${(await anomalyOfA()).id}/resolve`, payload: { note: "已处理" } }),
    expect: MANAGE_ONE(200),
  },
  {
    name: "POST /gas/anomalies/:id/case",
    // Opening a rectification case is the bureau's act (cases.inspect); the company answers the case.
    make: async () => ({ method: "POST", url: `/api/v1/gas/anomalies/${(await anomalyOfA()).id}/case`, payload: {} }),
    expect: { admin: 201, inspector: 201, anonymous: 401, otherwise: 403 },
  },
];

describe("delivery-area authorization matrix", () => {
  beforeAll(async () => {
    customerA = await insertCustomer(t.db, w.gasA.id);
  });

  for (const route of routes) {
    it(route.name, async () => {
      const got: Partial<Record<Actor, number>> = {};
      const want: Partial<Record<Actor, number>> = {};
      for (const actor of ACTORS) {
        const user: TestUser | null = actor === "anonymous" ? null : w.users[actor];
        const res = await t.as(user, await route.make());
        got[actor] = res.statusCode;
        want[actor] = route.expect[actor] ?? route.expect.otherwise;
      }
      expect(got).toEqual(want);
    });
  }
});
