import { eq, type SQL } from "drizzle-orm";
import type { Actor } from "../../platform/context.js";
import { projectScope } from "../registry/index.js";
import { testingCommissions as C } from "./schema.js";

/**
 * Which commissions an actor sees: a testing agency those addressed to it (whatever the project), the
 * project parties those of their projects, the bureau all.
 */
export function commissionScope(actor: Actor): SQL | undefined {
  if (actor.role === "testing_agency") return actor.enterpriseId ? eq(C.agencyId, actor.enterpriseId) : eq(C.agencyId, "00000000-0000-0000-0000-000000000000");
  return projectScope(actor, C.projectId);
}
