import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import type { PGlite, Transaction } from "@electric-sql/pglite";
import { getTableColumns, getTableName, is, sql, SQL } from "drizzle-orm";
import { toSnakeCase } from "drizzle-orm/casing";
import type { PgColumn, PgTable } from "drizzle-orm/pg-core";
import type pg from "pg";
import { from as copyFrom } from "pg-copy-streams";
import { rowsOf, type Executor } from "./client.js";

/**
 * Bulk writes through `COPY … FROM STDIN` (text format) on both engines: PostgreSQL over pg-copy-streams,
 * PGlite from an in-memory blob (`COPY … FROM '/dev/blob'`). COPY skips the parsing and planning of an
 * INSERT per batch and the text[] round trip of `insert … select from unnest`, so it is the cheapest way
 * to load hundreds of thousands of rows. It runs on whatever connection the executor holds, so inside a
 * transaction the rows are part of it (and roll back with it).
 */

/** One value as the caller has it: arrays become PostgreSQL arrays, other objects JSON; encode a JSON array with JSON.stringify. */
export type CopyValue = string | number | boolean | bigint | Date | Uint8Array | null | undefined | readonly unknown[] | { [key: string]: unknown };

// Rows per COPY statement on PGlite (one blob each) and per write on PostgreSQL: bounds the text held in memory at once.
const ROWS_PER_CHUNK = 20_000;

/** `"x"` quoted as an element of an array literal (backslash and double quote escaped). */
const quoteElement = (s: string) => `"${s.replace(/[\\"]/g, "\\$&")}"`;

/** A PostgreSQL array literal; elements are quoted, so any text survives; nested arrays are sub-arrays. */
function arrayLiteral(values: readonly unknown[]): string {
  const parts = values.map((v) => {
    if (v === null || v === undefined) return "NULL";
    if (Array.isArray(v)) return arrayLiteral(v);
    return quoteElement(scalarText(v as CopyValue));
  });
  return `{${parts.join(",")}}`;
}

/** The value as PostgreSQL's input text for its column (before COPY's own escaping). */
function scalarText(value: CopyValue): string {
  switch (typeof value) {
    case "string":
      return value;
    case "number":
    case "bigint":
      return String(value);
    case "boolean":
      return value ? "t" : "f";
    case "object":
      if (value instanceof Date) {
        if (Number.isNaN(value.getTime())) throw new TypeError("copyRows: invalid Date");
        return value.toISOString();
      }
      if (value instanceof Uint8Array) return `\\x${Buffer.from(value).toString("hex")}`;
      if (Array.isArray(value)) return arrayLiteral(value);
      return JSON.stringify(value);
    default:
      throw new TypeError(`copyRows: cannot write a ${typeof value}`);
  }
}

// COPY text format: backslash, newline, carriage return and tab are escaped; \N is null.
const NEEDS_ESCAPE = /[\\\n\r\t]/;
const SPECIAL = /[\\\n\r\t]/g;
const ESCAPES: Record<string, string> = { "\\": "\\\\", "\n": "\\n", "\r": "\\r", "\t": "\\t" };
const escape = (c: string) => ESCAPES[c];

/** One field of a COPY text line. Exported for the unit test of the escaping. */
export function copyField(value: CopyValue): string {
  if (value === null || value === undefined) return "\\N";
  // Numbers are most of a seed's fields and never need escaping; most text needs none either.
  if (typeof value === "number") return String(value);
  const text = typeof value === "string" ? value : scalarText(value);
  return NEEDS_ESCAPE.test(text) ? text.replace(SPECIAL, escape) : text;
}

/** One line per row (no trailing newline), built field by field without an intermediate array. */
function rowLine(row: readonly CopyValue[], width: number): string {
  if (row.length !== width) throw new RangeError(`copyRows: a row has ${row.length} values for ${width} columns`);
  let line = copyField(row[0]);
  for (let i = 1; i < width; i++) line += "\t" + copyField(row[i]);
  return line;
}

/** The lines joined into chunks of ROWS_PER_CHUNK, each ending in a newline; `count.n` ends as the number of lines. */
function* chunks(lines: Iterable<string>, count: { n: number }): Generator<string> {
  let chunk: string[] = [];
  for (const line of lines) {
    chunk.push(line);
    count.n++;
    if (chunk.length === ROWS_PER_CHUNK) {
      yield chunk.join("\n") + "\n";
      chunk = [];
    }
  }
  if (chunk.length) yield chunk.join("\n") + "\n";
}

const quoteIdent = (name: string) => `"${name.replace(/"/g, '""')}"`;

type Driver = { kind: "pglite"; client: PGlite | Transaction } | { kind: "pg"; client: pg.ClientBase } | { kind: "pool"; pool: pg.Pool };

/**
 * The connection behind a drizzle database or transaction. Drizzle keeps it as `session.client` in both
 * drivers: a PGlite (or its open Transaction), a node-postgres Pool, or the PoolClient a transaction holds.
 */
function driverOf(executor: Executor): Driver {
  const client = (executor as unknown as { session?: { client?: unknown } }).session?.client as Record<string, unknown> | undefined;
  if (client && typeof client.connect === "function" && "totalCount" in client) return { kind: "pool", pool: client as unknown as pg.Pool };
  if (client && "connection" in client && typeof client.query === "function") return { kind: "pg", client: client as unknown as pg.ClientBase };
  if (client && typeof client.query === "function" && typeof client.exec === "function") return { kind: "pglite", client: client as unknown as PGlite };
  throw new Error("copyRows: the executor's driver is neither PGlite nor node-postgres");
}

/** COPYs the lines (fields already encoded, tab-separated) into `table (columns)`; returns the line count. */
async function copyLines(executor: Executor, table: string, columns: readonly string[], lines: Iterable<string>): Promise<number> {
  if (columns.length === 0) throw new RangeError(`copyRows: no columns for ${table}`);
  const statement = `copy ${quoteIdent(table)} (${columns.map(quoteIdent).join(", ")}) from`;
  const driver = driverOf(executor);
  const count = { n: 0 };
  if (driver.kind === "pglite") {
    for (const text of chunks(lines, count)) await driver.client.query(`${statement} '/dev/blob'`, [], { blob: new Blob([text]) });
    return count.n;
  }
  const stream = async (client: pg.ClientBase) => pipeline(Readable.from(chunks(lines, count)), client.query(copyFrom(`${statement} stdin`)));
  if (driver.kind === "pg") await stream(driver.client);
  else {
    const client = await driver.pool.connect();
    try {
      await stream(client);
    } finally {
      client.release();
    }
  }
  return count.n;
}

/**
 * Writes `rows` (one value per column, in `columns` order) into `table` with COPY; returns the row count.
 * Values: null/undefined → NULL, Date → ISO timestamp, arrays → array literals, objects → JSON.
 */
export async function copyRows(executor: Executor, table: string, columns: readonly string[], rows: Iterable<readonly CopyValue[]>): Promise<number> {
  return copyLines(
    executor,
    table,
    columns,
    (function* () {
      for (const row of rows) yield rowLine(row, columns.length);
    })(),
  );
}

/** The column's name in the database: the schema declares none, the database is opened with snake_case casing (client.ts). */
const columnName = (column: PgColumn) => (column.keyAsName ? toSnakeCase(column.name) : column.name);

// Drizzle's serial column types: their default is the sequence's nextval.
const SERIAL_TYPES = new Set(["PgSerial", "PgSmallSerial", "PgBigSerial53", "PgBigSerial64"]);

/**
 * `copyRows` for a drizzle table and its insert shapes: each value goes through the column's own driver
 * mapping (jsonb, arrays, timestamps as drizzle would bind them). The columns are the union of the rows'
 * keys. A row lacking one of them gets what an INSERT would give it: the column's default when that is a
 * value (or a `$defaultFn`), else NULL; a default that is SQL (`now()`, `gen_random_uuid()`) cannot be
 * written by COPY for some rows only, so that case is refused. A serial key the rows leave out is numbered
 * from one reservation of the block its sequence would have handed out row by row: the same numbers in
 * the same order, one statement instead of a `nextval` per row.
 */
export async function copyInto<T extends PgTable>(executor: Executor, table: T, rows: readonly T["$inferInsert"][]): Promise<number> {
  if (rows.length === 0) return 0;
  const name = getTableName(table);
  const all = getTableColumns(table) as Record<string, PgColumn>;
  const present = new Set<string>();
  for (const r of rows as Record<string, unknown>[]) for (const k in r) if (r[k] !== undefined) present.add(k);
  const keys = [...present].filter((k) => all[k]);
  const fallbacks: ((row: number) => unknown)[] = keys.map((k) => {
    const c = all[k];
    if (c.defaultFn) return () => c.defaultFn!();
    if (!c.hasDefault) return () => null;
    if (c.default !== undefined && !is(c.default, SQL)) return () => c.default;
    return () => {
      throw new Error(`copyInto ${name}: "${k}" is missing from some rows and its default is SQL; give it on every row`);
    };
  });
  for (const [k, c] of Object.entries(all)) {
    if (present.has(k) || !SERIAL_TYPES.has(c.columnType)) continue;
    const [{ last }] = rowsOf<{ last: string }>(
      await executor.execute(sql`select setval(s, nextval(s) + ${rows.length - 1})::text as last from pg_get_serial_sequence(${name}, ${columnName(c)}) as s`),
    );
    const first = Number(last) - rows.length + 1;
    keys.push(k);
    fallbacks.push((row) => first + row);
  }
  const columns = keys.map((k) => all[k]);
  // Drizzle's own mapping of each value (jsonb → JSON text, arrays → literals, timestamps → ISO), as an INSERT would bind it.
  const field = (i: number, value: unknown) => (value === null || value === undefined ? "\\N" : copyField(columns[i].mapToDriverValue(value) as CopyValue));
  return copyLines(
    executor,
    name,
    columns.map(columnName),
    (function* () {
      let n = 0;
      for (const r of rows as Record<string, unknown>[]) {
        let line = "";
        for (let i = 0; i < keys.length; i++) {
          const v = r[keys[i]];
          line += (i ? "\t" : "") + field(i, v === undefined ? fallbacks[i](n) : v);
        }
        n++;
        yield line;
      }
    })(),
  );
}

/** The insert shape of each table a bulk loader fills, by the loader's key for it. */
export type LoaderRows<T extends Record<string, PgTable>> = { [K in keyof T]: T[K]["$inferInsert"] };

/**
 * A module's bulk loader: `load(executor, key, rows)` COPYs the rows into the module's table under that key
 * (copyInto, so the same speed and mapping). The module's index.ts exports the loader and its row types,
 * never the tables (DESIGN.md), so the seed fills a module's tables from outside its walls at COPY speed.
 */
export function bulkLoader<T extends Record<string, PgTable>>(tables: T) {
  return <K extends keyof T & string>(executor: Executor, key: K, rows: readonly LoaderRows<T>[K][]): Promise<number> => copyInto(executor, tables[key], rows);
}
