import { spawn } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { openDatabase } from "./client";
import { DataDirLockedError, lockPgliteDataDir } from "./pglite.lock";

const dirs: string[] = [];
const freshDir = () => {
  const dir = mkdtempSync(path.join(tmpdir(), "sc-lock-"));
  dirs.push(dir);
  return dir;
};
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

describe("the PGlite data-dir lock", () => {
  it("keeps a second opener of the same DATA_DIR out until the first closes", async () => {
    const dir = freshDir();
    const first = await openDatabase({ kind: "pglite", dataDir: dir });
    await expect(openDatabase({ kind: "pglite", dataDir: dir })).rejects.toBeInstanceOf(DataDirLockedError);
    expect(readFileSync(path.join(dir, "pglite.pid"), "utf8")).toMatch(new RegExp(`^${process.pid} `));
    await first.close();
    expect(existsSync(path.join(dir, "pglite.pid"))).toBe(false);
    const release = lockPgliteDataDir(dir);
    release();
  }, 120_000);

  it("names another live process that holds it", async () => {
    const dir = freshDir();
    const holder = spawn("sleep", ["30"]);
    try {
      writeFileSync(path.join(dir, "pglite.pid"), `${holder.pid}\n`);
      let error: unknown;
      try {
        lockPgliteDataDir(dir);
      } catch (err) {
        error = err;
      }
      expect(error).toBeInstanceOf(DataDirLockedError);
      expect((error as DataDirLockedError).pid).toBe(holder.pid);
      expect((error as Error).message).toContain("stop that process first");
    } finally {
      holder.kill();
    }
  });

  it("takes over a lock left by a process that is gone, or by an earlier life of its own pid", () => {
    const dir = freshDir();
    const file = path.join(dir, "pglite.pid");
    writeFileSync(file, "999999999 12345\n");
    lockPgliteDataDir(dir)();
    writeFileSync(file, `${process.pid} 1\n`);
    const release = lockPgliteDataDir(dir);
    expect(readFileSync(file, "utf8").split(" ")[0]).toBe(String(process.pid));
    release();
    expect(existsSync(file)).toBe(false);
  });
});
