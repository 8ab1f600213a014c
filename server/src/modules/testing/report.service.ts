import { and, eq, type SQL } from "drizzle-orm";
import { maskPersonName } from "@contracts/registry/identifiers";
import type { Conclusion, SampleType } from "@contracts/testing/enums";
import type { IssueReportInput, PublicReportDto, ReportDto, ReviseReportInput, Signers } from "@contracts/testing/result";
import { requirePermission } from "../../platform/auth/actor.js";
import { recordAudit } from "../../platform/audit/audit.js";
import type { Actor, ServiceContext } from "../../platform/context.js";
import type { Executor } from "../../platform/db/client.js";
import { AppError, conflict, invalidField, notFound } from "../../platform/errors.js";
import { enterprisesView, personsView, projectsView } from "../registry/index.js";
import { commissionScope } from "./commission.scope.js";
import { agencyScope } from "./result.service.js";
import { testingCommissions as C, testingReports as REP, testingResults as R } from "./schema.js";
import { newReportNo, newVerifyCode, normaliseVerifyCode, verifyPathOf } from "./testing-code.calc.js";

const E = enterprisesView();
const P = projectsView();

/**
 * Reports (检测报告) and their anti-forgery check. The agency issues a report on a result with its three
 * signers (57号令: tester, reviewer, approver); the report gets a number and a random verify code whose
 * QR leads to the public verify page. A report is never silently changed: every change after issue needs
 * a reason, bumps the revision, is kept in the report's history and audited — and the public page shows it.
 */

type ReportRow = typeof REP.$inferSelect;

function selectReports(db: Executor) {
  return db.select({ rep: REP, commissionId: C.id, projectId: C.projectId }).from(REP).innerJoin(R, eq(R.id, REP.resultId)).innerJoin(C, eq(C.id, R.commissionId));
}

const toDto = (x: { rep: ReportRow; commissionId: string; projectId: string }): ReportDto => ({
  id: x.rep.id,
  reportNo: x.rep.reportNo,
  verifyCode: x.rep.verifyCode,
  verifyPath: verifyPathOf(x.rep.verifyCode),
  resultId: x.rep.resultId,
  commissionId: x.commissionId,
  projectId: x.projectId,
  conclusion: x.rep.conclusion as Conclusion,
  signers: x.rep.signers,
  issuedAt: x.rep.issuedAt.toISOString(),
  revision: x.rep.revision,
  revisions: x.rep.revisions,
});

/** @throws AppError NOT_FOUND when absent or outside the actor's scope. */
export async function getReport(db: Executor, actor: Actor, id: string): Promise<ReportDto> {
  requirePermission(actor, "testing.read");
  const [row] = await selectReports(db).where(and(eq(REP.id, id), commissionScope(actor)));
  if (!row) throw notFound("report", id);
  return toDto(row);
}

/**
 * Issues the report of a result (once per result) by the agency that tested it.
 * @throws AppError FORBIDDEN; NOT_FOUND; CONFLICT when the result has a report already.
 */
export async function issueReport(ctx: ServiceContext, resultId: string, input: IssueReportInput): Promise<ReportDto> {
  requirePermission(ctx.actor, "testing.report");
  const dto = await ctx.db.transaction(async (tx) => {
    const [res] = await tx
      .select({ r: R, c: C })
      .from(R)
      .innerJoin(C, eq(C.id, R.commissionId))
      .where(and(eq(R.id, resultId), agencyScope(ctx.actor)))
      .for("update", { of: R });
    if (!res) throw notFound("result", resultId);
    const [existing] = await tx.select({ reportNo: REP.reportNo }).from(REP).where(eq(REP.resultId, resultId));
    if (existing) throw conflict(`该结果已出具报告 ${existing.reportNo}；修改请修订报告 (a report exists; revise it instead)`);
    let row: ReportRow | undefined;
    // A colliding random number or code is astronomically rare; a fresh draw settles it.
    for (let attempt = 0; !row && attempt < 3; attempt++) {
      [row] = await tx
        .insert(REP)
        .values({ reportNo: newReportNo(), verifyCode: newVerifyCode(), resultId, conclusion: res.r.pass ? "pass" : "fail", signers: input.signers })
        .onConflictDoNothing()
        .returning();
    }
    if (!row) throw new AppError("INTERNAL", "could not draw a unique report number");
    await tx.update(C).set({ state: "reported", updatedAt: new Date() }).where(eq(C.id, res.c.id));
    await recordAudit(tx, ctx, { action: "testing.report.issued", entity: "testing_report", entityId: row.id, after: row });
    return toDto({ rep: row, commissionId: res.c.id, projectId: res.c.projectId });
  });
  ctx.events.publish("testing.report.issued", { reportId: dto.id, resultId, projectId: dto.projectId });
  return dto;
}

const sameSigners = (a: Signers, b: Signers) => a.tester === b.tester && a.reviewer === b.reviewer && a.approver === b.approver;

/**
 * Changes an issued report: a new revision with its reason and what changed, kept in the report and audited.
 * @throws AppError FORBIDDEN; NOT_FOUND; VALIDATION naming `conclusion` when nothing would change.
 */
export async function reviseReport(ctx: ServiceContext, id: string, input: ReviseReportInput): Promise<ReportDto> {
  requirePermission(ctx.actor, "testing.report");
  const dto = await ctx.db.transaction(async (tx) => {
    const [cur] = await selectReports(tx)
      .where(and(eq(REP.id, id), agencyScope(ctx.actor)))
      .for("update", { of: REP });
    if (!cur) throw notFound("report", id);
    const before = cur.rep;
    const changes: Record<string, { from: unknown; to: unknown }> = {};
    if (input.conclusion && input.conclusion !== before.conclusion) changes.conclusion = { from: before.conclusion, to: input.conclusion };
    if (input.signers && !sameSigners(input.signers, before.signers)) changes.signers = { from: before.signers, to: input.signers };
    if (Object.keys(changes).length === 0) throw invalidField("conclusion", "没有需要修订的内容 (nothing would change)");
    const revision = before.revision + 1;
    const entry = { revision, at: new Date().toISOString(), by: ctx.actor.displayName, reason: input.reason, changes };
    const [row] = await tx
      .update(REP)
      .set({
        conclusion: input.conclusion ?? before.conclusion,
        signers: input.signers ?? before.signers,
        revision,
        revisions: [...before.revisions, entry],
        updatedAt: new Date(),
      })
      .where(eq(REP.id, id))
      .returning();
    await recordAudit(tx, ctx, { action: "testing.report.revised", entity: "testing_report", entityId: id, before, after: row });
    return toDto({ rep: row, commissionId: cur.commissionId, projectId: cur.projectId });
  });
  ctx.events.publish("testing.report.revised", { reportId: id, revision: dto.revision, projectId: dto.projectId });
  return dto;
}

const W = personsView("witness");

/** A report's key data as the public sees it (no signers, no revisers), or undefined when none matches. */
async function publicReportWhere(db: Executor, where: SQL): Promise<PublicReportDto | undefined> {
  const [row] = await db
    .select({ rep: REP, r: R, c: C, projectName: P.name, agencyName: E.name, witnessName: W.name })
    .from(REP)
    .innerJoin(R, eq(R.id, REP.resultId))
    .innerJoin(C, eq(C.id, R.commissionId))
    .innerJoin(P, eq(P.id, C.projectId))
    .innerJoin(E, eq(E.id, C.agencyId))
    .leftJoin(W, eq(W.id, C.witnessPersonId))
    .where(where);
  if (!row) return undefined;
  return {
    genuine: true,
    reportNo: row.rep.reportNo,
    projectName: row.projectName,
    agencyName: row.agencyName,
    sampleType: row.c.sampleType as SampleType,
    strengthClass: row.c.strengthClass,
    lotNo: row.c.lotNo,
    part: row.c.part,
    witnessed: row.c.witnessed,
    witnessName: row.witnessName,
    testedOn: row.r.testedOn,
    conclusion: row.rep.conclusion as Conclusion,
    issuedAt: row.rep.issuedAt.toISOString(),
    revision: row.rep.revision,
    revisions: row.rep.revisions.map(({ revision, at, reason, changes }) => ({ revision, at, reason, changes })),
  };
}

/**
 * What the public verify page shows for a code: the report is genuine and its key data, with every
 * revision's reason (who revised it stays internal). No login, no scope: the code is the secret.
 * Anyone holding a copy of the report opens it, so it names no person: the witness and any signer a
 * revision changed show by their first character only (张*); the printed report carries the names.
 * @throws AppError NOT_FOUND with a clear message for an unknown code.
 */
export async function verifyReport(db: Executor, rawCode: string): Promise<PublicReportDto> {
  const found = await publicReportWhere(db, eq(REP.verifyCode, normaliseVerifyCode(rawCode)));
  if (!found) throw new AppError("NOT_FOUND", "未找到该报告，可能不是本平台出具的真实报告 (no report with this verify code: it may not be genuine)");
  return {
    ...found,
    witnessName: found.witnessName === null ? null : maskPersonName(found.witnessName),
    revisions: found.revisions.map((r) => ({ ...r, changes: maskSignerChanges(r.changes) })),
  };
}

/** A revision's `signers: {from, to}` change with every name masked; other changes as they are. */
function maskSignerChanges(changes: Record<string, unknown>): Record<string, unknown> {
  const signers = changes.signers as { from: Signers; to: Signers } | undefined;
  if (!signers) return changes;
  const mask = (s: Signers): Signers => ({ tester: maskPersonName(s.tester), reviewer: maskPersonName(s.reviewer), approver: maskPersonName(s.approver) });
  return { ...changes, signers: { from: mask(signers.from), to: mask(signers.to) } };
}

/** The same key data for a report the caller has already been allowed to read (the printed report). */
export async function publicReportOf(db: Executor, id: string): Promise<PublicReportDto> {
  const found = await publicReportWhere(db, eq(REP.id, id));
  if (!found) throw notFound("report", id);
  return found;
}
