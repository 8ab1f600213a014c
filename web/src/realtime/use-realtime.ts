import { useCallback, useEffect, useRef, useSyncExternalStore } from "react";
import { realtimeStatus, subscribeRealtime, watchRealtimeStatus, type RealtimeListener, type RealtimeStatus } from "./realtime-hub";

interface Options {
  /** A project's stream (adds `latest` values); the city-wide stream when absent. */
  projectId?: string;
  /** False: do not connect (e.g. the user lacks `iot.read`). */
  enabled?: boolean;
}

/**
 * Calls the given handlers for the realtime events they name. The handlers may change on every render
 * without reconnecting: the subscription calls whatever the latest render passed.
 */
export function useRealtime(handlers: RealtimeListener, { projectId, enabled = true }: Options = {}): void {
  const ref = useRef(handlers);
  useEffect(() => {
    ref.current = handlers;
  });
  useEffect(() => {
    if (!enabled) return;
    return subscribeRealtime(
      {
        alarm: (d) => ref.current.alarm?.(d),
        device: (d) => ref.current.device?.(d),
        latest: (d) => ref.current.latest?.(d),
        command: (d) => ref.current.command?.(d),
        dashboard: (d) => ref.current.dashboard?.(d),
        reconnected: () => ref.current.reconnected?.(),
      },
      projectId,
    );
  }, [projectId, enabled]);
}

/** The connection state of a stream, for a small "live" indicator. */
export function useRealtimeStatus(projectId?: string): RealtimeStatus {
  const subscribe = useCallback((fn: () => void) => watchRealtimeStatus(projectId, fn), [projectId]);
  return useSyncExternalStore(subscribe, () => realtimeStatus(projectId));
}
