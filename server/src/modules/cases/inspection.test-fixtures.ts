import type { ParticipantRole } from "@contracts/registry/enums";
import type { Db } from "../../platform/db/client.js";
import { ensureRuleDefaults } from "../../platform/rules/rules.js";
import { registryEnterprises, registryProjectParticipants, registryProjects } from "../registry/schema.js";
import { casesRuleDefinitions } from "./index.js";
import { RANDOM_DRAW_WEIGHTS_RULE } from "./random-plan.calc.js";
import { ensureDefaultTemplates } from "./template.service.js";

/** Rows for the inspection, 双随机 and acceptance DB tests, inserted directly. Only test files import this. */

let seq = 0;
const next = () => `${process.pid % 1000}${++seq}`.padStart(8, "0");

/** What the app start would file: the rules cases and the draw judge by, and the default checklists. */
export async function prepareSupervision(db: Db): Promise<void> {
  await ensureRuleDefaults(db, [...casesRuleDefinitions, RANDOM_DRAW_WEIGHTS_RULE as never]);
  await ensureDefaultTemplates(db);
}

export async function insertEnterprise(db: Db, type = "contractor") {
  const n = next();
  const [e] = await db
    .insert(registryEnterprises)
    .values({ name: `永康市检查测试${n}有限公司`, creditCode: `91330784${n.padStart(10, "0")}`.slice(0, 18), type, legalRep: "李四" })
    .returning();
  return e;
}

/** The enterprise type a participant role calls for; every contracting role is a contractor. */
const enterpriseTypeOf = (role: ParticipantRole) => (["builder", "supervisor", "surveyor", "designer", "testing"].includes(role) ? role : "contractor");

/** A live project with its parties, one enterprise per role given (default: the five acceptance parties). */
export async function insertSite(db: Db, opts: { status?: string; roles?: ParticipantRole[] } = {}) {
  const n = next();
  const [project] = await db
    .insert(registryProjects)
    .values({ code: `YK-INS-${n}`, name: `检查测试${n}工程`, type: "building", district: "东城街道", status: opts.status ?? "in_progress" })
    .returning();
  const roles = opts.roles ?? ["builder", "general_contractor", "supervisor", "surveyor", "designer"];
  const parties = {} as Record<ParticipantRole, string>;
  for (const role of roles) {
    const e = await insertEnterprise(db, enterpriseTypeOf(role));
    await db.insert(registryProjectParticipants).values({ projectId: project.id, enterpriseId: e.id, role });
    parties[role] = e.id;
  }
  return { project, parties };
}
