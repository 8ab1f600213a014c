import { eq } from "drizzle-orm";
import { recordAudit } from "../../platform/audit/audit.js";
import { SYSTEM_ACTOR } from "../../platform/auth/actor.js";
import { hashPassword, randomPassword, verifyPassword } from "../../platform/auth/secrets.js";
import type { Db } from "../../platform/db/client.js";
import { initialPasswordPath, readInitialPassword, removeInitialPassword, writeInitialPassword } from "./initial-password.files.js";
import { authUsers } from "./schema.js";

export interface AdminBootstrap {
  /** The generated password when this start created the admin without ADMIN_PASSWORD; printed once. */
  createdPassword: string | null;
  /** The initial-password file, while the password in it is still the user's. */
  passwordFile: { path: string; username: string } | null;
}

/**
 * Creates the `admin` user on first start, with ADMIN_PASSWORD or a random password that is returned
 * (and printed) once and kept in `<dataDir>/initial-admin-password` until it is changed. An existing
 * admin is left untouched; a password file that no longer matches its user is removed.
 */
export async function ensureAdmin(db: Db, adminPassword: string | undefined, dataDir: string): Promise<AdminBootstrap> {
  const [existing] = await db.select({ id: authUsers.id }).from(authUsers).where(eq(authUsers.username, "admin"));
  if (existing) return { createdPassword: null, passwordFile: await reconcileInitialPassword(db, dataDir) };
  const password = adminPassword ?? randomPassword();
  // On disk before the user exists: whatever fails later in this start (a taken port), the password is not lost.
  if (!adminPassword) await writeInitialPassword(dataDir, { username: "admin", password });
  const passwordHash = await hashPassword(password);
  const created = await db.transaction(async (tx) => {
    const [row] = await tx
      .insert(authUsers)
      .values({ username: "admin", displayName: "系统管理员", passwordHash, role: "admin" })
      .onConflictDoNothing()
      .returning({ id: authUsers.id, username: authUsers.username, role: authUsers.role });
    if (row) await recordAudit(tx, { actor: SYSTEM_ACTOR, requestId: null, ip: null }, { action: "identity.user.created", entity: "user", entityId: row.id, after: row });
    return Boolean(row);
  });
  // Another process created the admin first (the file holds its password only if it wrote last), or ADMIN_PASSWORD did.
  if (!created || adminPassword) return { createdPassword: null, passwordFile: await reconcileInitialPassword(db, dataDir) };
  return { createdPassword: password, passwordFile: { path: initialPasswordPath(dataDir), username: "admin" } };
}

/** Keeps the initial-password file only while its password still logs its user in; returns it then. */
export async function reconcileInitialPassword(db: Db, dataDir: string): Promise<AdminBootstrap["passwordFile"]> {
  const entry = await readInitialPassword(dataDir);
  if (!entry) return null;
  const [user] = await db.select({ passwordHash: authUsers.passwordHash }).from(authUsers).where(eq(authUsers.username, entry.username));
  if (user && (await verifyPassword(user.passwordHash, entry.password))) {
    return { path: initialPasswordPath(dataDir), username: entry.username };
  }
  await removeInitialPassword(dataDir);
  return null;
}
