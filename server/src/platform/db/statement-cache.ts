import { createHash } from "node:crypto";
import pg from "pg";

/**
 * A node-postgres client that runs every SELECT as a named prepared statement, named by the hash of its
 * text. drizzle sends unnamed statements, so PostgreSQL would plan each request's query afresh — planning
 * cost as much as executing for our list and detail reads. Parameters are bind values, so one query shape
 * has one text and is planned once per connection. Writes stay unnamed: bulk inserts vary in shape and
 * are not worth a server-side statement each.
 */
export class StatementCachingClient extends pg.Client {
  private readonly names = new Map<string, string>();

  // pg's query() is heavily overloaded; this override only adds a name to plain {text, values} configs.
  override query(...args: unknown[]): never {
    const config = args[0] as { text?: string; name?: string; submit?: unknown } | undefined;
    const isPlainConfig = typeof config === "object" && config !== null && typeof config.submit !== "function";
    if (isPlainConfig && typeof config.text === "string" && !config.name && isCacheable(config.text)) {
      args[0] = { ...config, name: this.nameOf(config.text) };
    }
    return (super.query as (...a: unknown[]) => never)(...args);
  }

  private nameOf(text: string): string {
    let name = this.names.get(text);
    if (!name) {
      name = `sc_${createHash("sha1").update(text).digest("hex").slice(0, 20)}`;
      // Bounded: a connection that has seen more shapes than this simply re-prepares new ones under the same names.
      if (this.names.size < MAX_NAMES) this.names.set(text, name);
    }
    return name;
  }
}

const MAX_NAMES = 2000;
// Long texts are multi-row statements or exports; short selects are the per-request reads worth caching.
const MAX_CACHED_TEXT = 8000;

const isCacheable = (text: string) => text.length <= MAX_CACHED_TEXT && /^\s*(select|with)\b/i.test(text);
