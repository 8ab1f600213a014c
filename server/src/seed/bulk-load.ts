import { sql } from "drizzle-orm";
import { rowsOf, type Executor } from "../platform/db/client.js";

/**
 * PostgreSQL's own advice for populating a database ("Populating a Database" in its manual): load first,
 * then build the indexes and add the keys. Each row COPYed into a table with a primary key, four secondary
 * indexes and four foreign keys costs five random index insertions and four look-ups in the referenced
 * tables; a build after the load sorts each index once and checks each foreign key with one join. On the
 * demo city's gas ledger that is several times cheaper on PGlite and PostgreSQL alike.
 *
 * `load` runs inside the caller's transaction with the listed tables' indexes and foreign keys dropped;
 * they are rebuilt from their own catalog definitions before this returns, so the schema is exactly what it
 * was (same names, same definitions), and a duplicate or a dangling reference the load wrote fails the
 * rebuild and with it the transaction. A primary key or unique constraint stays while a table outside the
 * list references it (its foreign key needs the index). `load` must not rely on a dropped index (an
 * `on conflict` naming one fails). The DDL holds the tables' exclusive locks until commit, which only a
 * first-start seed of empty tables can afford.
 */
export async function withIndexesDeferred<T>(tx: Executor, tables: readonly string[], load: () => Promise<T>): Promise<T> {
  const names = sql.param([...tables]);
  const foreignKeys = rowsOf<{ tbl: string; name: string; def: string }>(
    await tx.execute(sql`
      select c.conrelid::regclass::text as tbl, quote_ident(c.conname) as name, pg_get_constraintdef(c.oid) as def
      from pg_constraint c
      where c.contype = 'f' and c.conrelid = any(${names}::regclass[])
      order by c.oid`),
  );
  // Keys others point at only from within the list (whose foreign keys are dropped above).
  const keys = rowsOf<{ tbl: string; name: string; def: string }>(
    await tx.execute(sql`
      select c.conrelid::regclass::text as tbl, quote_ident(c.conname) as name, pg_get_constraintdef(c.oid) as def
      from pg_constraint c
      where c.contype in ('p', 'u') and c.conrelid = any(${names}::regclass[])
        and not exists (select 1 from pg_constraint f where f.contype = 'f' and f.conindid = c.conindid and f.conrelid <> all(${names}::regclass[]))
      order by c.oid`),
  );
  const indexes = rowsOf<{ name: string; def: string }>(
    await tx.execute(sql`
      select i.indexrelid::regclass::text as name, pg_get_indexdef(i.indexrelid) as def
      from pg_index i
      where i.indrelid = any(${names}::regclass[])
        and not exists (select 1 from pg_constraint c where c.conindid = i.indexrelid)
      order by i.indexrelid`),
  );
  // Catalog-generated names and definitions (quoted by PostgreSQL itself), not input: DDL cannot take parameters.
  for (const c of [...foreignKeys, ...keys]) await tx.execute(sql.raw(`alter table ${c.tbl} drop constraint ${c.name}`));
  if (indexes.length) await tx.execute(sql.raw(`drop index ${indexes.map((i) => i.name).join(", ")}`));
  const result = await load();
  for (const c of keys) await tx.execute(sql.raw(`alter table ${c.tbl} add constraint ${c.name} ${c.def}`));
  for (const index of indexes) await tx.execute(sql.raw(index.def));
  for (const c of foreignKeys) await tx.execute(sql.raw(`alter table ${c.tbl} add constraint ${c.name} ${c.def}`));
  return result;
}
