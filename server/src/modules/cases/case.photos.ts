import { sql } from "drizzle-orm";
import { CASE_PHOTO_ID } from "@contracts/cases/cases";
import type { Actor, ServiceContext } from "../../platform/context.js";
import type { Executor } from "../../platform/db/client.js";
import { forbidden, invalidField, notFound } from "../../platform/errors.js";
import type { FileStore } from "../../platform/files/store.js";
import { requirePermission } from "../../platform/auth/actor.js";
import { projectScope } from "../registry/index.js";

/**
 * Case photos live in the FileStore under `cases/<yyyy-mm>/<uuid>.<ext>`; their id is that path without
 * the kind and with the month joined by a dash (`2026-12-<uuid>.jpg`), so an id is one URL segment and
 * maps back to exactly one file inside the store.
 */
const KIND = "cases";

export const photoIdOf = (rel: string) => rel.slice(KIND.length + 1).replace("/", "-");
export const photoPathOf = (id: string) => `${KIND}/${id.slice(0, 7)}/${id.slice(8)}`;

/** Inspectors and the answering parties attach photos; read-only roles do not. @throws AppError FORBIDDEN. */
export function assertMayUploadCasePhotos(actor: Actor): void {
  if (!actor.permissions.has("cases.inspect") && !actor.permissions.has("cases.reply")) throw forbidden(`Role ${actor.role} may not upload case photos`);
}

/**
 * Stores an uploaded photo (JPEG or PNG by its first bytes, ≤ 2 MB) for a later reply, re-check or report.
 * @throws AppError FORBIDDEN without a case write permission; VALIDATION naming `file`.
 */
export async function saveCasePhoto(ctx: ServiceContext, files: FileStore, bytes: Buffer): Promise<{ id: string }> {
  assertMayUploadCasePhotos(ctx.actor);
  return { id: photoIdOf(await files.saveImage(KIND, bytes, "file")) };
}

/** Every id names a stored case photo. @throws AppError VALIDATION naming `<field>.<index>`. */
export async function assertCasePhotos(files: FileStore, ids: readonly string[], field: string): Promise<void> {
  for (const [i, id] of ids.entries()) {
    if (!CASE_PHOTO_ID.test(id)) throw invalidField(`${field}.${i}`, "照片编号无效 (not a case photo id)");
    const found = await files.read(photoPathOf(id)).then(
      () => true,
      () => false,
    );
    if (!found) throw invalidField(`${field}.${i}`, "照片不存在，请重新上传 (photo not found, upload it again)");
  }
}

/**
 * A photo, served only when it belongs to a case (its notice or a timeline entry) the caller may see.
 * @throws AppError NOT_FOUND otherwise.
 */
export async function readCasePhoto(db: Executor, actor: Actor, files: FileStore, id: string): Promise<{ bytes: Buffer; type: string }> {
  requirePermission(actor, "cases.read");
  const scope = projectScope(actor, sql`c.project_id`) ?? sql`true`;
  // Containment (@>) so both GIN indexes find the photo's cases; the scope then filters those few.
  const result = await db.execute(sql`
    select 1 from cases_cases c
     where c.id in (select x.id from cases_cases x where x.photo_ids @> array[${id}]::text[]
                    union all select e.case_id from cases_events e where e.photo_ids @> array[${id}]::text[])
       and ${scope}
     limit 1`);
  if ((result as unknown as { rows: unknown[] }).rows.length === 0) throw notFound("photo", id);
  return files.read(photoPathOf(id)).catch(() => {
    throw notFound("photo", id);
  });
}
