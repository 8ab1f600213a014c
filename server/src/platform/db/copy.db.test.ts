import { sql } from "drizzle-orm";
import { bigserial, boolean, date, integer, jsonb, numeric, pgTable, text, timestamp } from "drizzle-orm/pg-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase } from "../../../../test/setup/db";
import { rowsOf, type Database } from "./client";
import { copyInto, copyRows } from "./copy";

const probe = pgTable("copy_probe", {
  id: integer().primaryKey(),
  label: text(),
  doc: jsonb(),
  tags: text().array(),
  at: timestamp({ withTimezone: true }),
  day: date(),
  amount: numeric(),
  ok: boolean(),
  note: text().notNull().default("none"),
});

// A bigserial key the rows leave out: numbered from its sequence.
const numbered = pgTable("copy_numbered", { id: bigserial({ mode: "number" }).primaryKey(), label: text() });

// The same table seen with an SQL default (now()), which COPY cannot apply to some rows only.
const stamped = pgTable("copy_probe", { id: integer().primaryKey(), at: timestamp({ withTimezone: true }).defaultNow() });

let database: Database;
beforeAll(async () => {
  database = await createTestDatabase();
  await database.db.execute(
    sql.raw(`create table copy_probe (id int primary key, label text, doc jsonb, tags text[], at timestamptz, day date, amount numeric, ok boolean, note text not null default 'none')`),
  );
  await database.db.execute(sql.raw(`create table copy_numbered (id bigserial primary key, label text)`));
});
afterAll(() => database?.close());

const read = async () => rowsOf<Record<string, unknown>>(await database.db.execute(sql`select id, label, doc, tags, at::text as at, day::text as day, amount::text as amount, ok, note from copy_probe order by id`));
const clear = () => database.db.execute(sql`delete from copy_probe`);

// Every character COPY's text format or an array literal treats specially, plus strings that look like its markers.
const AWKWARD = ["tab\there", "two\nlines\r\nand CR", 'quote " and \\ backslash', "\\N", "\\.", "", "中文 (Chinese)", "{braces},comma", "NULL"];

describe("copyRows / copyInto (COPY FROM STDIN on both engines)", () => {
  it("writes awkward text, empty strings and nulls exactly, inside the caller's transaction", async () => {
    await clear();
    const values = [...AWKWARD, null];
    const n = await database.db.transaction((tx) => copyRows(tx, "copy_probe", ["id", "label"], values.map((v, i) => [i, v])));
    expect(n).toBe(values.length);
    expect((await read()).map((r) => r.label)).toEqual(values);
  });

  it("maps drizzle values: jsonb objects and arrays, text[] with awkward elements, timestamps, dates, numerics, booleans", async () => {
    await clear();
    const at = new Date("2026-03-01T08:15:30.123Z");
    await copyInto(database.db, probe, [
      { id: 1, doc: { say: 'he said "hi"\n', n: [1, null, { deep: "\\" }] }, tags: [...AWKWARD, null as unknown as string], at, day: "2026-02-28", amount: "12345.678", ok: true },
      { id: 2, doc: ["a", "b\tc"], tags: [], at: null, day: null, amount: null, ok: false },
    ]);
    const rows = await read();
    expect(rows[0]).toMatchObject({ doc: { say: 'he said "hi"\n', n: [1, null, { deep: "\\" }] }, tags: [...AWKWARD, null], day: "2026-02-28", amount: "12345.678", ok: true, note: "none" });
    expect(new Date(String(rows[0].at).replace(" ", "T").replace(/\+00$/, "Z")).getTime()).toBe(at.getTime());
    expect(rows[1]).toMatchObject({ doc: ["a", "b\tc"], tags: [], at: null, day: null, amount: null, ok: false });
  });

  it("writes more rows than one chunk holds", async () => {
    await clear();
    const n = 45_000;
    await copyRows(database.db, "copy_probe", ["id", "label"], (function* () {
      for (let i = 0; i < n; i++) yield [i, `row ${i}`];
    })());
    const [row] = rowsOf<{ n: number; last: string }>(await database.db.execute(sql`select count(*)::int as n, max(label) filter (where id = ${n - 1}) as last from copy_probe`));
    expect(row).toEqual({ n, last: `row ${n - 1}` });
  });

  it("rolls back with the transaction, and a rejected row fails the call (nothing written)", async () => {
    await clear();
    await expect(
      database.db.transaction(async (tx) => {
        await copyRows(tx, "copy_probe", ["id", "label"], [[1, "kept until the rollback"]]);
        throw new Error("abort");
      }),
    ).rejects.toThrow("abort");
    await expect(copyRows(database.db, "copy_probe", ["id", "note"], [[1, "fine"], [2, null]])).rejects.toThrow(/null value|not-null/);
    await expect(copyRows(database.db, "copy_probe", ["id"], [[1], [1]])).rejects.toThrow(/duplicate key/);
    expect(await read()).toEqual([]);
  });

  it("gives a row that lacks a column what an INSERT would: the value default, or NULL; an SQL default is refused", async () => {
    await clear();
    await copyInto(database.db, probe, [{ id: 1, note: "given", label: "x" }, { id: 2 }]);
    await copyInto(database.db, probe, [{ id: 3 }]);
    expect((await read()).map((r) => [r.note, r.label])).toEqual([["given", "x"], ["none", null], ["none", null]]);
    await expect(copyInto(database.db, stamped, [{ id: 4, at: new Date() }, { id: 5 }])).rejects.toThrow(/"at" is missing from some rows and its default is SQL/);
    await expect(copyRows(database.db, "copy_probe", ["id", "label"], [[1]])).rejects.toThrow(/1 values for 2 columns/);
  });

  it("numbers a serial key the rows leave out as the sequence would have, row by row, and moves the sequence past them", async () => {
    await database.db.insert(numbered).values([{ label: "before" }, { label: "before" }]);
    await database.db.transaction((tx) => copyInto(tx, numbered, ["a", "b", "c"].map((label) => ({ label }))));
    await database.db.insert(numbered).values({ label: "after" });
    const rows = rowsOf<{ id: number; label: string }>(await database.db.execute(sql`select id::int as id, label from copy_numbered order by id`));
    expect(rows).toEqual([
      { id: 1, label: "before" },
      { id: 2, label: "before" },
      { id: 3, label: "a" },
      { id: 4, label: "b" },
      { id: 5, label: "c" },
      { id: 6, label: "after" },
    ]);
  });
});
