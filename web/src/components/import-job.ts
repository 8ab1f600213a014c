import type { JobDto } from "@contracts/platform/common";

/** One bad row of a failed import as the job reports it. */
export interface RowIssue {
  row: number | string;
  column: string;
  message: string;
}

/** `result.imported` of a succeeded import job (0 when absent). */
export function jobImported(job: JobDto): number {
  const n = (job.result as { imported?: unknown } | null)?.imported;
  return typeof n === "number" ? n : 0;
}

/** The failure message of a job, or a generic one. */
export function jobErrorMessage(job: JobDto): string {
  const m = (job.error as { message?: unknown } | null)?.message;
  return typeof m === "string" ? m : "导入失败 (import failed)";
}

/**
 * Every issue of a failed job, sorted by row. Row issues carry `{row, column, message}`; sheet-level
 * ones (a missing column) only a `path` such as `header.name`, shown with a dash for the row.
 */
export function jobRowIssues(job: JobDto): RowIssue[] {
  const issues = (job.error as { details?: { issues?: unknown } } | null)?.details?.issues;
  if (!Array.isArray(issues)) return [];
  const out: RowIssue[] = issues.map((raw: unknown) => {
    const i = (raw ?? {}) as { row?: unknown; column?: unknown; path?: unknown; message?: unknown };
    return {
      row: typeof i.row === "number" ? i.row : "—",
      column: typeof i.column === "string" ? i.column : typeof i.path === "string" ? i.path : "",
      message: typeof i.message === "string" ? i.message : "",
    };
  });
  return out.sort((a, b) => (typeof a.row === "number" ? a.row : 0) - (typeof b.row === "number" ? b.row : 0));
}
