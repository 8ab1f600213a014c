import type pg from "pg";

/** One statement as the driver received it. */
export interface CapturedQuery {
  text: string;
  values: unknown[];
}

type QueryFn = (config: string | { text: string }, values?: unknown[]) => Promise<pg.QueryResult>;

/**
 * Records every statement the pool runs while `fn` executes (drizzle calls `pool.query(config, params)`),
 * then restores the pool. Used to replay the exact SQL of an endpoint in the bare baseline and to count
 * queries per request.
 */
export async function captureQueries(pool: pg.Pool, fn: () => Promise<unknown>): Promise<CapturedQuery[]> {
  const captured: CapturedQuery[] = [];
  const target = pool as unknown as { query: QueryFn };
  const original = target.query;
  target.query = function (this: unknown, config, values) {
    captured.push({ text: typeof config === "string" ? config : config.text, values: values ?? [] });
    return original.call(pool, config, values);
  };
  try {
    await fn();
  } finally {
    target.query = original;
  }
  return captured;
}

/** Session and user look-ups belong to authentication, not to the endpoint's own work. */
export const isRegistryQuery = (q: CapturedQuery) => /registry_/.test(q.text) && !/auth_(sessions|users|api_tokens)/.test(q.text);
