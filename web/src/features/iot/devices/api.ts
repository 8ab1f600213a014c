import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type { CreateDeviceInput, DeviceDto, DeviceLatestDto, DeviceWithSecretDto, TelemetryQuery, TelemetrySeriesDto, UpdateDeviceInput } from "@contracts/iot/devices";
import type { z } from "zod";
import { api, type QueryParams } from "../../../api/client";
import type { Page } from "../../../api/page";
import { iotKeys } from "../keys";

const k = iotKeys.devices;
type DeviceLatest = z.infer<typeof DeviceLatestDto>;

export const useDevices = (query: QueryParams, opts: { enabled?: boolean; refetchInterval?: number } = {}) =>
  useQuery({ queryKey: k.list(query), queryFn: () => api<Page<DeviceDto>>("/devices", { query }), placeholderData: (prev) => prev, ...opts });

export const useDevice = (id: string) => useQuery({ queryKey: k.detail(id), queryFn: () => api<DeviceDto>(`/devices/${id}`) });

export const latestQuery = (id: string) => ({ queryKey: k.sub(id, "latest"), queryFn: () => api<DeviceLatest>(`/devices/${id}/latest`) });
export const useDeviceLatest = (id: string) => useQuery(latestQuery(id));

export interface TelemetryWindow {
  metric: string;
  /** How far back from now; the window slides on every refetch. */
  rangeMs: number;
  resolution?: TelemetryQuery["resolution"];
}

/** A metric's rollup series over the last `rangeMs`; `from` is taken when the request is made, not when the key is built. */
export const useTelemetry = (id: string, w: TelemetryWindow, opts: { enabled?: boolean; refetchInterval?: number } = {}) =>
  useQuery({
    queryKey: k.sub(id, "telemetry", w),
    queryFn: () => {
      const query: TelemetryQuery = { metric: w.metric, from: new Date(Date.now() - w.rangeMs).toISOString(), resolution: w.resolution };
      return api<TelemetrySeriesDto>(`/devices/${id}/telemetry`, { query: { ...query } });
    },
    placeholderData: (prev) => (prev?.metric === w.metric ? prev : undefined),
    ...opts,
  });

/** Options for a device picker: code, name and project; `type` kept for the command names. */
export async function searchDevices(q: string, projectId?: string) {
  const page = await api<Page<DeviceDto>>("/devices", { query: { q, projectId, pageSize: 20 } });
  return page.items.map((d) => ({ value: d.id, label: `${d.code} ${d.name}`, device: d }));
}

function useDeviceMutation<I, O>(fn: (input: I) => Promise<O>) {
  const qc = useQueryClient();
  return useMutation({ mutationFn: fn, onSuccess: () => Promise.all([qc.invalidateQueries({ queryKey: k.all }), qc.invalidateQueries({ queryKey: iotKeys.map })]) });
}

export const useCreateDevice = () => useDeviceMutation((input: CreateDeviceInput) => api<DeviceWithSecretDto>("/devices", { body: input }));

export const useUpdateDevice = (id: string) => useDeviceMutation((input: UpdateDeviceInput) => api<DeviceDto>(`/devices/${id}`, { method: "PATCH", body: input }));

export const useRotateSecret = () => useDeviceMutation((id: string) => api<DeviceWithSecretDto>(`/devices/${id}/rotate-secret`, { method: "POST" }));

export const useSetDeviceEnabled = () =>
  useDeviceMutation(({ id, enabled, reason }: { id: string; enabled: boolean; reason?: string }) => api<DeviceDto>(`/devices/${id}/enabled`, { body: { enabled, reason } }));
