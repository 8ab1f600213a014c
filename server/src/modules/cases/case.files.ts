import { sql } from "drizzle-orm";
import type { Actor, ServiceContext } from "../../platform/context.js";
import { type Executor, rowsOf } from "../../platform/db/client.js";
import { forbidden, notFound } from "../../platform/errors.js";
import { photoIdOf, PhotoShelf } from "../../platform/files/photos.js";
import { requirePermission } from "../../platform/auth/actor.js";
import { caseScope } from "./case.queries.js";

/** Case photos: evidence of notices, replies, re-checks and resumption reports (platform/files/photos.ts). */
const KIND = "cases";
const shelf = (ctx: Pick<ServiceContext, "files">) => new PhotoShelf(ctx.files, KIND);

export const casePhotoIdOf = (rel: string) => photoIdOf(KIND, rel);

/** Inspectors and the answering parties attach photos; read-only roles do not. @throws AppError FORBIDDEN. */
export function assertMayUploadCasePhotos(actor: Actor): void {
  if (!actor.permissions.has("cases.inspect") && !actor.permissions.has("cases.reply")) throw forbidden(`Role ${actor.role} may not upload case photos`);
}

/**
 * Stores an uploaded photo (JPEG or PNG by its first bytes, ≤ 2 MB) for a later reply, re-check or report.
 * @throws AppError FORBIDDEN without a case write permission; VALIDATION naming `file`.
 */
export async function saveCasePhoto(ctx: ServiceContext, bytes: Buffer): Promise<{ id: string }> {
  assertMayUploadCasePhotos(ctx.actor);
  return shelf(ctx).save(ctx.db, ctx.actor, bytes);
}

/**
 * Every id names a case photo the actor's side uploaded, or one already on the case being written (`onCase`).
 * @throws AppError VALIDATION naming `<field>.<index>`.
 */
export const assertCasePhotos = (db: Executor, ctx: ServiceContext, ids: readonly string[], field: string, onCase: readonly string[] = []) =>
  shelf(ctx).assertAttachable(db, ctx.actor, ids, field, onCase);

/** The photos already on a case: its notice's and its timeline's. */
export async function photosOnCase(db: Executor, caseId: string): Promise<string[]> {
  const result = await db.execute(sql`
    select unnest(photo_ids) as id from cases_cases where id = ${caseId}
    union select unnest(photo_ids) from cases_events where case_id = ${caseId}`);
  return rowsOf<{ id: string }>(result).map((r) => r.id);
}

/**
 * A photo, served only when it belongs to a case (its notice or a timeline entry) the caller may see.
 * @throws AppError NOT_FOUND otherwise.
 */
export async function readCasePhoto(ctx: ServiceContext, id: string): Promise<{ bytes: Buffer; type: string }> {
  requirePermission(ctx.actor, "cases.read");
  const scope = caseScope(ctx.actor, sql`c.project_id`, sql`c.enterprise_id`) ?? sql`true`;
  // Containment (@>) so both GIN indexes find the photo's cases; the scope then filters those few.
  const result = await ctx.db.execute(sql`
    select 1 from cases_cases c
     where c.id in (select x.id from cases_cases x where x.photo_ids @> array[${id}]::text[]
                    union all select e.case_id from cases_events e where e.photo_ids @> array[${id}]::text[])
       and ${scope}
     limit 1`);
  if (rowsOf<unknown>(result).length === 0) throw notFound("photo", id);
  return shelf(ctx).read(id);
}
