import type { ParticipantRole } from "@contracts/registry/enums";
import type { Actor } from "../../platform/context.js";
import type { Executor } from "../../platform/db/client.js";
import { participantsOf } from "../registry/index.js";
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
  const roles = await participantsOf(db, projectId, actor.enterpriseId);
  const has = (r: ParticipantRole) => roles.some((x) => x.role === r);
  return {
    generalContractor: has("general_contractor"),
    supervisor: has("supervisor"),
    builder: has("builder"),
    drafter: actor.enterpriseId === drafterEnterpriseId && has("specialty_subcontractor"),
    party,
  };
}
