import { and, asc, eq } from "drizzle-orm";
import { QueryBuilder } from "drizzle-orm/pg-core";
import type { DeviceType } from "@contracts/iot/devices";
import type { Executor } from "../../platform/db/client.js";
import { iotDevices as D } from "./schema.js";

/**
 * What other modules may read of the device registry (设备台账): a read-only view for their joins (a
 * subquery PostgreSQL pulls up, so a list joining it keeps its plan; see registry.reads.ts) and plain
 * look-ups. Never the secret or its hashes.
 */

const qb = new QueryBuilder({ casing: "snake_case" });

export const devicesView = (alias = "d") =>
  qb.select({ id: D.id, code: D.code, name: D.name, type: D.type, projectId: D.projectId, enterpriseId: D.enterpriseId, enabled: D.enabled, online: D.online }).from(D).as(alias);

export interface DeviceRef {
  id: string;
  code: string;
  type: DeviceType;
  projectId: string | null;
  enabled: boolean;
}

const refColumns = { id: D.id, code: D.code, type: D.type, projectId: D.projectId, enabled: D.enabled };
const toRef = (r: { id: string; code: string; type: string; projectId: string | null; enabled: boolean }): DeviceRef => ({ ...r, type: r.type as DeviceType });

/** One device, or undefined (no data scope: the caller has checked the project it links it to). */
export async function deviceOf(db: Executor, id: string): Promise<DeviceRef | undefined> {
  const [row] = await db.select(refColumns).from(D).where(eq(D.id, id));
  return row && toRef(row);
}

/** A project's devices, by code; with `type` only those, with `enabledOnly` only the enabled ones. */
export async function devicesOf(db: Executor, projectId: string, opts: { type?: DeviceType; enabledOnly?: boolean } = {}): Promise<DeviceRef[]> {
  const rows = await db
    .select(refColumns)
    .from(D)
    .where(and(eq(D.projectId, projectId), opts.type ? eq(D.type, opts.type) : undefined, opts.enabledOnly ? eq(D.enabled, true) : undefined))
    .orderBy(asc(D.code));
  return rows.map(toRef);
}
