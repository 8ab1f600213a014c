import { and, asc, eq, ilike, or, sql } from "drizzle-orm";
import type { AgencyDto, AgencyInput, ListAgenciesQuery } from "@contracts/testing/commission";
import type { AgencyLevel, SampleType } from "@contracts/testing/enums";
import { SAMPLE_TYPE_LABELS } from "@contracts/testing/enums";
import { shanghaiDay } from "@contracts/platform/time";
import { isCityWide, requirePermission } from "../../platform/auth/actor.js";
import { recordAudit } from "../../platform/audit/audit.js";
import type { Actor, ServiceContext } from "../../platform/context.js";
import type { Executor } from "../../platform/db/client.js";
import { andAll, likePattern, offsetOf, toPage, totalOver, type Page } from "../../platform/db/pagination.js";
import { AppError, forbidden, invalidField } from "../../platform/errors.js";
import { enterprisesView } from "../registry/index.js";
import { testingAgencies as A } from "./schema.js";

const E = enterprisesView();

/**
 * Testing agencies (检测机构, 57号令): the bureau files each agency's qualification — 综合类 or 专项类, the
 * sample types it may test and its validity. A commission may only go to an agency qualified for the
 * sample type and valid on the day.
 */

const validOn = (day: string) => sql<boolean>`(${A.validTo} >= ${day}::date and ${E.status} = 'normal')`;

function selectAgencies(db: Executor, day: string) {
  return db
    .select({
      agency: A,
      name: E.name,
      creditCode: E.creditCode,
      enterpriseStatus: E.status,
      valid: validOn(day),
      commissions: sql<number>`(select count(*) from testing_commissions tc where tc.agency_id = ${A.enterpriseId})`.mapWith(Number),
      total: totalOver,
    })
    .from(A)
    .innerJoin(E, eq(E.id, A.enterpriseId));
}

type AgencyRow = Awaited<ReturnType<typeof selectAgencies>>[number];

const toDto = (r: AgencyRow): AgencyDto => ({
  enterpriseId: r.agency.enterpriseId,
  name: r.name,
  creditCode: r.creditCode,
  enterpriseStatus: r.enterpriseStatus,
  qualificationNo: r.agency.qualificationNo,
  level: r.agency.level as AgencyLevel,
  scopes: r.agency.scopes as SampleType[],
  validTo: r.agency.validTo,
  valid: r.valid,
  commissions: r.commissions,
  updatedAt: r.agency.updatedAt.toISOString(),
});

/** Agencies are public knowledge among the platform's users (a contractor picks one); the list is not scoped. */
export async function listAgencies(db: Executor, actor: Actor, q: ListAgenciesQuery): Promise<Page<AgencyDto>> {
  requirePermission(actor, "testing.read");
  const day = shanghaiDay();
  const text = q.q?.trim();
  const where = andAll([
    text ? or(ilike(E.name, likePattern(text)), eq(A.qualificationNo, text), eq(E.creditCode, text.toUpperCase())) : undefined,
    q.level ? eq(A.level, q.level) : undefined,
    q.scope ? sql`${q.scope} = any(${A.scopes})` : undefined,
    q.valid === undefined ? undefined : q.valid === "true" ? validOn(day) : sql`not ${validOn(day)}`,
  ]);
  const rows = await selectAgencies(db, day).where(where).orderBy(asc(E.name), asc(A.enterpriseId)).limit(q.pageSize).offset(offsetOf(q));
  return toPage(rows, q, toDto);
}

/**
 * Files or replaces an agency's qualification (bureau only: admin or inspector).
 * @throws AppError FORBIDDEN; VALIDATION naming `enterpriseId` (no such enterprise, or not of type 检测机构); CONFLICT naming `qualificationNo`.
 */
export async function upsertAgency(ctx: ServiceContext, input: AgencyInput): Promise<AgencyDto> {
  requirePermission(ctx.actor, "registry.enterprise.update");
  if (!isCityWide(ctx.actor)) throw forbidden("只有监管部门可以登记检测机构资质 (only the bureau files agency qualifications)");
  const dto = await ctx.db.transaction(async (tx) => {
    const [e] = await tx.select({ id: E.id, type: E.type }).from(E).where(eq(E.id, input.enterpriseId));
    if (!e) throw invalidField("enterpriseId", "企业不存在 (no such enterprise)");
    if (e.type !== "testing") throw invalidField("enterpriseId", "该企业不是检测机构 (the enterprise is not of type testing)");
    const [taken] = await tx.select({ id: A.enterpriseId }).from(A).where(and(eq(A.qualificationNo, input.qualificationNo), sql`${A.enterpriseId} <> ${input.enterpriseId}`));
    if (taken) throw new AppError("CONFLICT", "资质证书编号已被其他机构使用 (qualification number in use)", { issues: [{ path: "qualificationNo", message: "已被使用 (taken)" }] });
    const [before] = await tx.select().from(A).where(eq(A.enterpriseId, input.enterpriseId));
    const values = { qualificationNo: input.qualificationNo, level: input.level, scopes: [...new Set(input.scopes)], validTo: input.validTo };
    const [row] = await tx
      .insert(A)
      .values({ enterpriseId: input.enterpriseId, ...values })
      .onConflictDoUpdate({ target: A.enterpriseId, set: { ...values, updatedAt: new Date() } })
      .returning();
    await recordAudit(tx, ctx, { action: before ? "testing.agency.updated" : "testing.agency.created", entity: "testing_agency", entityId: row.enterpriseId, before: before ?? null, after: row });
    const [full] = await selectAgencies(tx, shanghaiDay()).where(eq(A.enterpriseId, row.enterpriseId));
    return toDto(full);
  });
  ctx.events.publish("testing.agency.filed", { enterpriseId: dto.enterpriseId });
  return dto;
}

/**
 * Throws unless the agency exists, is valid today and may test the sample type.
 * @throws AppError VALIDATION naming `agencyId` (not an agency); PRECONDITION_FAILED naming it otherwise.
 */
export async function assertAgencyQualified(tx: Executor, agencyId: string, sampleType: SampleType, day: string): Promise<{ name: string }> {
  const [a] = await selectAgencies(tx, day).where(eq(A.enterpriseId, agencyId));
  if (!a) throw invalidField("agencyId", "检测机构未登记资质 (no qualified testing agency with this id)");
  const refuse = (message: string) => new AppError("PRECONDITION_FAILED", message, { issues: [{ path: "agencyId", message }] });
  if (!a.valid) throw refuse(`检测机构「${a.name}」资质已过期或企业状态异常 (the agency's qualification is not valid)`);
  if (!(a.agency.scopes as string[]).includes(sampleType)) {
    throw refuse(`检测机构「${a.name}」的资质范围不含${SAMPLE_TYPE_LABELS[sampleType].zh} (outside the agency's scope)`);
  }
  return { name: a.name };
}
