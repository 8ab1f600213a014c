import { getTableColumns, getTableName, sql } from "drizzle-orm";
import { toSnakeCase } from "drizzle-orm/casing";
import type { PgColumn, PgTable } from "drizzle-orm/pg-core";
import type { Executor } from "../platform/db/client.js";

/**
 * Bulk rows in as few statements as possible: every column travels as ONE text[] parameter and the rows
 * come back out of `unnest`, cast to the column's own type (`insert … select … from unnest($1::text[], …)`).
 * One statement per ROWS_PER_STATEMENT rows whatever the width, so 100,000 cylinders are 25 statements
 * instead of 100 multi-row VALUES with thousands of parameters each; identical on PGlite and PostgreSQL.
 */
const ROWS_PER_STATEMENT = 4000;

type Row = Record<string, unknown>;

/** The value as the text PostgreSQL parses back into the column's type (drizzle's own driver mapping, then text). */
function asText(column: PgColumn, value: unknown): string | null {
  if (value === null || value === undefined) return null;
  const driver = column.mapToDriverValue(value);
  if (driver === null || driver === undefined) return null;
  if (driver instanceof Date) return driver.toISOString();
  if (typeof driver === "object") return JSON.stringify(driver);
  return String(driver);
}

/** Inserts `rows` (drizzle insert shapes; a key missing from a row is null there) into `table`; returns the count. */
export async function insertRows<T extends PgTable>(tx: Executor, table: T, rows: T["$inferInsert"][]): Promise<number> {
  if (rows.length === 0) return 0;
  const columns = getTableColumns(table) as Record<string, PgColumn>;
  // The union of the rows' keys: optional fields may be set on some rows only (a re-checked leak point).
  const present = new Set<string>();
  for (const r of rows as Row[]) for (const k in r) present.add(k);
  const keys = [...present].filter((k) => columns[k]);
  // The schema declares no column names: the database is opened with snake_case casing (platform/db/client.ts).
  const names = keys.map((k) => `"${columns[k].keyAsName ? toSnakeCase(columns[k].name) : columns[k].name}"`).join(", ");
  const casts = keys.map((k, i) => `c${i}::${columns[k].getSQLType()}`).join(", ");
  const aliases = keys.map((_, i) => `c${i}`).join(", ");
  for (let start = 0; start < rows.length; start += ROWS_PER_STATEMENT) {
    const part = rows.slice(start, start + ROWS_PER_STATEMENT) as Row[];
    const arrays = keys.map((k) => sql`${sql.param(part.map((r) => asText(columns[k], r[k])))}::text[]`);
    await tx.execute(
      sql`insert into ${sql.identifier(getTableName(table))} (${sql.raw(names)}) select ${sql.raw(casts)} from unnest(${sql.join(arrays, sql`, `)}) as x(${sql.raw(aliases)})`,
    );
  }
  return rows.length;
}
