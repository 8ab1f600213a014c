import { execFileSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { count } from "drizzle-orm";
import pg from "pg";
import { afterAll, describe, expect, it } from "vitest";
import type { Config } from "../server/src/config";
import { ensureAdmin, resetUserPassword } from "../server/src/modules/identity/index";
import { registryEnterprises } from "../server/src/modules/registry/schema";
import { recordAudit, verifyAuditChain } from "../server/src/platform/audit/audit";
import { auditLog } from "../server/src/platform/audit/schema";
import { SYSTEM_ACTOR } from "../server/src/platform/auth/actor";
import { authUsers } from "../server/src/modules/identity/schema";
import { openDatabase, type Database, type Db } from "../server/src/platform/db/client";
import { migrateDatabase } from "../server/src/platform/db/migrate";
import { createBackup } from "../scripts/backup/backup.create";
import { restoreBackup } from "../scripts/backup/backup.restore";
import { BackupError } from "../scripts/backup/backup.shared";
import { adminUrl } from "./setup/pg-global";
import { createTestPgDatabase, TEST_DB_KIND } from "./setup/db";

const work = mkdtempSync(path.join(tmpdir(), "sc-backup-"));
const dataDir = path.join(work, "data");
const photo = Buffer.from([0xff, 0xd8, 0xff, 0xe0, 1, 2, 3, 4]);
const photoPath = path.join(dataDir, "files", "photos", "2025-01", "a.jpg");
let pgName: string | null = null;

afterAll(async () => {
  rmSync(work, { recursive: true, force: true });
  if (pgName) {
    const admin = new pg.Client({ connectionString: adminUrl() });
    await admin.connect();
    await admin.query(`drop database if exists "${pgName}" with (force)`);
    await admin.end();
  }
});

async function counts(db: Db) {
  const n = async (table: typeof authUsers | typeof auditLog | typeof registryEnterprises) => (await db.select({ n: count() }).from(table))[0].n;
  return { users: await n(authUsers), audit: await n(auditLog), enterprises: await n(registryEnterprises) };
}

/** A database with a little of everything a backup must keep: users, audit entries, registry rows. */
async function fill(db: Db): Promise<void> {
  await ensureAdmin(db, undefined, dataDir);
  await resetUserPassword(db, dataDir, "admin");
  const rows = await db
    .insert(registryEnterprises)
    .values([
      { name: "永康建工集团", creditCode: "91330784MA0000001X", type: "contractor", legalRep: "张三" },
      { name: "金华检测中心", creditCode: "91330784MA0000002X", type: "testing", legalRep: "李四" },
    ])
    .returning({ id: registryEnterprises.id });
  await db.transaction((tx) => recordAudit(tx, { actor: SYSTEM_ACTOR, requestId: null, ip: null }, { action: "registry.enterprise.created", entity: "enterprise", entityId: rows[0].id }));
  mkdirSync(path.dirname(photoPath), { recursive: true });
  writeFileSync(photoPath, photo);
}

describe(`npm run backup / restore (${TEST_DB_KIND})`, () => {
  it("backs up, and restores into a wiped target the same rows, a verifying audit chain and the files", async () => {
    let dbConfig: Config["db"];
    let database: Database;
    if (TEST_DB_KIND === "pglite") {
      dbConfig = { kind: "pglite", dataDir };
      database = await openDatabase(dbConfig);
      await migrateDatabase(database);
    } else {
      const created = await createTestPgDatabase();
      pgName = new URL(created.url).pathname.slice(1);
      dbConfig = { kind: "postgres", url: created.url };
      database = created.database;
    }
    const open = () => (dbConfig.kind === "pglite" ? openDatabase(dbConfig) : openDatabase({ ...dbConfig, poolSize: 2 }));
    // The test tier's own pool closes without dropping the database (the test drops it at the end).
    const close = (d: Database) => (d.raw.pool ? d.raw.pool.end() : d.close());

    await fill(database.db);
    const before = await counts(database.db);
    expect(before.audit).toBeGreaterThanOrEqual(3);
    await close(database);

    const target = { db: dbConfig, dataDir };
    const { file, manifest } = await createBackup(target, path.join(work, "backups", "b1.tar.gz"));
    expect(manifest.engine).toBe(TEST_DB_KIND);
    await expect(createBackup(target, file)).rejects.toThrow(/already exists/);

    // Wipe: the database and the uploaded files are gone.
    if (dbConfig.kind === "pglite") {
      rmSync(path.join(dataDir, "pglite"), { recursive: true });
    } else {
      const client = new pg.Client({ connectionString: dbConfig.url });
      await client.connect();
      await client.query("drop schema public cascade; drop schema drizzle cascade; create schema public");
      await client.end();
    }
    rmSync(path.join(dataDir, "files"), { recursive: true });

    await restoreBackup(target, file);
    let restored = await open();
    expect(await counts(restored.db)).toEqual(before);
    expect(await verifyAuditChain(restored.db)).toEqual({ ok: true, checked: before.audit, firstBrokenId: null, reason: null });
    await close(restored);
    expect(readFileSync(photoPath)).toEqual(photo);

    // A target holding data is replaced only when asked to.
    await expect(restoreBackup(target, file)).rejects.toThrow(/not empty/);
    const otherEngine: Config["db"] = dbConfig.kind === "pglite" ? { kind: "postgres", url: "postgres://nowhere/x" } : { kind: "pglite", dataDir };
    await expect(restoreBackup({ db: otherEngine, dataDir }, file)).rejects.toBeInstanceOf(BackupError);
    writeFileSync(path.join(dataDir, "files", "extra.png"), photo);
    await restoreBackup(target, file, { force: true });
    expect(() => readFileSync(path.join(dataDir, "files", "extra.png"))).toThrow();
    if (dbConfig.kind === "postgres") {
      // A dump that fails half-way leaves the database as it was: the wipe and the restore are one transaction.
      const bad = path.join(work, "bad");
      mkdirSync(bad);
      writeFileSync(path.join(bad, "sitecloud-backup.json"), JSON.stringify({ ...manifest, entries: ["postgres.dump"] }));
      writeFileSync(path.join(bad, "postgres.dump"), readFileSync(path.join(work, "backups", "b1.tar.gz")).subarray(0, 2000));
      execFileSync("tar", ["-czf", path.join(work, "bad.tar.gz"), "-C", bad, "sitecloud-backup.json", "postgres.dump"]);
      await expect(restoreBackup(target, path.join(work, "bad.tar.gz"), { force: true })).rejects.toBeInstanceOf(BackupError);
    }
    restored = await open();
    expect(await counts(restored.db)).toEqual(before);
    expect((await verifyAuditChain(restored.db)).ok).toBe(true);
    await close(restored);
  }, 300_000);
});
