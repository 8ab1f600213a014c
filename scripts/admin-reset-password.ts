// `npm run admin:reset-password [-- --user NAME]`: the way back for a locked-out admin. Sets a new random
// password for `admin` (or NAME), prints it once, keeps it in DATA_DIR/initial-admin-password until it is
// changed, ends the user's sessions and audits the reset as system/cli. With embedded PGlite the server
// must be stopped first (one process at a time); on PostgreSQL it may keep running.
import { parseArgs } from "node:util";
import { ConfigError, loadConfig } from "../server/src/config";
import { resetUserPassword } from "../server/src/modules/identity/index";
import { openDatabase } from "../server/src/platform/db/client";
import { migrateDatabase } from "../server/src/platform/db/migrate";
import { DataDirLockedError } from "../server/src/platform/db/pglite.lock";
import { AppError } from "../server/src/platform/errors";

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { user: { type: "string", default: "admin" } } });
  const config = loadConfig();
  const database = await openDatabase(config.db.kind === "postgres" ? { kind: "postgres", url: config.db.url } : { kind: "pglite", dataDir: config.db.dataDir });
  try {
    await migrateDatabase(database);
    const reset = await resetUserPassword(database.db, config.dataDir, values.user);
    process.stdout.write(
      [
        `new password for ${reset.username}: ${reset.password}`,
        `  (shown once; also kept in ${reset.passwordFile} until it is changed; the user's sessions were ended)`,
        ...(reset.isActive ? [] : [`  note: ${reset.username} is deactivated — another admin must re-activate it before it can log in`]),
      ].join("\n") + "\n",
    );
  } finally {
    await database.close();
  }
}

main().catch((err: unknown) => {
  if (err instanceof DataDirLockedError) {
    process.stderr.write(`${err.message}\n(the password was not changed)\n`);
  } else if (err instanceof ConfigError || err instanceof AppError) {
    process.stderr.write(`${err.message}\n`);
  } else {
    process.stderr.write(`password reset failed: ${(err as Error).stack ?? String(err)}\n`);
  }
  process.exit(1);
});
