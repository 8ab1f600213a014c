import type { FastifyPluginAsync } from "fastify";
import type { Executor } from "../../platform/db/client.js";
import { registryEnterprises } from "./schema.js";

/**
 * The registry (三库: projects, enterprises, personnel) is the shared kernel: other modules may hold
 * foreign keys into its tables and call the verbs and scope helpers exported here — and nothing else.
 */
export const registryPlugin: FastifyPluginAsync = async (app) => {
  void app;
};

export { assertProjectVisible, enterpriseScope, personScope, projectScope } from "./scope.js";
export * from "./schema.js";

/** True when no enterprise exists yet (a fresh database the demo seed may fill). */
export async function isRegistryEmpty(db: Executor): Promise<boolean> {
  const rows = await db.select({ id: registryEnterprises.id }).from(registryEnterprises).limit(1);
  return rows.length === 0;
}
