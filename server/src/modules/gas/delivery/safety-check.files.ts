import { sql } from "drizzle-orm";
import { requirePermission } from "../../../platform/auth/actor.js";
import type { Actor, ServiceContext } from "../../../platform/context.js";
import { rowsOf } from "../../../platform/db/client.js";
import { notFound } from "../../../platform/errors.js";
import { PhotoShelf } from "../../../platform/files/photos.js";
import { gasScope } from "../shared/index.js";

/** Safety-check photos (platform/files/photos.ts): the company uploads them, whoever may see the check reads them. */
const shelf = (ctx: Pick<ServiceContext, "files">) => new PhotoShelf(ctx.files, "gas-checks");

/** @throws AppError FORBIDDEN without gas.manage (checked before the body is read by the route). */
export const assertMayUploadCheckPhotos = (actor: Actor) => requirePermission(actor, "gas.manage");

export async function saveCheckPhoto(ctx: ServiceContext, bytes: Buffer): Promise<{ id: string }> {
  assertMayUploadCheckPhotos(ctx.actor);
  return shelf(ctx).save(ctx.db, ctx.actor, bytes);
}

/** Every id names a check photo the actor's company uploaded. @throws AppError VALIDATION naming `photoIds.<i>`. */
export const assertCheckPhotos = (ctx: ServiceContext, ids: readonly string[]) => shelf(ctx).assertAttachable(ctx.db, ctx.actor, ids, "photoIds");

/** A photo, only when it belongs to a check the caller may see. @throws AppError NOT_FOUND otherwise. */
export async function readCheckPhoto(ctx: ServiceContext, id: string): Promise<{ bytes: Buffer; type: string }> {
  requirePermission(ctx.actor, "gas.read");
  const scope = gasScope(ctx.actor, sql`s.enterprise_id`) ?? sql`true`;
  const found = rowsOf<unknown>(await ctx.db.execute(sql`select 1 from gas_safety_checks s where s.photo_ids @> array[${id}]::text[] and ${scope} limit 1`));
  if (found.length === 0) throw notFound("photo", id);
  return shelf(ctx).read(id);
}
