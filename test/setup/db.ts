import { randomBytes } from "node:crypto";
import { PGlite } from "@electric-sql/pglite";
import pg from "pg";
import { inject } from "vitest";
import { openDatabase, wrapPglite, type Database } from "../../server/src/platform/db/client";
import { migrateDatabase } from "../../server/src/platform/db/migrate";
import { adminUrl, urlFor } from "./pg-global";

/** Which tier this worker runs: the `db-pglite` and `db-pg` projects run the same files with each. */
export const TEST_DB_KIND = process.env.TEST_DB === "postgres" ? "postgres" : "pglite";

let pgliteTemplate: Promise<PGlite> | undefined;

async function migratedPglite(): Promise<PGlite> {
  const database = await openDatabase({ kind: "pglite" });
  await migrateDatabase(database);
  return database.raw.pglite!;
}

/** A fresh, migrated database of this tier's kind, private to the caller; close() disposes of it. */
export async function createTestDatabase(): Promise<Database> {
  if (TEST_DB_KIND === "pglite") {
    pgliteTemplate ??= migratedPglite();
    return wrapPglite((await (await pgliteTemplate).clone()) as PGlite);
  }
  return (await createTestPgDatabase()).database;
}

/**
 * A fresh, migrated PostgreSQL database and its URL, for tests that start other processes on it
 * (db-pg tier only); close() drops it, whoever is still connected.
 */
export async function createTestPgDatabase(): Promise<{ database: Database; url: string }> {
  const name = `${inject("pgRun")}_${randomBytes(4).toString("hex")}`;
  const admin = new pg.Client({ connectionString: adminUrl() });
  await admin.connect();
  await admin.query(`create database "${name}" template "${inject("pgRun")}_tpl"`);
  await admin.end();
  const url = urlFor(name);
  const database = await openDatabase({ kind: "postgres", url, poolSize: 5 });
  return {
    url,
    database: {
      ...database,
      close: async () => {
        await database.close();
        const drop = new pg.Client({ connectionString: adminUrl() });
        await drop.connect();
        await drop.query(`drop database if exists "${name}" with (force)`);
        await drop.end();
      },
    },
  };
}
