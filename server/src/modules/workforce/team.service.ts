import { and, asc, eq, sql } from "drizzle-orm";
import { PARTICIPANT_ROLE_LABELS, type ParticipantRole } from "@contracts/registry/enums";
import type { CreateTeamInput, TeamDto } from "@contracts/workforce/workers";
import type { z } from "zod";
import { requirePermission } from "../../platform/auth/actor.js";
import { recordAudit } from "../../platform/audit/audit.js";
import type { Actor, ServiceContext } from "../../platform/context.js";
import type { Executor } from "../../platform/db/client.js";
import { AppError, conflict, invalidField } from "../../platform/errors.js";
import { assertProjectVisible, enterprisesView, participantsView, personsView } from "../registry/index.js";
import { workforceTeams as T } from "./schema.js";

const E = enterprisesView();
const PP = participantsView();

/**
 * 班组: teams of one employer on one project. Only an enterprise taking part in the project as
 * 施工总承包 or 分包 may employ workers there (建市〔2019〕18号: the general contractor answers for all,
 * subcontractors directly for their own).
 */

/** Participant roles whose enterprise may employ workers on the project. */
export const EMPLOYER_ROLES: readonly ParticipantRole[] = ["general_contractor", "specialty_subcontractor", "labour_subcontractor"];

const employerRolesText = EMPLOYER_ROLES.map((r) => PARTICIPANT_ROLE_LABELS[r].zh).join("或");

/**
 * Throws unless the enterprise takes part in the project in an employing role.
 * @throws AppError VALIDATION naming `field` when the enterprise does not exist; PRECONDITION_FAILED naming it otherwise.
 */
export async function assertEmployerTakesPart(tx: Executor, projectId: string, employerId: string, field = "employerId"): Promise<{ id: string; name: string }> {
  const [e] = await tx
    .select({ id: E.id, name: E.name, roles: sql<string[]>`coalesce(array_agg(${PP.role}) filter (where ${PP.role} is not null), '{}')` })
    .from(E)
    .leftJoin(PP, and(eq(PP.enterpriseId, E.id), eq(PP.projectId, projectId)))
    .where(eq(E.id, employerId))
    .groupBy(E.id, E.name);
  if (!e) throw invalidField(field, "用工单位不存在 (no such enterprise)");
  if (!e.roles.some((r) => EMPLOYER_ROLES.includes(r as ParticipantRole))) {
    const message = `「${e.name}」不是本项目的${employerRolesText}，不能登记工人 (the employer must be a general or specialty contractor of this project)`;
    throw new AppError("PRECONDITION_FAILED", message, { issues: [{ path: field, message }] });
  }
  return e;
}

/** Teams of a project with their current leader and live worker count, by name. */
export async function listTeams(db: Executor, actor: Actor, projectId: string): Promise<TeamDto[]> {
  requirePermission(actor, "workforce.read");
  await assertProjectVisible(db, actor, projectId);
  const rows = await db
    .select({
      id: T.id,
      projectId: T.projectId,
      employerId: T.employerId,
      employerName: E.name,
      name: T.name,
      trade: T.trade,
      leaderName: sql<string | null>`(select p.name from workforce_workers lw join ${personsView("p")} on p.id = lw.person_id
        where lw.team_id = ${T.id} and lw.is_team_leader and lw.status <> 'exited' order by lw.created_at limit 1)`,
      workers: sql<number>`(select count(*) from workforce_workers cw where cw.team_id = ${T.id} and cw.status <> 'exited')`.mapWith(Number),
    })
    .from(T)
    .innerJoin(E, eq(E.id, T.employerId))
    .where(eq(T.projectId, projectId))
    .orderBy(asc(T.name), asc(T.id));
  return rows;
}

/**
 * Creates a team of a participating employer on the project.
 * @throws AppError FORBIDDEN; NOT_FOUND (project outside scope); PRECONDITION_FAILED naming `employerId`; CONFLICT naming `name`.
 */
export async function createTeam(ctx: ServiceContext, projectId: string, input: z.output<typeof CreateTeamInput>): Promise<TeamDto> {
  requirePermission(ctx.actor, "workforce.manage");
  const dto = await ctx.db.transaction(async (tx) => {
    await assertProjectVisible(tx, ctx.actor, projectId);
    const employer = await assertEmployerTakesPart(tx, projectId, input.employerId);
    const [row] = await tx
      .insert(T)
      .values({ projectId, employerId: employer.id, name: input.name, trade: input.trade ?? null })
      .onConflictDoNothing({ target: [T.projectId, T.name] })
      .returning();
    if (!row) {
      throw conflict(`班组「${input.name}」已存在 (a team of that name exists on this project)`, { issues: [{ path: "name", message: "班组名称已存在 (name taken)" }] });
    }
    await recordAudit(tx, ctx, { action: "workforce.team.created", entity: "team", entityId: row.id, after: row });
    return { id: row.id, projectId, employerId: employer.id, employerName: employer.name, name: row.name, trade: row.trade, leaderName: null, workers: 0 };
  });
  ctx.events.publish("workforce.team.created", { projectId, teamId: dto.id, employerId: dto.employerId });
  return dto;
}

/**
 * Throws unless the team belongs to the project and the employer (a team is one employer's).
 * @throws AppError VALIDATION naming `teamId`.
 */
export async function assertTeamFits(tx: Executor, teamId: string, projectId: string, employerId: string): Promise<void> {
  const [team] = await tx.select({ projectId: T.projectId, employerId: T.employerId }).from(T).where(eq(T.id, teamId));
  if (!team || team.projectId !== projectId) throw invalidField("teamId", "班组不属于本项目 (the team is not on this project)");
  if (team.employerId !== employerId) throw invalidField("teamId", "班组属于其他用工单位 (the team belongs to another employer)");
}
