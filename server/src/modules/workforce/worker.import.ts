import { and, eq, ne, sql } from "drizzle-orm";
import { requirePermission } from "../../platform/auth/actor.js";
import type { ServiceContext } from "../../platform/context.js";
import type { Executor, Tx } from "../../platform/db/client.js";
import { conflict } from "../../platform/errors.js";
import type { EventBus } from "../../platform/events/bus.js";
import { startImport } from "../../platform/excel/import-job.js";
import { assertProjectVisible, enterprisesView, participantsOf, personsView, registerPersonsIn } from "../registry/index.js";
import { workforceTeams as T, workforceWorkers as W } from "./schema.js";
import { EMPLOYER_ROLES } from "./team.service.js";
import { parseRosterSheet, type RosterImportRow, type RosterLookups } from "./worker.sheet.js";
import { allocateWorkerNos, ROSTER_CHANGED } from "./worker.service.js";

const E = enterprisesView();
const PE = personsView();

/**
 * Roster import (花名册导入) through the platform's one import mechanism: a background job that checks the
 * whole sheet, refuses it whole listing every bad row, else writes every row in one transaction with
 * progress. New people go into the personnel registry (name + ID number; gender and birth date derived),
 * missing teams are created, each worker gets the next 工号.
 */

function lookupsFor(db: Executor, projectId: string): RosterLookups {
  return {
    async persons(idNumbers) {
      if (idNumbers.length === 0) return new Map();
      // At most one live enrolment per person and project (unique index), so the join adds no rows.
      const rows = await db
        .select({ id: PE.id, idNumber: PE.idNumber, name: PE.name, enrolledHere: sql<boolean>`${W.id} is not null` })
        .from(PE)
        .leftJoin(W, and(eq(W.personId, PE.id), eq(W.projectId, projectId), ne(W.status, "exited")))
        .where(sql`${PE.idNumber} = any(${sql.param(idNumbers)}::text[])`);
      return new Map(rows.map((r) => [r.idNumber, r]));
    },
    async employers(codes) {
      if (codes.length === 0) return new Map();
      const employing = new Set((await participantsOf(db, projectId)).filter((p) => EMPLOYER_ROLES.includes(p.role)).map((p) => p.enterpriseId));
      const rows = await db
        .select({ id: E.id, code: E.creditCode })
        .from(E)
        .where(sql`${E.creditCode} = any(${sql.param(codes)}::text[])`);
      return new Map(rows.map((r) => [r.code, { ...r, mayEmploy: employing.has(r.id) }]));
    },
    async teams() {
      const rows = await db.select({ name: T.name, employerId: T.employerId }).from(T).where(eq(T.projectId, projectId));
      return new Map(rows.map((r) => [r.name, r]));
    },
  };
}

const changedMeanwhile = () => conflict("导入期间花名册或人员库被其他用户修改，请重新导入 (the roster or registry changed meanwhile; import again)");

/** Writes one chunk inside the import's transaction; any race with another writer rolls the whole import back. */
async function insertChunk(tx: Tx, projectId: string, rows: RosterImportRow[]): Promise<number> {
  const fresh = rows.filter((r) => r.personId === null);
  const personIdOf = await registerPersonsIn(tx, fresh.map((r) => ({ name: r.name, idNumber: r.idNumber, employerId: r.employerId })));
  if (personIdOf.size !== fresh.length) throw changedMeanwhile();

  const teamNames = new Map<string, RosterImportRow>();
  for (const r of rows) if (r.teamName && !teamNames.has(r.teamName)) teamNames.set(r.teamName, r);
  let teamIdOf = new Map<string, string>();
  if (teamNames.size > 0) {
    await tx
      .insert(T)
      .values([...teamNames.values()].map((r) => ({ projectId, employerId: r.employerId, name: r.teamName!, trade: r.trade })))
      .onConflictDoNothing({ target: [T.projectId, T.name] });
    const teams = await tx
      .select({ id: T.id, name: T.name, employerId: T.employerId })
      .from(T)
      .where(and(eq(T.projectId, projectId), sql`${T.name} = any(${sql.param([...teamNames.keys()])}::text[])`));
    // A team created by someone else meanwhile for another employer: the sheet's check no longer holds.
    if (teams.some((t) => t.employerId !== teamNames.get(t.name)!.employerId)) throw changedMeanwhile();
    teamIdOf = new Map(teams.map((t) => [t.name, t.id]));
  }

  const numbers = await allocateWorkerNos(tx, rows.length);
  const inserted = await tx
    .insert(W)
    .values(
      rows.map((r, i) => ({
        workerNo: numbers[i],
        personId: r.personId ?? personIdOf.get(r.idNumber)!,
        projectId,
        employerId: r.employerId,
        teamId: r.teamName ? teamIdOf.get(r.teamName)! : null,
        trade: r.trade,
        isTeamLeader: r.isTeamLeader,
        contractSignedOn: r.contractSignedOn,
        contractStart: r.contractStart,
        contractEnd: r.contractEnd,
        wageStandard: r.wageStandard === null ? null : r.wageStandard.toFixed(2),
        wageUnit: r.wageUnit,
        bankName: r.bankName,
        bankCard: r.bankCard,
      })),
    )
    .onConflictDoNothing({ target: [W.personId, W.projectId], where: sql`status <> 'exited'` })
    .returning({ id: W.id });
  if (inserted.length !== rows.length) throw changedMeanwhile();
  return inserted.length;
}

/**
 * The import job publishes `workforce.worker.imported` {count} after its commit; the roster import adds
 * the project to it and tells the gates (ROSTER_CHANGED). Everything else is the caller's bus.
 */
function projectEvents(events: EventBus, projectId: string): EventBus {
  const bus = Object.create(events) as EventBus;
  bus.publish = (type, payload) => {
    events.publish(type, { ...payload, projectId });
    if (type === "workforce.worker.imported") events.publish(ROSTER_CHANGED, { projectId });
  };
  return bus;
}

/**
 * Imports a roster into a project; answers the job id at once (poll `GET /jobs/:id`).
 * @throws AppError FORBIDDEN without `workforce.manage`, NOT_FOUND outside the scope (both before the
 *   upload is read); VALIDATION naming `file`. Row problems fail the job with every bad row listed.
 */
export async function importRoster(ctx: ServiceContext, projectId: string, upload: () => Promise<Buffer>): Promise<{ jobId: string }> {
  requirePermission(ctx.actor, "workforce.manage");
  await assertProjectVisible(ctx.db, ctx.actor, projectId);
  return startImport({ ...ctx, events: projectEvents(ctx.events, projectId) }, upload, {
    kind: "workforce.worker",
    entity: "worker",
    parse: (buffer) => parseRosterSheet(buffer, lookupsFor(ctx.db, projectId)),
    insertChunk: (tx, rows) => insertChunk(tx, projectId, rows),
  });
}
