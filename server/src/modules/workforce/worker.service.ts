import { and, eq, sql } from "drizzle-orm";
import type { AdmissionBlock, RegisterWorkerInput, UpdateWorkerInput, WorkerDto, WorkerFullDto, WorkerStatus } from "@contracts/workforce/workers";
import { shanghaiDay } from "@contracts/platform/time";
import { requirePermission } from "../../platform/auth/actor.js";
import { recordAudit } from "../../platform/audit/audit.js";
import type { ServiceContext } from "../../platform/context.js";
import type { Executor } from "../../platform/db/client.js";
import { AppError, conflict, invalid, notFound, type FieldIssue } from "../../platform/errors.js";
import { assertProjectVisible, personsView, projectScope } from "../registry/index.js";
import { workforceWorkers as W } from "./schema.js";
import { assertEmployerTakesPart, assertTeamFits } from "./team.service.js";
import { getWorker, toWorkerFullDto, workerRow, workforcePersonScope } from "./worker.queries.js";
import { admissionBlockMessage, admissionBlocks, canTransition, WORKER_NO_PATTERN, workerNoOf } from "./worker.workflow.js";

const PE = personsView();

/**
 * Write side of the workers (实名制): register, change, admit (进场), exit (退场), enrolment photo, and
 * the audited full views of personal data. Each verb is one transaction with its audit entry; events
 * follow the commit. Any change to who may pass a project's gates publishes ROSTER_CHANGED.
 */

/** Published after any change to who may pass a project's gates; payload {projectId}. The gate roster push listens. */
export const ROSTER_CHANGED = "workforce.roster.changed";

// Serialises 工号 allocation across processes so max+1 never hands out the same number twice.
const WORKER_NO_LOCK = 7_240_041;

/**
 * Reserves `count` consecutive 工号 (W + 9 digits) after the highest in use. Holds a transaction-scoped
 * lock, so concurrent registrations queue for the rest of the caller's transaction.
 */
export async function allocateWorkerNos(tx: Executor, count: number): Promise<string[]> {
  await tx.execute(sql`select pg_advisory_xact_lock(${WORKER_NO_LOCK})`);
  // Fixed width, so the text maximum is the numeric maximum; other shapes (imported, legacy) are ignored.
  const [row] = await tx
    .select({ max: sql<string | null>`max(${W.workerNo})` })
    .from(W)
    .where(sql`${W.workerNo} ~ ${WORKER_NO_PATTERN.source}`);
  const last = row?.max ? Number(row.max.slice(1)) : 0;
  return Array.from({ length: count }, (_, i) => workerNoOf(last + 1 + i));
}

/** Contract dates that contradict each other, named by field. */
function contractIssues(c: { contractSignedOn?: string | null; contractStart?: string | null; contractEnd?: string | null }): FieldIssue[] {
  const issues: FieldIssue[] = [];
  if (c.contractStart && c.contractEnd && c.contractEnd < c.contractStart) {
    issues.push({ path: "contractEnd", message: "合同结束日期早于开始日期 (contract ends before it starts)" });
  }
  if ((c.contractStart || c.contractEnd) && !c.contractSignedOn) {
    issues.push({ path: "contractSignedOn", message: "填写合同期限时须填写签订日期 (contract dates need the signing date)" });
  }
  return issues;
}

const alreadyEnrolled = (workerNo: string) =>
  conflict(`该人员已在本项目登记（工号 ${workerNo}），退场后方可重新登记 (already enrolled on this project)`, {
    issues: [{ path: "personId", message: `已在本项目登记 (enrolled as ${workerNo})` }],
  });

/** The person exists and the actor may enrol them: in the workforce person scope, or employed by the enrolling employer. */
async function assertPersonEnrollable(ctx: ServiceContext, tx: Executor, personId: string, employerId: string): Promise<void> {
  const scope = workforcePersonScope(ctx.actor, PE.id, PE.employerId);
  const [p] = await tx
    .select({ id: PE.id })
    .from(PE)
    .where(and(eq(PE.id, personId), scope ? sql`(${scope} or ${PE.employerId} = ${employerId})` : undefined));
  if (!p) throw new AppError("NOT_FOUND", `人员不存在 (person ${personId} not found)`, { issues: [{ path: "personId", message: "not found" }] });
}

const numericText = (n: number | null | undefined) => (n === undefined ? undefined : n === null ? null : n.toFixed(2));

/**
 * Registers a person as a worker of a project (登记), with a new city-wide 工号.
 * @throws AppError FORBIDDEN; NOT_FOUND (project, person); VALIDATION naming the field; PRECONDITION_FAILED
 *   naming `employerId`; CONFLICT when the person is already enrolled on the project.
 */
export async function registerWorker(ctx: ServiceContext, input: RegisterWorkerInput): Promise<WorkerDto> {
  requirePermission(ctx.actor, "workforce.manage");
  const issues = contractIssues(input);
  if (issues.length > 0) throw invalid(issues);
  const id = await ctx.db.transaction(async (tx) => {
    await assertProjectVisible(tx, ctx.actor, input.projectId);
    await assertEmployerTakesPart(tx, input.projectId, input.employerId);
    await assertPersonEnrollable(ctx, tx, input.personId, input.employerId);
    if (input.teamId) await assertTeamFits(tx, input.teamId, input.projectId, input.employerId);
    const [live] = await tx
      .select({ workerNo: W.workerNo })
      .from(W)
      .where(and(eq(W.personId, input.personId), eq(W.projectId, input.projectId), sql`${W.status} <> 'exited'`));
    if (live) throw alreadyEnrolled(live.workerNo);
    const [workerNo] = await allocateWorkerNos(tx, 1);
    const [row] = await tx
      .insert(W)
      .values({
        workerNo,
        personId: input.personId,
        projectId: input.projectId,
        employerId: input.employerId,
        teamId: input.teamId ?? null,
        trade: input.trade,
        isTeamLeader: input.isTeamLeader,
        contractSignedOn: input.contractSignedOn ?? null,
        contractStart: input.contractStart ?? null,
        contractEnd: input.contractEnd ?? null,
        wageStandard: numericText(input.wageStandard) ?? null,
        wageUnit: input.wageUnit ?? null,
        bankName: input.bankName ?? null,
        bankCard: input.bankCard ?? null,
      })
      // A concurrent registration of the same person passed the check above: the live index decides.
      .onConflictDoNothing({ target: [W.personId, W.projectId], where: sql`status <> 'exited'` })
      .returning();
    if (!row) throw alreadyEnrolled("—");
    await recordAudit(tx, ctx, { action: "workforce.worker.registered", entity: "worker", entityId: row.id, after: row });
    return row.id;
  });
  ctx.events.publish("workforce.worker.registered", { workerId: id, projectId: input.projectId, personId: input.personId });
  ctx.events.publish(ROSTER_CHANGED, { projectId: input.projectId });
  return getWorker(ctx.db, ctx.actor, id);
}

/** Locks the worker row (in scope) for a write; NOT_FOUND otherwise. */
async function lockWorker(tx: Executor, ctx: ServiceContext, id: string) {
  const [row] = await tx
    .select()
    .from(W)
    .where(and(eq(W.id, id), projectScope(ctx.actor, W.projectId)))
    .for("update");
  if (!row) throw notFound("worker", id);
  return row;
}

const closedEnrolment = () => conflict("该工人已退场，登记记录不能再修改 (the worker has exited; the enrolment is closed)");

/**
 * Changes trade, team, employer, contract, wage or bank details of a live enrolment.
 * @throws AppError FORBIDDEN; NOT_FOUND; VALIDATION naming the field; PRECONDITION_FAILED naming `employerId`; CONFLICT once exited.
 */
export async function updateWorker(ctx: ServiceContext, id: string, input: UpdateWorkerInput): Promise<WorkerDto> {
  requirePermission(ctx.actor, "workforce.manage");
  const changed = await ctx.db.transaction(async (tx) => {
    const before = await lockWorker(tx, ctx, id);
    if (before.status === "exited") throw closedEnrolment();
    const merged = { ...before, ...Object.fromEntries(Object.entries(input).filter(([, v]) => v !== undefined)) } as typeof before & UpdateWorkerInput;
    const issues = contractIssues(merged);
    if (issues.length > 0) throw invalid(issues);
    if (input.employerId && input.employerId !== before.employerId) await assertEmployerTakesPart(tx, before.projectId, input.employerId);
    const teamId = input.teamId === undefined ? before.teamId : input.teamId;
    if (teamId && (input.teamId !== undefined || input.employerId !== undefined)) await assertTeamFits(tx, teamId, before.projectId, merged.employerId);
    const [after] = await tx
      .update(W)
      .set({
        employerId: input.employerId,
        teamId: input.teamId,
        trade: input.trade,
        isTeamLeader: input.isTeamLeader,
        contractSignedOn: input.contractSignedOn,
        contractStart: input.contractStart,
        contractEnd: input.contractEnd,
        wageStandard: numericText(input.wageStandard),
        wageUnit: input.wageUnit,
        bankName: input.bankName,
        bankCard: input.bankCard,
        updatedAt: new Date(),
      })
      .where(eq(W.id, id))
      .returning();
    await recordAudit(tx, ctx, { action: "workforce.worker.updated", entity: "worker", entityId: id, before, after });
    return { projectId: before.projectId, fields: Object.keys(input) };
  });
  ctx.events.publish("workforce.worker.updated", { workerId: id, ...changed });
  return getWorker(ctx.db, ctx.actor, id);
}

/** The field each admission block points at, so the web can show the reason next to it. */
const BLOCK_FIELD: Record<AdmissionBlock, string> = {
  blacklisted: "personId",
  no_contract: "contractSignedOn",
  contract_expired: "contractEnd",
  no_training: "training",
};

function assertDay(field: string, day: string, today: string, notBefore?: { day: string | null; what: string }): void {
  if (day > today) throw invalid([{ path: field, message: `日期不能晚于今天 ${today} (date is in the future)` }]);
  if (notBefore?.day && day < notBefore.day) throw invalid([{ path: field, message: `日期不能早于${notBefore.what} ${notBefore.day} (date before ${notBefore.day})` }]);
}

function assertTransition(from: WorkerStatus, to: WorkerStatus, verb: string): void {
  if (!canTransition(from, to)) {
    throw conflict(`当前状态不能${verb} (cannot move a worker from ${from} to ${to})`, { from, to });
  }
}

/**
 * 进场: registered → entered on `on` (default today). Refused while any admission block holds on that
 * day or today (先签合同后进场, training, blacklist), with every reason listed in `details.blocks`.
 * @throws AppError FORBIDDEN; NOT_FOUND; VALIDATION naming `on`; CONFLICT from another status; PRECONDITION_FAILED with the blocks.
 */
export async function admitWorker(ctx: ServiceContext, id: string, input: { on?: string }): Promise<WorkerDto> {
  requirePermission(ctx.actor, "workforce.manage");
  const today = shanghaiDay();
  const on = input.on ?? today;
  assertDay("on", on, today);
  const projectId = await ctx.db.transaction(async (tx) => {
    const before = await lockWorker(tx, ctx, id);
    assertTransition(before.status as WorkerStatus, "entered", "办理进场");
    const reasons = new Map<AdmissionBlock, string>();
    // The entry day and today must both be clear: a back-dated entry cannot skip a block that holds now.
    for (const day of new Set([on, today])) {
      const r = await workerRow(tx, ctx.actor, id, day);
      const facts = { ...r.worker, blacklisted: r.blacklisted, lastEntryTrainingOn: r.lastEntryTrainingOn };
      for (const b of admissionBlocks(facts, day)) if (!reasons.has(b)) reasons.set(b, admissionBlockMessage(b, facts, day));
    }
    if (reasons.size > 0) {
      const blocks = [...reasons.keys()];
      throw new AppError("PRECONDITION_FAILED", `不能进场：${[...reasons.values()].join("；")}`, {
        blocks,
        issues: blocks.map((b) => ({ path: BLOCK_FIELD[b], message: reasons.get(b)!, code: b })),
      });
    }
    const [after] = await tx.update(W).set({ status: "entered", enteredOn: on, updatedAt: new Date() }).where(eq(W.id, id)).returning();
    await recordAudit(tx, ctx, { action: "workforce.worker.admitted", entity: "worker", entityId: id, before, after });
    return before.projectId;
  });
  ctx.events.publish("workforce.worker.admitted", { workerId: id, projectId, on });
  ctx.events.publish(ROSTER_CHANGED, { projectId });
  return getWorker(ctx.db, ctx.actor, id);
}

/**
 * 退场: any live status → exited on `on` (default today), not before the entry day; a registration
 * that never entered is closed the same way. The person may then enrol again (new 工号).
 * @throws AppError FORBIDDEN; NOT_FOUND; VALIDATION naming `on`; CONFLICT when already exited.
 */
export async function exitWorker(ctx: ServiceContext, id: string, input: { on?: string; reason?: string }): Promise<WorkerDto> {
  requirePermission(ctx.actor, "workforce.manage");
  const today = shanghaiDay();
  const on = input.on ?? today;
  const projectId = await ctx.db.transaction(async (tx) => {
    const before = await lockWorker(tx, ctx, id);
    assertTransition(before.status as WorkerStatus, "exited", "办理退场");
    assertDay("on", on, today, { day: before.enteredOn, what: "进场日期" });
    const [after] = await tx
      .update(W)
      .set({ status: "exited", exitedOn: on, exitReason: input.reason ?? null, updatedAt: new Date() })
      .where(eq(W.id, id))
      .returning();
    await recordAudit(tx, ctx, { action: "workforce.worker.exited", entity: "worker", entityId: id, before, after });
    return before.projectId;
  });
  ctx.events.publish("workforce.worker.exited", { workerId: id, projectId, on, reason: input.reason ?? null });
  ctx.events.publish(ROSTER_CHANGED, { projectId });
  return getWorker(ctx.db, ctx.actor, id);
}

/**
 * Stores the enrolment photo (the face the gates learn). The image is checked and written first; a
 * failed transaction leaves an unreferenced file, never a reference to a missing one.
 * @throws AppError FORBIDDEN; NOT_FOUND; VALIDATION naming `file` (not a JPEG/PNG, too large); CONFLICT once exited.
 */
export async function setWorkerPhoto(ctx: ServiceContext, id: string, bytes: Buffer): Promise<WorkerDto> {
  requirePermission(ctx.actor, "workforce.manage");
  const current = await workerRow(ctx.db, ctx.actor, id);
  if (current.worker.status === "exited") throw closedEnrolment();
  const path = await ctx.files.saveImage("photos", bytes, "file");
  const projectId = await ctx.db.transaction(async (tx) => {
    const before = await lockWorker(tx, ctx, id);
    if (before.status === "exited") throw closedEnrolment();
    await tx.update(W).set({ photoPath: path, updatedAt: new Date() }).where(eq(W.id, id));
    await recordAudit(tx, ctx, { action: "workforce.worker.photoChanged", entity: "worker", entityId: id, before: { photoPath: before.photoPath }, after: { photoPath: path } });
    return before.projectId;
  });
  ctx.events.publish("workforce.worker.photoChanged", { workerId: id, projectId });
  ctx.events.publish(ROSTER_CHANGED, { projectId });
  return getWorker(ctx.db, ctx.actor, id);
}

/** Records one full view of a worker's personal data; the view is answered only if the entry commits. */
async function auditFullView(ctx: ServiceContext, id: string, fields: string[]): Promise<void> {
  await ctx.db.transaction((tx) => recordAudit(tx, ctx, { action: "workforce.worker.viewedFull", entity: "worker", entityId: id, after: { fields } }));
}

/**
 * The unmasked worker (ID number, bank card, mobile); every call is audited.
 * @throws AppError FORBIDDEN without `workforce.sensitive`; NOT_FOUND outside the scope.
 */
export async function viewWorkerFull(ctx: ServiceContext, id: string): Promise<WorkerFullDto> {
  requirePermission(ctx.actor, "workforce.read");
  requirePermission(ctx.actor, "workforce.sensitive");
  const row = await workerRow(ctx.db, ctx.actor, id);
  await auditFullView(ctx, id, ["idNumber", "bankCard", "mobile"]);
  return toWorkerFullDto(row);
}

/**
 * The enrolment photo; every call is audited as a full view.
 * @throws AppError FORBIDDEN without `workforce.sensitive`; NOT_FOUND outside the scope or without a photo.
 */
export async function viewWorkerPhoto(ctx: ServiceContext, id: string): Promise<{ bytes: Buffer; type: string }> {
  requirePermission(ctx.actor, "workforce.read");
  requirePermission(ctx.actor, "workforce.sensitive");
  const row = await workerRow(ctx.db, ctx.actor, id);
  if (!row.worker.photoPath) throw notFound("photo of worker", id);
  const image = await ctx.files.read(row.worker.photoPath);
  await auditFullView(ctx, id, ["photo"]);
  return image;
}

