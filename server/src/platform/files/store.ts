import { randomUUID } from "node:crypto";
import { mkdir, readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { invalidField } from "../errors.js";

/** Image types accepted from uploads and devices, recognised by their first bytes, never by a name or header. */
const IMAGE_SIGNATURES: { ext: "jpg" | "png"; magic: number[] }[] = [
  { ext: "jpg", magic: [0xff, 0xd8, 0xff] },
  { ext: "png", magic: [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a] },
];

export const MAX_IMAGE_BYTES = 2 * 1024 * 1024;

/** The image type of `bytes`, or null when it is not a JPEG or PNG. */
export function imageTypeOf(bytes: Buffer): "jpg" | "png" | null {
  return IMAGE_SIGNATURES.find((s) => s.magic.every((b, i) => bytes[i] === b))?.ext ?? null;
}

/**
 * Files the platform keeps (enrolment photos, gate snapshots) under `<DATA_DIR>/files`. Names are
 * generated (`<kind>/<yyyy-mm>/<uuid>.<ext>`), never taken from the client, so no upload can choose
 * where it lands; reads resolve inside the root only.
 */
export class FileStore {
  private readonly root: string;

  constructor(dataDir: string) {
    this.root = path.resolve(dataDir, "files");
  }

  /** Stores an image after checking its type and size; `field` names the input in the validation error. */
  async saveImage(kind: string, bytes: Buffer, field: string): Promise<string> {
    if (bytes.length > MAX_IMAGE_BYTES) throw invalidField(field, `图片超过 ${MAX_IMAGE_BYTES / 1024 / 1024} MB (image too large)`);
    const ext = imageTypeOf(bytes);
    if (!ext) throw invalidField(field, "只接受 JPEG 或 PNG 图片 (JPEG or PNG only)");
    const rel = path.posix.join(kind, new Date().toISOString().slice(0, 7), `${randomUUID()}.${ext}`);
    const file = path.join(this.root, rel);
    await mkdir(path.dirname(file), { recursive: true });
    await writeFile(file, bytes, { mode: 0o600 });
    return rel;
  }

  async read(rel: string): Promise<{ bytes: Buffer; type: string }> {
    const file = path.resolve(this.root, rel);
    if (!file.startsWith(this.root + path.sep)) throw invalidField("path", "bad file path");
    return { bytes: await readFile(file), type: rel.endsWith(".png") ? "image/png" : "image/jpeg" };
  }
}
