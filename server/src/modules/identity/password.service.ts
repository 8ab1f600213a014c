import { eq, sql } from "drizzle-orm";
import { recordAudit } from "../../platform/audit/audit.js";
import { buildActor } from "../../platform/auth/actor.js";
import { hashPassword, randomPassword } from "../../platform/auth/secrets.js";
import { endUserSessions } from "../../platform/auth/session.js";
import type { Db } from "../../platform/db/client.js";
import { AppError } from "../../platform/errors.js";
import { removeInitialPassword, writeInitialPassword } from "./initial-password.files.js";
import { authUsers } from "./schema.js";

/** Who `npm run admin:reset-password` acts as: whoever can run it owns the server, so no login is asked. */
export const CLI_ACTOR = buildActor({ id: null, username: "system/cli", displayName: "命令行 (command line)", role: "admin" });

export interface PasswordReset {
  username: string;
  password: string;
  passwordFile: string;
  isActive: boolean;
}

/**
 * Gives a user a new random password (the way back for a locked-out admin): ends the user's sessions,
 * audits the change as `system/cli`, and keeps the password in `<dataDir>/initial-admin-password`
 * until it is changed.
 * @throws NOT_FOUND naming `user` when there is no such username.
 */
export async function resetUserPassword(db: Db, dataDir: string, username: string): Promise<PasswordReset> {
  const [user] = await db.select({ id: authUsers.id }).from(authUsers).where(eq(authUsers.username, username));
  if (!user) throw new AppError("NOT_FOUND", `用户不存在 (no such user): ${username}`, { issues: [{ path: "user", message: "用户不存在 (no such user)" }] });
  const password = randomPassword();
  // Written before the change commits, so a password that logs in is never only on a terminal that may be gone.
  const passwordFile = await writeInitialPassword(dataDir, { username, password });
  const passwordHash = await hashPassword(password);
  try {
    const isActive = await db.transaction(async (tx) => {
      const [row] = await tx
        .update(authUsers)
        .set({ passwordHash, updatedAt: sql`now()` })
        .where(eq(authUsers.id, user.id))
        .returning({ isActive: authUsers.isActive });
      await endUserSessions(tx, user.id);
      await recordAudit(tx, { actor: CLI_ACTOR, requestId: null, ip: null }, {
        action: "identity.user.password_reset",
        entity: "user",
        entityId: user.id,
        after: { username, passwordChanged: true, sessionsEnded: true },
      });
      return row.isActive;
    });
    return { username, password, passwordFile, isActive };
  } catch (err) {
    await removeInitialPassword(dataDir);
    throw err;
  }
}
