import { and, eq } from "drizzle-orm";
import type { ParticipantRole } from "@contracts/registry/enums";
import type { Actor } from "../../platform/context.js";
import type { Executor } from "../../platform/db/client.js";
import { registryProjectParticipants as PP } from "../registry/index.js";
import type { ActorParties } from "./dangerous-work.workflow.js";

/**
 * What the actor is on a project it can already see: an enterprise-bound user signs for its enterprise's
 * participant roles; a project user is a party but signs for no enterprise; the admin may run the
 * unsigned steps of any project (it holds safety.manage) but signs nothing. `drafterEnterpriseId` is the
 * specialty subcontractor that drafted the work's scheme, if any.
 */
export async function actorParties(db: Executor, actor: Actor, projectId: string, drafterEnterpriseId: string | null = null): Promise<ActorParties> {
  const party = actor.permissions.has("safety.manage");
  if (!actor.enterpriseId || !party) return { generalContractor: false, supervisor: false, builder: false, drafter: false, party };
  const roles = await db
    .select({ role: PP.role })
    .from(PP)
    .where(and(eq(PP.projectId, projectId), eq(PP.enterpriseId, actor.enterpriseId)));
  const has = (r: ParticipantRole) => roles.some((x) => x.role === r);
  return {
    generalContractor: has("general_contractor"),
    supervisor: has("supervisor"),
    builder: has("builder"),
    drafter: actor.enterpriseId === drafterEnterpriseId && has("specialty_subcontractor"),
    party,
  };
}

/** The project's general contractor (使用单位 of its equipment, answerable for its findings), if any. */
export async function generalContractorOf(db: Executor, projectId: string): Promise<string | null> {
  const [row] = await db
    .select({ id: PP.enterpriseId })
    .from(PP)
    .where(and(eq(PP.projectId, projectId), eq(PP.role, "general_contractor")))
    .limit(1);
  return row?.id ?? null;
}
