import { useCan } from "../../../auth/use-can";
import { useRealtime } from "../../../realtime/use-realtime";
import { useLiveRefresh } from "../../iot/components/use-live-refresh";
import { commandKeys } from "../api";

/**
 * Keeps the command center live without reloading: the stream's `dashboard` event refetches the figures
 * and the map (throttled), an `alarm` event moves the ticker at once, and a reconnect refetches everything.
 */
export function useCommandLive(): void {
  const can = useCan();
  const figures = useLiveRefresh([commandKeys.all], 2_000);
  const ticker = useLiveRefresh([commandKeys.ticker], 1_000);
  useRealtime(
    {
      dashboard: figures,
      alarm: () => {
        ticker();
        figures();
      },
      reconnected: figures,
    },
    { enabled: can("iot.read") },
  );
}
