import type { FastifyBaseLogger } from "fastify";
import type { InspectorDomain, Permission, Role } from "@contracts/platform/auth";
import type { Db } from "./db/client.js";
import type { EventBus } from "./events/bus.js";

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
}
