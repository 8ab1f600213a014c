import { and, asc, desc, eq, ilike, or, sql, type SQL } from "drizzle-orm";
import type { AnyPgColumn } from "drizzle-orm/pg-core";
import { maskIdNumber } from "@contracts/registry/identifiers";
import type { ListWorkersQuery, Trade, WorkerDto, WorkerFullDto, WorkerStatus } from "@contracts/workforce/workers";
import { requirePermission } from "../../platform/auth/actor.js";
import type { Actor } from "../../platform/context.js";
import type { Executor } from "../../platform/db/client.js";
import { andAll, likePattern, offsetOf, toPage, totalOver, type Page } from "../../platform/db/pagination.js";
import { notFound } from "../../platform/errors.js";
import { enterprisesView, personScope, personsView, projectScope, projectsView } from "../registry/index.js";
import { shanghaiDay } from "@contracts/platform/time";
import { workforceTeams as T, workforceWorkers as W } from "./schema.js";
import { admissionBlocks, maskBankCard, trainingValidOn } from "./worker.workflow.js";

const E = enterprisesView();
const PE = personsView();
const P = projectsView();

/**
 * Read side of the workers (实名制花名册). Each row carries the facts admission depends on (a valid
 * blacklist entry, the latest passed entry training) as correlated subqueries, so a page with its total
 * and every row's admission blocks is one statement. ID numbers leave here masked unless the actor may
 * read them; bank cards are always masked except in the audited full view.
 */

/** Export cap: a project roster is hundreds to a few thousand people. */
export const ROSTER_EXPORT_LIMIT = 50_000;


export const mayReadIdNumber = (actor: Actor) => actor.permissions.has("registry.person.readIdNumber");

/** SQL: the person has a city-wide blacklist entry in force on `day` (not revoked, within its validity). */
export function blacklistedOn(personId: AnyPgColumn | SQL, day: string): SQL<boolean> {
  return sql<boolean>`exists (select 1 from workforce_blacklist bl where bl.person_id = ${personId} and bl.revoked_at is null
    and bl.valid_from <= ${day}::date and (bl.valid_to is null or bl.valid_to >= ${day}::date))`;
}

/** SQL: the date of the person's latest passed entry training (入场三级安全教育), as text, or null. */
export function lastEntryTraining(personId: AnyPgColumn | SQL): SQL<string | null> {
  return sql<string | null>`(select max(tr.trained_on)::text from workforce_trainings tr
    where tr.person_id = ${personId} and tr.kind = 'entry_three_level' and tr.passed)`;
}

/**
 * People the actor may enrol, train or look up in this module: the registry's person scope, plus anyone
 * enrolled on a project the actor sees (a general contractor's view of its subcontractors' workers).
 */
export function workforcePersonScope(actor: Actor, personId: AnyPgColumn, employerId: AnyPgColumn): SQL | undefined {
  const registry = personScope(actor, personId, employerId);
  if (!registry) return undefined;
  return sql`(${registry} or exists (select 1 from workforce_workers vw where vw.person_id = ${personId} and ${projectScope(actor, sql`vw.project_id`)}))`;
}

function selectWorkers(db: Executor, day: string) {
  return db
    .select({
      worker: W,
      name: PE.name,
      idNumber: PE.idNumber,
      gender: PE.gender,
      birthDate: PE.birthDate,
      mobile: PE.mobile,
      projectName: P.name,
      employerName: E.name,
      teamName: T.name,
      blacklisted: blacklistedOn(W.personId, day),
      lastEntryTrainingOn: lastEntryTraining(W.personId),
      total: totalOver,
    })
    .from(W)
    .innerJoin(PE, eq(PE.id, W.personId))
    .innerJoin(P, eq(P.id, W.projectId))
    .innerJoin(E, eq(E.id, W.employerId))
    .leftJoin(T, eq(T.id, W.teamId));
}

/** One worker row with its person, project, employer, team and admission facts. */
export type WorkerRow = Awaited<ReturnType<typeof selectWorkers>>[number];

function toWorkerFull(r: WorkerRow, day: string): WorkerFullDto {
  const w = r.worker;
  const facts = { blacklisted: r.blacklisted, contractSignedOn: w.contractSignedOn, contractStart: w.contractStart, contractEnd: w.contractEnd, lastEntryTrainingOn: r.lastEntryTrainingOn };
  return {
    id: w.id,
    workerNo: w.workerNo,
    personId: w.personId,
    name: r.name,
    idNumber: r.idNumber,
    gender: r.gender,
    birthDate: r.birthDate,
    mobile: r.mobile,
    projectId: w.projectId,
    projectName: r.projectName,
    employerId: w.employerId,
    employerName: r.employerName,
    teamId: w.teamId,
    teamName: r.teamName,
    trade: w.trade as Trade,
    isTeamLeader: w.isTeamLeader,
    status: w.status as WorkerStatus,
    contractSignedOn: w.contractSignedOn,
    contractStart: w.contractStart,
    contractEnd: w.contractEnd,
    wageStandard: w.wageStandard === null ? null : Number(w.wageStandard),
    wageUnit: w.wageUnit,
    bankName: w.bankName,
    bankCard: w.bankCard,
    photoPath: w.photoPath,
    hasPhoto: w.photoPath !== null,
    trainingPassed: trainingValidOn(r.lastEntryTrainingOn, day),
    blacklisted: r.blacklisted,
    // An exited enrolment is closed: nothing can block an admission that will not happen.
    admissionBlocks: w.status === "exited" ? [] : admissionBlocks(facts, day),
    enteredOn: w.enteredOn,
    exitedOn: w.exitedOn,
    createdAt: w.createdAt.toISOString(),
    updatedAt: w.updatedAt.toISOString(),
  };
}

/** The list/detail DTO: bank card always masked, ID number masked unless `showIdNumber`. */
export function toWorkerDto(r: WorkerRow, day: string, showIdNumber: boolean): WorkerDto {
  const { birthDate: _b, mobile: _m, photoPath: _p, ...full } = toWorkerFull(r, day);
  return { ...full, idNumber: showIdNumber ? r.idNumber : maskIdNumber(r.idNumber), bankCard: maskBankCard(r.worker.bankCard) };
}

type WorkerFilters = Omit<ListWorkersQuery, "page" | "pageSize">;

const SORTABLE: Record<string, AnyPgColumn> = {
  workerNo: W.workerNo,
  name: PE.name,
  trade: W.trade,
  status: W.status,
  enteredOn: W.enteredOn,
  updatedAt: W.updatedAt,
};

function filteredWorkers(db: Executor, actor: Actor, q: WorkerFilters, day: string) {
  const text = q.q?.trim();
  const where = andAll([
    projectScope(actor, W.projectId),
    // A name fragment, or a whole 工号 or ID number (identifiers match exactly).
    text ? or(ilike(PE.name, likePattern(text)), eq(W.workerNo, text.toUpperCase()), eq(PE.idNumber, text.toUpperCase())) : undefined,
    q.projectId ? eq(W.projectId, q.projectId) : undefined,
    q.teamId ? eq(W.teamId, q.teamId) : undefined,
    q.employerId ? eq(W.employerId, q.employerId) : undefined,
    q.trade ? eq(W.trade, q.trade) : undefined,
    q.status ? eq(W.status, q.status) : undefined,
  ]);
  const sort = q.sort ?? "workerNo";
  const isDesc = sort.startsWith("-");
  const column = SORTABLE[isDesc ? sort.slice(1) : sort] ?? W.workerNo;
  return selectWorkers(db, day)
    .where(where)
    .orderBy(isDesc ? desc(column) : asc(column), asc(W.id));
}

/** One page of workers in the actor's scope (optionally of one project), with their admission blocks. */
export async function listWorkers(db: Executor, actor: Actor, q: ListWorkersQuery): Promise<Page<WorkerDto>> {
  requirePermission(actor, "workforce.read");
  const day = shanghaiDay();
  const rows = await filteredWorkers(db, actor, q, day).limit(q.pageSize).offset(offsetOf(q));
  const show = mayReadIdNumber(actor);
  return toPage(rows, q, (r) => toWorkerDto(r, day, show));
}

/** Every worker of a project matching the filters, for the roster export; masked as in the list. */
export async function workersForExport(db: Executor, actor: Actor, q: WorkerFilters): Promise<WorkerDto[]> {
  requirePermission(actor, "workforce.read");
  const day = shanghaiDay();
  const rows = await filteredWorkers(db, actor, q, day).limit(ROSTER_EXPORT_LIMIT);
  const show = mayReadIdNumber(actor);
  return rows.map((r) => toWorkerDto(r, day, show));
}

/**
 * The stored row of a worker in the actor's scope, with its admission facts on `day`.
 * @throws AppError NOT_FOUND when absent or outside the scope.
 */
export async function workerRow(db: Executor, actor: Actor, id: string, day = shanghaiDay()): Promise<WorkerRow> {
  const [row] = await selectWorkers(db, day).where(and(eq(W.id, id), projectScope(actor, W.projectId)));
  if (!row) throw notFound("worker", id);
  return row;
}

export async function getWorker(db: Executor, actor: Actor, id: string): Promise<WorkerDto> {
  requirePermission(actor, "workforce.read");
  const day = shanghaiDay();
  return toWorkerDto(await workerRow(db, actor, id, day), day, mayReadIdNumber(actor));
}

/** Unmasked: only the audited full view (worker.service `viewWorkerFull`) calls this. */
export function toWorkerFullDto(r: WorkerRow): WorkerFullDto {
  return toWorkerFull(r, shanghaiDay());
}
