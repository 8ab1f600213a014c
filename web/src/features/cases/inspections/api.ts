import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type {
  CreateInspectionInput,
  CreateInspectorConflictInput,
  CreateRandomPlanInput,
  CreateTemplateInput,
  InspectionDetailDto,
  InspectionDto,
  InspectorConflictDto,
  RandomPlanDetailDto,
  RandomPlanDto,
  TemplateDetailDto,
  TemplateDto,
} from "@contracts/cases/inspections";
import { api, type QueryParams } from "../../../api/client";
import type { Page } from "../../../api/page";
import { casesKeys } from "../keys";

const keep = <T,>(prev: T | undefined) => prev;

export const useTemplates = (query: QueryParams) =>
  useQuery({ queryKey: casesKeys.templates.list(query), queryFn: () => api<Page<TemplateDto>>("/inspection-templates", { query }), placeholderData: keep });

export const useTemplate = (id: string | null | undefined) =>
  useQuery({ queryKey: casesKeys.templates.detail(id ?? ""), queryFn: () => api<TemplateDetailDto>(`/inspection-templates/${id}`), enabled: !!id, staleTime: 5 * 60_000 });

/** 发布新版本 (or a new checklist): earlier versions of the code become inactive. */
export function useCreateTemplate() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (input: CreateTemplateInput) => api<TemplateDetailDto>("/inspection-templates", { body: input }),
    onSuccess: () => qc.invalidateQueries({ queryKey: casesKeys.templates.all }),
  });
}

export const useInspections = (query: QueryParams) =>
  useQuery({ queryKey: casesKeys.inspections.list(query), queryFn: () => api<Page<InspectionDto>>("/inspections", { query }), placeholderData: keep });

export const useInspection = (id: string) =>
  useQuery({ queryKey: casesKeys.inspections.detail(id), queryFn: () => api<InspectionDetailDto>(`/inspections/${id}`) });

/** Submitting an inspection opens cases and may complete a 双随机 target: all those views refresh. */
export function useCreateInspection() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (input: CreateInspectionInput) => api<InspectionDetailDto>("/inspections", { body: input }),
    onSuccess: () =>
      Promise.all([
        qc.invalidateQueries({ queryKey: casesKeys.inspections.all }),
        qc.invalidateQueries({ queryKey: casesKeys.cases.all }),
        qc.invalidateQueries({ queryKey: casesKeys.plans.all }),
      ]),
  });
}

export const useRandomPlans = (query: QueryParams) =>
  useQuery({ queryKey: casesKeys.plans.list(query), queryFn: () => api<Page<RandomPlanDto>>("/random-plans", { query }), placeholderData: keep });

export const useRandomPlan = (id: string | null | undefined) =>
  useQuery({ queryKey: casesKeys.plans.detail(id ?? ""), queryFn: () => api<RandomPlanDetailDto>(`/random-plans/${id}`), enabled: !!id });

export function useCreateRandomPlan() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (input: CreateRandomPlanInput) => api<RandomPlanDetailDto>("/random-plans", { body: input }),
    onSuccess: () => qc.invalidateQueries({ queryKey: casesKeys.plans.all }),
  });
}

/** 公开结果: the summary is fixed from then on. */
export function usePublishRandomPlan() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => api<RandomPlanDetailDto>(`/random-plans/${id}/publish`, { body: {} }),
    onSuccess: () => qc.invalidateQueries({ queryKey: casesKeys.plans.all }),
  });
}

export const useConflicts = (query: QueryParams) =>
  useQuery({ queryKey: casesKeys.conflicts.list(query), queryFn: () => api<Page<InspectorConflictDto>>("/inspector-conflicts", { query }), placeholderData: keep });

export function useDeclareConflict() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (input: CreateInspectorConflictInput) => api<InspectorConflictDto>("/inspector-conflicts", { body: input }),
    onSuccess: () => qc.invalidateQueries({ queryKey: casesKeys.conflicts.all }),
  });
}

/** 撤回 a declaration (the next draws may send the inspector there again). */
export function useWithdrawConflict() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => api<void>(`/inspector-conflicts/${id}`, { method: "DELETE" }),
    onSuccess: () => qc.invalidateQueries({ queryKey: casesKeys.conflicts.all }),
  });
}
