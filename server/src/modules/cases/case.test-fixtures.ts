import type { TestApp, TestUser } from "../../../../test/app";
import { createTestApp, multipart } from "../../../../test/app";
import { buildActor } from "../../platform/auth/actor.js";
import type { ServiceContext } from "../../platform/context.js";
import { EventBus, type DomainEvent } from "../../platform/events/bus.js";
import { ensureRuleDefaults } from "../../platform/rules/rules.js";
import type { Db } from "../../platform/db/client.js";
import { registryEnterprises, registryProjectParticipants, registryProjects } from "../registry/schema.js";
import { casesRuleDefinitions } from "./case.rules.js";

/**
 * The cases DB tests' world, inserted directly: project PA (general contractor A, supervisor SUP) and PB
 * (general contractor B), with users on each side. Only test files import this.
 */

let seq = 0;
const next = () => `${process.pid % 1000}${++seq}`.padStart(8, "0");

export async function insertEnterprise(db: Db, type = "contractor") {
  const n = next();
  const [e] = await db
    .insert(registryEnterprises)
    .values({ name: `整改测试${n}建设有限公司`, creditCode: `91330784${n.padStart(10, "0")}`.slice(0, 18), type, legalRep: "张三" })
    .returning();
  return e.id;
}

export async function insertProject(db: Db, participants: { enterpriseId: string; role: string }[], status = "in_progress") {
  const n = next();
  const [project] = await db
    .insert(registryProjects)
    .values({ code: `ZG-P-${n}`, name: `整改测试${n}工程`, type: "building", district: "江南街道", status, permitNo: `330784-${n}` })
    .returning();
  if (participants.length > 0) await db.insert(registryProjectParticipants).values(participants.map((p) => ({ projectId: project.id, ...p })));
  return project;
}

export interface CasesWorld {
  t: TestApp;
  A: string;
  B: string;
  SUP: string;
  PA: { id: string; name: string; code: string };
  PB: { id: string; name: string; code: string };
  admin: TestUser;
  leader: TestUser;
  inspector: TestUser;
  contractorA: TestUser;
  supervisorA: TestUser;
  projectUserA: TestUser;
  contractorB: TestUser;
}

export async function casesWorld(): Promise<CasesWorld> {
  const t = await createTestApp();
  await ensureRuleDefaults(t.db, casesRuleDefinitions);
  const [A, B, SUP] = [await insertEnterprise(t.db), await insertEnterprise(t.db), await insertEnterprise(t.db, "supervisor")];
  const PA = await insertProject(t.db, [
    { enterpriseId: A, role: "general_contractor" },
    { enterpriseId: SUP, role: "supervisor" },
  ]);
  const PB = await insertProject(t.db, [{ enterpriseId: B, role: "general_contractor" }]);
  return {
    t,
    A,
    B,
    SUP,
    PA,
    PB,
    admin: await t.user("admin"),
    leader: await t.user("leader"),
    inspector: await t.user("inspector", { domain: "safety" }),
    contractorA: await t.user("enterprise", { enterpriseId: A }),
    supervisorA: await t.user("enterprise", { enterpriseId: SUP }),
    projectUserA: await t.user("project", { projectIds: [PA.id] }),
    contractorB: await t.user("enterprise", { enterpriseId: B }),
  };
}

/** A service context for calling the exported verbs directly, recording the events it publishes. */
export function serviceContext(t: TestApp, user: { id: string | null; username: string }, role: "admin" | "inspector" = "admin"): ServiceContext & { published: DomainEvent[] } {
  const published: DomainEvent[] = [];
  const events = new EventBus();
  const publish = events.publish.bind(events);
  events.publish = (type, payload) => {
    published.push({ type, payload });
    publish(type, payload);
  };
  return { ...t.context(buildActor({ id: user.id, username: user.username, displayName: user.username, role }), { events }), published };
}

export const PNG = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]);

/** Uploads a photo through the API; returns its id. */
export async function uploadPhoto(t: TestApp, user: TestUser): Promise<string> {
  const res = await t.as(user, { method: "POST", url: "/api/v1/cases/photos", ...multipart("p.png", PNG) });
  if (res.statusCode !== 201) throw new Error(`photo upload ${res.statusCode}: ${res.body}`);
  return (res.json() as { id: string }).id;
}
