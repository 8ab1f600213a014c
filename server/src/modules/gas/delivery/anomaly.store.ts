import { sql } from "drizzle-orm";
import type { Executor } from "../../../platform/db/client.js";
import type { AnomalyDraft } from "./anomaly.checks.js";
import { gasAnomalies as A } from "./schema.js";

const CHUNK = 500;

/**
 * Writes the drafts whose dedup key was never raised (open or resolved): judging the same facts again, or
 * a resolved anomaly's facts, raises nothing new. The open-row unique index settles a concurrent raise.
 * Returns how many rows were written.
 */
export async function raiseAnomalies(tx: Executor, drafts: readonly AnomalyDraft[]): Promise<number> {
  const unique = [...new Map(drafts.map((d) => [d.dedupKey, d])).values()];
  let raised = 0;
  for (let i = 0; i < unique.length; i += CHUNK) {
    const chunk = unique.slice(i, i + CHUNK);
    const known = await tx
      .select({ key: A.dedupKey })
      .from(A)
      .where(sql`${A.dedupKey} = any(${sql.param(chunk.map((d) => d.dedupKey))}::text[])`);
    const seen = new Set(known.map((k) => k.key));
    const fresh = chunk.filter((d) => !seen.has(d.dedupKey));
    if (fresh.length === 0) continue;
    const rows = await tx
      .insert(A)
      .values(
        fresh.map((d) => ({
          enterpriseId: d.enterpriseId,
          kind: d.kind,
          dedupKey: d.dedupKey,
          cylinderId: d.cylinderId ?? null,
          customerId: d.customerId ?? null,
          stationId: d.stationId ?? null,
          staffId: d.staffId ?? null,
          detectedAt: d.detectedAt,
          detail: d.detail,
        })),
      )
      .onConflictDoNothing()
      .returning({ id: A.id });
    raised += rows.length;
  }
  return raised;
}
