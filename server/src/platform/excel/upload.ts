import type { FastifyRequest } from "fastify";
import { invalidField } from "../errors.js";

const ZIP_MAGIC = Buffer.from([0x50, 0x4b, 0x03, 0x04]);

/**
 * Reads the multipart field `file` of an import request: an .xlsx (a zip) by name and by content, so a
 * wrong file fails at once instead of inside the job.
 * @throws AppError VALIDATION naming `file`; PAYLOAD_TOO_LARGE past the upload limit.
 */
export async function readXlsxUpload(req: FastifyRequest): Promise<Buffer> {
  const missing = () => invalidField("file", "请上传 Excel (.xlsx) 文件，字段名 file (upload an .xlsx file in field `file`)");
  if (!req.isMultipart()) throw missing();
  const part = await req.file();
  if (!part || part.fieldname !== "file") throw missing();
  const buffer = await part.toBuffer();
  if (!/\.xlsx$/i.test(part.filename) || !buffer.subarray(0, 4).equals(ZIP_MAGIC)) {
    throw invalidField("file", `只支持 .xlsx 文件，收到「${part.filename}」(only .xlsx files are accepted)`);
  }
  return buffer;
}
