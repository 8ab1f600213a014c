import { and, desc, eq, isNull, ne, sql } from "drizzle-orm";
import {
  CERTIFICATE_KIND_LABELS,
  LIVE_PROJECT_STATUSES,
  PARTICIPANT_ROLE_LABELS,
  POST_LABELS,
  POST_REQUIREMENTS,
  QUALIFIED_PARTICIPANT_ROLES,
  type CertificateKind,
  type ParticipantRole,
  type Post,
} from "@contracts/registry/enums";
import type { AddParticipantInput, AssignPostInput, EndPostInput, ParticipantDto, PostDto } from "@contracts/registry/project";
import { requirePermission } from "../../platform/auth/actor.js";
import { recordAudit } from "../../platform/audit/audit.js";
import type { ServiceContext } from "../../platform/context.js";
import type { Executor } from "../../platform/db/client.js";
import { AppError, conflict, invalidField, notFound } from "../../platform/errors.js";
import { isValidOn, todayInShanghai } from "./expiry.checks.js";
import { lockProject, touchProject } from "./project.service.js";
import {
  registryCertificates,
  registryEnterprises,
  registryPersons,
  registryProjectParticipants as PP,
  registryProjectPosts as PO,
  registryProjects,
  registryQualifications,
} from "./schema.js";

/**
 * Participants (参建单位) and key posts (关键岗位) of a project, and the rules that bind them: qualified
 * enterprises, certified post holders employed by a participant in the right role, one project
 * manager per live project and one live project per project manager.
 */

/** A rule failure that names the offending input field, so the web can show it next to the field. */
const precondition = (path: string, message: string, extra: Record<string, unknown> = {}) =>
  new AppError("PRECONDITION_FAILED", message, { issues: [{ path, message }], ...extra });

/** Posts a project has at most one current holder of. */
const SINGLE_HOLDER_POSTS: readonly Post[] = ["project_manager", "chief_supervisor"];

/** Whether the enterprise may join in `role`: it exists, is in normal standing and, where required, holds a valid qualification. */
async function assertEnterpriseMayJoin(tx: Executor, enterpriseId: string, role: ParticipantRole) {
  const [e] = await tx.select().from(registryEnterprises).where(eq(registryEnterprises.id, enterpriseId));
  if (!e) throw new AppError("NOT_FOUND", `企业不存在 (enterprise ${enterpriseId} not found)`, { issues: [{ path: "enterpriseId", message: "not found" }] });
  if (e.status !== "normal") {
    throw precondition("enterpriseId", `企业「${e.name}」状态异常，不能参建 (enterprise status is ${e.status}, not normal)`);
  }
  if (!QUALIFIED_PARTICIPANT_ROLES.includes(role)) return e;
  const [q] = await tx
    .select({ expiresOn: registryQualifications.expiresOn })
    .from(registryQualifications)
    .where(eq(registryQualifications.enterpriseId, enterpriseId))
    .orderBy(desc(registryQualifications.expiresOn))
    .limit(1);
  const roleLabel = PARTICIPANT_ROLE_LABELS[role];
  if (!q) {
    throw precondition("enterpriseId", `企业「${e.name}」无资质，不能担任${roleLabel.zh} (no qualification on record for ${roleLabel.en})`);
  }
  if (!isValidOn(q.expiresOn, todayInShanghai())) {
    throw precondition("enterpriseId", `企业「${e.name}」资质已于 ${q.expiresOn} 过期，不能担任${roleLabel.zh} (qualification expired on ${q.expiresOn})`);
  }
  return e;
}

/**
 * Adds a participating enterprise in a role (bureau only).
 * @throws AppError FORBIDDEN; NOT_FOUND; PRECONDITION_FAILED naming `enterpriseId`; CONFLICT when it already takes part in that role.
 */
export async function addParticipant(ctx: ServiceContext, projectId: string, input: AddParticipantInput): Promise<ParticipantDto> {
  requirePermission(ctx.actor, "registry.project.create");
  const dto = await ctx.db.transaction(async (tx) => {
    await lockProject(tx, ctx, projectId);
    const e = await assertEnterpriseMayJoin(tx, input.enterpriseId, input.role);
    const [dup] = await tx
      .select({ id: PP.id })
      .from(PP)
      .where(and(eq(PP.projectId, projectId), eq(PP.enterpriseId, input.enterpriseId), eq(PP.role, input.role)));
    if (dup) {
      throw conflict(`企业「${e.name}」已是本项目的${PARTICIPANT_ROLE_LABELS[input.role].zh} (already a participant in this role)`, {
        issues: [{ path: "enterpriseId", message: "already a participant in this role" }],
      });
    }
    // The project row lock serialises participant writes per project, so this pre-check cannot race.
    const [row] = await tx.insert(PP).values({ projectId, enterpriseId: input.enterpriseId, role: input.role }).returning();
    await touchProject(tx, projectId);
    await recordAudit(tx, ctx, { action: "registry.participant.added", entity: "project", entityId: projectId, after: row });
    return { id: row.id, enterpriseId: e.id, enterpriseName: e.name, creditCode: e.creditCode, role: input.role };
  });
  ctx.events.publish("registry.participant.added", { projectId, participantId: dto.id, enterpriseId: dto.enterpriseId, role: dto.role });
  return dto;
}

/**
 * Removes a participant (bureau only). Refused while people of that enterprise hold current posts that
 * depend on this role (they would be left without a qualifying employer).
 * @throws AppError FORBIDDEN; NOT_FOUND; CONFLICT listing the posts still held.
 */
export async function removeParticipant(ctx: ServiceContext, projectId: string, participantId: string): Promise<void> {
  requirePermission(ctx.actor, "registry.project.create");
  await ctx.db.transaction(async (tx) => {
    await lockProject(tx, ctx, projectId);
    const [row] = await tx.select().from(PP).where(and(eq(PP.id, participantId), eq(PP.projectId, projectId)));
    if (!row) throw notFound("participant", participantId);
    const otherRoles = await tx
      .select({ role: PP.role })
      .from(PP)
      .where(and(eq(PP.projectId, projectId), eq(PP.enterpriseId, row.enterpriseId), ne(PP.id, row.id)));
    const remaining = new Set(otherRoles.map((r) => r.role as ParticipantRole));
    const held = await tx
      .select({ post: PO.post, personName: registryPersons.name })
      .from(PO)
      .innerJoin(registryPersons, eq(registryPersons.id, PO.personId))
      .where(and(eq(PO.projectId, projectId), eq(PO.enterpriseId, row.enterpriseId), isNull(PO.endedOn)));
    const orphaned = held.filter((h) => !POST_REQUIREMENTS[h.post as Post].roles.some((r) => remaining.has(r)));
    if (orphaned.length > 0) {
      const list = orphaned.map((h) => `${h.personName}（${POST_LABELS[h.post as Post].zh}）`).join("、");
      throw conflict(`该单位人员仍在本项目任职：${list}，请先结束任职 (end these posts first: ${orphaned.map((h) => h.post).join(", ")})`, {
        posts: orphaned,
      });
    }
    await tx.delete(PP).where(eq(PP.id, row.id));
    await touchProject(tx, projectId);
    await recordAudit(tx, ctx, { action: "registry.participant.removed", entity: "project", entityId: projectId, before: row });
  });
  ctx.events.publish("registry.participant.removed", { projectId, participantId });
}

/** Required certificates the person lacks or holds only expired, as zh+en phrases (empty when all are valid). */
async function missingCertificates(tx: Executor, personId: string, kinds: readonly CertificateKind[], today: string): Promise<string[]> {
  if (kinds.length === 0) return [];
  const certs = await tx
    .select({ kind: registryCertificates.kind, expiresOn: registryCertificates.expiresOn })
    .from(registryCertificates)
    .where(eq(registryCertificates.personId, personId));
  const problems: string[] = [];
  for (const kind of kinds) {
    const mine = certs.filter((c) => c.kind === kind);
    const label = CERTIFICATE_KIND_LABELS[kind];
    if (mine.length === 0) problems.push(`缺少${label.zh} (missing ${label.en})`);
    else if (!mine.some((c) => isValidOn(c.expiresOn, today))) {
      const latest = mine.map((c) => c.expiresOn).sort().at(-1);
      problems.push(`${label.zh}已于 ${latest} 过期 (${label.en} expired on ${latest})`);
    }
  }
  return problems;
}

/** A live project (other than this one) the person currently manages, if any. */
async function otherLiveManagedProject(tx: Executor, personId: string, projectId: string) {
  const [other] = await tx
    .select({ id: registryProjects.id, code: registryProjects.code, name: registryProjects.name })
    .from(PO)
    .innerJoin(registryProjects, eq(registryProjects.id, PO.projectId))
    .where(
      and(
        eq(PO.personId, personId),
        eq(PO.post, "project_manager"),
        isNull(PO.endedOn),
        ne(PO.projectId, projectId),
        sql`${registryProjects.status} = any(${sql.param([...LIVE_PROJECT_STATUSES])}::text[])`,
      ),
    )
    .limit(1);
  return other;
}

/**
 * Appoints a person to a key post. Checks and insert share one transaction; the project row lock and a
 * per-person advisory lock keep two concurrent appointments from both passing the uniqueness rules.
 * @throws AppError FORBIDDEN; NOT_FOUND; PRECONDITION_FAILED naming `personId` (employer, certificates); CONFLICT (other live project, post taken).
 */
export async function assignPost(ctx: ServiceContext, projectId: string, input: AssignPostInput): Promise<PostDto> {
  requirePermission(ctx.actor, "registry.project.update");
  const today = todayInShanghai();
  const dto = await ctx.db.transaction(async (tx) => {
    await lockProject(tx, ctx, projectId);
    await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${input.personId}))`);
    const [person] = await tx
      .select({ id: registryPersons.id, name: registryPersons.name, employerId: registryPersons.employerId, employerName: registryEnterprises.name })
      .from(registryPersons)
      .leftJoin(registryEnterprises, eq(registryEnterprises.id, registryPersons.employerId))
      .where(eq(registryPersons.id, input.personId));
    if (!person) throw new AppError("NOT_FOUND", `人员不存在 (person ${input.personId} not found)`, { issues: [{ path: "personId", message: "not found" }] });
    const req = POST_REQUIREMENTS[input.post];
    const postLabel = POST_LABELS[input.post];
    const employerId = person.employerId;
    const employerRoles = employerId
      ? await tx
          .select({ role: PP.role })
          .from(PP)
          .where(and(eq(PP.projectId, projectId), eq(PP.enterpriseId, employerId)))
      : [];
    if (!employerId || !employerRoles.some((r) => req.roles.includes(r.role as ParticipantRole))) {
      const roles = req.roles.map((r) => PARTICIPANT_ROLE_LABELS[r].zh).join("或");
      throw precondition("personId", `${person.name}的任职单位不是本项目的${roles}，不能担任${postLabel.zh} (employer is not a ${req.roles.join("/")} participant of this project)`);
    }
    const missing = await missingCertificates(tx, person.id, req.certificates, today);
    if (missing.length > 0) {
      throw precondition("personId", `${person.name}不能担任${postLabel.zh}：${missing.join("；")}`, { certificates: missing });
    }
    const current = await tx
      .select({ personId: PO.personId, post: PO.post, name: registryPersons.name })
      .from(PO)
      .innerJoin(registryPersons, eq(registryPersons.id, PO.personId))
      .where(and(eq(PO.projectId, projectId), eq(PO.post, input.post), isNull(PO.endedOn)));
    if (current.some((c) => c.personId === person.id)) {
      throw conflict(`${person.name}已担任本项目${postLabel.zh} (already holds this post)`, { issues: [{ path: "personId", message: "already holds this post" }] });
    }
    if (SINGLE_HOLDER_POSTS.includes(input.post) && current.length > 0) {
      throw conflict(`本项目已有${postLabel.zh}「${current[0].name}」，请先结束其任职 (the project already has a current ${postLabel.en})`, {
        issues: [{ path: "post", message: "post already held" }],
      });
    }
    if (input.post === "project_manager") {
      const other = await otherLiveManagedProject(tx, person.id, projectId);
      if (other) {
        throw conflict(
          `${person.name}已在在建项目「${other.name}」(${other.code}) 担任项目经理，注册建造师不得同时在两个在建项目任职 (already project manager of live project ${other.code} ${other.name})`,
          { project: other, issues: [{ path: "personId", message: `project manager of live project ${other.code}` }] },
        );
      }
    }
    const startedOn = input.startedOn ?? today;
    const [row] = await tx
      .insert(PO)
      .values({ projectId, personId: person.id, enterpriseId: employerId, post: input.post, startedOn })
      .returning();
    await touchProject(tx, projectId);
    await recordAudit(tx, ctx, { action: "registry.post.assigned", entity: "project", entityId: projectId, after: row });
    return { id: row.id, personId: person.id, personName: person.name, enterpriseId: row.enterpriseId, enterpriseName: person.employerName ?? "", post: input.post, startedOn, endedOn: null };
  });
  ctx.events.publish("registry.post.assigned", { projectId, postId: dto.id, personId: dto.personId, post: dto.post });
  return dto;
}

/**
 * Ends a current post (the holder leaves the project).
 * @throws AppError FORBIDDEN; NOT_FOUND; CONFLICT when already ended; VALIDATION naming `endedOn`.
 */
export async function endPost(ctx: ServiceContext, projectId: string, postId: string, input: EndPostInput): Promise<PostDto> {
  requirePermission(ctx.actor, "registry.project.update");
  const dto = await ctx.db.transaction(async (tx) => {
    await lockProject(tx, ctx, projectId);
    const [before] = await tx
      .select({ post: PO, personName: registryPersons.name, enterpriseName: registryEnterprises.name })
      .from(PO)
      .innerJoin(registryPersons, eq(registryPersons.id, PO.personId))
      .innerJoin(registryEnterprises, eq(registryEnterprises.id, PO.enterpriseId))
      .where(and(eq(PO.id, postId), eq(PO.projectId, projectId)));
    if (!before) throw notFound("post", postId);
    if (before.post.endedOn) throw conflict(`该任职已于 ${before.post.endedOn} 结束 (post already ended)`);
    const endedOn = input.endedOn ?? todayInShanghai();
    if (endedOn < before.post.startedOn) {
      throw invalidField("endedOn", `结束日期不能早于任职开始日期 ${before.post.startedOn} (before the start date)`);
    }
    const [after] = await tx.update(PO).set({ endedOn }).where(eq(PO.id, postId)).returning();
    await touchProject(tx, projectId);
    await recordAudit(tx, ctx, { action: "registry.post.ended", entity: "project", entityId: projectId, before: before.post, after });
    const { post, personId, enterpriseId, startedOn } = after;
    return { id: postId, personId, personName: before.personName, enterpriseId, enterpriseName: before.enterpriseName, post: post as Post, startedOn, endedOn };
  });
  ctx.events.publish("registry.post.ended", { projectId, postId, personId: dto.personId, post: dto.post });
  return dto;
}
