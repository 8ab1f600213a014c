import { and, asc, desc, eq, gte, ilike, lt } from "drizzle-orm";
import type { FillDto, ListFillsQuery } from "@contracts/gas/fill";
import { requirePermission } from "../../../platform/auth/actor.js";
import type { Actor } from "../../../platform/context.js";
import type { Executor } from "../../../platform/db/client.js";
import { andAll, likePattern, offsetOf, toPage, totalOver, type Page } from "../../../platform/db/pagination.js";
import { personsView } from "../../registry/index.js";
import { gasCylinders as C, gasFills as F, gasStaff as T, gasStations as S } from "./schema.js";
import { gasScope } from "../shared/index.js";

const P = personsView();

export const FILL_EXPORT_LIMIT = 100_000;

function selectFills(db: Executor) {
  return db
    .select({ f: F, cylinderCode: C.code, stationName: S.name, fillerName: P.name, total: totalOver })
    .from(F)
    .innerJoin(C, eq(C.id, F.cylinderId))
    .innerJoin(S, eq(S.id, F.stationId))
    .leftJoin(T, eq(T.id, F.fillerId))
    .leftJoin(P, eq(P.id, T.personId));
}
type Row = Awaited<ReturnType<typeof selectFills>>[number];

const toDto = (r: Row): FillDto => ({
  id: r.f.id,
  cylinderId: r.f.cylinderId,
  cylinderCode: r.cylinderCode,
  stationId: r.f.stationId,
  stationName: r.stationName,
  enterpriseId: r.f.enterpriseId,
  fillerName: r.fillerName,
  filledAt: r.f.filledAt.toISOString(),
  netWeightKg: r.f.netWeightKg,
  allowedFillKg: r.f.allowedFillKg,
  preCheckOk: r.f.preCheckOk,
  postCheckOk: r.f.postCheckOk,
  source: r.f.source,
});

/** Days are Asia/Shanghai days: `to` includes the whole day. */
const dayStart = (day: string) => new Date(`${day}T00:00:00+08:00`);
const nextDay = (day: string) => new Date(dayStart(day).getTime() + 86_400_000);

function where(actor: Actor, q: Omit<ListFillsQuery, "page" | "pageSize">) {
  return andAll([
    gasScope(actor, F.enterpriseId),
    q.q ? ilike(C.code, likePattern(q.q).slice(1)) : undefined,
    q.stationId ? eq(F.stationId, q.stationId) : undefined,
    q.from ? gte(F.filledAt, dayStart(q.from)) : undefined,
    q.to ? lt(F.filledAt, nextDay(q.to)) : undefined,
  ]);
}

const orderOf = (sort: string | undefined) => {
  const col = sort?.replace(/^-/, "") === "netWeightKg" ? F.netWeightKg : F.filledAt;
  // Newest first unless asked otherwise: the list is read as a log.
  return [sort && !sort.startsWith("-") ? asc(col) : desc(col), asc(F.id)];
};

export async function listFills(db: Executor, actor: Actor, q: ListFillsQuery): Promise<Page<FillDto>> {
  requirePermission(actor, "gas.read");
  const rows = await selectFills(db).where(where(actor, q)).orderBy(...orderOf(q.sort)).limit(q.pageSize).offset(offsetOf(q));
  return toPage(rows, q, toDto);
}

export async function fillsForExport(db: Executor, actor: Actor, q: Omit<ListFillsQuery, "page" | "pageSize">): Promise<FillDto[]> {
  requirePermission(actor, "gas.read");
  return (await selectFills(db).where(and(where(actor, q))).orderBy(...orderOf(q.sort)).limit(FILL_EXPORT_LIMIT)).map(toDto);
}
