import { creditCodeCheckChar, creditCodeProblem, idNumberCheckChar } from "@contracts/registry/identifiers";
import type { TestApp, TestUser } from "../../../../../test/app";
import { registryEnterprises, registryPersons } from "../../registry/schema.js";
import { gasCustomers } from "./schema.js";
import { gasCylinders, gasStaff, gasStations } from "../cylinders/schema.js";

/**
 * A small gas world for the delivery-area DB tests, inserted directly (stations, staff and cylinders belong
 * to the cylinder area, whose services have their own tests). Only test files import this.
 */

type Db = TestApp["db"];
let seq = 0;
const uniq = () => `${process.pid % 1000}${++seq}${Math.random().toString(36).slice(2, 5)}`.toUpperCase();
let idSeq = Math.floor(Math.random() * 300_000);
const pad = (n: number, w: number) => String(n).padStart(w, "0");

/**
 * A valid 居民身份证 number (GB 11643 check digit), unique per call (birth month, day and serial walk a
 * counter). About one in 31 all-digit ID numbers also passes the credit-code check; those are skipped so
 * tests that expect a business to be refused an ID number never flake.
 */
export function validIdNumber(): string {
  for (;;) {
    const n = ++idSeq;
    const body = `3307841985${pad((n % 12) + 1, 2)}${pad((Math.floor(n / 12) % 28) + 1, 2)}${pad(Math.floor(n / 336) % 1000, 3)}`;
    const id = body + idNumberCheckChar(body);
    if (creditCodeProblem(id) !== null) return id;
  }
}

/** A valid 统一社会信用代码 (GB 32100 check character), unique per call. */
export function validCreditCode(): string {
  const body = `91330784${String(++idSeq).padStart(9, "0")}`;
  return body + creditCodeCheckChar(body);
}

async function insertEnterprise(db: Db, opts: { type: string }) {
  const [e] = await db.insert(registryEnterprises).values({ name: `永康市燃气测试${uniq()}有限公司`, creditCode: validCreditCode(), type: opts.type, legalRep: "张三" }).returning();
  return e;
}

export async function insertStation(db: Db, enterpriseId: string) {
  const [s] = await db.insert(gasStations).values({ enterpriseId, code: `ST${uniq()}`, name: `充装站${uniq()}`, kind: "filling", lat: 28.9, lng: 120.05 }).returning();
  return s;
}

export async function insertStaff(db: Db, enterpriseId: string, stationId: string | null, opts: { role?: string; validTo?: string | null; active?: boolean } = {}) {
  const idNumber = validIdNumber();
  const [p] = await db.insert(registryPersons).values({ name: `送气工${uniq()}`, idNumber, gender: "M", birthDate: "1985-01-01", employerId: enterpriseId }).returning();
  const [s] = await db
    .insert(gasStaff)
    .values({ enterpriseId, personId: p.id, stationId, role: opts.role ?? "delivery", certificateNo: `C${uniq()}`, certificateValidTo: opts.validTo === undefined ? "2099-12-31" : opts.validTo, active: opts.active ?? true })
    .returning();
  return { ...s, idNumber, name: p.name };
}

/** A person on the registry who is not staff of any gas company. */
export async function insertOutsider(db: Db) {
  const idNumber = validIdNumber();
  await db.insert(registryPersons).values({ name: `路人${uniq()}`, idNumber, gender: "F", birthDate: "1985-01-01" });
  return idNumber;
}

export async function insertCylinder(db: Db, enterpriseId: string, stationId: string, status = "filled") {
  const [c] = await db
    .insert(gasCylinders)
    .values({ code: `CY${uniq()}`, enterpriseId, stationId, type: "gas_phase", spec: "YSP15", nominalFillKg: 14.5, manufacturedOn: "2022-01-01", nextInspectionOn: "2026-01-01", scrapOn: "2034-01-01", status })
    .returning();
  return c;
}

export async function insertCustomer(db: Db, enterpriseId: string, opts: { kind?: string; nextCheckDue?: string | null; lastCheckOn?: string | null; active?: boolean } = {}) {
  const kind = opts.kind ?? "resident";
  const [c] = await db
    .insert(gasCustomers)
    .values({
      enterpriseId,
      code: `U${uniq()}`,
      kind,
      name: `用户${uniq()}`,
      idNumber: kind === "resident" ? validIdNumber() : validCreditCode(),
      phone: "13800000000",
      address: "永康市东城街道1号",
      lastCheckOn: opts.lastCheckOn ?? null,
      nextCheckDue: opts.nextCheckDue === undefined ? "2099-01-01" : opts.nextCheckDue,
      active: opts.active ?? true,
    })
    .returning();
  return c;
}

export interface GasWorld {
  gasA: { id: string };
  gasB: { id: string };
  stationA: Awaited<ReturnType<typeof insertStation>>;
  stationB: Awaited<ReturnType<typeof insertStation>>;
  courierA: Awaited<ReturnType<typeof insertStaff>>;
  users: Record<"admin" | "leader" | "inspector" | "gasA" | "gasB" | "enterprise" | "project" | "testing", TestUser>;
}

/** Two gas companies (A and B) with a station and a certified delivery person each, and users of every role. */
export async function gasWorld(t: TestApp): Promise<GasWorld> {
  const [gasA, gasB, contractor, agency] = await Promise.all([
    insertEnterprise(t.db, { type: "gas" }),
    insertEnterprise(t.db, { type: "gas" }),
    insertEnterprise(t.db, { type: "contractor" }),
    insertEnterprise(t.db, { type: "testing" }),
  ]);
  const [stationA, stationB] = await Promise.all([insertStation(t.db, gasA.id), insertStation(t.db, gasB.id)]);
  const courierA = await insertStaff(t.db, gasA.id, stationA.id);
  const users = {
    admin: await t.user("admin"),
    leader: await t.user("leader"),
    inspector: await t.user("inspector", { domain: "gas" }),
    gasA: await t.user("gas_company", { enterpriseId: gasA.id }),
    gasB: await t.user("gas_company", { enterpriseId: gasB.id }),
    enterprise: await t.user("enterprise", { enterpriseId: contractor.id }),
    project: await t.user("project"),
    testing: await t.user("testing_agency", { enterpriseId: agency.id }),
  };
  return { gasA, gasB, stationA, stationB, courierA, users };
}
