import { buildApp } from "./app.js";
import { ConfigError, loadConfig } from "./config.js";
import { DataDirLockedError } from "./platform/db/pglite.lock.js";
import { printAfterLogs } from "./platform/http/logging.js";
import { openDatabase } from "./platform/db/client.js";
import { migrateDatabase } from "./platform/db/migrate.js";
import path from "node:path";
import { inspect } from "node:util";
import { ensureAdmin, type AdminBootstrap } from "./modules/identity/index.js";
import { PortInUseError } from "./platform/net/ports.js";
import { checkPorts } from "./startup.ports.js";
import { isRegistryEmpty } from "./modules/registry/index.js";
import { relinkAll } from "./modules/gas/pipelines/index.js";
import { seedDemoCity } from "./seed/demo-city.js";
import { startSimulator } from "./seed/simulator.js";



async function main(): Promise<void> {
  const config = loadConfig();
  // Before any work: a taken port stops start-up now, not after the migrations and the demo seed.
  const ports = await checkPorts(config);
  const database = await openDatabase(config.db.kind === "postgres" ? { kind: "postgres", url: config.db.url } : { kind: "pglite", dataDir: config.db.dataDir });
  await migrateDatabase(database);
  const app = await buildApp({ config, database, terminal: process.stdout.isTTY === true });
  if (ports.notice) app.log.warn(ports.notice);

  const admin = await ensureAdmin(database.db, config.auth.adminPassword, config.dataDir);
  const credentialsFile = path.resolve(config.dataDir, "demo-device-credentials.json");
  // Demo accounts share the admin's password, so whoever can read the first-start banner can try every role.
  const demoPassword = config.auth.adminPassword ?? admin.createdPassword ?? undefined;
  let demoUsers: string[] = [];
  if (config.seed.mode === "auto" && (await isRegistryEmpty(database.db))) {
    app.log.info("empty database: seeding the demo city (永康市)…");
    const counts = await seedDemoCity(database.db, { scale: config.seed.scale, demoPassword, credentialsFile, log: (m) => app.log.info(m) });
    app.log.info(counts, "demo city seeded");
    // Which sites lie near a gas main is derived from both registries: computed now rather than by the first sweep.
    if (counts.seeded) app.log.info(await relinkAll({ db: database.db, region: config.cityRegion }), "construction sites linked to nearby gas mains");
    demoUsers = counts.demoUsers;
  }

  let sim: Awaited<ReturnType<typeof startSimulator>> | null = null;
  const close = async (signal: string) => {
    app.log.info({ signal }, "shutting down");
    await sim?.stop();
    await app.close();
    await database.close();
    process.exit(0);
  };
  process.once("SIGINT", () => void close("SIGINT"));
  process.once("SIGTERM", () => void close("SIGTERM"));

  await app.iot.startNetwork({ ingest: true, port: ports.mqttPort ?? undefined });
  app.iot.startBackground();
  await app.listen({ port: config.http.port, host: config.http.host });
  let simulation = "off (SIMULATE=0)";
  if (config.iot.simulate) {
    const mqttUrl = config.iot.mqttUrl ?? `mqtt://127.0.0.1:${app.iot.brokerPort}`;
    // Every demo site at its devices' natural intervals (about 50 messages/s), so no seeded device goes offline.
    // Anomalies about once a minute across the city: enough to see alarms, not a flood.
    sim = await startSimulator({ url: mqttUrl, credentialsFile, anomaly: 0.0003, log: (m: string) => app.log.debug(m) }).catch((err: unknown) => {
      app.log.warn({ err }, "demo simulation not started");
      return null;
    });
    if (sim) simulation = "the demo sites' devices are publishing (SIMULATE=0 turns it off)";
  }
  const url = `http://localhost:${config.http.port}`;
  const lines = [
    "",
    `  SiteCloud 建设工程智慧管理云平台 is running at ${url}`,
    `  database: ${database.kind === "pglite" ? `embedded PGlite in ${config.db.kind === "pglite" ? config.db.dataDir : ""}` : "PostgreSQL"}`,
    `  API docs: ${url}/api/docs`,
    `  MQTT: ${config.iot.mqttUrl ? `external broker ${new URL(config.iot.mqttUrl).host}` : `embedded broker on port ${app.iot.brokerPort}`}; simulation: ${simulation}`,
    loginLine(admin, config.auth.adminPassword !== undefined),
    ...(demoUsers.length ? [`  demo accounts (same password as admin): ${demoUsers.join(", ")}`] : []),
    "",
  ];
  // The banner comes last, after every line logged during start-up (which may still be on its way out).
  printAfterLogs(app.log, lines.join("\n") + "\n");
}

/** The banner's login line: where the admin's password is, without ever printing a password twice. */
function loginLine(admin: AdminBootstrap, fromEnv: boolean): string {
  const relative = admin.passwordFile && path.relative(process.cwd(), admin.passwordFile.path);
  const file = relative && (relative.startsWith("..") ? admin.passwordFile?.path : relative);
  if (admin.createdPassword) return `  login: admin / ${admin.createdPassword}   (generated; also in ${file} until you change it)`;
  if (admin.passwordFile) return `  login: ${admin.passwordFile.username} / (the generated password in ${file})`;
  if (fromEnv) return "  login: admin / (ADMIN_PASSWORD)";
  return "  login: admin / (your password; if forgotten: npm run admin:reset-password)";
}

main().catch((err) => {
  if (err instanceof ConfigError || err instanceof PortInUseError || err instanceof DataDirLockedError) {
    process.stderr.write(`${err.message}\n`);
  } else if ((err as NodeJS.ErrnoException).code === "EADDRINUSE") {
    process.stderr.write(`Port is already in use: ${(err as Error).message}. Set PORT to a free port.\n`);
  } else {
    // inspect() prints the error's `cause` too: a database error comes wrapped (drizzle's query error) with the server's reason inside.
    process.stderr.write(`Start-up failed: ${inspect(err)}\n`);
  }
  process.exit(1);
});
