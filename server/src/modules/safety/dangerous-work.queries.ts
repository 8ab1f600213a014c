import { and, asc, desc, eq, ilike, inArray, or, sql, type SQL } from "drizzle-orm";
import { shanghaiDay } from "@contracts/platform/time";
import type {
  DangerLevel,
  DangerousWorkCategory,
  DangerousWorkDetailDto,
  DangerousWorkDto,
  DangerousWorkState,
  ExpertVerdict,
  ListDangerousWorksQuery,
  Params,
  WeeklyListDto,
  WorkFileDto,
  WorkFileKind,
} from "@contracts/safety/dangerous-works";
import type { z } from "zod";
import { requirePermission } from "../../platform/auth/actor.js";
import type { Actor } from "../../platform/context.js";
import type { Executor } from "../../platform/db/client.js";
import { andAll, likePattern, offsetOf, toPage, totalOver, type Page } from "../../platform/db/pagination.js";
import { notFound } from "../../platform/errors.js";
import { enterprisesView, personsView, projectScope, projectsView } from "../registry/index.js";
import { checkDrafterSignoff, isExpertCleared, nextSteps, type WorkFacts } from "./dangerous-work.workflow.js";
import { actorParties } from "./project.queries.js";
import { safetyDangerousWorkEvents as EV, safetyDangerousWorkFiles as F, safetyDangerousWorks as W, safetyExpertReviews as R, safetyExperts as X } from "./schema.js";

const E = enterprisesView();
const P = projectsView();

const D = enterprisesView("drafter");

/** Export cap: the city has a few thousand 危大 works a year. */
export const WORKS_EXPORT_LIMIT = 20_000;

function selectWorks(db: Executor) {
  return db
    .select({ w: W, projectName: P.name, projectCode: P.code, district: P.district, gasName: E.name, drafterName: D.name, total: totalOver })
    .from(W)
    .innerJoin(P, eq(P.id, W.projectId))
    .leftJoin(E, sql`${E.id} = (${W.gasClearance} ->> 'enterpriseId')::uuid`)
    .leftJoin(D, eq(D.id, W.drafterEnterpriseId));
}
type WorkRow = Awaited<ReturnType<typeof selectWorks>>[number];

export function toWorkDto(r: Omit<WorkRow, "total">): DangerousWorkDto {
  const w = r.w;
  return {
    id: w.id,
    projectId: w.projectId,
    projectName: r.projectName,
    projectCode: r.projectCode,
    district: r.district,
    category: w.category as DangerousWorkCategory,
    name: w.name,
    location: w.location,
    params: w.params as Params,
    level: w.level as DangerLevel,
    levelClauses: w.levelClauses,
    state: w.state as DangerousWorkState,
    revision: w.revision,
    plannedStart: w.plannedStart,
    plannedEnd: w.plannedEnd,
    authorName: w.authorName,
    drafterEnterpriseId: w.drafterEnterpriseId,
    drafterEnterpriseName: r.drafterName,
    drafterSigned: w.drafterEnterpriseId !== null && w.drafterSignedRevision === w.revision,
    gasClearance: w.gasClearance ? { ...w.gasClearance, enterpriseName: r.gasName } : null,
    createdAt: w.createdAt.toISOString(),
    updatedAt: w.updatedAt.toISOString(),
  };
}

const SORTS = {
  plannedStart: W.plannedStart,
  updatedAt: W.updatedAt,
  state: W.state,
  name: W.name,
  level: sql`(${W.level} = 'chaoweida')`,
} as const;

function conditions(actor: Actor, q: z.output<typeof ListDangerousWorksQuery>): SQL | undefined {
  const text = q.q ? likePattern(q.q) : undefined;
  return andAll([
    projectScope(actor, W.projectId),
    q.projectId ? eq(W.projectId, q.projectId) : undefined,
    q.level?.length ? inArray(W.level, q.level) : undefined,
    q.state?.length ? inArray(W.state, q.state) : undefined,
    q.category?.length ? inArray(W.category, q.category) : undefined,
    q.district ? eq(P.district, q.district) : undefined,
    text ? or(ilike(W.name, text), ilike(W.location, text), ilike(P.name, text), ilike(P.code, text)) : undefined,
  ]);
}

function orderOf(sort: string | undefined): SQL[] {
  if (!sort) return [desc(sql`(${W.level} = 'chaoweida')`), desc(W.updatedAt), asc(W.id)];
  const desc_ = sort.startsWith("-");
  const col = SORTS[sort.replace(/^-/, "") as keyof typeof SORTS];
  return [desc_ ? sql`${col} desc nulls last` : sql`${col} asc nulls last`, asc(W.id)];
}

/** The city's (or the actor's projects') 危大 register: filtered, sorted, one page with its total. */
export async function listDangerousWorks(db: Executor, actor: Actor, q: z.output<typeof ListDangerousWorksQuery>): Promise<Page<DangerousWorkDto>> {
  requirePermission(actor, "safety.read");
  const rows = await selectWorks(db)
    .where(conditions(actor, q))
    .orderBy(...orderOf(q.sort))
    .limit(q.pageSize)
    .offset(offsetOf(q));
  return toPage(rows, q, toWorkDto);
}

/** Every row the filters select (for the xlsx export), up to WORKS_EXPORT_LIMIT. */
export async function dangerousWorksForExport(db: Executor, actor: Actor, q: Omit<z.output<typeof ListDangerousWorksQuery>, "page" | "pageSize">): Promise<DangerousWorkDto[]> {
  requirePermission(actor, "safety.read");
  const rows = await selectWorks(db)
    .where(conditions(actor, { ...q, page: 1, pageSize: 1 }))
    .orderBy(...orderOf(q.sort))
    .limit(WORKS_EXPORT_LIMIT);
  return rows.map(toWorkDto);
}

/** Monday..Sunday (Asia/Shanghai) of the week holding `day`. */
export function weekOf(day: string): { from: string; to: string } {
  const d = new Date(`${day}T00:00:00Z`);
  const monday = new Date(d.getTime() - ((d.getUTCDay() + 6) % 7) * 86_400_000);
  return { from: monday.toISOString().slice(0, 10), to: new Date(monday.getTime() + 6 * 86_400_000).toISOString().slice(0, 10) };
}

/**
 * The bureau's weekly list (危大工程周报): works being carried out (实施中 or in acceptance), works planned to
 * start this week, and works accepted this week; 超危大 first, then by planned start.
 */
export async function weeklyDangerousWorks(db: Executor, actor: Actor, day: string = shanghaiDay()): Promise<WeeklyListDto> {
  requirePermission(actor, "safety.read");
  const { from, to } = weekOf(day);
  const running = sql<boolean>`${W.state} in ('in_progress', 'acceptance')`;
  const starting = sql<boolean>`(${W.plannedStart} between ${from}::date and ${to}::date and ${W.state} not in ('accepted', 'closed'))`;
  const accepted = sql<boolean>`exists (select 1 from safety_dangerous_work_events e where e.work_id = ${W.id} and e.to_state = 'accepted'
    and (e.at at time zone 'Asia/Shanghai')::date between ${from}::date and ${to}::date)`;
  const rows = await db
    .select({ w: W, projectName: P.name, projectCode: P.code, district: P.district, gasName: E.name, drafterName: D.name, running, starting, accepted })
    .from(W)
    .innerJoin(P, eq(P.id, W.projectId))
    .leftJoin(E, sql`${E.id} = (${W.gasClearance} ->> 'enterpriseId')::uuid`)
    .leftJoin(D, eq(D.id, W.drafterEnterpriseId))
    .where(andAll([projectScope(actor, W.projectId), sql`(${running} or ${starting} or ${accepted})`]))
    .orderBy(desc(sql`(${W.level} = 'chaoweida')`), sql`${W.plannedStart} asc nulls last`, asc(W.name), asc(W.id))
    .limit(WORKS_EXPORT_LIMIT);
  return {
    from,
    to,
    items: rows.map((r) => ({
      ...toWorkDto(r),
      // A null planned start makes `starting` null, not false.
      reasons: ([["in_progress", r.running], ["starting", r.starting], ["accepted", r.accepted]] as const).filter(([, on]) => on === true).map(([reason]) => reason),
    })),
  };
}

/** One work in the actor's scope (NOT_FOUND otherwise). */
export async function findWork(db: Executor, actor: Actor, id: string): Promise<DangerousWorkDto> {
  const [row] = await selectWorks(db).where(and(eq(W.id, id), projectScope(actor, W.projectId)));
  if (!row) throw notFound("dangerous work", id);
  return toWorkDto(row);
}

/** The latest expert review of a work (its verdict decides whether the scheme is cleared). */
export async function latestExpertReview(db: Executor, workId: string): Promise<{ revision: number; verdict: ExpertVerdict } | null> {
  const [r] = await db
    .select({ revision: R.revision, verdict: R.verdict })
    .from(R)
    .where(eq(R.workId, workId))
    .orderBy(desc(R.createdAt), desc(R.revision))
    .limit(1);
  return r ? { revision: r.revision, verdict: r.verdict as ExpertVerdict } : null;
}

/** What the workflow judges a work by, read in one round trip beside the work itself. */
export async function workFacts(
  db: Executor,
  w: { id: string; state: string; level: string; revision: number; drafterEnterpriseId: string | null; drafterSignedRevision?: number | null; drafterSigned?: boolean },
): Promise<WorkFacts> {
  const [latest, [scheme]] = await Promise.all([
    latestExpertReview(db, w.id),
    db
      .select({ id: F.id })
      .from(F)
      .where(and(eq(F.workId, w.id), eq(F.kind, "scheme"), eq(F.revision, w.revision)))
      .limit(1),
  ]);
  return {
    state: w.state as DangerousWorkState,
    level: w.level as DangerLevel,
    revision: w.revision,
    expertCleared: isExpertCleared(w.revision, latest),
    schemeOnFile: scheme !== undefined,
    subDrafted: w.drafterEnterpriseId !== null,
    drafterSigned: w.drafterSigned ?? w.drafterSignedRevision === w.revision,
  };
}

export function toFileDto(f: typeof F.$inferSelect): WorkFileDto {
  return {
    id: f.id,
    kind: f.kind as WorkFileKind,
    revision: f.revision,
    fileName: f.fileName,
    contentType: f.contentType as WorkFileDto["contentType"],
    size: f.size,
    sha256: f.sha256,
    uploadedBy: f.uploadedBy,
    uploadedAt: f.uploadedAt.toISOString(),
  };
}

/** A work with its timeline, expert reviews, archived files and the steps the actor may take next. */
export async function getDangerousWork(db: Executor, actor: Actor, id: string): Promise<DangerousWorkDetailDto> {
  requirePermission(actor, "safety.read");
  const work = await findWork(db, actor, id);
  const [events, reviews, facts, who, files] = await Promise.all([
    db.select().from(EV).where(eq(EV.workId, id)).orderBy(asc(EV.at), asc(EV.id)),
    db
      .select({
        r: R,
        experts: sql<{ id: string; name: string }[]>`(select coalesce(json_agg(json_build_object('id', x.id, 'name', xp.name) order by xp.name), '[]'::json)
          from ${X} x join ${personsView("xp")} on xp.id = x.person_id where x.id = any(${R.expertIds}))`,
      })
      .from(R)
      .where(eq(R.workId, id))
      .orderBy(asc(R.createdAt)),
    workFacts(db, work),
    actorParties(db, actor, work.projectId, work.drafterEnterpriseId),
    db.select().from(F).where(eq(F.workId, id)).orderBy(asc(F.uploadedAt), asc(F.id)),
  ]);
  const manage = actor.permissions.has("safety.manage");
  const signoff = manage ? checkDrafterSignoff(facts, who) : null;
  return {
    ...work,
    events: events.map((e) => ({
      id: e.id,
      at: e.at.toISOString(),
      actorName: e.actorName,
      action: e.action,
      fromState: e.fromState as DangerousWorkState | null,
      toState: e.toState as DangerousWorkState | null,
      note: e.note,
      data: e.data ?? null,
    })),
    expertReviews: reviews.map(({ r, experts }) => ({
      id: r.id,
      revision: r.revision,
      experts,
      heldOn: r.heldOn,
      verdict: r.verdict as ExpertVerdict,
      opinion: r.opinion,
      createdAt: r.createdAt.toISOString(),
    })),
    nextSteps: manage ? nextSteps(facts, who) : [],
    files: files.map(toFileDto),
    drafterSignoff: signoff && (signoff.ok ? { allowed: true, reason: null } : { allowed: false, reason: signoff.reason }),
  };
}
