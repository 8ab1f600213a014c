import { WORK_FILE_TYPES, type WorkFileDto } from "@contracts/safety/dangerous-works";

/** The server's upload limit; checked here too so a too-big file is refused before it is sent. */
export const MAX_WORK_FILE_BYTES = 20 * 1024 * 1024;

/** What the picker offers: the types the server accepts (it checks the first bytes, not the name). */
export const WORK_FILE_ACCEPT = [".pdf", ".jpg", ".jpeg", ".png", ...WORK_FILE_TYPES].join(",");

/** Why a picked file cannot go (an i18n key under safety.), or null. The type is judged by the browser's MIME type or, without one, the name. */
export function uploadProblem(file: { name: string; type: string; size: number }): "fileTooBig" | "fileType" | "fileEmpty" | null {
  if (file.size === 0) return "fileEmpty";
  if (file.size > MAX_WORK_FILE_BYTES) return "fileTooBig";
  const typed = file.type ? (WORK_FILE_TYPES as readonly string[]).includes(file.type) : /\.(pdf|jpe?g|png)$/i.test(file.name);
  return typed ? null : "fileType";
}

/** 12 B, 340 KB, 1.5 MB. */
export function formatSize(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${Math.round(bytes / 1024)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1).replace(/\.0$/, "")} MB`;
}

/** The scheme of the work's current revision is on file (needed to send the scheme on for review). */
export const hasCurrentScheme = (files: readonly Pick<WorkFileDto, "kind" | "revision">[], revision: number) =>
  files.some((f) => f.kind === "scheme" && f.revision === revision);
