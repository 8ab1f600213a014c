import { createHash } from "node:crypto";
import { sql } from "drizzle-orm";
import type { FastifyBaseLogger } from "fastify";
import { type Db, type Executor, rowsOf } from "../../platform/db/client.js";
import type { EventBus } from "../../platform/events/bus.js";
import { devicesOf, insertCommand } from "../iot/index.js";
import { shanghaiDay } from "@contracts/platform/time";
import { personsView, projectPostsView } from "../registry/index.js";
import { ROSTER_CHANGED } from "./worker.service.js";
/** Quiet time after the last change before the push, so an import of 500 workers makes one push. */
const DEBOUNCE_MS = 2_000;
/** A steady stream of changes still pushes at least this often. */
const MAX_WAIT_MS = 15_000;
/** A gate offline longer than this picks the roster up on the next change instead. */
const SYNC_TTL_S = 3_600;

/** One person a gate must recognise. */
export interface RosterEntry {
  /** The employee number the gate stores (工号); key-post holders who are not enrolled workers go by their ID number. */
  workerNo: string;
  name: string;
  /** In full: the gate matches the ID card against it (人证比对). Only ever sent to the project's own gates. */
  idNumber: string;
  hasPhoto: boolean;
  /** The worker's status (`entered`, `on_site`), or `key_post` for a key-post holder. */
  status: string;
}

/**
 * Who a project's gates let in today: its admitted workers (进场/在场) and the holders of its key posts,
 * minus anyone on the valid blacklist (the gate must not open for them). Ordered by employee number.
 */
export async function gateRoster(db: Executor, projectId: string, day = shanghaiDay(Date.now())): Promise<RosterEntry[]> {
  const result = await db.execute(sql`
    with admitted as (
      select w.worker_no, w.person_id, w.photo_path is not null as has_photo, w.status
      from workforce_workers w
      where w.project_id = ${projectId} and w.status in ('entered', 'on_site')
    ), posts as (
      select distinct p.id_number as worker_no, po.person_id, false as has_photo, 'key_post' as status
      from ${projectPostsView("po")} join ${personsView("p")} on p.id = po.person_id
      where po.project_id = ${projectId} and po.started_on <= ${day}::date and (po.ended_on is null or po.ended_on >= ${day}::date)
        and po.person_id not in (select person_id from admitted)
    )
    select r.worker_no as "workerNo", p.name, p.id_number as "idNumber", r.has_photo as "hasPhoto", r.status
    from (select * from admitted union all select * from posts) r
    join ${personsView("p")} on p.id = r.person_id
    where not exists (select 1 from workforce_blacklist b where b.person_id = r.person_id and b.revoked_at is null
                      and b.valid_from <= ${day}::date and (b.valid_to is null or b.valid_to >= ${day}::date))
    order by r.worker_no`);
  return rowsOf<RosterEntry>(result);
}

/** A short digest of the roster's content: a gate whose last sync has this version has nothing to fetch. */
export function rosterVersion(roster: RosterEntry[]): string {
  const h = createHash("sha256");
  for (const r of roster) h.update(`${r.workerNo}\u0000${r.name}\u0000${r.idNumber}\u0000${r.hasPhoto ? 1 : 0}\u0000${r.status}\n`);
  return h.digest("hex").slice(0, 16);
}

/**
 * Roster push (花名册下发): on `workforce.roster.changed`, after the changes to a project have gone quiet,
 * every enabled gate of the project gets a `gate.sync` command {projectId, version, count}; the gate then
 * fetches the roster from `GET /integrations/gates/{gateCode}/roster`. The commands go through the IoT
 * dispatcher, so an offline gate gets it when it reconnects.
 */
export class RosterPush {
  private readonly pending = new Map<string, { timer: NodeJS.Timeout; since: number }>();
  private readonly inFlight = new Set<Promise<unknown>>();

  constructor(
    private readonly deps: { db: Db; kick: () => void; log: FastifyBaseLogger; debounceMs?: number; maxWaitMs?: number },
  ) {}

  /** Notes a change; the push happens DEBOUNCE_MS after the last one (at most MAX_WAIT_MS after the first). */
  schedule(projectId: string): void {
    const now = Date.now();
    const prev = this.pending.get(projectId);
    if (prev) clearTimeout(prev.timer);
    const since = prev?.since ?? now;
    const delay = Math.max(0, Math.min(this.deps.debounceMs ?? DEBOUNCE_MS, since + (this.deps.maxWaitMs ?? MAX_WAIT_MS) - now));
    const timer = setTimeout(() => {
      this.pending.delete(projectId);
      const run = this.push(projectId)
        .catch((err: unknown) => this.deps.log.error({ err, projectId }, "roster push failed"))
        .finally(() => this.inFlight.delete(run));
      this.inFlight.add(run);
    }, delay);
    timer.unref();
    this.pending.set(projectId, { timer, since });
  }

  /** Queues `gate.sync` on every enabled gate of the project now; returns the command ids. */
  async push(projectId: string): Promise<string[]> {
    const roster = await gateRoster(this.deps.db, projectId);
    const params = { projectId, version: rosterVersion(roster), count: roster.length };
    const ids = await this.deps.db.transaction(async (tx) => {
      const gates = await devicesOf(tx, projectId, { type: "gate", enabledOnly: true });
      const out: string[] = [];
      for (const g of gates) {
        const row = await insertCommand(tx, {
          deviceId: g.id,
          projectId,
          name: "gate.sync",
          params,
          source: "auto",
          operatorId: null,
          operatorName: null,
          alarmId: null,
          ttlS: SYNC_TTL_S,
        });
        out.push(row.id);
      }
      return out;
    });
    if (ids.length > 0) this.deps.kick();
    return ids;
  }

  /** Pushes what is still waiting for its quiet time, then waits for every push under way. */
  async close(): Promise<void> {
    const waiting = [...this.pending.keys()];
    for (const { timer } of this.pending.values()) clearTimeout(timer);
    this.pending.clear();
    const flushed = waiting.map((projectId) => this.push(projectId).catch((err: unknown) => this.deps.log.error({ err, projectId }, "roster push failed")));
    await Promise.allSettled([...this.inFlight, ...flushed]);
  }
}

/** Starts the roster push on this process's event bus. */
export function startRosterPush(events: EventBus, deps: ConstructorParameters<typeof RosterPush>[0]): RosterPush {
  const push = new RosterPush(deps);
  events.on(ROSTER_CHANGED, (e) => {
    if (typeof e.payload.projectId === "string") push.schedule(e.payload.projectId);
  });
  return push;
}
