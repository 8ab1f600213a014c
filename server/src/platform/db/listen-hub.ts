import pg from "pg";
import type { Listener } from "./client.js";

const RECONNECT_MS = 1000;
/** How the listening connection shows in pg_stat_activity. */
export const LISTEN_APPLICATION_NAME = "sitecloud-listen";

interface Subscriber {
  channel: string;
  onNotify: (payload: string) => void;
  onGap: () => void;
}

/**
 * All of a process's LISTEN subscriptions on one dedicated PostgreSQL connection (a pool connection
 * cannot hold LISTEN: it is handed to other queries). The connection opens with the first subscriber and
 * closes with the last. When it drops, every subscriber hears `onGap` (a notification may have been
 * missed) and the hub reconnects and listens again; a new subscriber also hears `onGap` once it is live,
 * because anything it cached before could be stale.
 */
export class ListenHub {
  private readonly subscribers = new Set<Subscriber>();
  private client: pg.Client | null = null;
  private connecting: Promise<pg.Client> | null = null;
  private live = false;

  constructor(private readonly url: string) {}

  async listen(channel: string, onNotify: (payload: string) => void, onGap: () => void): Promise<Listener> {
    const sub: Subscriber = { channel, onNotify, onGap };
    const firstOnChannel = !this.channels().has(channel);
    this.subscribers.add(sub);
    try {
      const client = await this.connection();
      if (firstOnChannel) await client.query(`listen ${quote(channel)}`);
    } catch (err) {
      this.subscribers.delete(sub);
      throw err;
    }
    onGap();
    return {
      isLive: () => this.live && this.subscribers.has(sub),
      close: () => this.unsubscribe(sub),
    };
  }

  private channels(): Set<string> {
    return new Set([...this.subscribers].map((s) => s.channel));
  }

  private connection(): Promise<pg.Client> {
    if (this.client) return Promise.resolve(this.client);
    this.connecting ??= this.connect().finally(() => (this.connecting = null));
    return this.connecting;
  }

  private async connect(): Promise<pg.Client> {
    const c = new pg.Client({ connectionString: this.url, application_name: LISTEN_APPLICATION_NAME });
    c.on("notification", (n) => {
      for (const s of this.subscribers) if (s.channel === n.channel) s.onNotify(n.payload ?? "");
    });
    c.on("error", () => undefined);
    c.on("end", () => {
      if (this.client !== c) return;
      this.client = null;
      this.live = false;
      for (const s of this.subscribers) s.onGap();
      if (this.subscribers.size > 0) setTimeout(() => void this.reconnect(), RECONNECT_MS).unref();
    });
    await c.connect();
    for (const channel of this.channels()) await c.query(`listen ${quote(channel)}`);
    this.client = c;
    this.live = true;
    return c;
  }

  private async reconnect(): Promise<void> {
    if (this.client || this.subscribers.size === 0) return;
    try {
      await this.connection();
      // Listening again: whatever was cached during the outage may be stale.
      for (const s of this.subscribers) s.onGap();
    } catch {
      setTimeout(() => void this.reconnect(), RECONNECT_MS).unref();
    }
  }

  private async unsubscribe(sub: Subscriber): Promise<void> {
    if (!this.subscribers.delete(sub)) return;
    const client = this.client;
    if (!client) return;
    if (this.subscribers.size === 0) {
      this.client = null;
      this.live = false;
      await client.end().catch(() => undefined);
    } else if (!this.channels().has(sub.channel)) {
      await client.query(`unlisten ${quote(sub.channel)}`).catch(() => undefined);
    }
  }
}

const quote = (channel: string) => `"${channel.replace(/"/g, "")}"`;
