import type { CaseBoardDto } from "@contracts/cases/cases";
import { isCityWide, requirePermission } from "../../platform/auth/actor.js";
import type { Actor } from "../../platform/context.js";
import type { Database, Executor, Listener } from "../../platform/db/client.js";
import { caseBoard } from "./case.queries.js";

/** The channel the board-count triggers announce every change on (migration 0013_cases_board_notify). */
export const BOARD_CHANGED_CHANNEL = "sc_cases_board";

/**
 * "Closed in the last 30 days" moves with the clock, not with writes; this bounds that drift (and, like the
 * actor cache, any notification lost without the connection dropping).
 */
const MAX_AGE_MS = 30_000;
/** One entry per project the bureau opens the board for, plus the city's. */
const MAX_ENTRIES = 10_000;

interface Entry {
  board: CaseBoardDto;
  generation: number;
  cachedAt: number;
}

/**
 * The city-wide case board, remembered between changes. Every statement that changes a board count
 * (`cases_board_counts`, kept by triggers on `cases_cases`) also NOTIFYs at its commit, from whichever
 * process or module wrote it, and every process then starts a new generation. A read stores its answer
 * only if no notification arrived while it ran, so a board is never older than the last commit this
 * process has heard of. While the LISTEN connection is down the cache is bypassed, so nothing is served
 * from before a gap. Only city-wide readers are cached: their scope never changes, whereas an enterprise's
 * visible projects change with the registry.
 */
export class BoardCache {
  private readonly entries = new Map<string, Entry>();
  private generation = 0;
  private listener: Listener | null = null;

  async start(database: Database): Promise<void> {
    try {
      this.listener = await database.listen(BOARD_CHANGED_CHANNEL, () => this.invalidate(), () => this.invalidate());
    } catch {
      this.listener = null;
    }
  }

  async stop(): Promise<void> {
    await this.listener?.close();
    this.listener = null;
    this.invalidate();
  }

  invalidate(): void {
    this.generation++;
    this.entries.clear();
  }

  /** The board under `key`, from memory while nothing changed, else from `load`. */
  async read(key: string, load: () => Promise<CaseBoardDto>, now = Date.now()): Promise<CaseBoardDto> {
    if (!this.listener?.isLive()) return load();
    const e = this.entries.get(key);
    if (e && e.generation === this.generation && now - e.cachedAt < MAX_AGE_MS) return e.board;
    const generation = this.generation;
    const board = await load();
    if (generation === this.generation && this.listener.isLive()) {
      if (this.entries.size >= MAX_ENTRIES) this.entries.delete(this.entries.keys().next().value as string);
      this.entries.set(key, { board, generation, cachedAt: now });
    }
    return board;
  }
}

/**
 * `GET /cases/board` for one caller: city-wide readers through the cache (keyed by the project filter),
 * everyone else straight from the counts. The permission is checked before the cache is looked at.
 */
export function readCaseBoard(cache: BoardCache, db: Executor, actor: Actor, projectId?: string): Promise<CaseBoardDto> {
  requirePermission(actor, "cases.read");
  const load = () => caseBoard(db, actor, projectId);
  return isCityWide(actor) ? cache.read(projectId ?? "*", load) : load();
}
