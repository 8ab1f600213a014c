import { eq, sql } from "drizzle-orm";
import type { ActorRow, UserDirectory } from "../../platform/auth/user-directory.js";
import type { Executor } from "../../platform/db/client.js";
import { authUserProjects as UP, authUsers as U } from "./schema.js";

// The outer user spelled out: drizzle leaves a one-table select's columns unqualified, and inside the subselect
// a bare "id" must not be taken for another table's.
const projectIdsOf = sql<string[]>`coalesce((select array_agg(up.project_id) from ${UP} up where up.user_id = ${U}.id), '{}')`;

/** The users platform/auth reads (sessions, API tokens, login, live streams): see platform/auth/user-directory.ts. */
export const userDirectory: UserDirectory = {
  activeActor: (userId) => sql<ActorRow | null>`(select json_build_object(
      'id', du.id, 'username', du.username, 'displayName', du.display_name, 'role', du.role, 'domain', du.domain,
      'enterpriseId', du.enterprise_id,
      'projectIds', coalesce((select json_agg(dup.project_id) from ${UP} dup where dup.user_id = du.id), '[]'::json))
    from ${U} du where du.id = ${userId} and du.is_active)`,

  async loginCandidate(db: Executor, username: string) {
    const [row] = await db
      .select({
        id: U.id,
        username: U.username,
        displayName: U.displayName,
        role: U.role,
        domain: U.domain,
        enterpriseId: U.enterpriseId,
        projectIds: projectIdsOf,
        passwordHash: U.passwordHash,
        isActive: U.isActive,
      })
      .from(U)
      .where(eq(U.username, username));
    return row && { ...row, projectIds: row.projectIds ?? [] };
  },

  async recordLogin(tx: Executor, userId: string) {
    await tx.update(U).set({ lastLoginAt: new Date() }).where(eq(U.id, userId));
  },
};
