import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type { HazardDto, HazardInput, PatrolDetailDto, PatrolDto, PatrolPlanDto, PatrolPlanInput } from "@contracts/gas/patrol";
import type { PipelineDto, PipelineFeatureCollection, PipelineImportResult, PipelineInput, UpdatePipelineInput } from "@contracts/gas/pipeline";
import type { SiteLinkDto, SiteLinkRecomputeDto } from "@contracts/gas/site-link";
import { api, type QueryParams } from "../../../api/client";
import type { Page } from "../../../api/page";
import { pipelineKeys as k } from "./keys";

const keep = <T,>(prev: T | undefined) => prev;

export const usePipelines = (query: QueryParams) =>
  useQuery({ queryKey: k.pipelines.list(query), queryFn: () => api<Page<PipelineDto>>("/gas/pipelines", { query }), placeholderData: keep });
export const usePipeline = (id: string) => useQuery({ queryKey: k.pipelines.detail(id), queryFn: () => api<PipelineDto>(`/gas/pipelines/${id}`) });
export const usePipelineMap = (query: QueryParams = {}) =>
  useQuery({ queryKey: k.map.list(query), queryFn: () => api<PipelineFeatureCollection>("/gas/pipelines/geojson", { query }) });
export const usePatrolPlans = (query: QueryParams) =>
  useQuery({ queryKey: k.plans.list(query), queryFn: () => api<Page<PatrolPlanDto>>("/gas/patrol-plans", { query }), placeholderData: keep });
export const usePatrols = (query: QueryParams) =>
  useQuery({ queryKey: k.patrols.list(query), queryFn: () => api<Page<PatrolDto>>("/gas/patrols", { query }), placeholderData: keep });
export const usePatrol = (id: string | null) => useQuery({ queryKey: k.patrols.detail(id ?? ""), queryFn: () => api<PatrolDetailDto>(`/gas/patrols/${id}`), enabled: !!id });
export const useHazards = (query: QueryParams) =>
  useQuery({ queryKey: k.hazards.list(query), queryFn: () => api<Page<HazardDto>>("/gas/hazards", { query }), placeholderData: keep });
export const useSiteLinks = (query: QueryParams, enabled = true) =>
  useQuery({ queryKey: k.links.list(query), queryFn: () => api<Page<SiteLinkDto>>("/gas/site-links", { query }), placeholderData: keep, enabled });

/** Options for a gas-company picker (registered enterprises of type 燃气企业). */
export async function searchGasCompanies(q: string) {
  const page = await api<Page<{ id: string; name: string }>>("/enterprises", { query: { q, type: "gas", pageSize: 20 } });
  return page.items.map((e) => ({ value: e.id, label: e.name }));
}

/** Options for a pipeline picker (the actor's own lines). */
export async function searchPipelines(q: string) {
  const page = await api<Page<PipelineDto>>("/gas/pipelines", { query: { q, pageSize: 50 } });
  return page.items.map((p) => ({ value: p.id, label: `${p.code} ${p.name}` }));
}

function usePipelineMutation<I, O>(fn: (input: I) => Promise<O>) {
  const qc = useQueryClient();
  return useMutation({ mutationFn: fn, onSuccess: () => Promise.all(Object.values(k).map((key) => qc.invalidateQueries({ queryKey: key.all }))) });
}

export const useCreatePipeline = () => usePipelineMutation((input: PipelineInput) => api<PipelineDto>("/gas/pipelines", { body: input }));
export const useUpdatePipeline = (id: string) => usePipelineMutation((input: UpdatePipelineInput) => api<PipelineDto>(`/gas/pipelines/${id}`, { method: "PATCH", body: input }));
export const useDeletePipeline = () => usePipelineMutation((id: string) => api<void>(`/gas/pipelines/${id}`, { method: "DELETE" }));
export const useImportPipelines = () => usePipelineMutation((body: unknown) => api<PipelineImportResult>("/gas/pipelines/import", { body }));
export const useSavePlan = (id?: string) =>
  usePipelineMutation((input: PatrolPlanInput) => api<PatrolPlanDto>(id ? `/gas/patrol-plans/${id}` : "/gas/patrol-plans", { method: id ? "PUT" : "POST", body: input }));
export const useReportHazard = () => usePipelineMutation((input: HazardInput) => api<HazardDto>("/gas/hazards", { body: input }));
export const useRecomputeLinks = () => usePipelineMutation(() => api<SiteLinkRecomputeDto>("/gas/site-links/recompute", { method: "POST" }));
