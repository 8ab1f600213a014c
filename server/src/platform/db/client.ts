import { mkdirSync } from "node:fs";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import type { PgDatabase, PgQueryResultHKT } from "drizzle-orm/pg-core";
import { drizzle as drizzlePglite } from "drizzle-orm/pglite";
import { drizzle as drizzlePg } from "drizzle-orm/node-postgres";
import pg from "pg";
import { ListenHub } from "./listen-hub.js";
import { lockPgliteDataDir } from "./pglite.lock.js";
import { StatementCachingClient } from "./statement-cache.js";

/** The driver-independent database handle every verb receives. */
export type Db = PgDatabase<PgQueryResultHKT>;
/** An open transaction, as `db.transaction(fn)` hands it to fn. */
export type Tx = Parameters<Parameters<Db["transaction"]>[0]>[0];
/** Anything that can run a query: the database or an open transaction. */
export type Executor = Db | Tx;

export type DbKind = "pglite" | "postgres";

/** The rows of a raw `db.execute` result (node-postgres and PGlite both answer `{ rows }`). */
export const rowsOf = <T>(result: unknown): T[] => (result as { rows: T[] }).rows;

/** A LISTEN subscription; `isLive()` is false while a notification could be missed (not yet or no longer connected). */
export interface Listener {
  isLive(): boolean;
  close(): Promise<void>;
}

export interface Database {
  db: Db;
  kind: DbKind;
  close(): Promise<void>;
  /**
   * Subscribes to NOTIFY on a channel (on PostgreSQL, every subscription of the process shares one
   * connection: listen-hub.ts). `onGap` runs whenever notifications may have been missed (connection
   * lost): callers must then forget whatever the notifications would have invalidated.
   */
  listen(channel: string, onNotify: (payload: string) => void, onGap: () => void): Promise<Listener>;
  /** The raw driver, for migrations and tests only. */
  raw: { pglite?: PGlite; pool?: pg.Pool };
}

// Dates and numerics come back as strings from node-postgres by default; keep bigint counts as numbers.
pg.types.setTypeParser(20, (v) => Number(v));

/** A node-postgres pool whose clients prepare each SELECT once per connection (statement-cache.ts). */
export function createPool(url: string, max: number): pg.Pool {
  return new pg.Pool({ connectionString: url, max, Client: StatementCachingClient });
}

/** Opens PostgreSQL when a URL is given, otherwise embedded PGlite persisted under `dataDir`. */
export async function openDatabase(
  opts: { kind: "postgres"; url: string; poolSize?: number } | { kind: "pglite"; dataDir?: string },
): Promise<Database> {
  if (opts.kind === "postgres") {
    const pool = createPool(opts.url, opts.poolSize ?? 20);
    pool.on("error", () => undefined); // idle-client errors surface on the next query instead of killing the process
    const db = drizzlePg({ client: pool, casing: "snake_case" }) as unknown as Db;
    const hub = new ListenHub(opts.url);
    return { db, kind: "postgres", raw: { pool }, close: () => pool.end(), listen: (channel, onNotify, onGap) => hub.listen(channel, onNotify, onGap) };
  }
  if (!opts.dataDir) return wrapPglite(await PGlite.create("memory://"));
  const release = lockPgliteDataDir(opts.dataDir);
  try {
    const dir = path.resolve(opts.dataDir, "pglite");
    mkdirSync(dir, { recursive: true });
    const database = wrapPglite(await PGlite.create(dir));
    return { ...database, close: () => database.close().finally(release) };
  } catch (err) {
    release();
    throw err;
  }
}

/** Wraps an open PGlite (also used for the test tier's cloned databases). */
export function wrapPglite(client: PGlite): Database {
  const db = drizzlePglite({ client, casing: "snake_case" }) as unknown as Db;
  return {
    db,
    kind: "pglite",
    raw: { pglite: client },
    close: () => client.close(),
    // One process, one connection: notifications cannot be missed.
    listen: async (channel, onNotify) => {
      const unlisten = await client.listen(channel, onNotify);
      return { isLive: () => !client.closed, close: unlisten };
    },
  };
}
