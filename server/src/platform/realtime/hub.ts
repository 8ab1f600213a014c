/**
 * Server-Sent Events fan-out. Each connection carries its data scope (the project ids it may see, or
 * null for the whole city) and optionally one project it watches closely; `publish` delivers an event
 * about a project only to connections whose scope holds it. Modules feed it; it knows no business rules.
 */
export interface RealtimeConnection {
  /** null: every project (bureau roles). */
  visibleProjects: ReadonlySet<string> | null;
  /** The project a page watches (live values are sent only for it). */
  watchedProject: string | null;
  /**
   * Who opened the stream and with which credential: it must not outlive them (auth/stream-guard.ts).
   * Absent only for in-process listeners (a benchmark), which no credential backs.
   */
  owner?: StreamOwner;
  write(chunk: string): void;
  /** Ends the response; the hub has already let go of the connection. */
  end?(): void;
}

export interface StreamOwner {
  userId: string;
  credential: { kind: "session" | "token"; tokenHash: string };
  /** The data scope the stream was opened with (role, enterprise, projects), as one comparable string. */
  scope: string;
}

const KEEPALIVE_MS = 15_000;

export class RealtimeHub {
  private readonly connections = new Set<RealtimeConnection>();
  private readonly keepalive: NodeJS.Timeout;

  constructor() {
    this.keepalive = setInterval(() => {
      for (const c of this.connections) c.write(": keepalive\n\n");
    }, KEEPALIVE_MS);
    this.keepalive.unref();
  }

  add(c: RealtimeConnection): () => void {
    this.connections.add(c);
    c.write("retry: 3000\n\n");
    return () => this.connections.delete(c);
  }

  /** Sends to every connection that may see `projectId`; with `watchedOnly`, only to those watching it. */
  publish(event: string, projectId: string, data: unknown, watchedOnly = false): void {
    if (this.connections.size === 0) return;
    const frame = `event: ${event}\ndata: ${JSON.stringify(data)}\n\n`;
    for (const c of this.connections) {
      if (watchedOnly ? c.watchedProject !== projectId : c.visibleProjects !== null && !c.visibleProjects.has(projectId)) continue;
      c.write(frame);
    }
  }

  /**
   * Sends one frame to each connection that may see any of `projectIds` — or to every connection when
   * `projectIds` is null (a change no single project names) — however many of them it sees.
   */
  publishToAny(event: string, projectIds: ReadonlySet<string> | null, data: unknown): void {
    if (this.connections.size === 0) return;
    const frame = `event: ${event}\ndata: ${JSON.stringify(data)}\n\n`;
    for (const c of this.connections) {
      const sees = projectIds === null || c.visibleProjects === null || [...projectIds].some((id) => c.visibleProjects?.has(id));
      if (sees) c.write(frame);
    }
  }

  /** Open client connections (those with an owner), or only those a user opened. */
  connectionsOf(userId?: string): (RealtimeConnection & { owner: StreamOwner })[] {
    return [...this.connections].filter((c): c is RealtimeConnection & { owner: StreamOwner } => !!c.owner && (userId === undefined || c.owner.userId === userId));
  }

  /** Lets go of a connection and ends its response (a no-op for one already gone). */
  end(c: RealtimeConnection): void {
    if (this.connections.delete(c)) c.end?.();
  }

  /** Projects some connection is watching (the live-value poller reads only these). */
  watchedProjects(): string[] {
    const ids = new Set<string>();
    for (const c of this.connections) if (c.watchedProject) ids.add(c.watchedProject);
    return [...ids];
  }

  get size(): number {
    return this.connections.size;
  }

  close(): void {
    clearInterval(this.keepalive);
    this.connections.clear();
  }
}
