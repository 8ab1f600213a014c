import { z } from "zod";
import { PageQuery } from "../platform/common";
import { Post } from "../registry/enums";

/** A calendar month `YYYY-MM` (Asia/Shanghai), the period of presence reports and payroll. */
export const YearMonth = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, "月份格式为 YYYY-MM (month as YYYY-MM)");
export type YearMonth = z.infer<typeof YearMonth>;

export { shanghaiDay, shanghaiMonth } from "../platform/time";

/** The month `n` months after (or before, for negative n) `month`. */
export function addMonths(month: string, n: number): string {
  const [y, m] = month.split("-").map(Number);
  const d = new Date(Date.UTC(y, m - 1 + n, 1));
  return `${d.getUTCFullYear()}-${String(d.getUTCMonth() + 1).padStart(2, "0")}`;
}

/** First and last day (YYYY-MM-DD) of a month. */
export function monthBounds(month: string): { from: string; to: string } {
  const [y, m] = month.split("-").map(Number);
  const last = new Date(Date.UTC(y, m, 0)).getUTCDate();
  return { from: `${month}-01`, to: `${month}-${String(last).padStart(2, "0")}` };
}

export const KeyPersonnelQuery = z.object({ month: YearMonth.optional() });
export type KeyPersonnelQuery = z.infer<typeof KeyPersonnelQuery>;

/**
 * One key-post holder's presence (关键岗位人员到岗) in a month, over the days they held the post:
 * construction days are the days with at least one accepted worker passage on the project; present
 * days are the construction days on which the holder passed the project's gate. `rate` is null when
 * there was no construction day (nothing to measure, never flagged).
 */
export const KeyPersonDto = z.object({
  postId: z.uuid(),
  projectId: z.uuid(),
  projectCode: z.string(),
  projectName: z.string(),
  personId: z.uuid(),
  name: z.string(),
  enterpriseId: z.uuid(),
  enterpriseName: z.string(),
  post: Post,
  /** The part of the month the post was held (YYYY-MM-DD, inclusive). */
  from: z.string(),
  to: z.string(),
  constructionDays: z.number().int(),
  presentDays: z.number().int(),
  /** present / construction days, 0–1, 4 decimals. */
  rate: z.number().nullable(),
  requiredRate: z.number(),
  /** Where the required rate comes from (regulation or local rule). */
  requiredRateSource: z.string(),
  belowRate: z.boolean(),
});
export type KeyPersonDto = z.infer<typeof KeyPersonDto>;

export const ProjectKeyPersonnelDto = z.object({
  projectId: z.uuid(),
  month: YearMonth,
  /** Construction days of the whole month on the project. */
  constructionDays: z.number().int(),
  /** True when any holder is below the required rate. */
  flagged: z.boolean(),
  items: z.array(KeyPersonDto),
});
export type ProjectKeyPersonnelDto = z.infer<typeof ProjectKeyPersonnelDto>;

export const KeyPersonnelAbsencesQuery = PageQuery.extend({ month: YearMonth.optional(), post: Post.optional() });
export type KeyPersonnelAbsencesQuery = z.infer<typeof KeyPersonnelAbsencesQuery>;
