import { sql } from "drizzle-orm";
import { rowsOf, type Executor } from "../platform/db/client.js";

/**
 * PostgreSQL's own advice for populating a database ("Populating a Database" in its manual): load first,
 * then build the indexes and add the foreign keys. Each row COPYed into a table with four secondary indexes
 * and four foreign keys costs four random index insertions and four look-ups in the referenced tables; a
 * build after the load sorts each index once and checks each foreign key with one join. On the demo city's
 * gas ledger that is several times cheaper on PGlite and PostgreSQL alike.
 *
 * `load` runs inside the caller's transaction with the listed tables' secondary indexes and foreign keys
 * dropped; they are rebuilt from their own catalog definitions before this returns, so the schema is
 * exactly what it was (same names, same definitions), and a duplicate or a dangling reference the load
 * wrote fails the rebuild and with it the transaction. Kept: primary keys and every index a constraint
 * stands on (unique constraints, the targets of foreign keys), so look-ups by id during the load still
 * find an index. `load` must not rely on a dropped index (an `on conflict` naming one fails). The DDL
 * takes the tables' exclusive locks until commit, which only a first-start seed of empty tables can afford.
 */
export async function withIndexesDeferred<T>(tx: Executor, tables: readonly string[], load: () => Promise<T>): Promise<T> {
  const names = sql.param([...tables]);
  const indexes = rowsOf<{ name: string; def: string }>(
    await tx.execute(sql`
      select i.indexrelid::regclass::text as name, pg_get_indexdef(i.indexrelid) as def
      from pg_index i
      where i.indrelid = any(${names}::regclass[])
        and not exists (select 1 from pg_constraint c where c.conindid = i.indexrelid)
      order by i.indexrelid`),
  );
  const foreignKeys = rowsOf<{ tbl: string; name: string; def: string }>(
    await tx.execute(sql`
      select c.conrelid::regclass::text as tbl, quote_ident(c.conname) as name, pg_get_constraintdef(c.oid) as def
      from pg_constraint c
      where c.contype = 'f' and c.conrelid = any(${names}::regclass[])
      order by c.oid`),
  );
  // Catalog-generated names and definitions (quoted by PostgreSQL itself), not input: DDL cannot take parameters.
  for (const fk of foreignKeys) await tx.execute(sql.raw(`alter table ${fk.tbl} drop constraint ${fk.name}`));
  if (indexes.length) await tx.execute(sql.raw(`drop index ${indexes.map((i) => i.name).join(", ")}`));
  const result = await load();
  for (const index of indexes) await tx.execute(sql.raw(index.def));
  for (const fk of foreignKeys) await tx.execute(sql.raw(`alter table ${fk.tbl} add constraint ${fk.name} ${fk.def}`));
  return result;
}
