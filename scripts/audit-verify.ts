// `npm run audit:verify`: re-computes the audit log's hash chain and exits 1 if any entry was altered or removed.
import { loadConfig } from "../server/src/config";
import { verifyAuditChain } from "../server/src/platform/audit/audit";
import { openDatabase } from "../server/src/platform/db/client";
import { migrateDatabase } from "../server/src/platform/db/migrate";

const config = loadConfig();
const database = await openDatabase(config.db.kind === "postgres" ? { kind: "postgres", url: config.db.url } : { kind: "pglite", dataDir: config.db.dataDir });
await migrateDatabase(database);
const result = await verifyAuditChain(database.db);
await database.close();
if (result.ok) {
  console.log(`audit chain intact: ${result.checked} entries checked`);
} else {
  console.error(`audit chain BROKEN at entry ${result.firstBrokenId}: ${result.reason} (${result.checked} entries verified before it)`);
  process.exit(1);
}
