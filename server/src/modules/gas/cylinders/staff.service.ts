import { and, asc, desc, eq, gte, ilike, isNull, lt, or } from "drizzle-orm";
import type { ListStaffQuery, StaffDto, StaffInput, StaffRole } from "@contracts/gas/station";
import { StaffInput as StaffInputSchema } from "@contracts/gas/station";
import { shanghaiDay } from "@contracts/platform/time";
import { requirePermission } from "../../../platform/auth/actor.js";
import { recordAudit } from "../../../platform/audit/audit.js";
import type { Actor, ServiceContext } from "../../../platform/context.js";
import type { Executor } from "../../../platform/db/client.js";
import { andAll, likePattern, offsetOf, toPage, totalOver, type Page } from "../../../platform/db/pagination.js";
import { isUniqueViolation } from "../../../platform/db/pg-errors.js";
import { conflict, invalidField, notFound } from "../../../platform/errors.js";
import { enterprisesView, personsView } from "../../registry/index.js";
import { gasStaff as T, gasStations as S } from "./schema.js";
import { gasCompanyFor } from "./station.checks.js";
import { gasScope } from "../shared/index.js";

const E = enterprisesView();
const P = personsView();

export const STAFF_EXPORT_LIMIT = 20_000;

function selectStaff(db: Executor) {
  return db
    .select({ t: T, enterpriseName: E.name, personName: P.name, stationName: S.name, total: totalOver })
    .from(T)
    .innerJoin(E, eq(E.id, T.enterpriseId))
    .innerJoin(P, eq(P.id, T.personId))
    .leftJoin(S, eq(S.id, T.stationId));
}
type Row = Awaited<ReturnType<typeof selectStaff>>[number];

const toDto = (today: string) => (r: Row): StaffDto => ({
  id: r.t.id,
  enterpriseId: r.t.enterpriseId,
  enterpriseName: r.enterpriseName,
  personId: r.t.personId,
  personName: r.personName,
  stationId: r.t.stationId,
  stationName: r.stationName,
  role: r.t.role as StaffRole,
  certificateNo: r.t.certificateNo,
  certificateValidTo: r.t.certificateValidTo,
  certified: r.t.active && r.t.certificateValidTo !== null && r.t.certificateValidTo >= today,
  active: r.t.active,
  updatedAt: r.t.updatedAt.toISOString(),
});

const SORTS = { personName: P.name, certificateValidTo: T.certificateValidTo, updatedAt: T.updatedAt } as const;

function where(actor: Actor, q: Omit<ListStaffQuery, "page" | "pageSize">, today: string) {
  const certified = and(eq(T.active, true), gte(T.certificateValidTo, today));
  return andAll([
    gasScope(actor, T.enterpriseId),
    q.q ? or(ilike(P.name, likePattern(q.q)), ilike(T.certificateNo, likePattern(q.q))) : undefined,
    q.enterpriseId ? eq(T.enterpriseId, q.enterpriseId) : undefined,
    q.stationId ? eq(T.stationId, q.stationId) : undefined,
    q.role ? eq(T.role, q.role) : undefined,
    q.certified === "true" ? certified : q.certified === "false" ? or(eq(T.active, false), isNull(T.certificateValidTo), lt(T.certificateValidTo, today)) : undefined,
  ]);
}

const orderOf = (sort: string | undefined) => {
  const field = (sort?.replace(/^-/, "") ?? "personName") as keyof typeof SORTS;
  return [sort?.startsWith("-") ? desc(SORTS[field]) : asc(SORTS[field]), asc(T.id)];
};

export async function listStaff(db: Executor, actor: Actor, q: ListStaffQuery): Promise<Page<StaffDto>> {
  requirePermission(actor, "gas.read");
  const today = shanghaiDay();
  const rows = await selectStaff(db).where(where(actor, q, today)).orderBy(...orderOf(q.sort)).limit(q.pageSize).offset(offsetOf(q));
  return toPage(rows, q, toDto(today));
}

export async function staffForExport(db: Executor, actor: Actor, q: Omit<ListStaffQuery, "page" | "pageSize">): Promise<StaffDto[]> {
  requirePermission(actor, "gas.read");
  const today = shanghaiDay();
  return (await selectStaff(db).where(where(actor, q, today)).orderBy(...orderOf(q.sort)).limit(STAFF_EXPORT_LIMIT)).map(toDto(today));
}

export async function getStaff(db: Executor, actor: Actor, id: string): Promise<StaffDto> {
  requirePermission(actor, "gas.read");
  const [row] = await selectStaff(db).where(and(eq(T.id, id), gasScope(actor, T.enterpriseId)));
  if (!row) throw notFound("staff", id);
  return toDto(shanghaiDay())(row);
}

/** The person must exist; the station, when given, must be the same company's. */
async function checkRefs(db: Executor, enterpriseId: string, personId: string, stationId: string | null | undefined) {
  const [person] = await db.select({ id: P.id }).from(P).where(eq(P.id, personId));
  if (!person) throw invalidField("personId", "人员库中无此人 (no such person in the registry)");
  if (stationId) {
    const [s] = await db.select({ enterpriseId: S.enterpriseId }).from(S).where(eq(S.id, stationId));
    if (!s || s.enterpriseId !== enterpriseId) throw invalidField("stationId", "须为本企业的站点 (must be a station of the same gas company)");
  }
}

const taken = () => conflict("此人已登记该岗位 (this person is already registered in this role)", { field: "personId" });

export async function createStaff(ctx: ServiceContext, input: StaffInput): Promise<StaffDto> {
  requirePermission(ctx.actor, "gas.manage");
  const v = StaffInputSchema.parse(input);
  const enterpriseId = await gasCompanyFor(ctx.db, ctx.actor, v.enterpriseId);
  await checkRefs(ctx.db, enterpriseId, v.personId, v.stationId);
  const id = await ctx.db
    .transaction(async (tx) => {
      const [t] = await tx.insert(T).values({ ...v, stationId: v.stationId ?? null, enterpriseId }).returning();
      await recordAudit(tx, ctx, { action: "gas.staff.created", entity: "gas_staff", entityId: t.id, after: t });
      return t.id;
    })
    .catch((err: unknown) => {
      throw isUniqueViolation(err) ? taken() : err;
    });
  return getStaff(ctx.db, ctx.actor, id);
}

/** Edits certificate, station, role or activity; the person and the company stay. */
export async function updateStaff(ctx: ServiceContext, id: string, input: StaffInput): Promise<StaffDto> {
  requirePermission(ctx.actor, "gas.manage");
  const v = StaffInputSchema.parse(input);
  const [before] = await ctx.db.select().from(T).where(and(eq(T.id, id), gasScope(ctx.actor, T.enterpriseId)));
  if (!before) throw notFound("staff", id);
  if (v.personId !== before.personId) throw invalidField("personId", "不能更换人员，请新增 (the person cannot change; add a new entry)");
  await checkRefs(ctx.db, before.enterpriseId, v.personId, v.stationId);
  await ctx.db
    .transaction(async (tx) => {
      const [after] = await tx
        .update(T)
        .set({ role: v.role, stationId: v.stationId ?? null, certificateNo: v.certificateNo, certificateValidTo: v.certificateValidTo, active: v.active, updatedAt: new Date() })
        .where(eq(T.id, id))
        .returning();
      await recordAudit(tx, ctx, { action: "gas.staff.updated", entity: "gas_staff", entityId: id, before, after });
    })
    .catch((err: unknown) => {
      throw isUniqueViolation(err) ? taken() : err;
    });
  return getStaff(ctx.db, ctx.actor, id);
}
