import type { FastifyPluginAsync } from "fastify";

/** Users, roles and API tokens (admin pages); sessions themselves live in platform/auth. */
export const identityPlugin: FastifyPluginAsync = async (app) => {
  void app;
};

export { ensureAdmin } from "./admin.bootstrap.js";
