import { and, asc, desc, eq, ilike, inArray, or, sql, type SQL } from "drizzle-orm";
import type { AnyPgColumn } from "drizzle-orm/pg-core";
import type { EnterpriseDto, EnterpriseProjectDto, EnterpriseSummaryDto, ListEnterprisesQuery, QualificationDto } from "@contracts/registry/enterprise";
import type { EnterpriseStatus, EnterpriseType, ExpiryState, ParticipantRole } from "@contracts/registry/enums";
import { requirePermission } from "../../platform/auth/actor.js";
import type { Actor } from "../../platform/context.js";
import type { Executor } from "../../platform/db/client.js";
import { andAll, likePattern, offsetOf, toPage, totalOver, type Page } from "../../platform/db/pagination.js";
import { notFound } from "../../platform/errors.js";
import { expiryOf, expirySql, todayInShanghai } from "./expiry.checks.js";
import { registryEnterprises as E, registryProjectParticipants as PP, registryProjects as P, registryQualifications as Q } from "./schema.js";
import { enterpriseScope, personScope, projectScope } from "./registry.scope.js";

/**
 * Read side of the enterprise registry (企业库). Qualification and project counts come from lateral
 * subqueries, so a page (with its total) and the export are each one statement whatever their size.
 */

/** Export cap: a whole-city list is ~3k rows; anything near this is a mistake, not a report. */
export const ENTERPRISE_EXPORT_LIMIT = 100_000;

/** The select with derived columns; counts only what the actor may see (out-of-scope projects are absent). */
function selectEnterprises(db: Executor, actor: Actor, today: string) {
  const quals = db
    .select({ count: sql<number>`count(*)::int`.as("qualification_count"), earliest: sql<string | null>`min(${Q.expiresOn})`.as("earliest_expiry") })
    .from(Q)
    .where(eq(Q.enterpriseId, E.id))
    .as("qs");
  const projects = db
    .select({ count: sql<number>`count(distinct ${PP.projectId})::int`.as("project_count") })
    .from(PP)
    .where(and(eq(PP.enterpriseId, E.id), projectScope(actor, PP.projectId)))
    .as("ps");
  // The earliest expiry date decides the worst state; no qualification at all is null, not "valid".
  const expiry = sql<ExpiryState | null>`case when ${quals.earliest} is null then null else ${expirySql(sql`${quals.earliest}`, today)} end`;
  const columns = {
    id: E.id,
    name: E.name,
    creditCode: E.creditCode,
    type: E.type,
    legalRep: E.legalRep,
    address: E.address,
    district: E.district,
    contactName: E.contactName,
    contactPhone: E.contactPhone,
    status: E.status,
    qualificationCount: quals.count,
    qualificationExpiry: expiry,
    projectCount: projects.count,
    updatedAt: E.updatedAt,
    createdAt: E.createdAt,
    total: totalOver,
  };
  const query = db.select(columns).from(E).leftJoinLateral(quals, sql`true`).leftJoinLateral(projects, sql`true`);
  return { query, expiry, projectCount: projects.count };
}

/** Summary DTO of a list row. */
export function toEnterpriseSummary(r: EnterpriseRow): EnterpriseSummaryDto {
  return {
    id: r.id,
    name: r.name,
    creditCode: r.creditCode,
    type: r.type as EnterpriseType,
    legalRep: r.legalRep,
    district: r.district,
    status: r.status as EnterpriseStatus,
    qualificationCount: r.qualificationCount ?? 0,
    qualificationExpiry: r.qualificationExpiry,
    projectCount: r.projectCount ?? 0,
    updatedAt: r.updatedAt.toISOString(),
  };
}

type EnterpriseFilters = Omit<ListEnterprisesQuery, "page" | "pageSize">;

/** The filtered, sorted, scoped select shared by the list and the export. */
function filteredEnterprises(db: Executor, actor: Actor, q: EnterpriseFilters) {
  const { query, expiry, projectCount } = selectEnterprises(db, actor, todayInShanghai());
  const text = q.q?.trim();
  // likePattern gives `%text%` with wildcards escaped; dropping the leading % makes it a prefix match.
  const codePrefix = text ? likePattern(text.toUpperCase()).slice(1) : "";
  const where = andAll([
    enterpriseScope(actor, E.id),
    text ? or(ilike(E.name, likePattern(text)), sql`${E.creditCode} like ${codePrefix}`) : undefined,
    q.type?.length ? inArray(E.type, q.type) : undefined,
    q.status?.length ? inArray(E.status, q.status) : undefined,
    q.district ? eq(E.district, q.district) : undefined,
    q.qualificationExpiry ? sql`${expiry} = ${q.qualificationExpiry}` : undefined,
  ]);
  const sortable: Record<string, SQL | AnyPgColumn> = { name: E.name, creditCode: E.creditCode, updatedAt: E.updatedAt, projectCount: sql`${projectCount}` };
  const sort = q.sort ?? "-updatedAt";
  const isDesc = sort.startsWith("-");
  const column = sortable[isDesc ? sort.slice(1) : sort] ?? E.updatedAt;
  return query.where(where).orderBy(isDesc ? desc(column) : asc(column), asc(E.id));
}

/** One enterprise row with its derived columns (counts, worst qualification state, window total). */
export type EnterpriseRow = Awaited<ReturnType<typeof filteredEnterprises>>[number];

/** One page of enterprises in the actor's scope; page and total in one query. */
export async function listEnterprises(db: Executor, actor: Actor, q: ListEnterprisesQuery): Promise<Page<EnterpriseSummaryDto>> {
  requirePermission(actor, "registry.enterprise.read");
  const rows = await filteredEnterprises(db, actor, q).limit(q.pageSize).offset(offsetOf(q));
  return toPage(rows, q, toEnterpriseSummary);
}

/** Every enterprise matching the list filters (no paging), for the Excel export. */
export async function enterprisesForExport(db: Executor, actor: Actor, q: EnterpriseFilters): Promise<EnterpriseRow[]> {
  requirePermission(actor, "registry.enterprise.read");
  return filteredEnterprises(db, actor, q).limit(ENTERPRISE_EXPORT_LIMIT);
}

/** Qualifications of an enterprise, soonest expiry first, with their derived state. */
async function qualificationsOf(db: Executor, enterpriseId: string, today: string): Promise<QualificationDto[]> {
  const rows = await db.select().from(Q).where(eq(Q.enterpriseId, enterpriseId)).orderBy(asc(Q.expiresOn), asc(Q.certNo));
  return rows.map((q) => ({
    id: q.id,
    category: q.category,
    grade: q.grade,
    certNo: q.certNo,
    issuedOn: q.issuedOn,
    expiresOn: q.expiresOn,
    expiry: expiryOf(q.expiresOn, today),
  }));
}

/**
 * The full enterprise with its qualifications and the people and projects the actor can see.
 * `scoped: false` is for verbs that have already authorised the read (e.g. right after a create).
 * @throws AppError NOT_FOUND when it does not exist or lies outside the actor's scope.
 */
export async function getEnterprise(db: Executor, actor: Actor, id: string, opts: { scoped?: boolean } = {}): Promise<EnterpriseDto> {
  requirePermission(actor, "registry.enterprise.read");
  const today = todayInShanghai();
  const { query } = selectEnterprises(db, actor, today);
  const [row] = await query.where(and(eq(E.id, id), opts.scoped === false ? undefined : enterpriseScope(actor, E.id)));
  if (!row) throw notFound("enterprise", id);
  const [{ personCount }] = await db
    .select({ personCount: sql<number>`count(*)::int` })
    .from(sql`registry_persons p`)
    .where(and(sql`p.employer_id = ${id}`, personScope(actor, sql`p.id`, sql`p.employer_id`)));
  return {
    ...toEnterpriseSummary(row),
    address: row.address,
    contactName: row.contactName,
    contactPhone: row.contactPhone,
    qualifications: await qualificationsOf(db, id, today),
    personCount,
    createdAt: row.createdAt.toISOString(),
  };
}

/**
 * Projects the enterprise takes part in, limited to the projects the actor may see.
 * @throws AppError NOT_FOUND when the enterprise is outside the actor's scope.
 */
export async function listEnterpriseProjects(db: Executor, actor: Actor, id: string): Promise<EnterpriseProjectDto[]> {
  requirePermission(actor, "registry.enterprise.read");
  const [visible] = await db.select({ id: E.id }).from(E).where(and(eq(E.id, id), enterpriseScope(actor, E.id)));
  if (!visible) throw notFound("enterprise", id);
  const rows = await db
    .select({ projectId: P.id, code: P.code, name: P.name, status: P.status, role: PP.role })
    .from(PP)
    .innerJoin(P, eq(P.id, PP.projectId))
    .where(and(eq(PP.enterpriseId, id), projectScope(actor, P.id)))
    .orderBy(desc(P.updatedAt), asc(P.code), asc(PP.role));
  return rows.map((r) => ({ ...r, role: r.role as ParticipantRole }));
}
