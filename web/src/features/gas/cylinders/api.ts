import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type { CylinderActionInput, CylinderDetailDto, CylinderDto, FileCylinderInput, PublicCylinderDto } from "@contracts/gas/cylinder";
import type { FillCheckDto, FillCheckInput } from "@contracts/gas/cylinder-check";
import type { FillDto, FillsAcceptedDto } from "@contracts/gas/fill";
import type { StaffDto, StaffInput, StationDto, StationInput } from "@contracts/gas/station";
import { api, type QueryParams } from "../../../api/client";
import type { Page } from "../../../api/page";
import { gasCylinderKeys as k } from "./keys";

const keep = <T,>(prev: T | undefined) => prev;

export const useStations = (query: QueryParams) => useQuery({ queryKey: k.stations.list(query), queryFn: () => api<Page<StationDto>>("/gas/stations", { query }), placeholderData: keep });
export const useStaff = (query: QueryParams) => useQuery({ queryKey: k.staff.list(query), queryFn: () => api<Page<StaffDto>>("/gas/staff", { query }), placeholderData: keep });
export const useCylinders = (query: QueryParams) => useQuery({ queryKey: k.cylinders.list(query), queryFn: () => api<Page<CylinderDto>>("/gas/cylinders", { query }), placeholderData: keep });
export const useCylinder = (id: string) => useQuery({ queryKey: k.cylinders.detail(id), queryFn: () => api<CylinderDetailDto>(`/gas/cylinders/${id}`) });
export const useFills = (query: QueryParams) => useQuery({ queryKey: k.fills.list(query), queryFn: () => api<Page<FillDto>>("/gas/fills", { query }), placeholderData: keep });

/** The public scan: no login, never retried on 404 (an unknown code stays unknown). */
export const usePublicCylinder = (code: string) =>
  useQuery({ queryKey: k.scan.detail(code), queryFn: () => api<PublicCylinderDto>(`/public/cylinders/${encodeURIComponent(code)}`), retry: false, enabled: code !== "" });

/** Options for a station picker (the user's own company's stations; the bureau's whole city). */
export async function searchStations(q: string) {
  const page = await api<Page<StationDto>>("/gas/stations", { query: { q, pageSize: 50 } });
  return page.items.map((s) => ({ value: s.id, label: `${s.code} ${s.name}` }));
}
/** `code name` of one station, for a filter whose id came in the URL. */
export const stationName = (id: string) => api<StationDto>(`/gas/stations/${id}`).then((s) => `${s.code} ${s.name}`);
export async function searchStationCodes(q: string) {
  const page = await api<Page<StationDto>>("/gas/stations", { query: { q, pageSize: 50, kind: "filling", active: "true" } });
  return page.items.map((s) => ({ value: s.code, label: `${s.code} ${s.name}` }));
}

function useGasMutation<I, O>(fn: (input: I) => Promise<O>) {
  const qc = useQueryClient();
  return useMutation({ mutationFn: fn, onSuccess: () => Promise.all(Object.values(k).map((key) => qc.invalidateQueries({ queryKey: key.all }))) });
}

export const useSaveStation = (id?: string) => useGasMutation((input: StationInput) => api<StationDto>(id ? `/gas/stations/${id}` : "/gas/stations", { method: id ? "PUT" : "POST", body: input }));
export const useSaveStaff = (id?: string) => useGasMutation((input: StaffInput) => api<StaffDto>(id ? `/gas/staff/${id}` : "/gas/staff", { method: id ? "PUT" : "POST", body: input }));
export const useFileCylinder = () => useGasMutation((input: FileCylinderInput) => api<CylinderDetailDto>("/gas/cylinders", { body: input }));
export const useCylinderAction = (id: string) => useGasMutation((input: CylinderActionInput) => api<CylinderDetailDto>(`/gas/cylinders/${id}/actions`, { body: input }));
/** The scale console asks; it is not a write the lists care about. */
export const useFillCheck = () => useMutation({ mutationFn: (input: FillCheckInput) => api<FillCheckDto>("/gas/fill-checks", { body: input }) });

/** Uploads a fill sheet (synchronous, all or nothing); a refused sheet throws an ApiError listing every bad row. */
export function useUploadFills() {
  return useGasMutation(async (file: File) => {
    const body = new FormData();
    body.append("file", file, file.name);
    return api<FillsAcceptedDto>("/gas/fills/import", { body });
  });
}
