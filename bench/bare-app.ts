import Fastify, { type FastifyInstance } from "fastify";
import type pg from "pg";
import type { CapturedQuery } from "./capture.js";

/**
 * The baseline: a bare Fastify app (no auth, no zod, no drizzle) whose two routes run the SQL the real
 * endpoints issued, through `pg` directly, and return the rows as JSON. The detail route swaps the captured
 * project id for the requested one so it can cycle over ids like the real run.
 */
export async function buildBareApp(pool: pg.Pool, list: CapturedQuery[], detail: CapturedQuery[], capturedDetailId: string): Promise<FastifyInstance> {
  const app = Fastify({ logger: false });
  const run = async (queries: CapturedQuery[], swap?: string) => {
    let rows: unknown[] = [];
    for (const q of queries) {
      const values = swap ? q.values.map((v) => (v === capturedDetailId ? swap : v)) : q.values;
      rows = (await pool.query(q.text, values)).rows;
    }
    return rows;
  };
  app.get("/bare/projects", async () => ({ items: await run(list) }));
  app.get<{ Params: { id: string } }>("/bare/projects/:id", async (req) => (await run(detail, req.params.id))[0] ?? {});
  return app;
}
