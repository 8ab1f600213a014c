import { sql, type SQL } from "drizzle-orm";

export interface PageRequest {
  page: number;
  pageSize: number;
}

export interface Page<T> {
  items: T[];
  total: number;
  page: number;
  pageSize: number;
}

export const offsetOf = (p: PageRequest) => (p.page - 1) * p.pageSize;

/** `count(*) over ()` lets one query return both the page and the total. */
export const totalOver = sql<number>`count(*) over ()`.mapWith(Number);

/** Turns rows carrying a `total` column into a Page. An empty page past the end still reports the real total. */
export function toPage<R extends { total: number }, T>(rows: R[], req: PageRequest, map: (r: R) => T, fallbackTotal = 0): Page<T> {
  return { items: rows.map(map), total: rows[0]?.total ?? fallbackTotal, page: req.page, pageSize: req.pageSize };
}

/** Escapes LIKE wildcards in user search text. */
export function likePattern(q: string): string {
  return `%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

export function andAll(conds: (SQL | undefined)[]): SQL | undefined {
  const present = conds.filter((c): c is SQL => c !== undefined);
  if (present.length === 0) return undefined;
  return sql.join(present.map((c) => sql`(${c})`), sql` and `);
}
