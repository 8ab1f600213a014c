import { spawn, type ChildProcess } from "node:child_process";
import { existsSync } from "node:fs";
import { mkdir, mkdtemp, rename, rm } from "node:fs/promises";
import path from "node:path";
import pg from "pg";
import { lockPgliteDataDir } from "../../server/src/platform/db/pglite.lock";
import { BackupError, DATA_ENTRIES, hasEntries, MANIFEST, PG_DUMP, run, type BackupTarget, type Manifest } from "./backup.shared";

async function readManifest(archive: string): Promise<Manifest> {
  const text = await run("tar", ["-xzOf", archive, MANIFEST]).catch(() => {
    throw new BackupError(`${archive} is not a SiteCloud backup (no ${MANIFEST} in it)`);
  });
  const manifest = JSON.parse(text) as Manifest;
  if (manifest.format !== 1) throw new BackupError(`${archive}: backup format ${String(manifest.format)} is not one this version reads`);
  return manifest;
}

/** What the PostgreSQL target holds: user tables, and sessions other than ours (a running server). */
async function inspectPostgres(url: string): Promise<{ tables: number; otherSessions: number }> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query<{ tables: number; sessions: number }>(
      `select (select count(*)::int from pg_class c join pg_namespace n on n.oid = c.relnamespace
                where c.relkind in ('r', 'p') and n.nspname <> 'information_schema' and n.nspname not like 'pg\\_%') as tables,
              (select count(*)::int from pg_stat_activity where datname = current_database() and pid <> pg_backend_pid()) as sessions`,
    );
    return { tables: rows[0].tables, otherSessions: rows[0].sessions };
  } finally {
    await client.end();
  }
}

/**
 * Replaces the database's schemas with the dump in one transaction: psql runs the wipe followed by
 * pg_restore's SQL with --single-transaction, so a failing restore leaves the database as it was.
 */
async function restorePostgres(url: string, dump: string): Promise<void> {
  const wipe = `do $$ declare s text; begin
    for s in select nspname from pg_namespace where nspname <> 'information_schema' and nspname not like 'pg\\_%' loop
      execute format('drop schema %I cascade', s);
    end loop;
    create schema public;
  end $$;\n`;
  const psql = spawn("psql", ["-X", "-q", "-v", "ON_ERROR_STOP=1", "--single-transaction", `--dbname=${url}`], { stdio: ["pipe", "ignore", "pipe"] });
  const restore = spawn("pg_restore", ["--no-owner", "--no-acl", "--file=-", dump], { stdio: ["ignore", "pipe", "pipe"] });
  const finished = (child: ChildProcess, name: string) =>
    new Promise<void>((resolve, reject) => {
      let err = "";
      child.stderr?.on("data", (d: Buffer) => (err += d.toString()));
      child.on("error", (e) => reject(new BackupError(`${name} could not be run (${e.message}); is it installed?`)));
      child.on("close", (code, signal) => (code === 0 ? resolve() : reject(new BackupError(`${name} failed (${signal ?? `exit ${code}`}): ${err.trim()}`))));
    });
  const applied = finished(psql, "psql");
  const produced = finished(restore, "pg_restore");
  // psql stopping early (an error) closes its stdin; the failure is reported through `applied`.
  psql.stdin.on("error", () => undefined);
  psql.stdin.write(wipe);
  restore.stdout.pipe(psql.stdin, { end: false });
  // psql failing (its error explains best) stops pg_restore, which would otherwise block on a full pipe.
  let psqlFailed = false;
  applied.catch(() => {
    psqlFailed = true;
    restore.kill("SIGTERM");
  });
  const restoreError = await produced.then(
    () => null,
    (err: unknown) => err,
  );
  // psql commits when its input ends: it ends only after a complete dump; a failed pg_restore kills it instead (rollback).
  if (restoreError && !psqlFailed) {
    psql.kill("SIGTERM");
    await applied.catch(() => undefined);
    throw restoreError;
  }
  psql.stdin.end();
  await applied;
}

export interface RestoreResult {
  manifest: Manifest;
  replaced: string[];
}

/**
 * Restores an archive written by createBackup into the configured database and DATA_DIR. Refuses a
 * target that holds data (database tables, uploaded files) unless `force`, and an archive of the other
 * engine. The database comes first and all-or-nothing; DATA_DIR's entries are then swapped in by rename.
 */
export async function restoreBackup(target: BackupTarget, archive: string, opts: { force?: boolean } = {}): Promise<RestoreResult> {
  if (!existsSync(archive)) throw new BackupError(`no such file: ${archive}`);
  const manifest = await readManifest(archive);
  if (manifest.engine !== target.db.kind) {
    const hint = manifest.engine === "postgres" ? "set DATABASE_URL to the PostgreSQL database to restore into" : "unset DATABASE_URL (embedded PGlite)";
    throw new BackupError(`this backup is of ${manifest.engine === "postgres" ? "PostgreSQL" : "embedded PGlite"}, the configuration is not: ${hint}`);
  }
  const dataDir = path.resolve(target.dataDir);
  const release = target.db.kind === "pglite" ? lockPgliteDataDir(dataDir) : () => undefined;
  let staging: string | null = null;
  try {
    const inUse: string[] = [];
    if (target.db.kind === "pglite") {
      if (await hasEntries(path.join(dataDir, "pglite"))) inUse.push(`the embedded database in ${path.join(dataDir, "pglite")}`);
    } else {
      const pgState = await inspectPostgres(target.db.url);
      if (pgState.tables > 0) inUse.push(`${pgState.tables} tables in the PostgreSQL database`);
      if (pgState.otherSessions > 0) inUse.push(`${pgState.otherSessions} other connections to it (stop the servers)`);
    }
    if (await hasEntries(path.join(dataDir, "files"))) inUse.push(`uploaded files in ${path.join(dataDir, "files")}`);
    if (inUse.length && !opts.force) {
      throw new BackupError(`目标不为空 (the target is not empty): ${inUse.join("; ")}. Nothing was changed; --force replaces them.`);
    }

    await mkdir(dataDir, { recursive: true });
    staging = await mkdtemp(path.join(dataDir, ".restore-"));
    await run("tar", ["-xzf", archive, "-C", staging]);
    if (target.db.kind === "pglite" && !existsSync(path.join(staging, "pglite", "PG_VERSION"))) throw new BackupError(`${archive} holds no embedded database`);
    if (target.db.kind === "postgres") await restorePostgres(target.db.url, path.join(staging, PG_DUMP));
    const swap = [...(target.db.kind === "pglite" ? ["pglite"] : []), ...DATA_ENTRIES];
    const replaced: string[] = [];
    for (const entry of swap) {
      const current = path.join(dataDir, entry);
      if (existsSync(current)) {
        await rename(current, path.join(staging, `old-${entry}`));
        replaced.push(entry);
      }
      if (existsSync(path.join(staging, entry))) await rename(path.join(staging, entry), current);
    }
    return { manifest, replaced };
  } finally {
    release();
    if (staging) await rm(staging, { recursive: true, force: true });
  }
}
