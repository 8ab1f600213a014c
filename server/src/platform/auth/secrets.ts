import { createHash, randomBytes } from "node:crypto";
import argon2 from "argon2";

/** argon2id with the library's defaults (m=64 MiB, t=3, p=4). */
export const hashPassword = (password: string) => argon2.hash(password, { type: argon2.argon2id });

export async function verifyPassword(hash: string, password: string): Promise<boolean> {
  try {
    return await argon2.verify(hash, password);
  } catch {
    return false;
  }
}

/** A fresh opaque token (session cookie or API token); only its SHA-256 is ever stored. */
export const newToken = (prefix = "") => prefix + randomBytes(32).toString("base64url");

export const sha256 = (s: string) => createHash("sha256").update(s).digest("hex");

/** Readable random password for the first admin when ADMIN_PASSWORD is not set. */
export const randomPassword = () => randomBytes(12).toString("base64url");
