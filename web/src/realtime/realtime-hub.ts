import type { AlarmChangeDto } from "@contracts/iot/alarms";
import { REALTIME_PATH, type CommandChangeDto, type DeviceStatusChangeDto, type LatestChangeDto } from "@contracts/iot/realtime";
import type { DashboardChangedDto } from "@contracts/dashboard/realtime";
import { reconnectDelay } from "./backoff";

/** What each named Server-Sent Event of `/api/v1/realtime` carries. */
export interface RealtimeEvents {
  alarm: AlarmChangeDto;
  device: DeviceStatusChangeDto;
  latest: LatestChangeDto;
  command: CommandChangeDto;
  /** The command center's figures changed (an alarm or a case): fetch them again. */
  dashboard: DashboardChangedDto;
}
export type RealtimeEventName = keyof RealtimeEvents;
const EVENT_NAMES: readonly RealtimeEventName[] = ["alarm", "device", "latest", "command", "dashboard"];

export type RealtimeListener = { [K in RealtimeEventName]?: (data: RealtimeEvents[K]) => void } & {
  /** The stream came back after a gap: events may have been missed, so refetch what is shown. */
  reconnected?: () => void;
};

export type RealtimeStatus = "connecting" | "open" | "closed";

/** The stream's URL: city-wide (within the user's data scope), or one project's with its `latest` values. */
export const realtimeUrl = (projectId?: string) => (projectId ? `${REALTIME_PATH}?projectId=${encodeURIComponent(projectId)}` : REALTIME_PATH);

/**
 * One EventSource per URL, shared by every component listening to it (the header badge, the console and
 * the map all read the city-wide stream over one connection), opened on the first listener and closed
 * after the last. A dropped connection is retried by the browser; a refused one (401, 5xx, a proxy's
 * HTML page) closes the EventSource for good, so we reopen it ourselves with a growing delay.
 */
class Stream {
  private es: EventSource | null = null;
  private timer: ReturnType<typeof setTimeout> | null = null;
  private attempt = 0;
  private opened = false;
  private readonly listeners = new Set<RealtimeListener>();
  private readonly watchers = new Set<() => void>();
  status: RealtimeStatus = "connecting";

  constructor(
    private readonly url: string,
    private readonly onIdle: () => void,
  ) {}

  add(listener: RealtimeListener): () => void {
    this.listeners.add(listener);
    if (!this.es && !this.timer) this.connect();
    return () => {
      this.listeners.delete(listener);
      this.maybeIdle();
    };
  }

  watch(fn: () => void): () => void {
    this.watchers.add(fn);
    return () => {
      this.watchers.delete(fn);
      this.maybeIdle();
    };
  }

  private maybeIdle() {
    if (this.listeners.size || this.watchers.size) return;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    this.es?.close();
    this.es = null;
    this.onIdle();
  }

  private setStatus(s: RealtimeStatus) {
    if (s === this.status) return;
    this.status = s;
    for (const w of [...this.watchers]) w();
  }

  private connect() {
    const es = new EventSource(this.url, { withCredentials: true });
    this.es = es;
    this.setStatus("connecting");
    es.onopen = () => {
      const again = this.opened;
      this.opened = true;
      this.attempt = 0;
      this.setStatus("open");
      if (again) for (const l of [...this.listeners]) l.reconnected?.();
    };
    es.onerror = () => {
      if (es.readyState !== EventSource.CLOSED) {
        this.setStatus("connecting");
        return;
      }
      es.close();
      if (this.es !== es) return;
      this.es = null;
      this.setStatus("closed");
      this.timer = setTimeout(() => {
        this.timer = null;
        if (this.listeners.size || this.watchers.size) this.connect();
      }, reconnectDelay(this.attempt++));
    };
    for (const name of EVENT_NAMES) {
      es.addEventListener(name, (e) => {
        let data: unknown;
        try {
          data = JSON.parse((e as MessageEvent<string>).data);
        } catch {
          return; // a malformed frame is dropped, the stream goes on
        }
        for (const l of [...this.listeners]) (l[name] as ((d: unknown) => void) | undefined)?.(data);
      });
    }
  }
}

const streams = new Map<string, Stream>();

function streamOf(projectId?: string): Stream {
  const url = realtimeUrl(projectId);
  let s = streams.get(url);
  if (!s) {
    s = new Stream(url, () => streams.delete(url));
    streams.set(url, s);
  }
  return s;
}

/** Listens to the city-wide stream, or to one project's; returns the unsubscribe function. */
export function subscribeRealtime(listener: RealtimeListener, projectId?: string): () => void {
  return streamOf(projectId).add(listener);
}

/** Follows a stream's connection state (for the live indicator); keeps the stream open while watched. */
export function watchRealtimeStatus(projectId: string | undefined, fn: () => void): () => void {
  return streamOf(projectId).watch(fn);
}

export function realtimeStatus(projectId?: string): RealtimeStatus {
  return streams.get(realtimeUrl(projectId))?.status ?? "connecting";
}
