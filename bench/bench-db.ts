import pg from "pg";
import { createPool, openDatabase, type Database } from "../server/src/platform/db/client";

/** The server the benchmark creates its private database on. */
export const benchAdminUrl = () => process.env.BENCH_DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/postgres";

export interface BenchDatabase {
  name: string;
  url: string;
  drop(): Promise<void>;
}

/** Creates `sc_bench_<pid>` so a run never touches anyone's data; drop() removes it again. */
export async function createBenchDatabase(adminUrl: string = benchAdminUrl()): Promise<BenchDatabase> {
  const name = `sc_bench_${process.pid}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  try {
    await admin.query(`drop database if exists "${name}" with (force)`);
    await admin.query(`create database "${name}"`);
  } finally {
    await admin.end();
  }
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return {
    name,
    url: url.toString(),
    async drop() {
      const c = new pg.Client({ connectionString: adminUrl });
      await c.connect();
      try {
        await c.query(`drop database if exists "${name}" with (force)`);
      } finally {
        await c.end();
      }
    },
  };
}

/**
 * The two sides of a server-vs-bare benchmark on one private database: the server's `Database` and a bare pool of
 * the same size (the server's pool, statement cache included, so both sides run the same SQL the same way).
 * close() ends both and drops the database.
 */
export async function openBenchSides(poolSize: number): Promise<{ benchDb: BenchDatabase; database: Database; barePool: pg.Pool; close(): Promise<void> }> {
  const benchDb = await createBenchDatabase();
  const database = await openDatabase({ kind: "postgres", url: benchDb.url, poolSize });
  const barePool = createPool(benchDb.url, poolSize);
  // Dropping the database at the end terminates any backend still closing; that is expected, not a crash.
  barePool.on("error", () => undefined);
  return {
    benchDb,
    database,
    barePool,
    async close() {
      await barePool.end();
      await database.close();
      await benchDb.drop();
    },
  };
}
