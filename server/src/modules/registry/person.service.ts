import { and, eq, ne, sql } from "drizzle-orm";
import { parseIdNumber } from "@contracts/registry/identifiers";
import type { CertificateInput, CreatePersonInput, PersonDto, UpdatePersonInput } from "@contracts/registry/person";
import { isCityWide, requirePermission } from "../../platform/auth/actor.js";
import { recordAudit } from "../../platform/audit/audit.js";
import type { Actor, ServiceContext } from "../../platform/context.js";
import type { Executor } from "../../platform/db/client.js";
import { AppError, conflict, invalidField, notFound, type FieldIssue } from "../../platform/errors.js";
import { startImport } from "../../platform/excel/import-job.js";
import { getPerson } from "./person.queries.js";
import { parsePersonSheet } from "./person.sheet.js";
import { registryCertificates as C, registryEnterprises as E, registryPersons as PE } from "./schema.js";
import { personScope } from "./registry.scope.js";

/** Write side of the personnel registry (人员库): create, update and import, each one audited transaction. */

const duplicateIdNumber = () =>
  conflict("身份证号码已登记 (ID number already registered)", { issues: [{ path: "idNumber", message: "身份证号码已登记 (already registered)" }] });

const otherEnterprise = () =>
  new AppError("FORBIDDEN", "只能登记和维护本企业人员 (you may only manage your own enterprise's people)", {
    issues: [{ path: "employerId", message: "只能是本企业 (own enterprise only)" }],
  });

/**
 * The employer a create or update may set. The bureau may name any enterprise (or none); a bound user
 * only its own, which is also the default on create. `undefined` means "leave unchanged".
 */
function employerFor(actor: Actor, requested: string | null | undefined, onCreate: boolean): string | null | undefined {
  if (isCityWide(actor)) return onCreate ? (requested ?? null) : requested;
  if (requested === undefined) {
    if (!onCreate) return undefined;
    requested = actor.enterpriseId;
  }
  // A bound user may release its own employee (null) but never hand one to another enterprise.
  if (requested === null && !onCreate) return null;
  if (requested === null || requested !== actor.enterpriseId) throw otherEnterprise();
  return requested;
}

async function assertEmployerExists(tx: Executor, employerId: string | null | undefined): Promise<void> {
  if (!employerId) return;
  const [row] = await tx.select({ id: E.id }).from(E).where(eq(E.id, employerId));
  if (!row) throw invalidField("employerId", "所属企业不存在 (no such enterprise)");
}

/** (kind, certNo) is unique across the city: a repeat inside the request or one held by another person is a CONFLICT. */
async function assertCertificatesFree(tx: Executor, list: CertificateInput[], personId: string | null): Promise<void> {
  if (list.length === 0) return;
  const issues: FieldIssue[] = [];
  const keyOf = (c: { kind: string; certNo: string }) => `${c.kind}\u0000${c.certNo}`;
  const seen = new Set<string>();
  list.forEach((c, i) => {
    if (seen.has(keyOf(c))) issues.push({ path: `certificates.${i}.certNo`, message: `证书编号重复 (duplicate certificate ${c.certNo})` });
    seen.add(keyOf(c));
  });
  const taken = await tx
    .select({ kind: C.kind, certNo: C.certNo })
    .from(C)
    .where(and(sql`${C.certNo} = any(${sql.param(list.map((c) => c.certNo))}::text[])`, personId ? ne(C.personId, personId) : undefined));
  const takenKeys = new Set(taken.map(keyOf));
  list.forEach((c, i) => {
    if (takenKeys.has(keyOf(c))) issues.push({ path: `certificates.${i}.certNo`, message: `证书 ${c.certNo} 已被他人登记 (registered to another person)` });
  });
  if (issues.length > 0) throw conflict("证书编号已登记 (certificate number already registered)", { issues });
}

const certificateRows = (personId: string, list: CertificateInput[]) =>
  list.map((c) => ({ personId, kind: c.kind, specialty: c.specialty ?? null, level: c.level ?? null, certNo: c.certNo, issuedOn: c.issuedOn ?? null, expiresOn: c.expiresOn }));

/** The stored state of a person as the audit log records it (unmasked: the log is admin-only). */
async function auditView(tx: Executor, id: string) {
  const [row] = await tx.select().from(PE).where(eq(PE.id, id));
  if (!row) return undefined;
  const certificates = await tx.select().from(C).where(eq(C.personId, id)).orderBy(C.kind, C.certNo);
  return { ...row, certificates };
}

/**
 * Registers a person; gender and birth date come from the ID number.
 * @throws AppError FORBIDDEN without `registry.person.create` or for another enterprise's employee;
 *   VALIDATION naming `employerId` when it does not exist; CONFLICT naming `idNumber` or `certificates.<i>.certNo`.
 */
export async function createPerson(ctx: ServiceContext, input: CreatePersonInput): Promise<PersonDto> {
  requirePermission(ctx.actor, "registry.person.create");
  const employerId = employerFor(ctx.actor, input.employerId, true) ?? null;
  const { birthDate, gender } = parseIdNumber(input.idNumber);
  const id = await ctx.db.transaction(async (tx) => {
    await assertEmployerExists(tx, employerId);
    await assertCertificatesFree(tx, input.certificates, null);
    const [row] = await tx
      .insert(PE)
      .values({ name: input.name, idNumber: input.idNumber, gender, birthDate, mobile: input.mobile ?? null, employerId })
      .onConflictDoNothing({ target: PE.idNumber })
      .returning({ id: PE.id });
    if (!row) throw duplicateIdNumber();
    if (input.certificates.length > 0) await tx.insert(C).values(certificateRows(row.id, input.certificates));
    await recordAudit(tx, ctx, { action: "registry.person.created", entity: "person", entityId: row.id, after: await auditView(tx, row.id) });
    return row.id;
  });
  ctx.events.publish("registry.person.created", { personId: id, employerId });
  return getPerson(ctx.db, ctx.actor, id, { scoped: false });
}

/**
 * Changes a person; `certificates`, when given, replaces the whole list. The ID number never changes.
 * @throws AppError NOT_FOUND outside the actor's scope; FORBIDDEN when a bound user touches another
 *   enterprise's employee; VALIDATION/CONFLICT as for {@link createPerson}.
 */
export async function updatePerson(ctx: ServiceContext, id: string, input: UpdatePersonInput): Promise<PersonDto> {
  requirePermission(ctx.actor, "registry.person.update");
  const changed = await ctx.db.transaction(async (tx) => {
    const [current] = await tx
      .select({ employerId: PE.employerId })
      .from(PE)
      .where(and(eq(PE.id, id), personScope(ctx.actor, PE.id, PE.employerId)))
      .for("update");
    if (!current) throw notFound("person", id);
    if (!isCityWide(ctx.actor) && current.employerId !== ctx.actor.enterpriseId) throw otherEnterprise();
    const employerId = employerFor(ctx.actor, input.employerId, false);
    await assertEmployerExists(tx, employerId);
    const before = await auditView(tx, id);
    await tx.update(PE).set({ name: input.name, mobile: input.mobile, employerId, updatedAt: new Date() }).where(eq(PE.id, id));
    if (input.certificates) {
      await assertCertificatesFree(tx, input.certificates, id);
      await tx.delete(C).where(eq(C.personId, id));
      if (input.certificates.length > 0) await tx.insert(C).values(certificateRows(id, input.certificates));
    }
    await recordAudit(tx, ctx, { action: "registry.person.updated", entity: "person", entityId: id, before, after: await auditView(tx, id) });
    return Object.keys(input);
  });
  ctx.events.publish("registry.person.updated", { personId: id, fields: changed });
  return getPerson(ctx.db, ctx.actor, id, { scoped: false });
}

/**
 * Imports people from an .xlsx in a background job (platform/excel/import-job.ts); answers the job id
 * at once. Any bad row (contract, ID number repeated or registered, unknown employer code) fails it whole.
 * @throws AppError FORBIDDEN without `registry.import` (before the upload is read); VALIDATION naming `file`.
 */
export async function importPersons(ctx: ServiceContext, upload: () => Promise<Buffer>): Promise<{ jobId: string }> {
  requirePermission(ctx.actor, "registry.import");
  return startImport(ctx, upload, {
    kind: "registry.person",
    entity: "person",
    parse: (buffer) =>
      parsePersonSheet(buffer, {
        registeredIdNumbers: (ids) => registeredIdNumbers(ctx.db, ids),
        employerIds: (codes) => employerIdsByCode(ctx.db, codes),
      }),
    insertChunk: async (tx, rows) => {
      const values = rows.map((r) => ({ ...r, ...parseIdNumber(r.idNumber) }));
      const inserted = await tx.insert(PE).values(values).onConflictDoNothing({ target: PE.idNumber }).returning({ id: PE.id });
      // Someone registered one of these ID numbers after validation: roll everything back rather than import part.
      if (inserted.length !== values.length) throw conflict("导入期间有人员被其他用户登记，请重新导入 (a person was registered meanwhile; import again)");
      return inserted.length;
    },
  });
}

/**
 * Registers people another module enrols by ID number (a roster import's new workers), inside the caller's
 * transaction, which audits its own write: name, ID number (gender and birth date derived from it) and employer.
 * Returns the new ids by ID number; one registered meanwhile by someone else is missing from the answer,
 * and the caller decides whether that spoils its write.
 */
export async function registerPersonsIn(tx: Executor, rows: { name: string; idNumber: string; employerId: string | null }[]): Promise<Map<string, string>> {
  if (rows.length === 0) return new Map();
  const created = await tx
    .insert(PE)
    .values(rows.map((r) => ({ ...r, ...parseIdNumber(r.idNumber) })))
    .onConflictDoNothing({ target: PE.idNumber })
    .returning({ id: PE.id, idNumber: PE.idNumber });
  return new Map(created.map((p) => [p.idNumber, p.id]));
}

async function registeredIdNumbers(db: Executor, ids: string[]): Promise<Set<string>> {
  if (ids.length === 0) return new Set();
  const rows = await db.select({ idNumber: PE.idNumber }).from(PE).where(sql`${PE.idNumber} = any(${sql.param(ids)}::text[])`);
  return new Set(rows.map((r) => r.idNumber));
}

async function employerIdsByCode(db: Executor, codes: string[]): Promise<Map<string, string>> {
  if (codes.length === 0) return new Map();
  const rows = await db.select({ id: E.id, code: E.creditCode }).from(E).where(sql`${E.creditCode} = any(${sql.param(codes)}::text[])`);
  return new Map(rows.map((r) => [r.code, r.id]));
}
