import type { Executor } from "../../platform/db/client.js";
import { authUserProjects, authUsers } from "./schema.js";

/** A user the seed adds, with the projects a project-bound user is bound to. */
export type SeedUser = typeof authUsers.$inferInsert & { projectIds?: readonly string[] };

/**
 * The seed's way into the users tables: the users are inserted unless their username is taken (the first
 * admin exists before the demo city does), with their project bindings; returns the users added. A few
 * dozen rows, so one INSERT rather than COPY (which cannot skip a taken name).
 */
export async function addUsersIfAbsent(executor: Executor, users: readonly SeedUser[]): Promise<{ id: string; username: string; displayName: string }[]> {
  if (users.length === 0) return [];
  const created = await executor
    .insert(authUsers)
    .values(users.map(({ projectIds: _projectIds, ...user }) => user))
    .onConflictDoNothing({ target: authUsers.username })
    .returning({ id: authUsers.id, username: authUsers.username, displayName: authUsers.displayName });
  const links = created.flatMap((c) => (users.find((u) => u.username === c.username)?.projectIds ?? []).map((projectId) => ({ userId: c.id, projectId })));
  if (links.length) await executor.insert(authUserProjects).values(links);
  return created;
}
