import type { FastifyRequest } from "fastify";
import { invalidField } from "../errors.js";

export interface Upload {
  bytes: Buffer;
  /** The name the client gave; for display only, never a path on disk. */
  fileName: string;
}

/**
 * Reads the multipart field `file` of an upload; `what` says in the error what was expected. The content's
 * type is judged by whoever stores it (by its first bytes), never by this name or a header.
 * @throws AppError VALIDATION naming `file`; PAYLOAD_TOO_LARGE past the upload limit (app.ts).
 */
export async function readUpload(req: FastifyRequest, what: { zh: string; en: string }): Promise<Upload> {
  const missing = () => invalidField("file", `请上传${what.zh}，字段名 file (upload ${what.en} in field \`file\`)`);
  if (!req.isMultipart()) throw missing();
  const part = await req.file();
  if (!part || part.fieldname !== "file") throw missing();
  return { bytes: await part.toBuffer(), fileName: part.filename };
}

/** A photo upload (JPEG or PNG, checked by the file store). */
export const readImageUpload = async (req: FastifyRequest): Promise<Buffer> => (await readUpload(req, { zh: " JPEG 或 PNG 照片", en: "an image" })).bytes;
