import type { FastifyBaseLogger } from "fastify";
import type { InspectorDomain, Permission, Role } from "@contracts/platform/auth";
import { SYSTEM_ACTOR } from "./auth/actor.js";
import type { Clock } from "./clock.js";
import type { Db } from "./db/client.js";
import type { EventBus } from "./events/bus.js";
import type { Files } from "./files/store.js";

/** Who is acting. `enterpriseId` and `projectIds` are the data scope of bound roles. */
export interface Actor {
  userId: string | null;
  username: string;
  displayName: string;
  role: Role;
  domain: InspectorDomain | null;
  enterpriseId: string | null;
  projectIds: string[];
  permissions: ReadonlySet<Permission>;
}

/** Everything a verb needs, passed explicitly: no globals. */
export interface ServiceContext {
  db: Db;
  actor: Actor;
  events: EventBus;
  log: FastifyBaseLogger;
  requestId: string | null;
  ip: string | null;
  /** The city's administrative code (CITY_REGION): whose rule overrides the verb judges by. */
  region: string;
  /** The time a verb stamps and judges deadlines by; tests pass a fixed clock. */
  clock: Clock;
  /** Uploaded and device files (photos, documents) under DATA_DIR. */
  files: Files;
}

/** What a process holds once and every context of it shares: sweeps, ingest and the seed build theirs from it. */
export type ContextDeps = Pick<ServiceContext, "db" | "events" | "log" | "region" | "clock" | "files">;

/** The context of work no one requested (sweeps, ingest, seed): the system actor, no request id or address. */
export function systemContext(deps: ContextDeps): ServiceContext {
  return { db: deps.db, events: deps.events, log: deps.log, region: deps.region, clock: deps.clock, files: deps.files, actor: SYSTEM_ACTOR, requestId: null, ip: null };
}
