// `npm run seed -- --scale 5`: seeds the demo city (永康市) into an empty database and prints the counts.
// A database whose registry already holds data is left untouched (exit 0, "nothing seeded").
import path from "node:path";
import { loadConfig } from "../server/src/config";
import { openDatabase } from "../server/src/platform/db/client";
import { migrateDatabase } from "../server/src/platform/db/migrate";
import { parseSeedArgs } from "../server/src/seed/args";
import { seedDemoCity } from "../server/src/seed/demo-city";

const args = parseSeedArgs(process.argv.slice(2));
if ("error" in args) {
  console.error(args.error);
  process.exit(2);
}
const config = loadConfig();
const database = await openDatabase(config.db.kind === "postgres" ? { kind: "postgres", url: config.db.url } : { kind: "pglite", dataDir: config.db.dataDir });
try {
  await migrateDatabase(database);
  console.log(`seeding the demo city at scale ${args.scale} into ${database.kind === "pglite" ? `PGlite (${config.db.kind === "pglite" ? config.db.dataDir : ""})` : "PostgreSQL"}…`);
  // Demo accounts need a password to be useful; only ADMIN_PASSWORD is known here (the server prints the generated one).
  const credentialsFile = path.resolve(config.dataDir, "demo-device-credentials.json");
  const counts = await seedDemoCity(database.db, { scale: args.scale, demoPassword: config.auth.adminPassword, credentialsFile, log: (m) => console.log(`  ${m}`) });
  if (!counts.seeded) {
    console.log("the registry already holds data: nothing seeded");
  } else {
    const { seeded: _seeded, demoUsers, ms, workforce, ...rows } = counts;
    console.table({ ...rows, ...workforce });
    console.log(`seeded in ${(ms / 1000).toFixed(1)} s`);
    console.log(demoUsers.length ? `demo accounts (password = ADMIN_PASSWORD): ${demoUsers.join(", ")}` : "no demo accounts (set ADMIN_PASSWORD to create them)");
  }
} finally {
  await database.close();
}
