import { useQueryClient } from "@tanstack/react-query";
import type { DeviceType, LatestValueDto } from "@contracts/iot/devices";
import { useRealtime } from "../../../realtime/use-realtime";
import { latestQuery } from "../devices/api";
import { mergeLatest } from "../iot-format";
import { metricUnit } from "../metrics";

/**
 * Keeps the cached latest values of a project's devices current from the project stream's `latest`
 * pushes, so gauges and value tables move without polling. `typeOf` supplies units for new metrics.
 */
export function useLiveLatest(projectId: string | undefined, typeOf: (deviceId: string) => DeviceType | undefined, enabled = true) {
  const qc = useQueryClient();
  useRealtime(
    {
      latest: (change) => {
        const { queryKey } = latestQuery(change.deviceId);
        const type = typeOf(change.deviceId);
        qc.setQueryData<{ deviceId: string; values: LatestValueDto[] }>(queryKey, (prev) => ({
          deviceId: change.deviceId,
          values: mergeLatest(prev?.values ?? [], change.values, (m) => (type ? metricUnit(type, m) : "")),
        }));
      },
      // Pushes missed while disconnected: read the values afresh.
      reconnected: () => void qc.invalidateQueries({ predicate: (q) => q.queryKey.includes("latest") }),
    },
    { projectId, enabled: enabled && !!projectId },
  );
}
