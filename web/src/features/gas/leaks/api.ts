import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type { DriveDto, LeakPointDto, RecheckInput, VehicleDto } from "@contracts/gas/leak";
import { api, type QueryParams } from "../../../api/client";
import type { Page } from "../../../api/page";
import { leakKeys as k } from "./keys";

const keep = <T,>(prev: T | undefined) => prev;

export const useLeaks = (query: QueryParams, opts: { refetchInterval?: number } = {}) =>
  useQuery({ queryKey: k.leaks.list(query), queryFn: () => api<Page<LeakPointDto>>("/gas/leaks", { query }), placeholderData: keep, ...opts });

export const useVehicles = (query: QueryParams, opts: { refetchInterval?: number } = {}) =>
  useQuery({ queryKey: k.vehicles.list(query), queryFn: () => api<Page<VehicleDto>>("/gas/vehicles", { query }), placeholderData: keep, ...opts });

/** A vehicle's drive over the last `rangeMs` (the window slides on every refetch). */
export const driveQuery = (deviceId: string, rangeMs: number, maxPoints = 1000) => ({
  queryKey: k.drives.list({ deviceId, rangeMs, maxPoints }),
  queryFn: () => {
    const to = new Date();
    const from = new Date(to.getTime() - rangeMs);
    return api<DriveDto>("/gas/detector-readings", { query: { deviceId, from: from.toISOString(), to: to.toISOString(), maxPoints } });
  },
});

export function useRecheck(id: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (input: RecheckInput) => api<LeakPointDto>(`/gas/leaks/${id}/recheck`, { body: input }),
    onSuccess: () => Promise.all([qc.invalidateQueries({ queryKey: k.leaks.all }), qc.invalidateQueries({ queryKey: k.vehicles.all })]),
  });
}
