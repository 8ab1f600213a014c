import { asc, desc, eq, gte, ilike, lt, or } from "drizzle-orm";
import type { FillCheckRowDto, ListFillChecksQuery } from "@contracts/gas/fill";
import { requirePermission } from "../../../platform/auth/actor.js";
import type { Actor } from "../../../platform/context.js";
import type { Executor } from "../../../platform/db/client.js";
import { andAll, likePattern, offsetOf, toPage, totalOver, type Page } from "../../../platform/db/pagination.js";
import { gasFillChecks as K, gasStations as S } from "./schema.js";
import { gasScope } from "../shared/index.js";

const dayStart = (day: string) => new Date(`${day}T00:00:00+08:00`);

/**
 * The pre-fill checks of the stations in scope, newest first. A check names its station by code; one with
 * an unknown code has no station and is seen by the bureau only (no gas company owns it).
 */
export async function listFillChecks(db: Executor, actor: Actor, q: ListFillChecksQuery): Promise<Page<FillCheckRowDto>> {
  requirePermission(actor, "gas.read");
  const pattern = q.q ? likePattern(q.q) : undefined;
  const rows = await db
    .select({ k: K, stationName: S.name, total: totalOver })
    .from(K)
    .leftJoin(S, eq(S.id, K.stationId))
    .where(
      andAll([
        gasScope(actor, S.enterpriseId),
        q.stationId ? eq(K.stationId, q.stationId) : undefined,
        q.allowed ? eq(K.allowed, q.allowed === "true") : undefined,
        q.from ? gte(K.at, dayStart(q.from)) : undefined,
        q.to ? lt(K.at, new Date(dayStart(q.to).getTime() + 86_400_000)) : undefined,
        pattern ? or(ilike(K.cylinderCode, pattern), ilike(K.stationCode, pattern)) : undefined,
      ]),
    )
    .orderBy(desc(K.at), asc(K.id))
    .limit(q.pageSize)
    .offset(offsetOf(q));
  return toPage(rows, q, (r) => ({
    id: r.k.id,
    at: r.k.at.toISOString(),
    stationId: r.k.stationId,
    stationCode: r.k.stationCode,
    stationName: r.stationName,
    cylinderId: r.k.cylinderId,
    cylinderCode: r.k.cylinderCode,
    allowed: r.k.allowed,
    reasons: r.k.reasons,
  }));
}
