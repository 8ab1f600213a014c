import { creditCodeCheckChar, idNumberCheckChar } from "@contracts/registry/identifiers";
import type { TestApp, TestUser } from "../../../../test/app";
import { ensureRuleDefaults } from "../../platform/rules/rules.js";
import { casesRuleDefinitions } from "../cases/index.js";
import { iotDevices } from "../iot/schema.js";
import { registryCertificates, registryEnterprises, registryPersons, registryProjectParticipants, registryProjects } from "../registry/schema.js";
import { safetyExperts } from "./schema.js";
import { safetyRuleDefinitions } from "./index.js";

let seq = 0;
const creditCode = () => {
  const first17 = `91330784SF${String(++seq).padStart(7, "0")}`;
  return first17 + creditCodeCheckChar(first17);
};
const idNumber = () => {
  const n = ++seq;
  const first17 = `330784197${n % 10}01${String(1 + (n % 28)).padStart(2, "0")}${String(n % 1000).padStart(3, "0")}`;
  return first17 + idNumberCheckChar(first17);
};

/**
 * A safety world: project P (builder BLD, general contractor GC, supervisor SUP, specialty subcontractor SUB) and project Q of another
 * contractor OTHER; a gas company; users bound to each; a pool of 8 experts — 6 clear, `conflicted` employed
 * by GC, `inactive` retired; operators with a valid and an expired 特种作业操作证; a crane monitor on P.
 */
export async function safetyWorld(t: TestApp) {
  await ensureRuleDefaults(t.db, [...safetyRuleDefinitions, ...casesRuleDefinitions]);
  const ents = await t.db
    .insert(registryEnterprises)
    .values(([["GC", "contractor"], ["SUP", "supervisor"], ["BLD", "builder"], ["OTHER", "contractor"], ["GAS", "gas"], ["UNI", "other"], ["SUB", "contractor"]] as const).map(([key, type]) => ({ name: `安全测试${key}${seq}`, creditCode: creditCode(), type, legalRep: "法人" })))
    .returning({ id: registryEnterprises.id });
  const [GC, SUP, BLD, OTHER, GAS, UNI, SUB] = ents.map((e) => e.id);
  const [P, Q] = (
    await t.db
      .insert(registryProjects)
      .values([
        { code: `SF-P-${seq}`, name: "安全测试项目甲", type: "building", district: "东城街道", status: "in_progress" },
        { code: `SF-Q-${seq}`, name: "安全测试项目乙", type: "building", district: "西城街道", status: "in_progress" },
      ])
      .returning({ id: registryProjects.id })
  ).map((r) => r.id);
  await t.db.insert(registryProjectParticipants).values([
    { projectId: P, enterpriseId: BLD, role: "builder" },
    { projectId: P, enterpriseId: GC, role: "general_contractor" },
    { projectId: P, enterpriseId: SUP, role: "supervisor" },
    { projectId: P, enterpriseId: SUB, role: "specialty_subcontractor" },
    { projectId: Q, enterpriseId: OTHER, role: "general_contractor" },
  ]);
  const person = (employerId: string | null, name: string) => ({ name, idNumber: idNumber(), gender: "M", birthDate: "1970-01-01", employerId });
  const people = await t.db
    .insert(registryPersons)
    .values([
      ...Array.from({ length: 6 }, (_, i) => person(UNI, `专家${i + 1}`)),
      person(GC, "冲突专家"),
      person(UNI, "停用专家"),
      person(GC, "持证司机"),
      person(GC, "过期司机"),
    ])
    .returning({ id: registryPersons.id });
  const experts = await t.db
    .insert(safetyExperts)
    .values(people.slice(0, 8).map((p, i) => ({ personId: p.id, enterpriseId: i === 6 ? GC : UNI, specialty: "geotechnical", title: "senior", years: 20, active: i === 7 ? 0 : 1 })))
    .returning({ id: safetyExperts.id });
  const [certified, expired] = [people[8].id, people[9].id];
  await t.db.insert(registryCertificates).values([
    { personId: certified, kind: "special_operation", specialty: "塔式起重机司机", certNo: `TZ-${seq}-1`, expiresOn: "2099-12-31" },
    { personId: expired, kind: "special_operation", specialty: "塔式起重机司机", certNo: `TZ-${seq}-2`, expiresOn: "2020-01-01" },
  ]);
  const [crane] = await t.db.insert(iotDevices).values({ projectId: P, type: "tower_crane", code: `SF-TC-${seq}`, name: "1#塔吊", secretHash: "x" }).returning({ id: iotDevices.id });
  const [craneQ] = await t.db.insert(iotDevices).values({ projectId: Q, type: "tower_crane", code: `SF-TCQ-${seq}`, name: "Q塔吊", secretHash: "x" }).returning({ id: iotDevices.id });
  const users: Record<"admin" | "inspector" | "leader" | "gc" | "sup" | "sub" | "builder" | "project" | "other", TestUser> = {
    admin: await t.user("admin"),
    inspector: await t.user("inspector", { domain: "safety" }),
    leader: await t.user("leader"),
    gc: await t.user("enterprise", { enterpriseId: GC }),
    sup: await t.user("enterprise", { enterpriseId: SUP }),
    sub: await t.user("enterprise", { enterpriseId: SUB }),
    builder: await t.user("enterprise", { enterpriseId: BLD }),
    project: await t.user("project", { projectIds: [P] }),
    other: await t.user("enterprise", { enterpriseId: OTHER }),
  };
  return {
    GC,
    SUP,
    BLD,
    SUB,
    OTHER,
    GAS,
    P,
    Q,
    experts: experts.slice(0, 6).map((e) => e.id),
    conflicted: experts[6].id,
    inactive: experts[7].id,
    certified,
    expired,
    crane: crane.id,
    craneQ: craneQ.id,
    users,
  };
}
export type SafetyWorld = Awaited<ReturnType<typeof safetyWorld>>;


/** The smallest thing the file store takes for a PDF: its signature and some bytes. */
export const TINY_PDF = Buffer.from("%PDF-1.4\n% 专项施工方案\n%%EOF\n");
