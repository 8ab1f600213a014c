import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type { DeviceDto } from "@contracts/iot/devices";
import type {
  CreateDangerousWorkInput,
  DangerousWorkDetailDto,
  DangerousWorkDto,
  DrafterSignoffInput,
  ExpertReviewInput,
  GasClearanceInput,
  TransitionInput,
  UpdateDangerousWorkInput,
  WeeklyListDto,
  WorkFileDto,
  WorkFileKind,
} from "@contracts/safety/dangerous-works";
import type { CreateEquipmentInput, EquipmentDto, UpdateEquipmentInput } from "@contracts/safety/equipment";
import type { CreateExpertInput, ExpertDto, UpdateExpertInput } from "@contracts/safety/experts";
import { api, apiUrl, type QueryParams } from "../../api/client";
import type { Page } from "../../api/page";
import { safetyKeys } from "./keys";

const keep = <T,>(prev: T | undefined) => prev;

export const useDangerousWorks = (query: QueryParams, projectId?: string) =>
  useQuery({
    queryKey: safetyKeys.works.list({ ...query, projectId }),
    queryFn: () => api<Page<DangerousWorkDto>>(projectId ? `/projects/${projectId}/dangerous-works` : "/dangerous-works", { query }),
    placeholderData: keep,
  });

export const useDangerousWork = (id: string) =>
  useQuery({ queryKey: safetyKeys.works.detail(id), queryFn: () => api<DangerousWorkDetailDto>(`/dangerous-works/${id}`) });

export const useWeekly = (day?: string) =>
  useQuery({ queryKey: safetyKeys.weekly.list({ day }), queryFn: () => api<WeeklyListDto>("/dangerous-works/weekly", { query: { day } }), placeholderData: keep });

function useInvalidateWorks() {
  const qc = useQueryClient();
  return () => Promise.all([qc.invalidateQueries({ queryKey: safetyKeys.works.all }), qc.invalidateQueries({ queryKey: safetyKeys.weekly.all })]);
}

export function useCreateWork(projectId: string) {
  const invalidate = useInvalidateWorks();
  return useMutation({ mutationFn: (input: CreateDangerousWorkInput) => api<DangerousWorkDto>(`/projects/${projectId}/dangerous-works`, { body: input }), onSuccess: invalidate });
}

export function useUpdateWork(id: string) {
  const invalidate = useInvalidateWorks();
  return useMutation({ mutationFn: (input: UpdateDangerousWorkInput) => api<DangerousWorkDto>(`/dangerous-works/${id}`, { method: "PUT", body: input }), onSuccess: invalidate });
}

export function useTransitionWork(id: string) {
  const invalidate = useInvalidateWorks();
  return useMutation({ mutationFn: (input: TransitionInput) => api<DangerousWorkDto>(`/dangerous-works/${id}/transition`, { body: input }), onSuccess: invalidate });
}

export function useRecordExpertReview(id: string) {
  const invalidate = useInvalidateWorks();
  return useMutation({ mutationFn: (input: ExpertReviewInput) => api<DangerousWorkDto>(`/dangerous-works/${id}/expert-reviews`, { body: input }), onSuccess: invalidate });
}

export function useRecordGasClearance(id: string) {
  const invalidate = useInvalidateWorks();
  return useMutation({ mutationFn: (input: GasClearanceInput) => api<DangerousWorkDto>(`/dangerous-works/${id}/gas-clearance`, { body: input }), onSuccess: invalidate });
}

/** Files one document into the work's archive (multipart, one part named `file`); the server checks type and size. */
export function useUploadWorkFile(id: string) {
  const invalidate = useInvalidateWorks();
  return useMutation({
    mutationFn: ({ kind, file }: { kind: WorkFileKind; file: File }) => {
      const body = new FormData();
      body.append("file", file, file.name);
      return api<WorkFileDto>(`/dangerous-works/${id}/files`, { query: { kind }, body });
    },
    onSuccess: invalidate,
  });
}

/** The download of an archived file (served as an attachment under its uploaded name). */
export const workFileUrl = (workId: string, fileId: string) => apiUrl(`/dangerous-works/${workId}/files/${fileId}`);

/** The drafting subcontractor's technical lead signs the current revision (before the general contractor's step). */
export function useDrafterSignoff(id: string) {
  const invalidate = useInvalidateWorks();
  return useMutation({ mutationFn: (input: DrafterSignoffInput) => api<DangerousWorkDto>(`/dangerous-works/${id}/drafter-signoff`, { body: input }), onSuccess: invalidate });
}

export const useExperts = (query: QueryParams) =>
  useQuery({ queryKey: safetyKeys.experts.list(query), queryFn: () => api<Page<ExpertDto>>("/safety/experts", { query }), placeholderData: keep });

export function useCreateExpert() {
  const qc = useQueryClient();
  return useMutation({ mutationFn: (input: CreateExpertInput) => api<ExpertDto>("/safety/experts", { body: input }), onSuccess: () => qc.invalidateQueries({ queryKey: safetyKeys.experts.all }) });
}

export function useUpdateExpert() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ id, ...input }: UpdateExpertInput & { id: string }) => api<ExpertDto>(`/safety/experts/${id}`, { method: "PATCH", body: input }),
    onSuccess: () => qc.invalidateQueries({ queryKey: safetyKeys.experts.all }),
  });
}

export const useEquipment = (query: QueryParams, projectId?: string) =>
  useQuery({
    queryKey: safetyKeys.equipment.list({ ...query, projectId }),
    queryFn: () => api<Page<EquipmentDto>>(projectId ? `/projects/${projectId}/equipment` : "/equipment", { query }),
    placeholderData: keep,
  });

export function useSaveEquipment(projectId: string, id?: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (input: CreateEquipmentInput | UpdateEquipmentInput) =>
      id ? api<EquipmentDto>(`/equipment/${id}`, { method: "PUT", body: input }) : api<EquipmentDto>(`/projects/${projectId}/equipment`, { body: input }),
    onSuccess: () => qc.invalidateQueries({ queryKey: safetyKeys.equipment.all }),
  });
}

export function useDeleteEquipment() {
  const qc = useQueryClient();
  return useMutation({ mutationFn: (id: string) => api<void>(`/equipment/${id}`, { method: "DELETE" }), onSuccess: () => qc.invalidateQueries({ queryKey: safetyKeys.equipment.all }) });
}

/** The project's crane and hoist monitors, for linking a piece of equipment to its IoT device. */
export const useLiftMonitors = (projectId: string, type: "tower_crane" | "hoist") =>
  useQuery({
    queryKey: safetyKeys.equipment.sub(projectId, "monitors", { type }),
    queryFn: () => api<Page<DeviceDto>>("/devices", { query: { projectId, type, pageSize: 100 } }),
  });
