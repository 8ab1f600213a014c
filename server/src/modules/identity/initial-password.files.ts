import { randomBytes } from "node:crypto";
import { chmod, mkdir, readFile, rename, unlink, writeFile } from "node:fs/promises";
import path from "node:path";

/**
 * `<DATA_DIR>/initial-admin-password`: a generated password kept on disk (owner-only) until it is
 * changed, so that a start that fails after generating it — or a banner lost in the scrollback — does
 * not lock the first user out. Written by the first start and by `npm run admin:reset-password`.
 */
export const INITIAL_PASSWORD_FILE = "initial-admin-password";

export const initialPasswordPath = (dataDir: string) => path.resolve(dataDir, INITIAL_PASSWORD_FILE);

export interface InitialPassword {
  username: string;
  password: string;
}

/** Writes the file atomically with mode 0600 (never briefly readable by others, never half-written). */
export async function writeInitialPassword(dataDir: string, entry: InitialPassword): Promise<string> {
  const file = initialPasswordPath(dataDir);
  await mkdir(path.dirname(file), { recursive: true });
  const tmp = `${file}.${randomBytes(4).toString("hex")}.tmp`;
  const text =
    "# SiteCloud: generated password, valid until it is changed (this file is then removed).\n" +
    `username: ${entry.username}\npassword: ${entry.password}\n`;
  await writeFile(tmp, text, { mode: 0o600, flag: "wx" });
  // The umask may have narrowed the mode further, never widened it; chmod states it exactly.
  await chmod(tmp, 0o600);
  await rename(tmp, file);
  return file;
}

/** The file's username and password, or null when there is none (or it is not in this format). */
export async function readInitialPassword(dataDir: string): Promise<InitialPassword | null> {
  let text: string;
  try {
    text = await readFile(initialPasswordPath(dataDir), "utf8");
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === "ENOENT") return null;
    throw err;
  }
  const field = (name: string) => text.match(new RegExp(`^${name}: (.+)$`, "m"))?.[1].trim();
  const username = field("username");
  const password = field("password");
  return username && password ? { username, password } : null;
}

export async function removeInitialPassword(dataDir: string): Promise<void> {
  await unlink(initialPasswordPath(dataDir)).catch((err: NodeJS.ErrnoException) => {
    if (err.code !== "ENOENT") throw err;
  });
}

/** Removes the file when it holds `username`'s password: called after that password was changed. */
export async function forgetInitialPassword(dataDir: string, username: string): Promise<void> {
  const entry = await readInitialPassword(dataDir).catch(() => null);
  if (entry?.username === username) await removeInitialPassword(dataDir);
}
