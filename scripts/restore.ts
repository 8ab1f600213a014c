// `npm run restore -- ARCHIVE [--force]`: puts a backup written by `npm run backup` back into the configured
// database and DATA_DIR. Refuses a target holding data unless --force; stop the server(s) first.
import { parseArgs } from "node:util";
import { ConfigError, loadConfig } from "../server/src/config";
import { verifyAuditChain } from "../server/src/platform/audit/audit";
import { openDatabase } from "../server/src/platform/db/client";
import { DataDirLockedError } from "../server/src/platform/db/pglite.lock";
import { restoreBackup } from "./backup/backup.restore";
import { BackupError } from "./backup/backup.shared";

async function main(): Promise<void> {
  const { positionals, values } = parseArgs({ allowPositionals: true, options: { force: { type: "boolean", default: false } } });
  if (positionals.length !== 1) throw new BackupError("usage: npm run restore -- ARCHIVE.tar.gz [--force]");
  const config = loadConfig();
  const { manifest, replaced } = await restoreBackup({ db: config.db, dataDir: config.dataDir }, positionals[0], { force: values.force });
  process.stdout.write(`restored ${positionals[0]} (taken ${manifest.createdAt}; ${manifest.entries.join(", ")})${replaced.length ? `; replaced: ${replaced.join(", ")}` : ""}\n`);
  // The audit log's hash chain, re-checked on the restored copy: an archive altered after the fact shows here.
  const database = await openDatabase(config.db.kind === "postgres" ? { kind: "postgres", url: config.db.url } : { kind: "pglite", dataDir: config.db.dataDir });
  try {
    const chain = await verifyAuditChain(database.db);
    if (!chain.ok) throw new BackupError(`the restored audit chain is BROKEN at entry ${chain.firstBrokenId}: ${chain.reason}`);
    process.stdout.write(`audit chain intact: ${chain.checked} entries\n`);
  } finally {
    await database.close();
  }
}

main().catch((err: unknown) => {
  const known = err instanceof BackupError || err instanceof DataDirLockedError || err instanceof ConfigError;
  process.stderr.write(`restore failed: ${known ? (err as Error).message : ((err as Error).stack ?? String(err))}\n`);
  process.exit(1);
});
