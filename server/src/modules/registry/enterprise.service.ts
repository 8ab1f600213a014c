import { and, eq, ne, sql } from "drizzle-orm";
import type { CreateEnterpriseInput, EnterpriseDto, QualificationInput, UpdateEnterpriseInput } from "@contracts/registry/enterprise";
import { isCityWide, requirePermission } from "../../platform/auth/actor.js";
import { recordAudit } from "../../platform/audit/audit.js";
import type { ServiceContext } from "../../platform/context.js";
import type { Executor } from "../../platform/db/client.js";
import { AppError, conflict, notFound, type FieldIssue } from "../../platform/errors.js";
import { startImport } from "../../platform/excel/import-job.js";
import { getEnterprise } from "./enterprise.queries.js";
import { changedIdentityFields, identityOf } from "./enterprise-change.workflow.js";
import { parseEnterpriseSheet } from "./enterprise.sheet.js";
import { registryEnterprises as E, registryQualifications as Q } from "./schema.js";
import { enterpriseScope } from "./registry.scope.js";

/** Write side of the enterprise registry (企业库): create and update, each one audited transaction. */

export const duplicateCreditCode = (code: string) =>
  conflict(`统一社会信用代码 ${code} 已登记 (credit code already registered)`, {
    issues: [{ path: "creditCode", message: "统一社会信用代码已登记 (already registered)" }],
  });

/** The stored state of an enterprise as the audit log records it: the row plus its qualifications. */
export async function enterpriseAuditView(tx: Executor, id: string) {
  const [row] = await tx.select().from(E).where(eq(E.id, id));
  if (!row) return undefined;
  const qualifications = await tx.select().from(Q).where(eq(Q.enterpriseId, id)).orderBy(Q.certNo);
  return { ...row, qualifications };
}
type EnterpriseAuditView = NonNullable<Awaited<ReturnType<typeof enterpriseAuditView>>>;

/**
 * Certificate numbers of qualifications are unique across the city: a repeat inside the request or one
 * held by another enterprise is a CONFLICT naming the offending list entry.
 */
export async function assertQualificationsFree(tx: Executor, list: QualificationInput[], enterpriseId: string | null): Promise<void> {
  if (list.length === 0) return;
  const issues: FieldIssue[] = [];
  const seen = new Set<string>();
  list.forEach((q, i) => {
    if (seen.has(q.certNo)) issues.push({ path: `qualifications.${i}.certNo`, message: `资质证书编号重复 (duplicate certificate number ${q.certNo})` });
    seen.add(q.certNo);
  });
  const taken = await tx
    .select({ certNo: Q.certNo })
    .from(Q)
    .where(and(sql`${Q.certNo} = any(${sql.param([...seen])}::text[])`, enterpriseId ? ne(Q.enterpriseId, enterpriseId) : undefined));
  const takenSet = new Set(taken.map((t) => t.certNo));
  list.forEach((q, i) => {
    if (takenSet.has(q.certNo)) issues.push({ path: `qualifications.${i}.certNo`, message: `资质证书编号已被其他企业登记 (certificate ${q.certNo} belongs to another enterprise)` });
  });
  if (issues.length > 0) throw conflict("资质证书编号重复 (qualification certificate number already registered)", { issues });
}

const qualificationRows = (enterpriseId: string, list: QualificationInput[]) =>
  list.map((q) => ({ enterpriseId, category: q.category, grade: q.grade, certNo: q.certNo, issuedOn: q.issuedOn ?? null, expiresOn: q.expiresOn }));

/**
 * Registers an enterprise with its qualifications.
 * @throws AppError FORBIDDEN without `registry.enterprise.create`; CONFLICT naming `creditCode` or
 *   `qualifications.<i>.certNo` when already registered.
 */
export async function createEnterprise(ctx: ServiceContext, input: CreateEnterpriseInput): Promise<EnterpriseDto> {
  requirePermission(ctx.actor, "registry.enterprise.create");
  const { qualifications, ...fields } = input;
  const id = await ctx.db.transaction(async (tx) => {
    await assertQualificationsFree(tx, qualifications, null);
    const [row] = await tx
      .insert(E)
      .values({ ...fields, district: fields.district ?? null, contactName: fields.contactName ?? null, contactPhone: fields.contactPhone ?? null })
      .onConflictDoNothing({ target: E.creditCode })
      .returning({ id: E.id });
    if (!row) throw duplicateCreditCode(fields.creditCode);
    if (qualifications.length > 0) await tx.insert(Q).values(qualificationRows(row.id, qualifications));
    await recordAudit(tx, ctx, { action: "registry.enterprise.created", entity: "enterprise", entityId: row.id, after: await enterpriseAuditView(tx, row.id) });
    return row.id;
  });
  ctx.events.publish("registry.enterprise.created", { enterpriseId: id });
  return getEnterprise(ctx.db, ctx.actor, id, { scoped: false });
}

/**
 * Changes an enterprise; `qualifications`, when given, replaces the whole list. The bureau may change
 * any enterprise; an enterprise-bound user only its own, never its status (a regulator's decision) and
 * never its identity fields (those go through a change request, enterprise-change.service.ts).
 * @throws AppError NOT_FOUND outside the actor's scope; FORBIDDEN for another visible enterprise, or a
 *   status or identity change by a bound user, naming the fields; CONFLICT as for {@link createEnterprise}.
 */
export async function updateEnterprise(ctx: ServiceContext, id: string, input: UpdateEnterpriseInput): Promise<EnterpriseDto> {
  requirePermission(ctx.actor, "registry.enterprise.update");
  const changed = await ctx.db.transaction(async (tx) => {
    const [visible] = await tx.select({ id: E.id }).from(E).where(and(eq(E.id, id), enterpriseScope(ctx.actor, E.id))).for("update");
    if (!visible) throw notFound("enterprise", id);
    const before = (await enterpriseAuditView(tx, id))!;
    assertMayChange(ctx, id, input, before);
    await writeEnterpriseFields(tx, id, input, before);
    await recordAudit(tx, ctx, { action: "registry.enterprise.updated", entity: "enterprise", entityId: id, before, after: await enterpriseAuditView(tx, id) });
    return Object.keys(input);
  });
  ctx.events.publish("registry.enterprise.updated", { enterpriseId: id, fields: changed });
  return getEnterprise(ctx.db, ctx.actor, id, { scoped: false });
}

/**
 * Writes fields of a locked enterprise whose stored state is `before`; `qualifications`, when given,
 * replaces the whole list. The caller authorizes and audits; a direct update and an approved change
 * request both come through here, so both re-check the credit code and certificate numbers.
 * @throws AppError CONFLICT naming `creditCode` or `qualifications.<i>.certNo` when held by another enterprise.
 */
export async function writeEnterpriseFields(tx: Executor, id: string, input: UpdateEnterpriseInput, before: { creditCode: string }): Promise<void> {
  const { qualifications, ...fields } = input;
  if (fields.creditCode && fields.creditCode !== before.creditCode) {
    const [other] = await tx.select({ id: E.id }).from(E).where(eq(E.creditCode, fields.creditCode));
    if (other) throw duplicateCreditCode(fields.creditCode);
  }
  await tx.update(E).set({ ...fields, updatedAt: new Date() }).where(eq(E.id, id));
  if (qualifications) {
    await assertQualificationsFree(tx, qualifications, id);
    await tx.delete(Q).where(eq(Q.enterpriseId, id));
    if (qualifications.length > 0) await tx.insert(Q).values(qualificationRows(id, qualifications));
  }
}

/**
 * Bound users maintain their own enterprise's contacts and address only: status stays with the bureau,
 * and identity fields given with another value than the stored one are refused (the same value is no change).
 */
function assertMayChange(ctx: ServiceContext, id: string, input: UpdateEnterpriseInput, before: EnterpriseAuditView): void {
  if (isCityWide(ctx.actor)) return;
  if (ctx.actor.enterpriseId !== id) throw new AppError("FORBIDDEN", "只能修改本企业信息 (you may only change your own enterprise)");
  if (input.status !== undefined) {
    throw new AppError("FORBIDDEN", "企业状态由主管部门变更 (only the bureau changes an enterprise's status)", {
      issues: [{ path: "status", message: "企业状态由主管部门变更 (bureau only)" }],
    });
  }
  const identity = changedIdentityFields(identityOf(before), input);
  if (identity.length > 0) {
    throw new AppError("FORBIDDEN", "企业名称、信用代码、类型、法定代表人和资质须提交变更申请，经主管部门审核 (identity fields change through a change request the bureau approves)", {
      issues: identity.map((path) => ({ path, message: "须提交变更申请 (file a change request: POST /enterprises/{id}/change-requests)" })),
    });
  }
}

/**
 * Imports enterprises from an .xlsx in a background job (platform/excel/import-job.ts); answers the
 * job id at once. Any bad row (contract, duplicate in the sheet, already registered) fails it whole.
 * @throws AppError FORBIDDEN without `registry.import` (before the upload is read); VALIDATION naming `file`.
 */
export async function importEnterprises(ctx: ServiceContext, upload: () => Promise<Buffer>): Promise<{ jobId: string }> {
  requirePermission(ctx.actor, "registry.import");
  return startImport(ctx, upload, {
    kind: "registry.enterprise",
    entity: "enterprise",
    parse: (buffer) => parseEnterpriseSheet(buffer, (codes) => registeredCreditCodes(ctx.db, codes)),
    insertChunk: async (tx, rows) => {
      const values = rows.map(({ input }) => ({ ...input, district: input.district ?? null, contactName: input.contactName ?? null, contactPhone: input.contactPhone ?? null }));
      const inserted = await tx.insert(E).values(values).onConflictDoNothing({ target: E.creditCode }).returning({ id: E.id });
      // Someone registered one of these codes after validation: roll everything back rather than import part.
      if (inserted.length !== values.length) throw conflict("导入期间有企业被其他用户登记，请重新导入 (an enterprise was registered meanwhile; import again)");
      return inserted.length;
    },
  });
}

/** Which of these credit codes are already registered (one query). */
export async function registeredCreditCodes(db: Executor, codes: string[]): Promise<Set<string>> {
  if (codes.length === 0) return new Set();
  const rows = await db.select({ code: E.creditCode }).from(E).where(sql`${E.creditCode} = any(${sql.param(codes)}::text[])`);
  return new Set(rows.map((r) => r.code));
}
