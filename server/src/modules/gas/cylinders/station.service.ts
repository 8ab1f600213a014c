import { and, asc, desc, eq, ilike, or, sql } from "drizzle-orm";
import type { ListStationsQuery, StationDto, StationInput, StationKind } from "@contracts/gas/station";
import { StationInput as StationInputSchema } from "@contracts/gas/station";
import { requirePermission } from "../../../platform/auth/actor.js";
import { recordAudit } from "../../../platform/audit/audit.js";
import type { Actor, ServiceContext } from "../../../platform/context.js";
import type { Executor } from "../../../platform/db/client.js";
import { andAll, likePattern, offsetOf, toPage, totalOver, type Page } from "../../../platform/db/pagination.js";
import { isUniqueViolation } from "../../../platform/db/pg-errors.js";
import { conflict } from "../../../platform/errors.js";
import { enterprisesView } from "../../registry/index.js";
import { gasStations as S } from "./schema.js";
import { gasCompanyFor, stationInScope } from "./station.checks.js";
import { gasScope } from "../shared/index.js";

const E = enterprisesView();

export const STATION_EXPORT_LIMIT = 10_000;

const cylinders = sql<number>`(select count(*) from gas_cylinders c where c.station_id = ${S.id} and c.voided_at is null)`.mapWith(Number);

function selectStations(db: Executor) {
  return db.select({ s: S, enterpriseName: E.name, cylinders, total: totalOver }).from(S).innerJoin(E, eq(E.id, S.enterpriseId));
}
type Row = Awaited<ReturnType<typeof selectStations>>[number];

const toDto = (r: Row): StationDto => ({
  id: r.s.id,
  enterpriseId: r.s.enterpriseId,
  enterpriseName: r.enterpriseName,
  code: r.s.code,
  name: r.s.name,
  kind: r.s.kind as StationKind,
  licenceNo: r.s.licenceNo,
  address: r.s.address,
  lat: r.s.lat,
  lng: r.s.lng,
  active: r.s.active,
  cylinders: r.cylinders,
  updatedAt: r.s.updatedAt.toISOString(),
});

const SORTS = { code: S.code, name: S.name, updatedAt: S.updatedAt, cylinders } as const;

function where(actor: Actor, q: Omit<ListStationsQuery, "page" | "pageSize">) {
  return andAll([
    gasScope(actor, S.enterpriseId),
    q.q ? or(ilike(S.code, likePattern(q.q)), ilike(S.name, likePattern(q.q)), ilike(S.address, likePattern(q.q))) : undefined,
    q.enterpriseId ? eq(S.enterpriseId, q.enterpriseId) : undefined,
    q.kind ? eq(S.kind, q.kind) : undefined,
    q.active ? eq(S.active, q.active === "true") : undefined,
  ]);
}

function orderOf(sort: string | undefined) {
  const field = (sort?.replace(/^-/, "") ?? "code") as keyof typeof SORTS;
  return [sort?.startsWith("-") ? desc(SORTS[field]) : asc(SORTS[field]), asc(S.id)];
}

export async function listStations(db: Executor, actor: Actor, q: ListStationsQuery): Promise<Page<StationDto>> {
  requirePermission(actor, "gas.read");
  const rows = await selectStations(db).where(where(actor, q)).orderBy(...orderOf(q.sort)).limit(q.pageSize).offset(offsetOf(q));
  return toPage(rows, q, toDto);
}

export async function stationsForExport(db: Executor, actor: Actor, q: Omit<ListStationsQuery, "page" | "pageSize">): Promise<StationDto[]> {
  requirePermission(actor, "gas.read");
  return (await selectStations(db).where(where(actor, q)).orderBy(...orderOf(q.sort)).limit(STATION_EXPORT_LIMIT)).map(toDto);
}

export async function getStation(db: Executor, actor: Actor, id: string): Promise<StationDto> {
  requirePermission(actor, "gas.read");
  await stationInScope(db, actor, id);
  const [row] = await selectStations(db).where(eq(S.id, id));
  return toDto(row);
}

const codeTaken = (code: string) => conflict(`站点编码 ${code} 已被使用 (station code ${code} is taken)`, { field: "code" });

/** Files a station for the actor's gas company (the bureau names one). */
export async function createStation(ctx: ServiceContext, input: StationInput): Promise<StationDto> {
  requirePermission(ctx.actor, "gas.manage");
  const v = StationInputSchema.parse(input);
  const enterpriseId = await gasCompanyFor(ctx.db, ctx.actor, v.enterpriseId);
  const id = await ctx.db
    .transaction(async (tx) => {
      const [s] = await tx.insert(S).values({ ...v, enterpriseId }).returning();
      await recordAudit(tx, ctx, { action: "gas.station.created", entity: "gas_station", entityId: s.id, after: s });
      return s.id;
    })
    .catch((err: unknown) => {
      throw isUniqueViolation(err) ? codeTaken(v.code) : err;
    });
  return getStation(ctx.db, ctx.actor, id);
}

/** Edits a station in scope; its company never changes. */
export async function updateStation(ctx: ServiceContext, id: string, input: StationInput): Promise<StationDto> {
  requirePermission(ctx.actor, "gas.manage");
  const v = StationInputSchema.parse(input);
  const before = await stationInScope(ctx.db, ctx.actor, id);
  await ctx.db
    .transaction(async (tx) => {
      const { enterpriseId: _ignored, ...fields } = v;
      const [after] = await tx.update(S).set({ ...fields, updatedAt: new Date() }).where(and(eq(S.id, id))).returning();
      await recordAudit(tx, ctx, { action: "gas.station.updated", entity: "gas_station", entityId: id, before, after });
    })
    .catch((err: unknown) => {
      throw isUniqueViolation(err) ? codeTaken(v.code) : err;
    });
  return getStation(ctx.db, ctx.actor, id);
}
