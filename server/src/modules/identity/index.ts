import type { FastifyPluginAsync } from "fastify";
import { tokenRoutes } from "./token.routes.js";
import { userRoutes } from "./user.routes.js";

/** Users, roles and API tokens (admin pages); sessions themselves live in platform/auth. */
export const identityPlugin: FastifyPluginAsync<{ dataDir: string }> = async (app, opts) => {
  await app.register(userRoutes, { dataDir: opts.dataDir });
  await app.register(tokenRoutes);
};

export { ensureAdmin, type AdminBootstrap } from "./admin.service.js";
export { userDirectory } from "./user-directory.reads.js";
export { activeUsers, targetedUserIds, userNamesOf, userOf, usersView, type UserRef, type UserTarget } from "./user.reads.js";
export { addUsersIfAbsent, type SeedUser } from "./user.load.js";
export { INITIAL_PASSWORD_FILE } from "./initial-password.files.js";
export { CLI_ACTOR, resetUserPassword, type PasswordReset } from "./password.service.js";
