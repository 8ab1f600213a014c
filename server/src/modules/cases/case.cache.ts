import type { CaseBoardDto } from "@contracts/cases/cases";
import { requirePermission } from "../../platform/auth/actor.js";
import type { Actor } from "../../platform/context.js";
import type { Database, Executor, Listener } from "../../platform/db/client.js";
import { scopeKind } from "../registry/index.js";
import { caseBoard } from "./case.queries.js";

/**
 * The channel every change to a board announces itself on: the board-count triggers (migration 0013) and the
 * project-participant trigger, which moves an enterprise's scope (migration 0014).
 */
export const BOARD_CHANGED_CHANNEL = "sc_cases_board";

/**
 * "Closed in the last 30 days" moves with the clock, not with writes; this bounds that drift (and, like the
 * actor cache, any notification lost without the connection dropping).
 */
const MAX_AGE_MS = 30_000;
/** One entry per scope and project filter: the city's, each enterprise's, each project user's set. */
const MAX_ENTRIES = 20_000;

interface Entry {
  board: CaseBoardDto;
  generation: number;
  cachedAt: number;
}

/**
 * Case boards, remembered between changes. Every statement that changes a board count (`cases_board_counts`,
 * kept by triggers on `cases_cases`) or a project's participants (an enterprise's scope) NOTIFYs at its commit,
 * from whichever process or module wrote it, and every process then starts a new generation. A read stores its
 * answer only if no notification arrived while it ran, so a board is never older than the last commit this
 * process has heard of. While the LISTEN connection is down the cache is bypassed, so nothing is served from
 * before a gap.
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
 * What a board depends on besides the counts: the caller's scope as the scope SQL reads it (the city; an
 * enterprise, whose projects come from the participants table; a project user's bound projects, from the
 * session) and the project filter.
 */
export function boardKey(actor: Actor, projectId?: string): string {
  const kind = scopeKind(actor);
  const who = kind === "enterprise" ? actor.enterpriseId : kind === "projects" ? [...actor.projectIds].sort().join(",") : "";
  return `${kind}:${who}|${projectId ?? "*"}`;
}

/** `GET /cases/board` for one caller, through the cache. The permission is checked before the cache is looked at. */
export function readCaseBoard(cache: BoardCache, db: Executor, actor: Actor, projectId?: string): Promise<CaseBoardDto> {
  requirePermission(actor, "cases.read");
  return cache.read(boardKey(actor, projectId), () => caseBoard(db, actor, projectId));
}
