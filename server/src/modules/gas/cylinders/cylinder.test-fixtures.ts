import { shanghaiDay } from "@contracts/platform/time";
import type { TestApp, TestUser } from "../../../../../test/app";
import type { Db } from "../../../platform/db/client.js";
import { registryEnterprises, registryPersons } from "../../registry/schema.js";
import { gasCylinders, gasStaff, gasStations } from "./schema.js";

/**
 * Gas rows for the cylinder DB tests, inserted directly (the verbs have their own tests). Two gas companies:
 * A with stations A1 and A2, B with B1; a user of every role. Only test files import this.
 */
let seq = 0;
const uniq = () => `${process.pid % 10000}${++seq}${Math.random().toString(36).slice(2, 5)}`.toUpperCase();

const VALID_UNTIL = "2099-12-31";

// Registry rows inserted directly: module rules keep another module's fixtures out of reach.
export async function insertEnterprise(db: Db, opts: { type?: string; name?: string } = {}) {
  const n = uniq();
  const creditCode = `91330784${n}`.padEnd(18, "0").slice(0, 18);
  const [e] = await db.insert(registryEnterprises).values({ name: opts.name ?? `测试企业${n}`, creditCode, type: opts.type ?? "contractor", legalRep: "张三" }).returning();
  return e;
}

export async function insertPerson(db: Db, employerId: string | null) {
  const n = uniq();
  const [p] = await db.insert(registryPersons).values({ name: `测试人员${n}`, idNumber: `GAS${n}`.padEnd(18, "0").slice(0, 18), gender: "M", birthDate: "1990-01-01", employerId }).returning();
  return p;
}

export const daysFrom = (days: number, from = shanghaiDay()) => new Date(Date.parse(`${from}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);

export async function insertStation(db: Db, enterpriseId: string, kind = "filling") {
  const code = `ST${uniq()}`;
  const [s] = await db.insert(gasStations).values({ enterpriseId, code, name: `测试充装站${code}`, kind }).returning();
  return s;
}

/** A cylinder fit to fill today unless `over` says otherwise. */
export async function insertCylinder(db: Db, station: { id: string; enterpriseId: string }, over: Partial<typeof gasCylinders.$inferInsert> = {}) {
  const [c] = await db
    .insert(gasCylinders)
    .values({
      code: `YK${uniq()}`,
      enterpriseId: station.enterpriseId,
      stationId: station.id,
      type: "gas_phase",
      spec: "YSP35.5",
      nominalFillKg: 14.5,
      manufacturedOn: daysFrom(-400),
      nextInspectionOn: daysFrom(365 * 3),
      scrapOn: daysFrom(365 * 10),
      status: "in_stock",
      ...over,
    })
    .returning();
  return c;
}

export async function insertFiller(db: Db, station: { id: string; enterpriseId: string }, validTo = VALID_UNTIL, role = "filler") {
  const person = await insertPerson(db, station.enterpriseId);
  const [staff] = await db
    .insert(gasStaff)
    .values({ enterpriseId: station.enterpriseId, personId: person.id, stationId: station.id, role, certificateNo: `CZ${uniq()}`, certificateValidTo: validTo })
    .returning();
  return { person, staff };
}

export const ROLES = ["admin", "leader", "inspector", "enterprise", "project", "testing_agency", "gas_company"] as const;

export async function gasWorld(t: TestApp) {
  const companyA = await insertEnterprise(t.db, { type: "gas", name: `永康燃气A${uniq()}` });
  const companyB = await insertEnterprise(t.db, { type: "gas", name: `永康燃气B${uniq()}` });
  const contractor = await insertEnterprise(t.db);
  const a1 = await insertStation(t.db, companyA.id);
  const a2 = await insertStation(t.db, companyA.id);
  const b1 = await insertStation(t.db, companyB.id);
  const users: Record<(typeof ROLES)[number] | "gasB", TestUser> = {
    admin: await t.user("admin"),
    leader: await t.user("leader"),
    inspector: await t.user("inspector", { domain: "safety" }),
    enterprise: await t.user("enterprise", { enterpriseId: contractor.id }),
    project: await t.user("project"),
    testing_agency: await t.user("testing_agency", { enterpriseId: contractor.id }),
    gas_company: await t.user("gas_company", { enterpriseId: companyA.id }),
    gasB: await t.user("gas_company", { enterpriseId: companyB.id }),
  };
  return { companyA, companyB, a1, a2, b1, users };
}
export type GasWorld = Awaited<ReturnType<typeof gasWorld>>;

export const errorOf = (res: { json(): unknown }) => (res.json() as { error: { code: string; message: string; details?: { issues?: { path: string; message: string }[] } } }).error;
export const issuePaths = (res: { json(): unknown }) => errorOf(res).details?.issues?.map((i) => i.path) ?? [];
