import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type { AttendanceDayDto, HeadcountDto } from "@contracts/workforce/attendance";
import type { KeyPersonDto } from "@contracts/workforce/presence";
import type { ArrearsPageDto, PayrollDto, WageAccountDto, WageChecksDto } from "@contracts/workforce/wages";
import type { BlacklistEntryDto, BlacklistInput, RegisterWorkerInput, TeamDto, WorkerDto } from "@contracts/workforce/workers";
import { api, type QueryParams } from "../../api/client";
import type { Page } from "../../api/page";
import { wfKeys } from "./keys";

const keep = <T,>(prev: T | undefined) => prev;

/** The live headcount strip polls: gate events move it within seconds. */
export const HEADCOUNT_POLL_MS = 5_000;

export const useWorkers = (query: QueryParams) =>
  useQuery({ queryKey: wfKeys.workers.list(query), queryFn: () => api<Page<WorkerDto>>("/workers", { query }), placeholderData: keep });

export const useProjectWorkers = (projectId: string, query: QueryParams) =>
  useQuery({
    queryKey: wfKeys.workers.list({ ...query, projectId }),
    queryFn: () => api<Page<WorkerDto>>(`/projects/${projectId}/workers`, { query }),
    placeholderData: keep,
  });

export const useHeadcount = (projectId: string) =>
  useQuery({
    queryKey: wfKeys.projects.sub(projectId, "headcount"),
    queryFn: () => api<HeadcountDto>(`/projects/${projectId}/headcount`),
    refetchInterval: HEADCOUNT_POLL_MS,
  });

export const useTeams = (projectId: string) =>
  useQuery({ queryKey: wfKeys.projects.sub(projectId, "teams"), queryFn: () => api<TeamDto[]>(`/projects/${projectId}/teams`) });

export const useDailyAttendance = (projectId: string, query: QueryParams) =>
  useQuery({
    queryKey: wfKeys.projects.sub(projectId, "attendance", query),
    queryFn: () => api<Page<AttendanceDayDto>>(`/projects/${projectId}/attendance`, { query }),
    placeholderData: keep,
    refetchInterval: HEADCOUNT_POLL_MS * 3,
  });

/** A write to workers changes lists, headcount and teams' counts alike. */
function useInvalidateWorkers() {
  const qc = useQueryClient();
  return () => Promise.all([qc.invalidateQueries({ queryKey: wfKeys.workers.all }), qc.invalidateQueries({ queryKey: wfKeys.projects.all })]);
}

export function useRegisterWorker() {
  const invalidate = useInvalidateWorkers();
  return useMutation({ mutationFn: (input: RegisterWorkerInput) => api<WorkerDto>("/workers", { body: input }), onSuccess: invalidate });
}

export function useAdmitWorker() {
  const invalidate = useInvalidateWorkers();
  return useMutation({ mutationFn: (id: string) => api<WorkerDto>(`/workers/${id}/admit`, { body: {} }), onSuccess: invalidate });
}

export function useExitWorker() {
  const invalidate = useInvalidateWorkers();
  return useMutation({
    mutationFn: ({ id, reason }: { id: string; reason?: string }) => api<WorkerDto>(`/workers/${id}/exit`, { body: reason ? { reason } : {} }),
    onSuccess: invalidate,
  });
}

export const useBlacklist = (query: QueryParams) =>
  useQuery({ queryKey: wfKeys.blacklist.list(query), queryFn: () => api<Page<BlacklistEntryDto>>("/blacklist", { query }), placeholderData: keep });

export function useAddBlacklist() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (input: BlacklistInput) => api<BlacklistEntryDto>("/blacklist", { body: input }),
    onSuccess: () => Promise.all([qc.invalidateQueries({ queryKey: wfKeys.blacklist.all }), qc.invalidateQueries({ queryKey: wfKeys.workers.all })]),
  });
}

export function useRevokeBlacklist() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => api<BlacklistEntryDto>(`/blacklist/${id}/revoke`, { body: {} }),
    onSuccess: () => Promise.all([qc.invalidateQueries({ queryKey: wfKeys.blacklist.all }), qc.invalidateQueries({ queryKey: wfKeys.workers.all })]),
  });
}

export const useKeyPersonnelAbsences = (query: QueryParams) =>
  useQuery({
    queryKey: wfKeys.keyPersonnel.list(query),
    queryFn: () => api<Page<KeyPersonDto>>("/key-personnel/absences", { query }),
    placeholderData: keep,
  });

export const useArrears = (query: QueryParams) =>
  useQuery({ queryKey: wfKeys.arrears.list(query), queryFn: () => api<ArrearsPageDto>("/wages/arrears", { query }), placeholderData: keep });

export const useWageAccount = (projectId: string) =>
  useQuery({ queryKey: wfKeys.projects.sub(projectId, "wageAccount"), queryFn: () => api<WageAccountDto | null>(`/projects/${projectId}/wage-account`) });

export const usePayrolls = (projectId: string, query: QueryParams) =>
  useQuery({
    queryKey: wfKeys.projects.sub(projectId, "payrolls", query),
    queryFn: () => api<Page<PayrollDto>>(`/projects/${projectId}/payrolls`, { query }),
    placeholderData: keep,
  });

export const useWageChecks = (projectId: string, month: string) =>
  useQuery({
    queryKey: wfKeys.projects.sub(projectId, "wageChecks", { month }),
    queryFn: () => api<WageChecksDto>(`/projects/${projectId}/wage-checks`, { query: { month } }),
  });
