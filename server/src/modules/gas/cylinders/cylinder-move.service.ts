import { sql } from "drizzle-orm";
import type { CylinderStatus } from "@contracts/gas/cylinder-status";
import { rowsOf, type Tx } from "../../../platform/db/client.js";
import { conflict } from "../../../platform/errors.js";
import { gasCylinderEvents as EV } from "./schema.js";

/** One step another module moved a cylinder through (a scanned delivery step), for its timeline. */
export interface CylinderStep {
  cylinderId: string;
  at: Date;
  /** The workflow action (cylinder.workflow.ts). */
  action: string;
  from: CylinderStatus;
  to: CylinderStatus;
  stationId: string | null;
  staffId: string | null;
  customerId: string | null;
  data: Record<string, unknown>;
}

/** Where a cylinder's last step left it. */
export interface CylinderLanding {
  status: CylinderStatus;
  customerId: string | null;
  lastAt: Date;
}

const CHUNK = 500;

/**
 * Writes steps planned elsewhere (the delivery chain) on the cylinders' timelines and moves each cylinder
 * once to where its last step left it, inside the caller's transaction, on cylinders it locked with
 * `lockCylindersByCode`. The guard on each cylinder's first from-status makes a change the lock should have
 * prevented fail loudly instead of being overwritten.
 * @throws AppError CONFLICT when a cylinder's status changed meanwhile.
 */
export async function moveCylinders(tx: Tx, actorId: string | null, steps: readonly CylinderStep[], landings: ReadonlyMap<string, CylinderLanding>): Promise<void> {
  for (let i = 0; i < steps.length; i += CHUNK) {
    await tx.insert(EV).values(
      steps.slice(i, i + CHUNK).map((s) => ({
        cylinderId: s.cylinderId,
        at: s.at,
        action: s.action,
        fromStatus: s.from,
        toStatus: s.to,
        stationId: s.stationId,
        staffId: s.staffId,
        customerId: s.customerId,
        actorId,
        data: s.data,
      })),
    );
  }
  const firstFrom = new Map<string, CylinderStatus>();
  for (const s of steps) if (!firstFrom.has(s.cylinderId)) firstFrom.set(s.cylinderId, s.from);
  const entries = [...landings.entries()];
  for (let i = 0; i < entries.length; i += CHUNK) {
    const chunk = entries.slice(i, i + CHUNK);
    const col = <T>(f: (e: (typeof chunk)[number]) => T) => sql.param(chunk.map(f));
    const updated = rowsOf<{ id: string }>(
      await tx.execute(sql`
        update gas_cylinders c
           set status = v.status, customer_id = v.customer_id, last_seen_at = greatest(c.last_seen_at, v.at),
               version = c.version + 1, updated_at = now()
          from unnest(${col(([id]) => id)}::uuid[], ${col(([id]) => firstFrom.get(id))}::text[], ${col(([, f]) => f.status)}::text[],
                      ${col(([, f]) => f.customerId)}::uuid[], ${col(([, f]) => f.lastAt.toISOString())}::timestamptz[])
               as v(id, from_status, status, customer_id, at)
         where c.id = v.id and c.status = v.from_status
        returning c.id`),
    );
    if (updated.length !== chunk.length) throw conflict("钢瓶状态已被其他操作改变，请重试 (a cylinder changed meanwhile; retry)");
  }
}
