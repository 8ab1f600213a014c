import { createHash, randomUUID } from "node:crypto";
import { mkdir, readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { invalidField } from "../errors.js";

/** File types accepted from uploads and devices, recognised by their first bytes, never by a name or header. */
const SIGNATURES: { ext: "jpg" | "png" | "pdf"; magic: number[] }[] = [
  { ext: "jpg", magic: [0xff, 0xd8, 0xff] },
  { ext: "png", magic: [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a] },
  { ext: "pdf", magic: [0x25, 0x50, 0x44, 0x46, 0x2d] }, // %PDF-
];
const CONTENT_TYPES = { jpg: "image/jpeg", png: "image/png", pdf: "application/pdf" } as const;

export const MAX_IMAGE_BYTES = 2 * 1024 * 1024;
/** Documents (schemes, records) may be long scans; the multipart limit in app.ts is the same. */
export const MAX_DOCUMENT_BYTES = 20 * 1024 * 1024;

const typeOf = (bytes: Buffer) => SIGNATURES.find((s) => s.magic.every((b, i) => bytes[i] === b))?.ext ?? null;

/** The image type of `bytes`, or null when it is not a JPEG or PNG. */
export function imageTypeOf(bytes: Buffer): "jpg" | "png" | null {
  const ext = typeOf(bytes);
  return ext === "pdf" ? null : ext;
}

export interface StoredDocument {
  path: string;
  contentType: (typeof CONTENT_TYPES)[keyof typeof CONTENT_TYPES];
  size: number;
  sha256: string;
}

/** What a verb may do with stored files (ServiceContext.files): the store in service, a stand-in where none is kept. */
export type Files = Pick<FileStore, "saveImage" | "saveDocument" | "read">;

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
    return this.write(kind, ext, bytes);
  }

  /** Stores a PDF, JPEG or PNG document (≤ 20 MB) after checking its type; `field` names the input in the error. */
  async saveDocument(kind: string, bytes: Buffer, field: string): Promise<StoredDocument> {
    if (bytes.length === 0) throw invalidField(field, "文件为空 (empty file)");
    if (bytes.length > MAX_DOCUMENT_BYTES) throw invalidField(field, `文件超过 ${MAX_DOCUMENT_BYTES / 1024 / 1024} MB (file too large)`);
    const ext = typeOf(bytes);
    if (!ext) throw invalidField(field, "只接受 PDF、JPEG 或 PNG 文件 (PDF, JPEG or PNG only)");
    const rel = await this.write(kind, ext, bytes);
    return { path: rel, contentType: CONTENT_TYPES[ext], size: bytes.length, sha256: createHash("sha256").update(bytes).digest("hex") };
  }

  private async write(kind: string, ext: string, bytes: Buffer): Promise<string> {
    const rel = path.posix.join(kind, new Date().toISOString().slice(0, 7), `${randomUUID()}.${ext}`);
    const file = path.join(this.root, rel);
    await mkdir(path.dirname(file), { recursive: true });
    await writeFile(file, bytes, { mode: 0o600 });
    return rel;
  }

  async read(rel: string): Promise<{ bytes: Buffer; type: string }> {
    const file = path.resolve(this.root, rel);
    if (!file.startsWith(this.root + path.sep)) throw invalidField("path", "bad file path");
    const ext = path.extname(rel).slice(1) as keyof typeof CONTENT_TYPES;
    return { bytes: await readFile(file), type: CONTENT_TYPES[ext] ?? "application/octet-stream" };
  }
}
