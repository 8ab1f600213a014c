import { and, eq, ne } from "drizzle-orm";
import { CASE_GRADE_LABELS, OpenCaseInput, type CaseCategory, type CaseGrade } from "@contracts/cases/enums";
import type { InspectorDomain } from "@contracts/platform/auth";
import { shanghaiDay } from "@contracts/platform/time";
import { recordAudit } from "../../platform/audit/audit.js";
import { isCityWide } from "../../platform/auth/actor.js";
import type { Actor, ServiceContext } from "../../platform/context.js";
import type { Executor, Tx } from "../../platform/db/client.js";
import { invalid, invalidField, notFound } from "../../platform/errors.js";
import { ruleInForce } from "../../platform/rules/rules.js";
import { assertProjectVisible, enterpriseOf, generalContractorOf, projectOf } from "../registry/index.js";
import { nextCaseNo } from "./case-number.queries.js";
import { caseDeadlineRule, deadlineFrom } from "./case.rules.js";
import { CASES_NOTIFIED, insertNotifications, type NotifyTarget } from "./notification.service.js";
import { casesCases as C, casesEvents as E } from "./schema.js";

/** Who answers a case: the responsible unit's users and the project's own users; the whole project when no unit is named. */
export const responsibleTarget = (c: { projectId: string | null; enterpriseId: string | null }): NotifyTarget =>
  c.enterpriseId ? { enterpriseId: c.enterpriseId, projectUsersOf: c.projectId ?? undefined } : { projectId: c.projectId ?? undefined };

/** The inspectors' domain that answers for a category (the bureau side when no issuer is on record). */
const DOMAIN_OF: Record<CaseCategory, InspectorDomain | undefined> = {
  quality: "quality",
  safety: "safety",
  civilized: "safety",
  equipment: "safety",
  environment: "safety",
  testing: "testing",
  gas: "gas",
  other: undefined,
};

/** The bureau side of a case: its issuer, or — for cases a system source opened — the inspectors of its domain. */
export const bureauTarget = (c: { issuerId: string | null; category: string }): NotifyTarget =>
  c.issuerId ? { userIds: [c.issuerId] } : { roles: ["inspector"], domain: DOMAIN_OF[c.category as CaseCategory] };

/** The web path of a case, used in notifications and the notices' QR codes. */
export const caseLink = (id: string) => `/cases/${id}`;

async function openOf(tx: Executor, source: string, sourceRef: string) {
  const [row] = await tx
    .select({ id: C.id, no: C.no })
    .from(C)
    .where(and(eq(C.source, source), eq(C.sourceRef, sourceRef), ne(C.state, "closed")));
  return row;
}

/**
 * A case outside any project names its responsible enterprise, and an enterprise user may open one only for
 * its own enterprise (the bureau for any).
 */
function assertOffSiteSubject(actor: Actor, enterpriseId: string | null | undefined): void {
  if (!enterpriseId) throw invalidField("enterpriseId", "不属于在建工程的案件须指定责任单位 (a case outside a project names the responsible enterprise)");
  if (!isCityWide(actor) && actor.enterpriseId !== enterpriseId) throw notFound("enterprise", enterpriseId);
}

/**
 * Opens a case inside the caller's transaction (audited there). One open case per (source, sourceRef): if
 * one is open it is returned with created=false. The deadline defaults from the rule in force by grade.
 * Notifies the responsible enterprise's users and the project's users (inbox).
 * The caller authorises; the project must be inside the actor's scope.
 * @throws AppError VALIDATION naming the field; NOT_FOUND for a project out of scope.
 */
export async function openCase(
  tx: Tx,
  ctx: ServiceContext,
  raw: OpenCaseInput,
  opts: { inspectionId?: string } = {},
): Promise<{ id: string; no: string; created: boolean }> {
  const parsed = OpenCaseInput.safeParse(raw);
  if (!parsed.success) throw invalid(parsed.error.issues.map((i) => ({ path: i.path.join("."), message: i.message, code: i.code })));
  const input = parsed.data;
  const projectId = input.projectId ?? null;
  if (projectId) await assertProjectVisible(tx, ctx.actor, projectId);
  else assertOffSiteSubject(ctx.actor, input.enterpriseId);
  if (input.sourceRef) {
    const open = await openOf(tx, input.source, input.sourceRef);
    if (open) return { ...open, created: false };
  }
  // The unit a case goes to when the opener names none: the project's general contractor (施工总承包).
  const enterpriseId = input.enterpriseId ?? (projectId ? await generalContractorOf(tx, projectId) : null);
  let enterpriseName = "";
  if (input.enterpriseId) {
    const ent = await enterpriseOf(tx, input.enterpriseId);
    if (!ent) throw invalidField("enterpriseId", "责任单位不存在 (no such enterprise)");
    enterpriseName = ent.name;
  }
  const now = ctx.clock.now();
  let deadline: Date;
  if (input.deadline) {
    deadline = new Date(input.deadline);
    if (deadline.getTime() <= now.getTime()) throw invalidField("deadline", "整改期限须晚于现在 (the deadline must be in the future)");
  } else {
    const rule = await ruleInForce(tx, caseDeadlineRule, ctx.region, shanghaiDay(now));
    deadline = deadlineFrom(rule.value, input.grade, now);
  }
  const no = await nextCaseNo(tx, now);
  const [row] = await tx
    .insert(C)
    .values({
      no,
      projectId,
      enterpriseId,
      inspectionId: opts.inspectionId ?? null,
      source: input.source,
      sourceRef: input.sourceRef ?? null,
      category: input.category,
      grade: input.grade,
      title: input.title,
      description: input.description,
      location: input.location,
      legalBasis: input.legalBasis,
      photoIds: input.photoIds,
      deadline,
      issuerId: ctx.actor.userId,
      issuerName: ctx.actor.displayName,
    })
    // Another transaction opened the same (source, sourceRef) meanwhile: the partial unique index holds, return that one.
    .onConflictDoNothing()
    .returning();
  if (!row) {
    const open = input.sourceRef ? await openOf(tx, input.source, input.sourceRef) : undefined;
    if (open) return { ...open, created: false };
    throw invalidField("sourceRef", "案件已存在 (a case for this source is already open)");
  }
  await tx.insert(E).values({ caseId: row.id, actorId: ctx.actor.userId, actorName: ctx.actor.displayName, action: "opened", toState: row.state, note: input.description, photoIds: input.photoIds });
  await recordAudit(tx, ctx, { action: "cases.case.opened", entity: "case", entityId: row.id, after: row });
  const project = projectId ? await projectOf(tx, projectId) : undefined;
  const ids = await insertNotifications(tx, responsibleTarget(row), {
    kind: "case.opened",
    title: `${gradeWord(input.grade)}整改通知 ${no}：${input.title}`,
    body: `${project?.name ?? enterpriseName}，整改期限 ${shanghaiDay(deadline)}`,
    link: caseLink(row.id),
    caseId: row.id,
  });
  if (ids.length > 0) ctx.events.publish(CASES_NOTIFIED, { notificationIds: ids });
  return { id: row.id, no, created: true };
}

const gradeWord = (g: CaseGrade) => (g === "major" ? `【${CASE_GRADE_LABELS.major.zh}】` : "");
