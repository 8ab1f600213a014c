// `npm run backup [-- ARCHIVE]`: the database and DATA_DIR's uploaded files in one .tar.gz
// (default backups/sitecloud-<UTC time>.tar.gz). Embedded PGlite: stop the server first; PostgreSQL: online.
import { statSync } from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import { ConfigError, loadConfig } from "../server/src/config";
import { DataDirLockedError } from "../server/src/platform/db/pglite.lock";
import { createBackup } from "./backup/backup.create";
import { BackupError } from "./backup/backup.shared";

async function main(): Promise<void> {
  const { positionals } = parseArgs({ allowPositionals: true, options: {} });
  if (positionals.length > 1) throw new BackupError("usage: npm run backup [-- ARCHIVE.tar.gz]");
  const config = loadConfig();
  const { file, manifest } = await createBackup({ db: config.db, dataDir: config.dataDir }, positionals[0]);
  const mb = (statSync(file).size / 1024 / 1024).toFixed(1);
  const shown = path.relative(process.cwd(), file).startsWith("..") ? file : path.relative(process.cwd(), file);
  process.stdout.write(`backup written: ${shown} (${mb} MB; ${manifest.engine}: ${manifest.entries.join(", ")})\n`);
}

main().catch((err: unknown) => {
  const known = err instanceof BackupError || err instanceof DataDirLockedError || err instanceof ConfigError;
  process.stderr.write(`backup failed: ${known ? (err as Error).message : ((err as Error).stack ?? String(err))}\n`);
  process.exit(1);
});
