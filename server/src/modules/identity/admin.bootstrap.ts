import { eq } from "drizzle-orm";
import { recordAudit } from "../../platform/audit/audit.js";
import { SYSTEM_ACTOR } from "../../platform/auth/actor.js";
import { authUsers } from "../../platform/auth/schema.js";
import { hashPassword, randomPassword } from "../../platform/auth/secrets.js";
import type { Db } from "../../platform/db/client.js";

/**
 * Creates the `admin` user on first start, with ADMIN_PASSWORD or a random password that is returned
 * (and printed) exactly once. An existing admin is left untouched.
 */
export async function ensureAdmin(db: Db, adminPassword: string | undefined): Promise<{ createdPassword: string | null }> {
  const [existing] = await db.select({ id: authUsers.id }).from(authUsers).where(eq(authUsers.username, "admin"));
  if (existing) return { createdPassword: null };
  const password = adminPassword ?? randomPassword();
  const passwordHash = await hashPassword(password);
  await db.transaction(async (tx) => {
    const [row] = await tx
      .insert(authUsers)
      .values({ username: "admin", displayName: "系统管理员", passwordHash, role: "admin" })
      .onConflictDoNothing()
      .returning({ id: authUsers.id, username: authUsers.username, role: authUsers.role });
    if (row) await recordAudit(tx, { actor: SYSTEM_ACTOR, requestId: null, ip: null }, { action: "identity.user.created", entity: "user", entityId: row.id, after: row });
  });
  return { createdPassword: adminPassword ? null : password };
}
