import { and, desc, eq } from "drizzle-orm";
import type { TrainingDto, TrainingInput } from "@contracts/workforce/workers";
import { requirePermission } from "../../platform/auth/actor.js";
import { recordAudit } from "../../platform/audit/audit.js";
import type { Actor, ServiceContext } from "../../platform/context.js";
import type { Executor } from "../../platform/db/client.js";
import { AppError, invalidField } from "../../platform/errors.js";
import { assertProjectVisible, personsView, projectsView } from "../registry/index.js";
import { workforceTrainings as TR } from "./schema.js";
import { shanghaiDay } from "@contracts/platform/time";
import { workforcePersonScope } from "./worker.queries.js";

const PE = personsView();
const P = projectsView();

/**
 * Safety training records (入场三级安全教育 and others) of a person. A passed entry training less than
 * a year old is one of the admission conditions (worker.workflow.ts).
 */

const personNotFound = (id: string) => new AppError("NOT_FOUND", `人员不存在 (person ${id} not found)`, { issues: [{ path: "personId", message: "not found" }] });

async function assertPersonVisible(db: Executor, actor: Actor, personId: string): Promise<void> {
  const [p] = await db
    .select({ id: PE.id })
    .from(PE)
    .where(and(eq(PE.id, personId), workforcePersonScope(actor, PE.id, PE.employerId)));
  if (!p) throw personNotFound(personId);
}

/**
 * Records a training of a person (on a project the actor sees, or general).
 * @throws AppError FORBIDDEN; NOT_FOUND naming `personId` or the project; VALIDATION naming `trainedOn`.
 */
export async function recordTraining(ctx: ServiceContext, input: TrainingInput): Promise<TrainingDto> {
  requirePermission(ctx.actor, "workforce.manage");
  const today = shanghaiDay();
  if (input.trainedOn > today) throw invalidField("trainedOn", `培训日期不能晚于今天 ${today} (training date is in the future)`);
  const row = await ctx.db.transaction(async (tx) => {
    await assertPersonVisible(tx, ctx.actor, input.personId);
    if (input.projectId) await assertProjectVisible(tx, ctx.actor, input.projectId);
    const [r] = await tx
      .insert(TR)
      .values({
        personId: input.personId,
        projectId: input.projectId ?? null,
        kind: input.kind,
        hours: input.hours,
        score: input.score ?? null,
        passed: input.passed,
        trainedOn: input.trainedOn,
      })
      .returning();
    await recordAudit(tx, ctx, { action: "workforce.training.recorded", entity: "person", entityId: input.personId, after: r });
    return r;
  });
  ctx.events.publish("workforce.training.recorded", { trainingId: row.id, personId: row.personId, projectId: row.projectId, kind: row.kind, passed: row.passed });
  const [dto] = await trainingsWhere(ctx.db, eq(TR.id, row.id));
  return dto;
}

function trainingsWhere(db: Executor, where: ReturnType<typeof eq>) {
  return db
    .select({
      id: TR.id,
      personId: TR.personId,
      projectId: TR.projectId,
      projectName: P.name,
      kind: TR.kind,
      hours: TR.hours,
      score: TR.score,
      passed: TR.passed,
      trainedOn: TR.trainedOn,
      createdAt: TR.createdAt,
    })
    .from(TR)
    .leftJoin(P, eq(P.id, TR.projectId))
    .where(where)
    .orderBy(desc(TR.trainedOn), desc(TR.createdAt))
    .then((rows) => rows.map((r) => ({ ...r, kind: r.kind as TrainingDto["kind"], createdAt: r.createdAt.toISOString() })));
}

/**
 * A person's trainings, latest first.
 * @throws AppError FORBIDDEN; NOT_FOUND when the person is outside the actor's scope.
 */
export async function listTrainings(db: Executor, actor: Actor, personId: string): Promise<TrainingDto[]> {
  requirePermission(actor, "workforce.read");
  await assertPersonVisible(db, actor, personId);
  return trainingsWhere(db, eq(TR.personId, personId));
}
