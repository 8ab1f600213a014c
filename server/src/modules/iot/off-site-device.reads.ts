import { isNull } from "drizzle-orm";
import { QueryBuilder } from "drizzle-orm/pg-core";
import { iotDevices as D } from "./schema.js";

const qb = new QueryBuilder({ casing: "snake_case" });

/**
 * Devices on no site — the gas detection vehicles, owned by `enterpriseId` — as the module that runs them
 * reads them: a read-only view for its joins, filters and sorts (a subquery PostgreSQL pulls up, so a list
 * joining it keeps its plan; see registry.reads.ts), with their liveness. Never the secret or its hashes.
 */
export const offSiteDevicesView = (alias = "d") =>
  qb
    .select({ id: D.id, code: D.code, name: D.name, type: D.type, enterpriseId: D.enterpriseId, enabled: D.enabled, online: D.online, lastSeenAt: D.lastSeenAt })
    .from(D)
    .where(isNull(D.projectId))
    .as(alias);
