import { PHOTO_ID } from "@contracts/platform/files";
import { invalidField, notFound } from "../errors.js";
import type { FileStore } from "./store.js";

/**
 * Photos of one kind (case evidence, sampling records …) in the FileStore under `<kind>/<yyyy-mm>/<uuid>.<ext>`.
 * Their id is that path without the kind, the month joined by a dash (`2026-12-<uuid>.jpg`): one URL segment
 * that maps back to exactly one file inside the store. Who may upload and who may see one is the owning
 * module's business; this is only the storage side.
 */
/** The id of a photo stored at `rel` (`<kind>/<yyyy-mm>/<file>`). */
export const photoIdOf = (kind: string, rel: string) => rel.slice(kind.length + 1).replace("/", "-");

export class PhotoShelf {
  constructor(
    private readonly files: FileStore,
    private readonly kind: string,
  ) {}

  private pathOf = (id: string) => `${this.kind}/${id.slice(0, 7)}/${id.slice(8)}`;

  /** Stores a JPEG or PNG (by its first bytes, ≤ 2 MB). @throws AppError VALIDATION naming `file`. */
  async save(bytes: Buffer): Promise<{ id: string }> {
    return { id: photoIdOf(this.kind, await this.files.saveImage(this.kind, bytes, "file")) };
  }

  /** Every id names a stored photo of this kind. @throws AppError VALIDATION naming `<field>.<index>`. */
  async assertStored(ids: readonly string[], field: string): Promise<void> {
    for (const [i, id] of ids.entries()) {
      if (!PHOTO_ID.test(id)) throw invalidField(`${field}.${i}`, "照片编号无效 (not a photo id from the upload)");
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
