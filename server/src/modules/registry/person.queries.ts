import { and, asc, desc, eq, ilike, or, sql, type SQL } from "drizzle-orm";
import type { AnyPgColumn } from "drizzle-orm/pg-core";
import type { CertificateKind, ExpiryState, Post } from "@contracts/registry/enums";
import { maskIdNumber } from "@contracts/registry/identifiers";
import type { CertificateDto, ListPersonsQuery, PersonDto, PersonPostDto, PersonSummaryDto } from "@contracts/registry/person";
import { requirePermission } from "../../platform/auth/actor.js";
import type { Actor } from "../../platform/context.js";
import type { Executor } from "../../platform/db/client.js";
import { andAll, likePattern, offsetOf, toPage, totalOver, type Page } from "../../platform/db/pagination.js";
import { notFound } from "../../platform/errors.js";
import { expiryOf, expirySql, todayInShanghai } from "./expiry.checks.js";
import {
  registryCertificates as C,
  registryEnterprises as E,
  registryPersons as PE,
  registryProjectPosts as PO,
  registryProjects as P,
} from "./schema.js";
import { personScope, projectScope } from "./registry.scope.js";

/**
 * Read side of the personnel registry (人员库). Certificate kinds and the worst certificate state come
 * from one lateral subquery, so a page with its total, or the whole export, is one statement. ID numbers
 * leave here masked unless the actor holds `registry.person.readIdNumber`.
 */

/** Export cap: the city has ~60k registered people; a larger answer is a mistake, not a report. */
export const PERSON_EXPORT_LIMIT = 100_000;

/** Whether the actor sees full ID numbers (the bureau); everyone else gets 3307**********1234. */
export const mayReadIdNumber = (actor: Actor) => actor.permissions.has("registry.person.readIdNumber");

function selectPersons(db: Executor, today: string) {
  const certs = db
    .select({
      kinds: sql<CertificateKind[] | null>`array_agg(distinct ${C.kind} order by ${C.kind})`.as("certificate_kinds"),
      earliest: sql<string | null>`min(${C.expiresOn})`.as("earliest_expiry"),
    })
    .from(C)
    .where(eq(C.personId, PE.id))
    .as("cs");
  // The earliest expiry date decides the worst state; no certificate at all is null, not "valid".
  const expiry = sql<ExpiryState | null>`case when ${certs.earliest} is null then null else ${expirySql(sql`${certs.earliest}`, today)} end`;
  const columns = {
    id: PE.id,
    name: PE.name,
    idNumber: PE.idNumber,
    gender: PE.gender,
    birthDate: PE.birthDate,
    mobile: PE.mobile,
    employerId: PE.employerId,
    employerName: E.name,
    employerCreditCode: E.creditCode,
    certificateKinds: certs.kinds,
    certificateExpiry: expiry,
    updatedAt: PE.updatedAt,
    createdAt: PE.createdAt,
    total: totalOver,
  };
  const query = db.select(columns).from(PE).leftJoin(E, eq(E.id, PE.employerId)).leftJoinLateral(certs, sql`true`);
  return { query, expiry };
}

type PersonFilters = Omit<ListPersonsQuery, "page" | "pageSize">;

/** The filtered, sorted, scoped select shared by the list and the export. */
function filteredPersons(db: Executor, actor: Actor, q: PersonFilters) {
  const { query, expiry } = selectPersons(db, todayInShanghai());
  const text = q.q?.trim();
  const where = andAll([
    personScope(actor, PE.id, PE.employerId),
    // A name fragment, or a whole ID number or mobile (exact: both are identifiers, not text to browse).
    text ? or(ilike(PE.name, likePattern(text)), eq(PE.idNumber, text.toUpperCase()), eq(PE.mobile, text)) : undefined,
    q.employerId ? eq(PE.employerId, q.employerId) : undefined,
    q.certificateKind?.length
      ? sql`exists (select 1 from registry_certificates fc where fc.person_id = ${PE.id} and fc.kind = any(${sql.param(q.certificateKind)}::text[]))`
      : undefined,
    q.certificateExpiry ? sql`${expiry} = ${q.certificateExpiry}` : undefined,
    q.gender ? eq(PE.gender, q.gender) : undefined,
  ]);
  const sortable: Record<string, AnyPgColumn> = { name: PE.name, birthDate: PE.birthDate, updatedAt: PE.updatedAt };
  const sort = q.sort ?? "-updatedAt";
  const isDesc = sort.startsWith("-");
  const column = sortable[isDesc ? sort.slice(1) : sort] ?? PE.updatedAt;
  return query.where(where).orderBy(isDesc ? desc(column) : asc(column), asc(PE.id));
}

/** One person row with its derived columns (employer, certificate kinds, worst state, window total). */
export type PersonRow = Awaited<ReturnType<typeof filteredPersons>>[number];

/** Summary DTO of a row, the ID number masked unless `showIdNumber`. */
export function toPersonSummary(r: PersonRow, showIdNumber: boolean): PersonSummaryDto {
  return {
    id: r.id,
    name: r.name,
    idNumber: showIdNumber ? r.idNumber : maskIdNumber(r.idNumber),
    gender: r.gender as "M" | "F",
    birthDate: r.birthDate,
    mobile: r.mobile,
    employerId: r.employerId,
    employerName: r.employerName,
    certificateKinds: r.certificateKinds ?? [],
    certificateExpiry: r.certificateExpiry,
    updatedAt: r.updatedAt.toISOString(),
  };
}

/** One page of people in the actor's scope; page and total in one query. */
export async function listPersons(db: Executor, actor: Actor, q: ListPersonsQuery): Promise<Page<PersonSummaryDto>> {
  requirePermission(actor, "registry.person.read");
  const rows = await filteredPersons(db, actor, q).limit(q.pageSize).offset(offsetOf(q));
  const show = mayReadIdNumber(actor);
  return toPage(rows, q, (r) => toPersonSummary(r, show));
}

/** Every person matching the list filters (no paging), for the Excel export; ID numbers masked as in the list. */
export async function personsForExport(db: Executor, actor: Actor, q: PersonFilters): Promise<PersonRow[]> {
  requirePermission(actor, "registry.person.read");
  const rows = await filteredPersons(db, actor, q).limit(PERSON_EXPORT_LIMIT);
  if (mayReadIdNumber(actor)) return rows;
  return rows.map((r) => ({ ...r, idNumber: maskIdNumber(r.idNumber) }));
}

async function certificatesOf(db: Executor, personId: string, today: string): Promise<CertificateDto[]> {
  const rows = await db.select().from(C).where(eq(C.personId, personId)).orderBy(asc(C.expiresOn), asc(C.kind), asc(C.certNo));
  return rows.map((c) => ({
    id: c.id,
    kind: c.kind as CertificateKind,
    specialty: c.specialty,
    level: c.level,
    certNo: c.certNo,
    issuedOn: c.issuedOn,
    expiresOn: c.expiresOn,
    expiry: expiryOf(c.expiresOn, today),
  }));
}

/** Posts the person holds or held, on projects the actor may see; current ones first. */
async function postsOf(db: Executor, actor: Actor, personId: string): Promise<PersonPostDto[]> {
  const rows = await db
    .select({
      postId: PO.id,
      projectId: P.id,
      projectCode: P.code,
      projectName: P.name,
      projectStatus: P.status,
      post: PO.post,
      startedOn: PO.startedOn,
      endedOn: PO.endedOn,
    })
    .from(PO)
    .innerJoin(P, eq(P.id, PO.projectId))
    .where(and(eq(PO.personId, personId), projectScope(actor, P.id)))
    .orderBy(sql`${PO.endedOn} is not null`, desc(PO.startedOn), asc(PO.id));
  return rows.map((r) => ({ ...r, post: r.post as Post }));
}

/**
 * The full person: certificates with their state and the posts on visible projects.
 * `scoped: false` is for verbs that have already authorised the read (e.g. right after a create).
 * @throws AppError NOT_FOUND when the person does not exist or lies outside the actor's scope.
 */
export async function getPerson(db: Executor, actor: Actor, id: string, opts: { scoped?: boolean } = {}): Promise<PersonDto> {
  requirePermission(actor, "registry.person.read");
  const today = todayInShanghai();
  const scope: SQL | undefined = opts.scoped === false ? undefined : personScope(actor, PE.id, PE.employerId);
  const [row] = await selectPersons(db, today).query.where(and(eq(PE.id, id), scope));
  if (!row) throw notFound("person", id);
  return {
    ...toPersonSummary(row, mayReadIdNumber(actor)),
    certificates: await certificatesOf(db, id, today),
    posts: await postsOf(db, actor, id),
    createdAt: row.createdAt.toISOString(),
  };
}
