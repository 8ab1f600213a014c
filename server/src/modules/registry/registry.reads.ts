import { and, eq, inArray, sql, type SQL, type SQLWrapper } from "drizzle-orm";
import { QueryBuilder, type AnyPgColumn } from "drizzle-orm/pg-core";
import type { ParticipantRole } from "@contracts/registry/enums";
import { isCityWide } from "../../platform/auth/actor.js";
import type { Actor } from "../../platform/context.js";
import type { Executor } from "../../platform/db/client.js";
import { projectScope } from "./registry.scope.js";
import { registryCertificates as C, registryEnterprises as E, registryPersons as PE, registryProjectParticipants as PP, registryProjectPosts as PO, registryProjects as P, registryQualifications as Q } from "./schema.js";

/**
 * What other modules may read of the registry (the shared kernel), besides the scope conditions in registry.scope.ts.
 *
 * Views: named, column-chosen, read-only projections of the registry's tables, for other modules' joins,
 * filters and sorts on project, enterprise and person names. A view is a subquery (`(select … from
 * registry_projects) p`) that PostgreSQL pulls up into the outer query, so a list page joining it keeps
 * the plan and the one round trip it had joining the table — which id lookups (a second query per page,
 * and no sort or search by name) and correlated name subselects (a subplan per row) would not. Nothing can
 * be inserted or updated through a view, and the registry may reshape its tables behind the columns listed
 * here. Call each once per query with its own alias when a query needs two of a kind.
 *
 * Keys: the columns other modules' schema.ts point foreign keys at (foreign keys point only into the registry).
 */

// A standalone builder (no database): a view is SQL to embed, run by the caller's executor.
const qb = new QueryBuilder({ casing: "snake_case" });

export const projectsView = (alias = "p") =>
  qb
    .select({
      id: P.id,
      code: P.code,
      name: P.name,
      type: P.type,
      district: P.district,
      status: P.status,
      lng: P.lng,
      lat: P.lat,
      contractSignedOn: P.contractSignedOn,
      actualStart: P.actualStart,
    })
    .from(P)
    .as(alias);

export const enterprisesView = (alias = "e") =>
  qb.select({ id: E.id, name: E.name, creditCode: E.creditCode, type: E.type, status: E.status, district: E.district, legalRep: E.legalRep }).from(E).as(alias);

/** Enterprise qualifications (资质: 施工总承包一级, 综合资质, 瓶装燃气 …) with their expiry. */
export const qualificationsView = (alias = "rq") => qb.select({ id: Q.id, enterpriseId: Q.enterpriseId, grade: Q.grade, expiresOn: Q.expiresOn }).from(Q).as(alias);

/** Persons with their ID number: callers mask it for readers without `registry.person.readIdNumber`. */
export const personsView = (alias = "pe") =>
  qb
    .select({ id: PE.id, name: PE.name, idNumber: PE.idNumber, gender: PE.gender, birthDate: PE.birthDate, mobile: PE.mobile, employerId: PE.employerId, status: PE.status })
    .from(PE)
    .as(alias);

/** Certificates of persons (注册建造师, 安全B证, 特种作业操作证 …) with their expiry. */
export const certificatesView = (alias = "rc") =>
  qb.select({ id: C.id, personId: C.personId, kind: C.kind, specialty: C.specialty, level: C.level, certNo: C.certNo, expiresOn: C.expiresOn }).from(C).as(alias);

/** Who takes part in which project in which role (建设, 施工总承包, 监理 …). */
export const participantsView = (alias = "pp") => qb.select({ projectId: PP.projectId, enterpriseId: PP.enterpriseId, role: PP.role }).from(PP).as(alias);

/** Key posts held on projects; `endedOn` null means currently held. */
export const projectPostsView = (alias = "po") =>
  qb.select({ id: PO.id, projectId: PO.projectId, personId: PO.personId, enterpriseId: PO.enterpriseId, post: PO.post, startedOn: PO.startedOn, endedOn: PO.endedOn }).from(PO).as(alias);

/**
 * SQL: the name of the first of `enterpriseIds` that takes part in the project, or null — an expert's
 * conflict of interest (回避: employed by or representing a participant of the project under review).
 */
export const participatingEnterpriseName = (projectId: string | SQLWrapper, enterpriseIds: (AnyPgColumn | SQL)[]) =>
  sql<string | null>`(select ce.name from registry_project_participants cpp join registry_enterprises ce on ce.id = cpp.enterprise_id
    where cpp.project_id = ${projectId} and cpp.enterprise_id in (${sql.join(enterpriseIds, sql`, `)}) order by cpp.created_at, cpp.id limit 1)`;

/** Foreign-key targets for other modules' tables: `uuid().references(projectKey)`. */
export const projectKey = () => P.id;
export const enterpriseKey = () => E.id;
export const personKey = () => PE.id;

/** One enterprise's identity as other modules check it (exists, type, status), or undefined. */
export async function enterpriseOf(db: Executor, id: string): Promise<{ id: string; name: string; type: string; status: string } | undefined> {
  const [row] = await db.select({ id: E.id, name: E.name, type: E.type, status: E.status }).from(E).where(eq(E.id, id));
  return row;
}

/** One person as other modules check it (exists, employer, status), or undefined. */
export async function personOf(db: Executor, id: string): Promise<{ id: string; name: string; employerId: string | null; status: string } | undefined> {
  const [row] = await db.select({ id: PE.id, name: PE.name, employerId: PE.employerId, status: PE.status }).from(PE).where(eq(PE.id, id));
  return row;
}

/** Which of these person ids exist. */
export async function existingPersonIds(db: Executor, ids: string[]): Promise<Set<string>> {
  if (ids.length === 0) return new Set();
  return new Set((await db.select({ id: PE.id }).from(PE).where(inArray(PE.id, ids))).map((r) => r.id));
}

/** Which of these project ids exist. */
export async function existingProjectIds(db: Executor, ids: string[]): Promise<Set<string>> {
  if (ids.length === 0) return new Set();
  return new Set((await db.select({ id: P.id }).from(P).where(inArray(P.id, ids))).map((r) => r.id));
}

/** A project's name and status, or undefined (no data scope: callers have checked it or act as the system). */
export async function projectOf(db: Executor, id: string): Promise<{ id: string; name: string; code: string; status: string } | undefined> {
  const [row] = await db.select({ id: P.id, name: P.name, code: P.code, status: P.status }).from(P).where(eq(P.id, id));
  return row;
}

/** Project names by id, for labelling ids another module holds. */
export async function projectNamesOf(db: Executor, ids: string[]): Promise<Map<string, string>> {
  if (ids.length === 0) return new Map();
  return new Map((await db.select({ id: P.id, name: P.name }).from(P).where(inArray(P.id, ids))).map((r) => [r.id, r.name]));
}

/** The ids of the projects the actor may see; null for a city-wide actor (every project, present and future). */
export async function projectIdsInScope(db: Executor, actor: Actor): Promise<Set<string> | null> {
  if (isCityWide(actor)) return null;
  return new Set((await db.select({ id: P.id }).from(P).where(projectScope(actor, P.id))).map((r) => r.id));
}

/** A project's participants, first filed first; with `enterpriseId`, only that enterprise's roles on it. */
export async function participantsOf(db: Executor, projectId: string, enterpriseId?: string): Promise<{ enterpriseId: string; role: ParticipantRole }[]> {
  const rows = await db
    .select({ enterpriseId: PP.enterpriseId, role: PP.role })
    .from(PP)
    .where(and(eq(PP.projectId, projectId), enterpriseId ? eq(PP.enterpriseId, enterpriseId) : undefined))
    .orderBy(PP.createdAt, PP.id);
  return rows.map((r) => ({ enterpriseId: r.enterpriseId, role: r.role as ParticipantRole }));
}

/** The project's (first) general contractor, the responsible unit of most findings; null when it has none. */
export async function generalContractorOf(db: Executor, projectId: string): Promise<string | null> {
  return (await participantsOf(db, projectId)).find((p) => p.role === "general_contractor")?.enterpriseId ?? null;
}

/** Live projects (在建, 停工, 复工 and the other statuses given) with their participating enterprises. */
export async function projectsWithParticipants(db: Executor, statuses: readonly string[]): Promise<{ projectId: string; enterpriseIds: string[] }[]> {
  const rows = await db
    .select({
      projectId: P.id,
      // A joined string, not an array: the two drivers hand back aggregated arrays differently.
      enterprises: sql<string>`coalesce(string_agg(distinct ${PP.enterpriseId}::text, ','), '')`,
    })
    .from(P)
    .leftJoin(PP, eq(PP.projectId, P.id))
    .where(inArray(P.status, [...statuses]))
    .groupBy(P.id);
  return rows.map((r) => ({ projectId: r.projectId, enterpriseIds: r.enterprises ? r.enterprises.split(",") : [] }));
}
