import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase } from "../../../test/setup/db";
import { rowsOf, type Database } from "../platform/db/client";
import { withIndexesDeferred } from "./bulk-load";

let database: Database;
beforeAll(async () => {
  database = await createTestDatabase();
  // One statement per query: PGlite's extended protocol takes no more.
  for (const statement of [
    `create table bl_parent (id int primary key, code text not null)`,
    `create unique index bl_parent_code_uq on bl_parent (code)`,
    `create table bl_child (id int primary key, parent_id int not null references bl_parent (id), at int not null, note text)`,
    `create unique index bl_child_parent_at_uq on bl_child (parent_id, at)`,
    `create index bl_child_note_idx on bl_child (lower(note)) where note is not null`,
    `create table bl_outside (id int primary key, parent_id int references bl_parent (id))`,
  ]) {
    await database.db.execute(sql.raw(statement));
  }
});
afterAll(() => database?.close());

/** Every index, constraint and their definitions on the probe tables: what the helper must leave as it found. */
const schema = async () =>
  rowsOf<{ def: string }>(
    await database.db.execute(sql`
      select conrelid::regclass::text || ' ' || conname || ' ' || pg_get_constraintdef(oid) as def from pg_constraint where conrelid::regclass::text like 'bl\_%'
      union all
      select pg_get_indexdef(indexrelid) from pg_index where indrelid::regclass::text like 'bl\_%'
      order by 1`),
  ).map((r) => r.def);

/** The probe tables' indexes and constraints as seen from inside the load. */
const present = async (tx: Parameters<Parameters<Database["db"]["transaction"]>[0]>[0]) =>
  rowsOf<{ name: string }>(
    await tx.execute(sql`
      select conname::text as name from pg_constraint where conrelid::regclass::text like 'bl\_%' and contype in ('p', 'u', 'f')
      union select indexrelid::regclass::text from pg_index where indrelid::regclass::text like 'bl\_%' order by 1`),
  ).map((r) => r.name);

describe("withIndexesDeferred", () => {
  it("loads with the tables' indexes and keys dropped and rebuilds them exactly, keeping a key a table outside the list references", async () => {
    const before = await schema();
    const during = await database.db.transaction((tx) =>
      withIndexesDeferred(tx, ["bl_parent", "bl_child"], async () => {
        await tx.execute(sql`insert into bl_parent select g, 'P' || g from generate_series(1, 50) g`);
        await tx.execute(sql`insert into bl_child select g, 1 + g % 50, g, case when g % 3 = 0 then 'n' || g end from generate_series(1, 500) g`);
        return present(tx);
      }),
    );
    // bl_outside references bl_parent's key, so that key (and its index) stayed; everything else of the two tables went.
    expect(during).toEqual(["bl_outside_parent_id_fkey", "bl_outside_pkey", "bl_parent_pkey"]);
    expect(await schema()).toEqual(before);
    const [row] = rowsOf<{ n: number }>(await database.db.execute(sql`select count(*)::int as n from bl_child where parent_id = 7`));
    expect(row.n).toBe(10);
  });

  it("fails the transaction, leaving nothing, when the load breaks a key, a unique index or a reference", async () => {
    const before = await schema();
    const attempt = (statement: string) =>
      database.db.transaction((tx) => withIndexesDeferred(tx, ["bl_parent", "bl_child"], async () => void (await tx.execute(sql.raw(statement)))));
    await expect(attempt(`insert into bl_child values (1001, 1, 1, null), (1001, 2, 2, null)`)).rejects.toThrow();
    await expect(attempt(`insert into bl_child values (1001, 1, 9999, null), (1002, 1, 9999, null)`)).rejects.toThrow();
    await expect(attempt(`insert into bl_child values (1001, 424242, 1, null)`)).rejects.toThrow();
    expect(await schema()).toEqual(before);
    const [row] = rowsOf<{ n: number }>(await database.db.execute(sql`select count(*)::int as n from bl_child where id > 1000`));
    expect(row.n).toBe(0);
  });
});
