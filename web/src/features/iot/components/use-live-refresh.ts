import { useEffect, useMemo, useRef } from "react";
import { useQueryClient, type QueryKey } from "@tanstack/react-query";
import { throttle } from "../../../realtime/throttle";

/**
 * A function that refetches the given queries at most once per `ms`: realtime events say "something
 * changed", and a burst of them (a storm of alarms, a site coming online) must not become a burst of requests.
 */
export function useLiveRefresh(queryKeys: readonly QueryKey[], ms = 3_000): () => void {
  const qc = useQueryClient();
  const keysRef = useRef(queryKeys);
  useEffect(() => {
    keysRef.current = queryKeys;
  });
  const refresh = useMemo(() => throttle(() => keysRef.current.forEach((queryKey) => void qc.invalidateQueries({ queryKey })), ms), [qc, ms]);
  useEffect(() => refresh.cancel, [refresh]);
  return refresh;
}
