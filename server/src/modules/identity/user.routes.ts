import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { CreateUserInput, ListUsersQuery, UpdateUserInput, UserDto } from "@contracts/platform/auth";
import { IdParams, page } from "@contracts/platform/common";
import { forgetInitialPassword } from "./initial-password.files.js";
import { listUsers } from "./user.queries.js";
import { createUser, updateUser } from "./user.service.js";

/** `/admin/users`: the admin console's user management (permission `admin.users`, checked in the verbs). */
export const userRoutes: FastifyPluginAsyncZod<{ dataDir: string }> = async (app, opts) => {
  const tags = ["admin"];
  app.get("/admin/users", { schema: { tags, querystring: ListUsersQuery, response: { 200: page(UserDto) } } }, async (req) => listUsers(req.ctx, req.query));

  app.post("/admin/users", { schema: { tags, body: CreateUserInput, response: { 201: UserDto } } }, async (req, reply) =>
    reply.code(201).send(await createUser(req.ctx, req.body)),
  );

  app.patch("/admin/users/:id", { schema: { tags, params: IdParams, body: UpdateUserInput, response: { 200: UserDto } } }, async (req) => {
    const user = await updateUser(req.ctx, req.params.id, req.body);
    // The generated password in DATA_DIR no longer logs in: it goes with the change (ensureAdmin also checks on start).
    if (req.body.password) await forgetInitialPassword(opts.dataDir, user.username);
    return user;
  });
};
