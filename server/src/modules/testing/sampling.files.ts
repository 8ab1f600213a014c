import { and, sql } from "drizzle-orm";
import { requirePermission } from "../../platform/auth/actor.js";
import type { Actor, ServiceContext } from "../../platform/context.js";
import { forbidden, notFound } from "../../platform/errors.js";
import { photoIdOf, PhotoShelf } from "../../platform/files/photos.js";
import { commissionScope } from "./commission.scope.js";
import { testingCommissions as C } from "./schema.js";

/** Witness-sampling photos (platform/files/photos.ts). */
const KIND = "testing";
const shelf = (ctx: Pick<ServiceContext, "files">) => new PhotoShelf(ctx.files, KIND);

export const samplingPhotoIdOf = (rel: string) => photoIdOf(KIND, rel);

/** The project parties (who record sampling) and the agencies (who receive the sample) attach photos. @throws AppError FORBIDDEN. */
export function assertMayUploadSamplingPhotos(actor: Actor): void {
  if (!actor.permissions.has("testing.commission") && !actor.permissions.has("testing.report")) throw forbidden(`Role ${actor.role} may not upload sampling photos`);
}

/**
 * Stores an uploaded photo (JPEG or PNG by its first bytes, ≤ 2 MB) for a later sampling record.
 * @throws AppError FORBIDDEN without a testing write permission; VALIDATION naming `file`.
 */
export async function saveSamplingPhoto(ctx: ServiceContext, bytes: Buffer): Promise<{ id: string }> {
  assertMayUploadSamplingPhotos(ctx.actor);
  return shelf(ctx).save(ctx.db, ctx.actor, bytes);
}

/** Every id names a sampling photo the actor's side uploaded. @throws AppError VALIDATION naming `photoIds.<index>`. */
export const assertSamplingPhotos = (ctx: ServiceContext, ids: readonly string[]) => shelf(ctx).assertAttachable(ctx.db, ctx.actor, ids, "photoIds");

/**
 * A photo, served only when it belongs to the sampling record of a commission the caller may see (the
 * agency it is addressed to, the parties of its project, the bureau).
 * @throws AppError FORBIDDEN without `testing.read`; NOT_FOUND otherwise.
 */
export async function readSamplingPhoto(ctx: ServiceContext, id: string): Promise<{ bytes: Buffer; type: string }> {
  requirePermission(ctx.actor, "testing.read");
  const [owner] = await ctx.db
    .select({ id: C.id })
    .from(C)
    .where(and(sql`${C.samplePhotoIds} @> array[${id}]::text[]`, commissionScope(ctx.actor)))
    .limit(1);
  if (!owner) throw notFound("photo", id);
  return shelf(ctx).read(id);
}
