import type { TestProject } from "vitest/node";
import pg from "pg";
import { openDatabase } from "../../server/src/platform/db/client";
import { migrateDatabase } from "../../server/src/platform/db/migrate";

/** The server the PostgreSQL test tier runs against (the machine's local PostgreSQL 15 by default). */
export const adminUrl = () => process.env.TEST_DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/postgres";

export const urlFor = (database: string) => {
  const u = new URL(adminUrl());
  u.pathname = `/${database}`;
  return u.toString();
};

/**
 * Migrates one template database per run; every test file then gets `CREATE DATABASE … TEMPLATE` of its
 * own, so files run in parallel and never touch a database they did not create.
 */
export default async function setup(project: TestProject) {
  const run = `sc_t${process.pid}_${Date.now().toString(36)}`;
  const template = `${run}_tpl`;
  const admin = new pg.Client({ connectionString: adminUrl() });
  await admin.connect();
  await admin.query(`create database "${template}"`);
  const db = await openDatabase({ kind: "postgres", url: urlFor(template), poolSize: 2 });
  await migrateDatabase(db);
  await db.close();
  project.provide("pgRun", run);
  return async () => {
    const { rows } = await admin.query<{ datname: string }>("select datname from pg_database where datname like $1", [`${run}%`]);
    for (const { datname } of rows) await admin.query(`drop database if exists "${datname}" with (force)`);
    await admin.end();
  };
}

declare module "vitest" {
  export interface ProvidedContext {
    pgRun: string;
  }
}
