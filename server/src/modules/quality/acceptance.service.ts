import { and, eq } from "drizzle-orm";
import { MILESTONE_LABELS, type AcceptanceDto, type CreateAcceptanceInput, type Milestone, type SignAcceptanceInput } from "@contracts/quality/acceptance";
import { requirePermission } from "../../platform/auth/actor.js";
import { recordAudit } from "../../platform/audit/audit.js";
import type { ServiceContext } from "../../platform/context.js";
import { isUniqueViolation } from "../../platform/db/pg-errors.js";
import { AppError, conflict, forbidden, invalid, notFound } from "../../platform/errors.js";
import { openMajorCaseCount } from "../cases/index.js";
import { assertProjectVisible, participantsOf, projectScope, projectsView } from "../registry/index.js";
import { milestoneMayOpen, missingParties, signingRole } from "./acceptance.checks.js";
import { getAcceptance } from "./acceptance.queries.js";
import { qualityAcceptances as A, type AcceptanceSignoff } from "./schema.js";

const P = projectsView();

export const ACCEPTANCE_OPENED = "quality.acceptance.opened";
export const ACCEPTANCE_SIGNED = "quality.acceptance.signed";
export const ACCEPTANCE_ACCEPTED = "quality.acceptance.accepted";

const duplicate = (m: Milestone) =>
  conflict(`本项目已有${MILESTONE_LABELS[m].zh}验收 (this milestone is already open or accepted)`, { issues: [{ path: "milestone", message: "already exists" }] });

/**
 * Opens a milestone acceptance (分部/竣工验收) of a project, planned for a day. 竣工验收 needs 地基与基础 and
 * 主体结构 accepted first; each milestone exists once per project.
 * @throws AppError FORBIDDEN without `quality.acceptance.sign`; NOT_FOUND out of scope; VALIDATION on
 * `milestone` out of order; CONFLICT when the milestone already exists.
 */
export async function openAcceptance(ctx: ServiceContext, projectId: string, input: CreateAcceptanceInput): Promise<AcceptanceDto> {
  requirePermission(ctx.actor, "quality.acceptance.sign");
  const id = await ctx.db
    .transaction(async (tx) => {
      await assertProjectVisible(tx, ctx.actor, projectId);
      const existing = await tx.select({ milestone: A.milestone, state: A.state }).from(A).where(eq(A.projectId, projectId));
      if (existing.some((a) => a.milestone === input.milestone)) throw duplicate(input.milestone);
      const order = milestoneMayOpen(input.milestone, existing);
      if (!order.ok) throw invalid([{ path: order.path, message: order.message }]);
      const [row] = await tx.insert(A).values({ projectId, milestone: input.milestone, plannedOn: input.plannedOn }).returning();
      await recordAudit(tx, ctx, { action: "quality.acceptance.opened", entity: "acceptance", entityId: row.id, after: row });
      return row.id;
    })
    .catch((err: unknown) => {
      throw isUniqueViolation(err) ? duplicate(input.milestone) : err;
    });
  ctx.events.publish(ACCEPTANCE_OPENED, { acceptanceId: id, projectId, milestone: input.milestone });
  return getAcceptance(ctx.db, ctx.actor, id);
}

/**
 * One party's sign-off (建设/施工总承包/监理, plus 勘察 and 设计 for 地基与基础 and 竣工验收), by a user of the
 * enterprise holding that role on the project; each party signs once. Refused while the project has open
 * major (重大) cases. The last required signature makes the milestone accepted.
 * @throws AppError FORBIDDEN without `quality.acceptance.sign` or an enterprise; NOT_FOUND out of scope;
 * PRECONDITION_FAILED while major cases are open; VALIDATION on `role`; CONFLICT when already signed or accepted.
 */
export async function signAcceptance(ctx: ServiceContext, id: string, input: SignAcceptanceInput): Promise<AcceptanceDto> {
  requirePermission(ctx.actor, "quality.acceptance.sign");
  const enterpriseId = ctx.actor.enterpriseId;
  const outcome = await ctx.db.transaction(async (tx) => {
    const [row] = await tx
      .select({ acceptance: A })
      .from(A)
      .innerJoin(P, eq(P.id, A.projectId))
      .where(and(eq(A.id, id), projectScope(ctx.actor, A.projectId)))
      .for("update", { of: A });
    if (!row) throw notFound("acceptance", id);
    const before = row.acceptance;
    if (!enterpriseId) throw forbidden("验收须由参建单位的用户签署 (only a user of a participating enterprise signs)");
    if (before.state === "accepted") throw conflict("该节点已验收通过 (already accepted)");
    const majors = await openMajorCaseCount(tx, before.projectId);
    if (majors > 0) {
      throw new AppError("PRECONDITION_FAILED", `本项目尚有 ${majors} 项重大隐患/问题未销项，不能签署验收 (${majors} open major cases)`, { openMajorCases: majors });
    }
    const held = await participantsOf(tx, before.projectId, enterpriseId);
    const milestone = before.milestone as Milestone;
    const verdict = signingRole(
      milestone,
      held.map((h) => h.role),
      before.signoffs,
      input.role,
    );
    if (!verdict.ok) {
      const issues = [{ path: verdict.path, message: verdict.message }];
      throw verdict.conflict ? conflict(verdict.message, { issues }) : invalid(issues);
    }
    const signoff: AcceptanceSignoff = { role: verdict.value, enterpriseId, signerName: ctx.actor.displayName, opinion: input.opinion, signedAt: new Date().toISOString() };
    const signoffs = [...before.signoffs, signoff];
    const accepted = missingParties(milestone, signoffs).length === 0;
    const [after] = await tx
      .update(A)
      .set({ signoffs, updatedAt: new Date(), ...(accepted ? { state: "accepted", acceptedAt: new Date() } : {}) })
      .where(eq(A.id, id))
      .returning();
    await recordAudit(tx, ctx, { action: "quality.acceptance.signed", entity: "acceptance", entityId: id, before, after });
    if (accepted) await recordAudit(tx, ctx, { action: "quality.acceptance.accepted", entity: "acceptance", entityId: id, after });
    return { projectId: before.projectId, milestone, role: verdict.value, accepted };
  });
  ctx.events.publish(ACCEPTANCE_SIGNED, { acceptanceId: id, projectId: outcome.projectId, role: outcome.role });
  if (outcome.accepted) ctx.events.publish(ACCEPTANCE_ACCEPTED, { acceptanceId: id, projectId: outcome.projectId, milestone: outcome.milestone });
  return getAcceptance(ctx.db, ctx.actor, id);
}
