import { and, asc, eq, ilike, or, sql } from "drizzle-orm";
import {
  EXPERT_MIN_YEARS,
  SENIOR_TITLES,
  type CreateExpertInput,
  type ExpertDto,
  type ExpertSpecialty,
  type ExpertTitle,
  type ListExpertsQuery,
  type UpdateExpertInput,
} from "@contracts/safety/experts";
import type { z } from "zod";
import { isCityWide, requirePermission } from "../../platform/auth/actor.js";
import { recordAudit } from "../../platform/audit/audit.js";
import type { Actor, ServiceContext } from "../../platform/context.js";
import type { Executor } from "../../platform/db/client.js";
import { andAll, likePattern, offsetOf, toPage, totalOver, type Page } from "../../platform/db/pagination.js";
import { conflict, forbidden, invalidField, notFound } from "../../platform/errors.js";
import { assertProjectVisible, enterprisesView, participatingEnterpriseName, personsView } from "../registry/index.js";
import { safetyExperts as X } from "./schema.js";

const E = enterprisesView();
const PE = personsView();

/**
 * The government expert pool (专家库) for 超危大 scheme reviews. The bureau keeps it (safety.manage and a
 * city-wide role); everyone with safety.read may pick from it. An expert has ≥ 15 years in the field or a
 * senior title (domain-rules §4.3).
 */

const assertBureau = (actor: Actor) => {
  requirePermission(actor, "safety.manage");
  if (!isCityWide(actor)) throw forbidden("专家库由建设主管部门管理 (the bureau keeps the expert pool)");
};

function assertQualified(title: ExpertTitle, years: number): void {
  if (years < EXPERT_MIN_YEARS && !SENIOR_TITLES.includes(title)) {
    throw invalidField("years", `须从事本专业 ${EXPERT_MIN_YEARS} 年以上或具有高级职称 (needs ${EXPERT_MIN_YEARS}+ years or a senior title)`);
  }
}

function selectExperts(db: Executor, projectId: string | null) {
  const conflictSql = projectId
    ? participatingEnterpriseName(projectId, [X.enterpriseId, PE.employerId])
    : sql<string | null>`null::text`;
  return db
    .select({ x: X, name: PE.name, enterpriseName: E.name, conflict: conflictSql, total: totalOver })
    .from(X)
    .innerJoin(PE, eq(PE.id, X.personId))
    .leftJoin(E, eq(E.id, X.enterpriseId));
}

const toDto = (r: { x: typeof X.$inferSelect; name: string; enterpriseName: string | null; conflict: string | null }): ExpertDto => ({
  id: r.x.id,
  personId: r.x.personId,
  name: r.name,
  enterpriseId: r.x.enterpriseId,
  enterpriseName: r.enterpriseName,
  specialty: r.x.specialty as ExpertSpecialty,
  title: r.x.title as ExpertTitle,
  years: r.x.years,
  active: r.x.active === 1,
  conflict: r.conflict,
});

/** The pool, filtered; with `projectId`, each expert tied to one of that project's enterprises carries `conflict`. */
export async function listExperts(db: Executor, actor: Actor, q: z.output<typeof ListExpertsQuery>): Promise<Page<ExpertDto>> {
  requirePermission(actor, "safety.read");
  if (q.projectId) await assertProjectVisible(db, actor, q.projectId);
  const text = q.q ? likePattern(q.q) : undefined;
  const rows = await selectExperts(db, q.projectId ?? null)
    .where(
      andAll([
        q.specialty ? eq(X.specialty, q.specialty) : undefined,
        q.active ? eq(X.active, q.active === "true" ? 1 : 0) : undefined,
        text ? or(ilike(PE.name, text), ilike(E.name, text)) : undefined,
      ]),
    )
    .orderBy(sql`${X.active} desc`, asc(PE.name), asc(X.id))
    .limit(q.pageSize)
    .offset(offsetOf(q));
  return toPage(rows, q, toDto);
}

async function getExpert(db: Executor, id: string): Promise<ExpertDto> {
  const [row] = await selectExperts(db, null).where(eq(X.id, id));
  if (!row) throw notFound("expert", id);
  return toDto(row);
}

/**
 * Adds a registry person to the pool; the employer recorded is the person's current one (the conflict check
 * also reads the person's employer at review time).
 * @throws AppError FORBIDDEN; VALIDATION naming `personId` or `years`; CONFLICT naming `personId`.
 */
export async function createExpert(ctx: ServiceContext, input: CreateExpertInput): Promise<ExpertDto> {
  assertBureau(ctx.actor);
  assertQualified(input.title, input.years);
  const id = await ctx.db.transaction(async (tx) => {
    const [person] = await tx.select({ employerId: PE.employerId, status: PE.status }).from(PE).where(eq(PE.id, input.personId));
    if (!person) throw invalidField("personId", "人员库中没有此人 (no such person)");
    const [row] = await tx
      .insert(X)
      .values({ personId: input.personId, enterpriseId: person.employerId, specialty: input.specialty, title: input.title, years: input.years })
      .onConflictDoNothing({ target: X.personId })
      .returning();
    if (!row) throw conflict("此人已在专家库中 (already in the pool)", { issues: [{ path: "personId", message: "已在专家库中 (already in the pool)" }] });
    await recordAudit(tx, ctx, { action: "safety.expert.created", entity: "expert", entityId: row.id, after: row });
    return row.id;
  });
  ctx.events.publish("safety.expert.created", { expertId: id });
  return getExpert(ctx.db, id);
}

/** Changes an expert's specialty, title, years or active flag. @throws AppError FORBIDDEN; NOT_FOUND; VALIDATION naming `years`. */
export async function updateExpert(ctx: ServiceContext, id: string, input: UpdateExpertInput): Promise<ExpertDto> {
  assertBureau(ctx.actor);
  await ctx.db.transaction(async (tx) => {
    const [before] = await tx.select().from(X).where(eq(X.id, id)).for("update");
    if (!before) throw notFound("expert", id);
    assertQualified(input.title ?? (before.title as ExpertTitle), input.years ?? before.years);
    const [after] = await tx
      .update(X)
      .set({
        specialty: input.specialty ?? before.specialty,
        title: input.title ?? before.title,
        years: input.years ?? before.years,
        active: input.active === undefined ? before.active : input.active ? 1 : 0,
        updatedAt: new Date(),
      })
      .where(and(eq(X.id, id)))
      .returning();
    await recordAudit(tx, ctx, { action: "safety.expert.updated", entity: "expert", entityId: id, before, after });
  });
  ctx.events.publish("safety.expert.updated", { expertId: id });
  return getExpert(ctx.db, id);
}
