import { and, desc, eq, ilike, or, sql, type SQL, type SQLWrapper } from "drizzle-orm";
import type { AnyPgColumn } from "drizzle-orm/pg-core";
import { LIVE_PROJECT_STATUSES, PROJECT_STATUSES, PROJECT_TYPES, type ParticipantRole, type Post, type ProjectStatus, type ProjectType } from "@contracts/registry/enums";
import type { ListProjectsQuery, ParticipantDto, PostDto, ProjectDto, ProjectStatsDto, ProjectSummaryDto } from "@contracts/registry/project";
import { requirePermission } from "../../platform/auth/actor.js";
import type { Actor } from "../../platform/context.js";
import type { Executor } from "../../platform/db/client.js";
import { andAll, likePattern, offsetOf, toPage, totalOver, type Page } from "../../platform/db/pagination.js";
import { PreparedCache } from "../../platform/db/prepared.js";
import { notFound } from "../../platform/errors.js";
import { registryProjects as P } from "./schema.js";
import { projectScope, projectScopeOf, scopeKind, scopeValues, type ScopeKind } from "./registry.scope.js";
import { allowedTransitions, blockedTransitions, type TransitionFacts } from "./project.workflow.js";

/**
 * Read side of the project registry. Every read is one SQL statement: names, participants and posts
 * come from correlated subselects, so the list and the detail page each cost one round trip.
 */

const liveStatuses = sql.param([...LIVE_PROJECT_STATUSES]);

/**
 * The outer project's id for correlated subselects. Written out because drizzle renders a select-list
 * column of a single-table query unqualified ("id"), which inside a subselect would bind to the inner table.
 */
export const PROJECT_ID = sql.raw(`"registry_projects"."id"`);

/** Name of the (first) general contractor. */
export const generalContractorName = sql<string | null>`(select e.name from registry_project_participants pp
  join registry_enterprises e on e.id = pp.enterprise_id
  where pp.project_id = ${PROJECT_ID} and pp.role = 'general_contractor' order by pp.created_at, pp.id limit 1)`;

/** Name of the current (not ended) project manager. */
export const projectManagerName = sql<string | null>`(select pe.name from registry_project_posts po
  join registry_persons pe on pe.id = po.person_id
  where po.project_id = ${PROJECT_ID} and po.post = 'project_manager' and po.ended_on is null order by po.started_on desc, po.id limit 1)`;

/** Credit code of the first participant in a role (export sheet). */
export const participantCreditCode = (role: ParticipantRole) => sql<string | null>`(select e.credit_code from registry_project_participants pp
  join registry_enterprises e on e.id = pp.enterprise_id
  where pp.project_id = ${PROJECT_ID} and pp.role = ${role} order by pp.created_at, pp.id limit 1)`;

const participantsJson = sql<ParticipantDto[]>`coalesce((select json_agg(json_build_object(
    'id', pp.id, 'enterpriseId', pp.enterprise_id, 'enterpriseName', e.name, 'creditCode', e.credit_code, 'role', pp.role
  ) order by pp.created_at, pp.id)
  from registry_project_participants pp join registry_enterprises e on e.id = pp.enterprise_id
  where pp.project_id = ${PROJECT_ID}), '[]'::json)`;

// Current posts first, then the most recently started.
const postsJson = sql<PostDto[]>`coalesce((select json_agg(json_build_object(
    'id', po.id, 'personId', po.person_id, 'personName', pe.name, 'enterpriseId', po.enterprise_id, 'enterpriseName', e.name,
    'post', po.post, 'startedOn', po.started_on, 'endedOn', po.ended_on
  ) order by po.ended_on is not null, po.started_on desc, po.id)
  from registry_project_posts po join registry_persons pe on pe.id = po.person_id join registry_enterprises e on e.id = po.enterprise_id
  where po.project_id = ${PROJECT_ID}), '[]'::json)`;

/** Another live project the current project manager already manages (the one-live-project rule). */
export const managerBusyOn = sql<{ code: string; name: string } | null>`(select json_build_object('code', op.code, 'name', op.name)
  from registry_project_posts mine
  join registry_project_posts other on other.person_id = mine.person_id and other.post = 'project_manager'
    and other.ended_on is null and other.project_id <> mine.project_id
  join registry_projects op on op.id = other.project_id
  where mine.project_id = ${PROJECT_ID} and mine.post = 'project_manager' and mine.ended_on is null
    and op.status = any(${liveStatuses}::text[]) limit 1)`;

const summaryColumns = {
  id: P.id,
  code: P.code,
  name: P.name,
  type: P.type,
  district: P.district,
  status: P.status,
  contractValueWan: P.contractValueWan,
  areaM2: P.areaM2,
  plannedStart: P.plannedStart,
  plannedEnd: P.plannedEnd,
  generalContractor: generalContractorName,
  projectManager: projectManagerName,
  updatedAt: P.updatedAt,
};

interface SummaryRow {
  id: string;
  code: string;
  name: string;
  type: string;
  district: string;
  status: string;
  contractValueWan: number | null;
  areaM2: number | null;
  plannedStart: string | null;
  plannedEnd: string | null;
  generalContractor: string | null;
  projectManager: string | null;
  updatedAt: Date;
}

function toSummary(r: SummaryRow): ProjectSummaryDto {
  return {
    id: r.id,
    code: r.code,
    name: r.name,
    type: r.type as ProjectType,
    district: r.district,
    status: r.status as ProjectStatus,
    contractValueWan: r.contractValueWan,
    areaM2: r.areaM2,
    plannedStart: r.plannedStart,
    plannedEnd: r.plannedEnd,
    generalContractor: r.generalContractor,
    projectManager: r.projectManager,
    updatedAt: r.updatedAt.toISOString(),
  };
}

/** The list filters' values, normalised (absent when they do not filter); named as the prepared list's placeholders. */
interface FilterValues {
  status?: string[];
  type?: string[];
  district?: string;
  enterpriseId?: string;
  personId?: string;
  /** `%text%` for the name. */
  contains?: string;
  /** `text%` for the code and permit number. */
  prefix?: string;
}

/** The values whose presence changes the SQL (`prefix` comes and goes with `contains`). */
const FILTER_KEYS = ["status", "type", "district", "enterpriseId", "personId", "contains"] as const;

function filterValues(q: Partial<ListProjectsQuery>): FilterValues {
  const text = q.q?.trim();
  const contains = text ? likePattern(text) : undefined;
  return {
    status: q.status?.length ? q.status : undefined,
    type: q.type?.length ? q.type : undefined,
    district: q.district || undefined,
    enterpriseId: q.enterpriseId || undefined,
    personId: q.personId || undefined,
    contains,
    // likePattern gives `%text%` with wildcards escaped; dropping the leading % makes it a prefix match.
    prefix: contains?.slice(1),
  };
}

/**
 * The filter conditions for the values present in `v`. `bind` supplies each value: a parameter for a
 * one-off query, a placeholder for a prepared one — so both render the same SQL for the same shape.
 */
function filterConditions(scope: SQL | undefined, v: FilterValues, bind: (name: keyof FilterValues) => SQLWrapper): SQL | undefined {
  return andAll([
    scope,
    v.status ? sql`${P.status} = any(${bind("status")}::text[])` : undefined,
    v.type ? sql`${P.type} = any(${bind("type")}::text[])` : undefined,
    v.district ? eq(P.district, bind("district")) : undefined,
    v.enterpriseId
      ? sql`exists (select 1 from registry_project_participants fp where fp.project_id = ${PROJECT_ID} and fp.enterprise_id = ${bind("enterpriseId")})`
      : undefined,
    v.personId
      ? sql`exists (select 1 from registry_project_posts fo where fo.project_id = ${PROJECT_ID} and fo.person_id = ${bind("personId")} and fo.ended_on is null)`
      : undefined,
    v.contains ? or(ilike(P.name, bind("contains")), ilike(P.code, bind("prefix")), ilike(P.permitNo, bind("prefix"))) : undefined,
  ]);
}

/** The filters shared by the list, the export and the stats (scope included). */
export function projectFilters(actor: Actor, q: Partial<ListProjectsQuery>): SQL | undefined {
  const v = filterValues(q);
  return filterConditions(projectScope(actor, P.id), v, (name) => sql.param(v[name]));
}

const SORTABLE: Record<string, AnyPgColumn> = {
  code: P.code,
  name: P.name,
  status: P.status,
  contractValueWan: P.contractValueWan,
  plannedStart: P.plannedStart,
  updatedAt: P.updatedAt,
};

/** `field` or `-field`, unknown fields falling back to updatedAt. */
function sortOf(sort: string | undefined): { field: string; isDesc: boolean } {
  const s = sort ?? "-updatedAt";
  const isDesc = s.startsWith("-");
  const field = isDesc ? s.slice(1) : s;
  return { field: field in SORTABLE ? field : "updatedAt", isDesc };
}

/** `field` or `-field` → ORDER BY with a stable tie-breaker; blanks of nullable columns sort last either way. */
export function projectOrder(sort: string | undefined): SQL[] {
  const { field, isDesc } = sortOf(sort);
  const column = SORTABLE[field] ?? P.updatedAt;
  // NOT NULL columns get a plain ORDER BY so a future index on them stays usable.
  const nulls = column.notNull ? sql`` : sql` nulls last`;
  return [isDesc ? sql`${column} desc${nulls}` : sql`${column} asc${nulls}`, desc(P.id)];
}

/**
 * The list, built once per shape (scope kind, filters present, sort) and database as a prepared query:
 * drizzle building the SQL text cost about a fifth of the server's CPU per request. Every value is a
 * placeholder, so the text depends on the shape alone, and so does the statement name.
 */
function prepareList(db: Executor, scope: ScopeKind, v: FilterValues, sort: string | undefined, name: string) {
  return db
    .select({ ...summaryColumns, total: totalOver })
    .from(P)
    .where(filterConditions(projectScopeOf(scope, P.id), v, (key) => sql.placeholder(key)))
    .orderBy(...projectOrder(sort))
    .limit(sql.placeholder("limit"))
    .offset(sql.placeholder("offset"))
    .prepare(name);
}

const listQueries = new PreparedCache<ReturnType<typeof prepareList>>();

/** One page of projects (page and total in one query). */
export async function listProjects(db: Executor, actor: Actor, q: ListProjectsQuery): Promise<Page<ProjectSummaryDto>> {
  requirePermission(actor, "registry.project.read");
  const v = filterValues(q);
  const scope = scopeKind(actor);
  const { field, isDesc } = sortOf(q.sort);
  // Short and unique per shape: PostgreSQL keys prepared statements by their first 63 bytes.
  const key = `${scope}_${FILTER_KEYS.map((k) => (v[k] === undefined ? 0 : 1)).join("")}_${field}_${isDesc ? "d" : "a"}`;
  const query = listQueries.get(db, key, () => prepareList(db, scope, v, q.sort, `rpl_${key}`));
  const rows = await query.execute({ ...v, ...scopeValues(actor), limit: q.pageSize, offset: offsetOf(q) });
  return toPage(rows, q, toSummary);
}

/**
 * One project's summary (code, name, status, general contractor, project manager) for other modules.
 * @throws AppError NOT_FOUND when it does not exist or lies outside the actor's scope.
 */
export async function getProjectSummary(db: Executor, actor: Actor, id: string): Promise<ProjectSummaryDto> {
  const [row] = await db.select(summaryColumns).from(P).where(and(eq(P.id, id), projectScope(actor, P.id)));
  if (!row) throw notFound("project", id);
  return toSummary(row);
}

const detailColumns = {
  ...summaryColumns,
  address: P.address,
  lng: P.lng,
  lat: P.lat,
  permitNo: P.permitNo,
  contractSignedOn: P.contractSignedOn,
  actualStart: P.actualStart,
  actualEnd: P.actualEnd,
  createdAt: P.createdAt,
  participants: participantsJson,
  posts: postsJson,
  managerBusyOn,
};

/** The detail query, built once per scope kind and database (see `prepareList`). */
function prepareDetail(db: Executor, scope: ScopeKind) {
  return db
    .select(detailColumns)
    .from(P)
    .where(and(eq(P.id, sql.placeholder("id")), projectScopeOf(scope, P.id)))
    .prepare(`rpd_${scope}`);
}

const detailQueries = new PreparedCache<ReturnType<typeof prepareDetail>>();

/**
 * The full project with participants, posts (ended ones too) and the lifecycle targets the actor may
 * choose now, in one query. `scoped: false` is for a verb that has already authorised the read.
 * @throws AppError NOT_FOUND when it does not exist or lies outside the actor's scope.
 */
export async function getProject(db: Executor, actor: Actor, id: string, opts: { scoped?: boolean } = {}): Promise<ProjectDto> {
  requirePermission(actor, "registry.project.read");
  // Unscoped is the city-wide query: no condition besides the id.
  const scope = opts.scoped === false ? "city" : scopeKind(actor);
  const query = detailQueries.get(db, scope, () => prepareDetail(db, scope));
  const [row] = await query.execute({ id, ...scopeValues(actor) });
  if (!row) throw notFound("project", id);
  const facts: TransitionFacts = {
    status: row.status as ProjectStatus,
    permitNo: row.permitNo,
    actualStart: row.actualStart,
    hasGeneralContractor: row.participants.some((p) => p.role === "general_contractor"),
    hasProjectManager: row.posts.some((p) => p.post === ("project_manager" satisfies Post) && p.endedOn === null),
    managerBusyOn: row.managerBusyOn,
  };
  // Only the bureau changes the lifecycle; others see no buttons.
  const mayTransition = actor.permissions.has("registry.project.create");
  return {
    ...toSummary(row),
    address: row.address,
    lng: row.lng,
    lat: row.lat,
    permitNo: row.permitNo,
    contractSignedOn: row.contractSignedOn,
    actualStart: row.actualStart,
    actualEnd: row.actualEnd,
    participants: row.participants,
    posts: row.posts,
    allowedTransitions: mayTransition ? allowedTransitions(facts) : [],
    blockedTransitions: mayTransition ? blockedTransitions(facts) : [],
    createdAt: row.createdAt.toISOString(),
  };
}

/** Counts by status, type and district in one GROUPING SETS query, within the actor's scope. */
export async function projectStats(db: Executor, actor: Actor): Promise<ProjectStatsDto> {
  requirePermission(actor, "registry.project.read");
  const rows = await db
    .select({
      status: P.status,
      type: P.type,
      district: P.district,
      byStatus: sql<number>`grouping(${P.status})`.mapWith(Number),
      byType: sql<number>`grouping(${P.type})`.mapWith(Number),
      n: sql<number>`count(*)`.mapWith(Number),
    })
    .from(P)
    .where(projectScope(actor, P.id))
    .groupBy(sql`grouping sets ((${P.status}), (${P.type}), (${P.district}))`);
  const byStatus = Object.fromEntries(PROJECT_STATUSES.map((s) => [s, 0])) as Record<ProjectStatus, number>;
  const byType = Object.fromEntries(PROJECT_TYPES.map((t) => [t, 0])) as Record<ProjectType, number>;
  const byDistrict: { district: string; count: number }[] = [];
  // grouping(col) = 0 marks the rows grouped by that column.
  for (const r of rows) {
    if (r.byStatus === 0) byStatus[r.status as ProjectStatus] = r.n;
    else if (r.byType === 0) byType[r.type as ProjectType] = r.n;
    else byDistrict.push({ district: r.district, count: r.n });
  }
  byDistrict.sort((a, b) => b.count - a.count || a.district.localeCompare(b.district, "zh-CN"));
  const total = Object.values(byStatus).reduce((a, b) => a + b, 0);
  return { total, byStatus, byType, byDistrict };
}
