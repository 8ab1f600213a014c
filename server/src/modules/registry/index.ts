import type { FastifyPluginAsync } from "fastify";
import type { Executor } from "../../platform/db/client.js";
import { noFollowUps, type EnterpriseChangeFollowUps } from "./enterprise-change.port.js";
import { enterpriseChangeRoutes } from "./enterprise-change.routes.js";
import { enterpriseRoutes } from "./enterprise.routes.js";
import { personRoutes } from "./person.routes.js";
import { projectRoutes } from "./project.routes.js";
import { registryEnterprises } from "./schema.js";

export interface RegistryDeps {
  /** What other modules do, in the same transaction, when an enterprise change request is filed or decided (cases: the inbox notices). */
  enterpriseChangeFollowUps?: EnterpriseChangeFollowUps;
}

/**
 * The registry (三库: projects, enterprises, personnel) is the shared kernel: other modules may point foreign
 * keys at its key columns and read and write it through the views, look-ups, scope conditions and verbs
 * exported here (registry.reads.ts, registry.scope.ts) — never its tables.
 */
export const registryPlugin: FastifyPluginAsync<RegistryDeps> = async (app, deps) => {
  await app.register(projectRoutes);
  await app.register(enterpriseRoutes);
  await app.register(enterpriseChangeRoutes, { followUps: deps.enterpriseChangeFollowUps ?? noFollowUps });
  await app.register(personRoutes);
};

export { assertProjectVisible, enterpriseScope, personScope, projectScope, scopeKind } from "./registry.scope.js";
export { loadRegistryRows, type RegistryRows } from "./registry.load.js";
export { getProject, getProjectSummary, listProjects, projectStats } from "./project.queries.js";
export { listPersons } from "./person.queries.js";
export {
  certificatesView,
  enterpriseKey,
  enterpriseOf,
  enterprisesView,
  existingPersonIds,
  existingProjectIds,
  generalContractorOf,
  participantsOf,
  participantsView,
  participatingEnterpriseName,
  personKey,
  personOf,
  personsView,
  projectIdsInScope,
  projectKey,
  projectNamesOf,
  projectOf,
  projectPostsView,
  projectsView,
  projectsWithParticipants,
  qualificationsView,
} from "./registry.reads.js";
export { registerPersonsIn } from "./person.service.js";
export { transitionProjectIn, type ProjectStatusChange } from "./project.service.js";
export { ENTERPRISE_CHANGE_DECIDED, ENTERPRISE_CHANGE_REQUESTED } from "./enterprise-change.service.js";
export type { EnterpriseChangeFollowUps, EnterpriseChangeNotice } from "./enterprise-change.port.js";
/** Published after a lifecycle transition commits, payload {projectId, from, to, on, reason}. */
export const PROJECT_STATUS_CHANGED = "registry.project.statusChanged";

/** True when no enterprise exists yet (a fresh database the demo seed may fill). */
export async function isRegistryEmpty(db: Executor): Promise<boolean> {
  const rows = await db.select({ id: registryEnterprises.id }).from(registryEnterprises).limit(1);
  return rows.length === 0;
}
