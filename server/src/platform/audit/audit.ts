import { asc, desc, gt, sql } from "drizzle-orm";
import type { ServiceContext } from "../context.js";
import type { Executor } from "../db/client.js";
import { auditLog } from "./schema.js";
import { chainHash, GENESIS_HASH, toJsonValue } from "./audit.chain.js";

// Serialises appends so every entry links to the one before it, across processes on PostgreSQL.
const AUDIT_CHAIN_LOCK = 7_240_032;

export interface AuditInput {
  action: string;
  entity: string;
  entityId?: string | null;
  before?: unknown;
  after?: unknown;
}

/**
 * Appends one entry to the hash-chained audit log. Call it inside the write's transaction so the
 * entry and the change commit or roll back together.
 */
export async function recordAudit(tx: Executor, ctx: Pick<ServiceContext, "actor" | "requestId" | "ip">, input: AuditInput): Promise<void> {
  await tx.execute(sql`select pg_advisory_xact_lock(${AUDIT_CHAIN_LOCK})`);
  const [last] = await tx.select({ hash: auditLog.hash }).from(auditLog).orderBy(desc(auditLog.id)).limit(1);
  const prevHash = last?.hash ?? GENESIS_HASH;
  const content = {
    at: new Date(),
    actorId: ctx.actor.userId,
    actorName: ctx.actor.username,
    action: input.action,
    entity: input.entity,
    entityId: input.entityId ?? null,
    before: toJsonValue(input.before),
    after: toJsonValue(input.after),
  };
  await tx.insert(auditLog).values({ ...content, requestId: ctx.requestId, ip: ctx.ip, prevHash, hash: chainHash(prevHash, content) });
}

export interface VerifyResult {
  ok: boolean;
  checked: number;
  firstBrokenId: number | null;
  reason: string | null;
}

/** Re-computes the whole chain in id order, in batches; reports the first entry that does not match. */
export async function verifyAuditChain(db: Executor, batchSize = 2000): Promise<VerifyResult> {
  let prevHash = GENESIS_HASH;
  let lastId = 0;
  let checked = 0;
  for (;;) {
    const rows = await db.select().from(auditLog).where(gt(auditLog.id, lastId)).orderBy(asc(auditLog.id)).limit(batchSize);
    if (rows.length === 0) return { ok: true, checked, firstBrokenId: null, reason: null };
    for (const row of rows) {
      if (row.prevHash !== prevHash) return { ok: false, checked, firstBrokenId: row.id, reason: "previous hash does not match (entry removed or reordered)" };
      if (chainHash(prevHash, row) !== row.hash) return { ok: false, checked, firstBrokenId: row.id, reason: "content does not match its hash (entry modified)" };
      prevHash = row.hash;
      lastId = row.id;
      checked++;
    }
  }
}
