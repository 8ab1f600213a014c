import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { StaffDto, StationDto } from "@contracts/gas/station";
import { createTestApp, type TestApp } from "../../../../../test/app";
import { auditLog } from "../../../platform/audit/schema.js";

import { daysFrom, gasWorld, insertCylinder, insertEnterprise, insertPerson, issuePaths, type GasWorld } from "./cylinder.test-fixtures.js";

let t: TestApp;
let w: GasWorld;

beforeAll(async () => {
  t = await createTestApp();
  w = await gasWorld(t);
});
afterAll(() => t.close());

let n = 0;
const code = () => `S${process.pid}X${++n}`;

describe("stations", () => {
  it("files a station for the user's own company, audited, and refuses a taken code", async () => {
    const body = { code: code(), name: "城西充装站", kind: "filling", address: "永康市城西", enterpriseId: w.companyB.id };
    const res = await t.as(w.users.gas_company, { method: "POST", url: "/api/v1/gas/stations", payload: body });
    expect(res.statusCode).toBe(201);
    const s = res.json() as StationDto;
    // A gas company always files for itself, whatever it names.
    expect(s).toMatchObject({ enterpriseId: w.companyA.id, kind: "filling", cylinders: 0, active: true });
    expect((await t.db.select().from(auditLog).where(and(eq(auditLog.entity, "gas_station"), eq(auditLog.entityId, s.id)))).map((a) => a.action)).toEqual(["gas.station.created"]);
    expect((await t.as(w.users.gas_company, { method: "POST", url: "/api/v1/gas/stations", payload: body })).statusCode).toBe(409);
  });

  it("lets the bureau file only for a registered gas company", async () => {
    const contractor = await insertEnterprise(t.db);
    expect(issuePaths(await t.as(w.users.admin, { method: "POST", url: "/api/v1/gas/stations", payload: { code: code(), name: "x", kind: "filling" } }))).toEqual(["enterpriseId"]);
    expect(issuePaths(await t.as(w.users.admin, { method: "POST", url: "/api/v1/gas/stations", payload: { code: code(), name: "x", kind: "filling", enterpriseId: contractor.id } }))).toEqual(["enterpriseId"]);
  });

  it("lists with search, filters, sort and counts of live cylinders", async () => {
    await insertCylinder(t.db, w.a1);
    await insertCylinder(t.db, w.a1, { status: "scrapped", voidedAt: new Date() });
    const list = (await t.as(w.users.leader, { method: "GET", url: `/api/v1/gas/stations?q=${w.a1.code}` })).json() as { items: StationDto[] };
    expect(list.items).toHaveLength(1);
    expect(list.items[0].cylinders).toBe(1);
    const sorted = (await t.as(w.users.leader, { method: "GET", url: `/api/v1/gas/stations?enterpriseId=${w.companyA.id}&sort=-code` })).json() as { items: StationDto[] };
    expect(sorted.items.map((s) => s.code)).toEqual(sorted.items.map((s) => s.code).sort().reverse());
    expect(sorted.items.every((s) => s.enterpriseId === w.companyA.id)).toBe(true);
  });
});

describe("staff", () => {
  it("registers a certified filler (a registry person) and tells an expired certificate", async () => {
    const person = await insertPerson(t.db, null);
    const res = await t.as(w.users.gas_company, {
      method: "POST",
      url: "/api/v1/gas/staff",
      payload: { personId: person.id, stationId: w.a1.id, role: "filler", certificateNo: code(), certificateValidTo: daysFrom(30) },
    });
    expect(res.statusCode).toBe(201);
    const staff = res.json() as StaffDto;
    expect(staff).toMatchObject({ personName: person.name, stationName: w.a1.name, certified: true, enterpriseId: w.companyA.id });
    const expired = await t.as(w.users.gas_company, {
      method: "PUT",
      url: `/api/v1/gas/staff/${staff.id}`,
      payload: { personId: person.id, stationId: w.a1.id, role: "filler", certificateNo: staff.certificateNo, certificateValidTo: daysFrom(-1) },
    });
    expect(expired.json()).toMatchObject({ certified: false });
    const lapsed = (await t.as(w.users.gas_company, { method: "GET", url: "/api/v1/gas/staff?certified=false&role=filler" })).json() as { items: StaffDto[] };
    expect(lapsed.items.map((s) => s.id)).toContain(staff.id);
    expect((await t.as(w.users.gas_company, { method: "POST", url: "/api/v1/gas/staff", payload: { personId: person.id, role: "filler", certificateNo: "x", certificateValidTo: daysFrom(1) } })).statusCode).toBe(409);
  });

  it("names an unknown person or another company's station", async () => {
    expect(issuePaths(await t.as(w.users.gas_company, { method: "POST", url: "/api/v1/gas/staff", payload: { personId: "00000000-0000-4000-8000-000000000009", role: "delivery", certificateNo: "x", certificateValidTo: daysFrom(1) } }))).toEqual(["personId"]);
    const person = await insertPerson(t.db, null);
    expect(issuePaths(await t.as(w.users.gas_company, { method: "POST", url: "/api/v1/gas/staff", payload: { personId: person.id, stationId: w.b1.id, role: "delivery", certificateNo: "x", certificateValidTo: daysFrom(1) } }))).toEqual(["stationId"]);
  });
});
