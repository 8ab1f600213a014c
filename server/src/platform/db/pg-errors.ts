/** The fields of a PostgreSQL error the platform looks at. */
export interface PgError {
  code?: string;
  detail?: string;
  constraint?: string;
}

/** drizzle wraps driver errors in its own (`DrizzleQueryError`); the PostgreSQL error sits on the cause. */
export function pgErrorOf(err: unknown): PgError | undefined {
  let e = err as (PgError & { cause?: unknown }) | undefined;
  for (let depth = 0; e && depth < 3; depth++) {
    if (typeof e.code === "string" && /^[0-9A-Z]{5}$/.test(e.code)) return e;
    e = e.cause as typeof e;
  }
  return undefined;
}

/** A unique-constraint violation (23505), optionally of one named constraint. */
export function isUniqueViolation(err: unknown, constraint?: string): boolean {
  const pg = pgErrorOf(err);
  return pg?.code === "23505" && (constraint === undefined || pg.constraint === constraint);
}
