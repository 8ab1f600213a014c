import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type { AgencyDto, AgencyInput, CommissionDto, CreateCommissionInput, SamplingInput, WitnessShareDto } from "@contracts/testing/commission";
import type { ConcreteEvaluationDto, ConcreteEvaluationInput } from "@contracts/testing/evaluation";
import type { IssueReportInput, PublicReportDto, ReportDto, ResultDto, ReviseReportInput, SubmitResultInput } from "@contracts/testing/result";
import { api, apiUrl, type QueryParams } from "../../api/client";
import type { Page } from "../../api/page";
import { testingKeys as k } from "./keys";

const keep = <T,>(prev: T | undefined) => prev;

export const useCommissions = (query: QueryParams, projectId?: string) =>
  useQuery({
    queryKey: k.commissions.list({ ...query, projectId }),
    queryFn: () => api<Page<CommissionDto>>(projectId ? `/projects/${projectId}/testing/commissions` : "/testing/commissions", { query }),
    placeholderData: keep,
  });

export const useResults = (query: QueryParams) =>
  useQuery({ queryKey: k.results.list(query), queryFn: () => api<Page<ResultDto>>("/testing/results", { query }), placeholderData: keep });

export const useAgencies = (query: QueryParams) =>
  useQuery({ queryKey: k.agencies.list(query), queryFn: () => api<Page<AgencyDto>>("/testing/agencies", { query }), placeholderData: keep });

export const useWitnessShare = (projectId: string | undefined) =>
  useQuery({ queryKey: k.share.detail(projectId ?? ""), queryFn: () => api<WitnessShareDto>(`/projects/${projectId}/testing/witness-share`), enabled: !!projectId });

export const useReport = (id: string | null) => useQuery({ queryKey: k.reports.detail(id ?? ""), queryFn: () => api<ReportDto>(`/testing/reports/${id}`), enabled: !!id });

/** Options for an agency picker, only agencies valid today and qualified for the sample type. */
export async function searchAgencies(q: string, scope?: string) {
  const page = await api<Page<AgencyDto>>("/testing/agencies", { query: { q, scope, valid: "true", pageSize: 50 } });
  return page.items.map((a) => ({ value: a.enterpriseId, label: a.name }));
}

/** Any testing write changes commissions, results, shares and reports. */
function useTestingMutation<I, O>(fn: (input: I) => Promise<O>) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: fn,
    onSuccess: () => Promise.all(Object.values(k).map((key) => qc.invalidateQueries({ queryKey: key.all }))),
  });
}

export const useCreateCommission = (projectId: string) =>
  useTestingMutation((input: CreateCommissionInput) => api<CommissionDto>(`/projects/${projectId}/testing/commissions`, { body: input }));
export const useRecordSampling = (id: string) => useTestingMutation((input: SamplingInput) => api<CommissionDto>(`/testing/commissions/${id}/sampling`, { body: input }));
export const useSubmitResult = (id: string) => useTestingMutation((input: SubmitResultInput) => api<ResultDto>(`/testing/commissions/${id}/results`, { body: input }));
export const useIssueReport = (resultId: string) => useTestingMutation((input: IssueReportInput) => api<ReportDto>(`/testing/results/${resultId}/report`, { body: input }));
export const useReviseReport = (id: string) => useTestingMutation((input: ReviseReportInput) => api<ReportDto>(`/testing/reports/${id}`, { method: "PATCH", body: input }));
export const useFileAgency = () => useTestingMutation((input: AgencyInput) => api<AgencyDto>("/testing/agencies", { body: input }));

export const useConcreteEvaluation = () => useMutation({ mutationFn: (input: ConcreteEvaluationInput) => api<ConcreteEvaluationDto>("/testing/concrete-evaluations", { body: input }) });

/** Where a sampling photo is shown from (the server checks the caller may see a commission it belongs to). */
export const samplingPhotoUrl = (id: string) => apiUrl(`/testing/photos/${encodeURIComponent(id)}`);

/** Uploads one photo (JPEG/PNG) and answers the id to put into a sampling record's `photoIds`. */
export async function uploadSamplingPhoto(file: File): Promise<string> {
  const body = new FormData();
  body.append("file", file, file.name);
  return (await api<{ id: string }>("/testing/photos", { body })).id;
}

export const usePublicReport = (code: string) =>
  useQuery({ queryKey: ["public.report", code], queryFn: () => api<PublicReportDto>(`/public/reports/${encodeURIComponent(code)}`), retry: false });
