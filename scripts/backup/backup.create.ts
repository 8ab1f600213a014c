import { existsSync } from "node:fs";
import { mkdir, mkdtemp, rename, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import { lockPgliteDataDir } from "../../server/src/platform/db/pglite.lock";
import { BackupError, DATA_ENTRIES, MANIFEST, PG_DUMP, run, type BackupTarget, type Manifest } from "./backup.shared";

const stamp = (d: Date) => d.toISOString().replace(/[-:]/g, "").replace("T", "-").slice(0, 15);

export const defaultArchivePath = (now = new Date()) => path.join("backups", `sitecloud-${stamp(now)}.tar.gz`);

/**
 * Writes one .tar.gz holding the database and DATA_DIR's uploaded files. PGlite: its data directory,
 * copied while this process holds the directory's lock (so the server must be stopped). PostgreSQL:
 * `pg_dump -Fc`, a consistent snapshot taken while the servers keep running. The archive appears
 * under its name only when complete.
 */
export async function createBackup(target: BackupTarget, out = defaultArchivePath()): Promise<{ file: string; manifest: Manifest }> {
  const file = path.resolve(out);
  if (existsSync(file)) throw new BackupError(`${out} already exists; a backup never overwrites another`);
  await mkdir(path.dirname(file), { recursive: true });
  const dataDir = path.resolve(target.dataDir);
  const staging = await mkdtemp(path.join(path.dirname(file), ".sitecloud-backup-"));
  const release = target.db.kind === "pglite" ? lockPgliteDataDir(dataDir) : () => undefined;
  try {
    const fromData = DATA_ENTRIES.filter((e) => existsSync(path.join(dataDir, e)));
    let dbEntry: string;
    if (target.db.kind === "pglite") {
      if (!existsSync(path.join(dataDir, "pglite", "PG_VERSION"))) throw new BackupError(`no embedded database in ${path.join(dataDir, "pglite")}`);
      dbEntry = "pglite";
    } else {
      await run("pg_dump", ["--format=custom", "--no-owner", `--file=${path.join(staging, PG_DUMP)}`, `--dbname=${target.db.url}`]);
      dbEntry = PG_DUMP;
    }
    const manifest: Manifest = { format: 1, createdAt: new Date().toISOString(), engine: target.db.kind, entries: [dbEntry, ...fromData] };
    await writeFile(path.join(staging, MANIFEST), JSON.stringify(manifest, null, 2) + "\n");
    const partial = path.join(staging, "archive.tar.gz");
    const fromStaging = [MANIFEST, ...(dbEntry === PG_DUMP ? [PG_DUMP] : [])];
    const fromDataDir = [...(dbEntry === "pglite" ? ["pglite"] : []), ...fromData];
    await run("tar", ["-czf", partial, "-C", staging, ...fromStaging, ...(fromDataDir.length ? ["-C", dataDir, ...fromDataDir] : [])]);
    await rename(partial, file);
    return { file, manifest };
  } finally {
    release();
    await rm(staging, { recursive: true, force: true });
  }
}
