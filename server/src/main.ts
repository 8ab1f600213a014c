import { buildApp } from "./app.js";
import { ConfigError, loadConfig } from "./config.js";
import { openDatabase } from "./platform/db/client.js";
import { migrateDatabase } from "./platform/db/migrate.js";
import { ensureAdmin } from "./modules/identity/index.js";
import { isRegistryEmpty } from "./modules/registry/index.js";
import { seedDemoCity } from "./seed/demo-city.js";

async function main(): Promise<void> {
  const config = loadConfig();
  const database = await openDatabase(config.db.kind === "postgres" ? { kind: "postgres", url: config.db.url } : { kind: "pglite", dataDir: config.db.dataDir });
  await migrateDatabase(database);
  const app = await buildApp({ config, database });

  const admin = await ensureAdmin(database.db, config.auth.adminPassword);
  // Demo accounts share the admin's password, so whoever can read the first-start banner can try every role.
  const demoPassword = config.auth.adminPassword ?? admin.createdPassword ?? undefined;
  let demoUsers: string[] = [];
  if (config.seed.mode === "auto" && (await isRegistryEmpty(database.db))) {
    app.log.info("empty database: seeding the demo city (永康市)…");
    const counts = await seedDemoCity(database.db, { scale: config.seed.scale, demoPassword, log: (m) => app.log.info(m) });
    app.log.info(counts, "demo city seeded");
    demoUsers = counts.demoUsers;
  }

  const close = async (signal: string) => {
    app.log.info({ signal }, "shutting down");
    await app.close();
    await database.close();
    process.exit(0);
  };
  process.once("SIGINT", () => void close("SIGINT"));
  process.once("SIGTERM", () => void close("SIGTERM"));

  await app.listen({ port: config.http.port, host: config.http.host });
  const url = `http://localhost:${config.http.port}`;
  const lines = [
    "",
    `  SiteCloud 建设工程智慧管理云平台 is running at ${url}`,
    `  database: ${database.kind === "pglite" ? `embedded PGlite in ${config.db.kind === "pglite" ? config.db.dataDir : ""}` : "PostgreSQL"}`,
    `  API docs: ${url}/api/docs`,
    admin.createdPassword
      ? `  login: admin / ${admin.createdPassword}   (generated once — set ADMIN_PASSWORD or change it after login)`
      : `  login: admin / ${config.auth.adminPassword ? "(ADMIN_PASSWORD)" : "(the password printed on first start)"}`,
    ...(demoUsers.length ? [`  demo accounts (same password as admin): ${demoUsers.join(", ")}`] : []),
    "",
  ];
  process.stdout.write(lines.join("\n") + "\n");
}

main().catch((err) => {
  if (err instanceof ConfigError) {
    process.stderr.write(`${err.message}\n`);
  } else if ((err as NodeJS.ErrnoException).code === "EADDRINUSE") {
    process.stderr.write(`Port is already in use: ${(err as Error).message}. Set PORT to a free port.\n`);
  } else {
    process.stderr.write(`Start-up failed: ${(err as Error).stack ?? String(err)}\n`);
  }
  process.exit(1);
});
