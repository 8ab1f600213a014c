import { spawn } from "node:child_process";
import { readdir } from "node:fs/promises";
import type { Config } from "../../server/src/config";

/** What a backup archive holds, at its root, next to the data it describes. */
export const MANIFEST = "sitecloud-backup.json";
export const PG_DUMP = "postgres.dump";
/** DATA_DIR entries a backup carries besides the database: uploaded files and the demo devices' secrets (they pair with the database's device credentials). */
export const DATA_ENTRIES = ["files", "demo-device-credentials.json"] as const;

export interface Manifest {
  format: 1;
  createdAt: string;
  engine: "pglite" | "postgres";
  /** The archive's entries besides the manifest. */
  entries: string[];
}

/** Where the backup and restore functions read and write: the server's database and DATA_DIR. */
export interface BackupTarget {
  db: Config["db"];
  dataDir: string;
}

/** A refusal that explains itself (the CLI prints the message only). */
export class BackupError extends Error {}

/** Runs a command, feeding `input` (or a stream) to stdin; rejects with its stderr when it fails. */
export function run(cmd: string, args: string[], opts: { input?: NodeJS.ReadableStream; stdout?: "pipe" | "ignore" } = {}): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(cmd, args, { stdio: [opts.input ? "pipe" : "ignore", opts.stdout ?? "pipe", "pipe"] });
    let out = "";
    let err = "";
    child.stdout?.on("data", (d: Buffer) => (out += d.toString()));
    child.stderr?.on("data", (d: Buffer) => (err += d.toString()));
    if (opts.input && child.stdin) {
      child.stdin.on("error", () => undefined); // the command stopped reading: its exit code says why
      opts.input.pipe(child.stdin);
    }
    child.on("error", (e) => reject(new BackupError(`${cmd} could not be run (${e.message}); is it installed?`)));
    child.on("close", (code) => (code === 0 ? resolve(out) : reject(new BackupError(`${cmd} failed (exit ${code}): ${err.trim()}`))));
  });
}

/** Whether a directory holds anything (a missing one does not). */
export async function hasEntries(dir: string): Promise<boolean> {
  try {
    return (await readdir(dir)).length > 0;
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === "ENOENT") return false;
    throw err;
  }
}
