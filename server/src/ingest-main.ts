import pino from "pino";
import { ConfigError, loadConfig } from "./config.js";
import { openDatabase } from "./platform/db/client.js";
import { migrateDatabase } from "./platform/db/migrate.js";
import { EventBus } from "./platform/events/bus.js";
import { IotRuntime } from "./modules/iot/index.js";
import { attachWorkforce } from "./modules/workforce/index.js";
import { FileStore } from "./platform/files/store.js";

/**
 * `npm run ingest`: an ingest-only process (no HTTP). It joins the MQTT 5 shared subscription on the
 * external broker (MQTT_URL), so any number of them split the devices' traffic; give each a stable
 * INGEST_ID so a restarted process resumes its broker session and gets its unacknowledged messages.
 */
async function main(): Promise<void> {
  const config = loadConfig();
  if (!config.iot.mqttUrl) throw new ConfigError("npm run ingest needs MQTT_URL (the shared broker); the embedded broker lives inside `npm start`.");
  if (config.db.kind !== "postgres") throw new ConfigError("npm run ingest needs DATABASE_URL: several processes cannot share an embedded PGlite.");
  const log = pino({ level: config.logLevel });
  const database = await openDatabase({ kind: "postgres", url: config.db.url });
  await migrateDatabase(database);
  const events = new EventBus((err, event) => log.error({ err, event: event.type }, "event handler failed"));
  const runtime = await IotRuntime.create({ database, config, events, log });
  attachWorkforce(runtime, { db: database.db, files: new FileStore(config.dataDir), log });
  await runtime.startNetwork({ ingest: true });
  runtime.startBackground();
  log.info({ ingestId: config.iot.ingestId }, "ingest process running");
  const stop = async (signal: string) => {
    log.info({ signal, stats: runtime.pipeline.stats }, "ingest shutting down");
    await runtime.close();
    await database.close();
    process.exit(0);
  };
  process.once("SIGINT", () => void stop("SIGINT"));
  process.once("SIGTERM", () => void stop("SIGTERM"));
}

main().catch((err) => {
  process.stderr.write(err instanceof ConfigError ? `${err.message}\n` : `Ingest start-up failed: ${(err as Error).stack ?? String(err)}\n`);
  process.exit(1);
});
