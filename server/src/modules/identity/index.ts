import type { FastifyPluginAsync } from "fastify";
import { tokenRoutes } from "./token.routes.js";
import { userRoutes } from "./user.routes.js";

/** Users, roles and API tokens (admin pages); sessions themselves live in platform/auth. */
export const identityPlugin: FastifyPluginAsync = async (app) => {
  await app.register(userRoutes);
  await app.register(tokenRoutes);
};

export { ensureAdmin } from "./admin.bootstrap.js";
