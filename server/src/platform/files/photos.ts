import { and, eq, inArray } from "drizzle-orm";
import { PHOTO_ID } from "@contracts/platform/files";
import { isCityWide } from "../auth/actor.js";
import type { Actor } from "../context.js";
import type { Executor } from "../db/client.js";
import { invalidField, notFound } from "../errors.js";
import { platformPhotos } from "./schema.js";
import type { Files } from "./store.js";

/**
 * Photos of one kind (case evidence, sampling records …) in the FileStore under `<kind>/<yyyy-mm>/<uuid>.<ext>`.
 * Their id is that path without the kind, the month joined by a dash (`2026-12-<uuid>.jpg`): one URL segment
 * that maps back to exactly one file inside the store. An upload belongs to its uploader's party (platform_photos):
 * only that party attaches it to a record; once on a record, whoever may see the record is served it (the owning
 * module's read check). Who may upload is the owning module's business.
 */
/** The id of a photo stored at `rel` (`<kind>/<yyyy-mm>/<file>`). */
export const photoIdOf = (kind: string, rel: string) => rel.slice(kind.length + 1).replace("/", "-");

/** The party an upload was made for, as platform_photos records it. */
export interface PhotoOwner {
  uploadedBy: string | null;
  enterpriseId: string | null;
  cityWide: boolean;
}

export const photoOwnerOf = (actor: Actor): PhotoOwner => ({ uploadedBy: actor.userId, enterpriseId: actor.enterpriseId, cityWide: isCityWide(actor) });

/**
 * Whether `actor` acts for the party that uploaded a photo: the uploader itself, a user of the same enterprise,
 * or — for the bureau's uploads — any bureau user. A project-bound user without an enterprise is a party of one.
 */
export function isPhotoOwner(actor: Actor, owner: PhotoOwner): boolean {
  if (owner.uploadedBy !== null && owner.uploadedBy === actor.userId) return true;
  if (owner.enterpriseId !== null && owner.enterpriseId === actor.enterpriseId) return true;
  return owner.cityWide && isCityWide(actor);
}

const NOT_YOURS = "照片不存在或不是本单位上传的，请重新上传 (not a photo your side uploaded; upload it again)";

export class PhotoShelf {
  constructor(
    private readonly files: Files,
    private readonly kind: string,
  ) {}

  private pathOf = (id: string) => `${this.kind}/${id.slice(0, 7)}/${id.slice(8)}`;

  /** Stores a JPEG or PNG (by its first bytes, ≤ 2 MB) as `actor`'s party's. @throws AppError VALIDATION naming `file`. */
  async save(db: Executor, actor: Actor, bytes: Buffer): Promise<{ id: string }> {
    const id = photoIdOf(this.kind, await this.files.saveImage(this.kind, bytes, "file"));
    await db.insert(platformPhotos).values({ kind: this.kind, id, ...photoOwnerOf(actor) });
    return { id };
  }

  /**
   * The one check before photo ids are written onto a record: each names a stored photo of this kind that
   * `actor`'s party uploaded. `onRecord` lists photos already on the record being written (a case's timeline):
   * those the actor may repeat there, since that shows them to nobody new. Unknown and other parties' photos
   * get the same answer, so an id tells nobody whether it exists.
   * @throws AppError VALIDATION naming `<field>.<index>`.
   */
  async assertAttachable(db: Executor, actor: Actor, ids: readonly string[], field: string, onRecord: readonly string[] = []): Promise<void> {
    if (ids.length === 0) return;
    for (const [i, id] of ids.entries()) {
      if (!PHOTO_ID.test(id)) throw invalidField(`${field}.${i}`, "照片编号无效 (not a photo id from the upload)");
    }
    const owners = new Map(
      (await db
        .select({ id: platformPhotos.id, uploadedBy: platformPhotos.uploadedBy, enterpriseId: platformPhotos.enterpriseId, cityWide: platformPhotos.cityWide })
        .from(platformPhotos)
        .where(and(eq(platformPhotos.kind, this.kind), inArray(platformPhotos.id, [...new Set(ids)])))).map((o) => [o.id, o]),
    );
    for (const [i, id] of ids.entries()) {
      if (onRecord.includes(id)) continue;
      const owner = owners.get(id);
      if (!owner || !isPhotoOwner(actor, owner)) throw invalidField(`${field}.${i}`, NOT_YOURS);
      const found = await this.files.read(this.pathOf(id)).then(
        () => true,
        () => false,
      );
      if (!found) throw invalidField(`${field}.${i}`, "照片不存在，请重新上传 (photo not found, upload it again)");
    }
  }

  /** The photo's bytes; call only once the caller may see it. @throws AppError NOT_FOUND. */
  read(id: string): Promise<{ bytes: Buffer; type: string }> {
    return this.files.read(this.pathOf(id)).catch(() => {
      throw notFound("photo", id);
    });
  }
}
