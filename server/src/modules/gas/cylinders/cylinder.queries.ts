import { and, asc, desc, eq, ilike, inArray, lte, gt, sql, isNull, or } from "drizzle-orm";
import type { CylinderDetailDto, CylinderDto, ListCylindersQuery } from "@contracts/gas/cylinder";
import type { CylinderStatus, CylinderType } from "@contracts/gas/cylinder-status";
import { shanghaiDay } from "@contracts/platform/time";
import { requirePermission } from "../../../platform/auth/actor.js";
import type { Actor } from "../../../platform/context.js";
import type { Executor } from "../../../platform/db/client.js";
import { andAll, likePattern, offsetOf, toPage, totalOver, type Page } from "../../../platform/db/pagination.js";
import { notFound } from "../../../platform/errors.js";
import { enterprisesView } from "../../registry/index.js";
import { gasCylinderEvents as V, gasCylinders as C, gasStations as S } from "./schema.js";
import { gasScope } from "../shared/index.js";

const E = enterprisesView();

/** Rows per export: a large company's whole stock. */
export const CYLINDER_EXPORT_LIMIT = 100_000;

function selectCylinders(db: Executor, withTotal: boolean) {
  return db
    .select({ c: C, enterpriseName: E.name, stationCode: S.code, stationName: S.name, ...(withTotal ? { total: totalOver } : {}) })
    .from(C)
    .innerJoin(S, eq(S.id, C.stationId))
    .innerJoin(E, eq(E.id, C.enterpriseId));
}
type Row = Awaited<ReturnType<typeof selectCylinders>>[number];

export const toCylinderDto = (today: string) => (r: Row): CylinderDto => ({
  id: r.c.id,
  code: r.c.code,
  enterpriseId: r.c.enterpriseId,
  enterpriseName: r.enterpriseName,
  stationId: r.c.stationId,
  stationCode: r.stationCode,
  stationName: r.stationName,
  type: r.c.type as CylinderType,
  spec: r.c.spec,
  nominalFillKg: r.c.nominalFillKg,
  maker: r.c.maker,
  serialNo: r.c.serialNo,
  manufacturedOn: r.c.manufacturedOn,
  designLifeYears: r.c.designLifeYears,
  lastInspectedOn: r.c.lastInspectedOn,
  nextInspectionOn: r.c.nextInspectionOn,
  scrapOn: r.c.scrapOn,
  status: r.c.status as CylinderStatus,
  lost: r.c.lostAt !== null,
  voided: r.c.voidedAt !== null,
  overdue: r.c.voidedAt === null && r.c.nextInspectionOn <= today,
  lastFillAt: r.c.lastFillAt?.toISOString() ?? null,
  updatedAt: r.c.updatedAt.toISOString(),
});

const SORTS = { code: C.code, nextInspectionOn: C.nextInspectionOn, scrapOn: C.scrapOn, manufacturedOn: C.manufacturedOn, lastFillAt: C.lastFillAt, updatedAt: C.updatedAt } as const;

function where(actor: Actor, q: Omit<ListCylindersQuery, "page" | "pageSize">, today: string) {
  return andAll([
    gasScope(actor, C.enterpriseId),
    // Codes are typed or scanned from their start: a prefix match, or the maker serial exactly.
    q.q ? or(ilike(C.code, `${likePattern(q.q).slice(1)}`), eq(C.serialNo, q.q)) : undefined,
    q.status?.length ? inArray(C.status, q.status) : undefined,
    q.stationId ? eq(C.stationId, q.stationId) : undefined,
    q.enterpriseId ? eq(C.enterpriseId, q.enterpriseId) : undefined,
    q.type ? eq(C.type, q.type) : undefined,
    q.overdue === "true" ? and(isNull(C.voidedAt), lte(C.nextInspectionOn, today)) : q.overdue === "false" ? gt(C.nextInspectionOn, today) : undefined,
  ]);
}

const orderOf = (sort: string | undefined) => {
  const field = (sort?.replace(/^-/, "") ?? "code") as keyof typeof SORTS;
  const col = SORTS[field];
  return [sort?.startsWith("-") ? sql`${col} desc nulls last` : asc(col), asc(C.id)];
};

export async function listCylinders(db: Executor, actor: Actor, q: ListCylindersQuery): Promise<Page<CylinderDto>> {
  requirePermission(actor, "gas.read");
  const today = shanghaiDay();
  const rows = await selectCylinders(db, true).where(where(actor, q, today)).orderBy(...orderOf(q.sort)).limit(q.pageSize).offset(offsetOf(q));
  return toPage(rows as (Row & { total: number })[], q, toCylinderDto(today));
}

export async function cylindersForExport(db: Executor, actor: Actor, q: Omit<ListCylindersQuery, "page" | "pageSize">): Promise<CylinderDto[]> {
  requirePermission(actor, "gas.read");
  const today = shanghaiDay();
  return (await selectCylinders(db, false).where(where(actor, q, today)).orderBy(...orderOf(q.sort)).limit(CYLINDER_EXPORT_LIMIT)).map(toCylinderDto(today));
}

/** One cylinder with its whole timeline, newest first. @throws AppError NOT_FOUND when absent or out of scope. */
export async function getCylinder(db: Executor, actor: Actor, id: string): Promise<CylinderDetailDto> {
  requirePermission(actor, "gas.read");
  const [row] = await selectCylinders(db, false).where(and(eq(C.id, id), gasScope(actor, C.enterpriseId)));
  if (!row) throw notFound("cylinder", id);
  const events = await db.select().from(V).where(eq(V.cylinderId, id)).orderBy(desc(V.at), desc(V.id)).limit(500);
  return {
    ...toCylinderDto(shanghaiDay())(row),
    events: events.map((e) => ({ id: e.id, at: e.at.toISOString(), action: e.action, fromStatus: e.fromStatus, toStatus: e.toStatus, stationId: e.stationId, actorId: e.actorId, note: e.note, data: e.data ?? null })),
  };
}
