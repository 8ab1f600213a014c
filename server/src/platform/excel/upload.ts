import type { FastifyRequest } from "fastify";
import { invalidField } from "../errors.js";
import { readUpload } from "../http/upload.js";

const ZIP_MAGIC = Buffer.from([0x50, 0x4b, 0x03, 0x04]);

/**
 * Reads the multipart field `file` of an import request: an .xlsx (a zip) by name and by content, so a
 * wrong file fails at once instead of inside the job.
 * @throws AppError VALIDATION naming `file`; PAYLOAD_TOO_LARGE past the upload limit.
 */
export async function readXlsxUpload(req: FastifyRequest): Promise<Buffer> {
  const { bytes, fileName } = await readUpload(req, { zh: " Excel (.xlsx) 文件", en: "an .xlsx file" });
  if (!/\.xlsx$/i.test(fileName) || !bytes.subarray(0, 4).equals(ZIP_MAGIC)) {
    throw invalidField("file", `只支持 .xlsx 文件，收到「${fileName}」(only .xlsx files are accepted)`);
  }
  return bytes;
}
