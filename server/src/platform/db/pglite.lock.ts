import { mkdirSync, readFileSync, unlinkSync, writeFileSync } from "node:fs";
import path from "node:path";

/**
 * PGlite opens a data directory that another process already has open without complaint, and two
 * processes writing one directory corrupt it. So every process that opens `<DATA_DIR>/pglite` (the
 * server, the seed, the admin and backup scripts) first takes `<DATA_DIR>/pglite.pid`.
 */
export class DataDirLockedError extends Error {
  constructor(
    readonly dataDir: string,
    readonly pid: number,
  ) {
    super(
      `数据目录正被进程 ${pid} 使用 (the embedded database in ${dataDir} is in use by process ${pid}, probably the running server): ` +
        "PGlite serves one process at a time — stop that process first, or use PostgreSQL (DATABASE_URL) to run several.",
    );
  }
}

const held = new Set<string>();

/** Field 22 of /proc/<pid>/stat (start time since boot): tells a live holder from a new process that reused its pid. */
function startTimeOf(pid: number): string | null {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
    return stat.slice(stat.lastIndexOf(")") + 2).split(" ")[19] ?? null;
  } catch {
    return null;
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === "EPERM";
  }
}

/** Whether the lock file names a process that still holds it; a stale file (crash, container restart) does not. */
function holderOf(file: string): number | null {
  let text: string;
  try {
    text = readFileSync(file, "utf8");
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === "ENOENT") return null;
    throw err;
  }
  const [pidText, startedAt] = text.trim().split(/\s+/);
  const pid = Number(pidText);
  // Our own pid in the file while we do not hold it: written by an earlier life of this pid (a container's pid 1).
  if (!Number.isInteger(pid) || pid <= 0 || pid === process.pid || !isAlive(pid)) return null;
  const now = startTimeOf(pid);
  if (startedAt && now && now !== startedAt) return null;
  return pid;
}

/**
 * Takes the PGlite lock of `dataDir` for this process, or throws {@link DataDirLockedError} naming the
 * process that holds it. Returns the release; the lock also goes when the process exits.
 */
export function lockPgliteDataDir(dataDir: string): () => void {
  const dir = path.resolve(dataDir);
  const file = path.join(dir, "pglite.pid");
  if (held.has(file)) throw new DataDirLockedError(dataDir, process.pid);
  mkdirSync(dir, { recursive: true });
  const content = `${process.pid} ${startTimeOf(process.pid) ?? ""}\n`;
  for (let attempt = 0; ; attempt++) {
    try {
      writeFileSync(file, content, { flag: "wx" });
      break;
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== "EEXIST" || attempt > 2) throw err;
    }
    const holder = holderOf(file);
    if (holder !== null) throw new DataDirLockedError(dataDir, holder);
    try {
      unlinkSync(file);
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== "ENOENT") throw err;
    }
  }
  held.add(file);
  const release = () => {
    if (!held.delete(file)) return;
    process.off("exit", release);
    try {
      unlinkSync(file);
    } catch {
      // Already gone (the directory was removed): nothing left to release.
    }
  };
  process.on("exit", release);
  return release;
}
