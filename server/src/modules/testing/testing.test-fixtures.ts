import type { TestApp, TestUser } from "../../../../test/app";
import { ensureRuleDefaults } from "../../platform/rules/rules.js";
import { casesRuleDefinitions } from "../cases/index.js";
import type { ParticipantRole, Post } from "@contracts/registry/enums";
import { registryEnterprises, registryPersons, registryProjectParticipants, registryProjectPosts, registryProjects } from "../registry/schema.js";
import { testingRuleDefinitions } from "./index.js";
import { testingAgencies } from "./schema.js";

type Db = TestApp["db"];
let n = 0;
const next = () => `${process.pid % 1000}${++n}`.padStart(8, "0");

async function insertEnterprise(db: Db, opts: { type: string; name?: string }) {
  const k = next();
  const [e] = await db
    .insert(registryEnterprises)
    .values({ name: opts.name ?? `永康市检测世界${k}有限公司`, creditCode: `91330784TW${k}`.slice(0, 18), type: opts.type, legalRep: "张三" })
    .returning();
  return e;
}

async function insertPerson(db: Db, employerId: string, name?: string) {
  const k = next();
  const [p] = await db.insert(registryPersons).values({ name: name ?? `检测人员${k}`, idNumber: `330784TW${k.padStart(10, "0")}`, gender: "M", birthDate: "1990-01-01", employerId }).returning();
  return p;
}

async function insertProject(db: Db) {
  const k = next();
  const [p] = await db.insert(registryProjects).values({ code: `TW-${k}`, name: `检测测试${k}工程`, type: "building", district: "江南街道", status: "in_progress" }).returning();
  return p;
}

const insertParticipant = (db: Db, projectId: string, enterpriseId: string, role: ParticipantRole) => db.insert(registryProjectParticipants).values({ projectId, enterpriseId, role });

const insertPost = (db: Db, projectId: string, personId: string, enterpriseId: string, post: Post, endedOn: string | null = null) =>
  db.insert(registryProjectPosts).values({ projectId, personId, enterpriseId, post, startedOn: "2024-01-01", endedOn });

/** The world's helpers, for tests that build a second project. */
export const testingFixtures = { insertParticipant, insertPost, insertProject };

/**
 * A small testing world: one 在建 project with client, general contractor, supervisor (its chief
 * supervisor can witness) and a qualified agency; a second, foreign project of another contractor; a lapsed
 * agency; users for each party.
 */
export async function testingWorld(t: TestApp) {
  await ensureRuleDefaults(t.db, [...testingRuleDefinitions, ...casesRuleDefinitions]);
  const [builder, gc, sup, agency, lapsed, otherGc] = await Promise.all([
    insertEnterprise(t.db, { type: "builder" }),
    insertEnterprise(t.db, { type: "contractor" }),
    insertEnterprise(t.db, { type: "supervisor" }),
    insertEnterprise(t.db, { type: "testing", name: `检测中心${Math.random().toString(36).slice(2, 6)}` }),
    insertEnterprise(t.db, { type: "testing" }),
    insertEnterprise(t.db, { type: "contractor" }),
  ]);
  const project = await insertProject(t.db);
  const foreign = await insertProject(t.db);
  await insertParticipant(t.db, project.id, builder.id, "builder");
  await insertParticipant(t.db, project.id, gc.id, "general_contractor");
  await insertParticipant(t.db, project.id, sup.id, "supervisor");
  await insertParticipant(t.db, foreign.id, otherGc.id, "general_contractor");
  const witness = await insertPerson(t.db, sup.id, "见证员王");
  const gcStaff = await insertPerson(t.db, gc.id, "取样员李");
  const formerWitness = await insertPerson(t.db, sup.id);
  await insertPost(t.db, project.id, witness.id, sup.id, "supervising_engineer");
  await insertPost(t.db, project.id, gcStaff.id, gc.id, "quality_officer");
  await insertPost(t.db, project.id, formerWitness.id, sup.id, "supervising_engineer", "2024-06-30");
  await t.db.insert(testingAgencies).values([
    { enterpriseId: agency.id, qualificationNo: `JC-${agency.id.slice(0, 8)}`, level: "comprehensive", scopes: ["concrete", "rebar", "mortar", "waterproof"], validTo: "2099-12-31" },
    { enterpriseId: lapsed.id, qualificationNo: `JC-${lapsed.id.slice(0, 8)}`, level: "special", scopes: ["concrete"], validTo: "2020-12-31" },
  ]);
  const users: Record<"admin" | "quality" | "safety" | "gc" | "otherGc" | "agency" | "lapsedAgency" | "projectUser" | "leader", TestUser> = {
    admin: await t.user("admin"),
    quality: await t.user("inspector", { domain: "quality" }),
    safety: await t.user("inspector", { domain: "safety" }),
    gc: await t.user("enterprise", { enterpriseId: gc.id }),
    otherGc: await t.user("enterprise", { enterpriseId: otherGc.id }),
    agency: await t.user("testing_agency", { enterpriseId: agency.id }),
    lapsedAgency: await t.user("testing_agency", { enterpriseId: lapsed.id }),
    projectUser: await t.user("project", { projectIds: [project.id] }),
    leader: await t.user("leader"),
  };
  return { builder, gc, sup, agency, lapsed, otherGc, project, foreign, witness, gcStaff, formerWitness, users };
}

export type TestingWorld = Awaited<ReturnType<typeof testingWorld>>;

export const errorOf = (res: { json(): unknown }) => (res.json() as { error: { code: string; message: string; details?: { issues?: { path: string }[] } } }).error;
export const issuePaths = (res: { json(): unknown }) => errorOf(res).details?.issues?.map((i) => i.path) ?? [];

let lotSeq = 0;
/** A fresh lot number per call, so tests never share a lot. */
export const freshLot = (prefix = "LOT") => `${prefix}-${process.pid}-${++lotSeq}`;

/** Body of a concrete commission on the world's project, witnessed by the supervisor's engineer. */
export const concreteCommission = (w: TestingWorld, over: Record<string, unknown> = {}) => ({
  agencyId: w.agency.id,
  sampleType: "concrete",
  strengthClass: "C30",
  lotNo: freshLot(),
  part: "3F 柱",
  specimenCount: 3,
  witnessed: true,
  witnessPersonId: w.witness.id,
  samplerPersonId: w.gcStaff.id,
  ...over,
});
