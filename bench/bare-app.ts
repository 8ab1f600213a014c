import Fastify, { type FastifyInstance } from "fastify";
import type pg from "pg";
import type { CapturedQuery } from "./capture.js";

/**
 * The baseline: a bare Fastify app (no auth, no zod, no drizzle) whose two routes run the SQL the real
 * endpoints issued, through `pg` directly, and return the rows as JSON. The detail route swaps the captured
 * project id for the requested one so it can cycle over ids like the real run. `prepared` runs them as
 * named prepared statements instead (a diagnosis: what planning each request costs); `concurrent` runs a
 * request's statements side by side on the pool, as an endpoint composing independent reads does.
 */
export async function buildBareApp(
  pool: pg.Pool,
  list: CapturedQuery[],
  detail: CapturedQuery[],
  capturedDetailId: string,
  opts: { prepared?: boolean; concurrent?: boolean } = {},
): Promise<FastifyInstance> {
  const app = Fastify({ logger: false });
  const names = new Map<string, string>();
  const nameOf = (text: string) => names.get(text) ?? (names.set(text, `bench_${names.size}`), names.get(text)!);
  const run = async (queries: CapturedQuery[], swap?: string) => {
    if (opts.concurrent) return (await Promise.all(queries.map((q) => pool.query({ text: q.text, values: q.values })))).flatMap((r) => r.rows);
    let rows: unknown[] = [];
    for (const q of queries) {
      const values = swap ? q.values.map((v) => (v === capturedDetailId ? swap : v)) : q.values;
      rows = (await pool.query(opts.prepared ? { name: nameOf(q.text), text: q.text, values } : { text: q.text, values })).rows;
    }
    return rows;
  };
  app.get("/bare/projects", async () => ({ items: await run(list) }));
  app.get<{ Params: { id: string } }>("/bare/projects/:id", async (req) => (await run(detail, req.params.id))[0] ?? {});
  return app;
}
