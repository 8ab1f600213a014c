/**
 * Prepared drizzle queries, built once per executor and shape key. A prepared query is bound to the
 * session it was prepared on (the pool, or one transaction's client), so the cache is keyed by the
 * executor first; transactions are short-lived and drop out of the WeakMap with their executor.
 * Callers must keep the key space small and finite (a handful of booleans and enums), and derive the
 * statement name from the key: node-postgres refuses one name for two different SQL texts on a connection.
 */
export class PreparedCache<Q> {
  private readonly byExecutor = new WeakMap<object, Map<string, Q>>();

  /** The query prepared for `key` on `executor`, building it with `build` on first use. */
  get(executor: object, key: string, build: () => Q): Q {
    let byKey = this.byExecutor.get(executor);
    if (!byKey) this.byExecutor.set(executor, (byKey = new Map()));
    let query = byKey.get(key);
    if (!query) byKey.set(key, (query = build()));
    return query;
  }
}
