import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type { CreatedReportDto, CreateReportInput, ReportDto, ReportSubscriptionsDto, UpdateReportSubscriptionsInput } from "@contracts/reports/reports";
import { api, apiUrl, type QueryParams } from "../../api/client";
import type { Page } from "../../api/page";
import { reportKeys as k } from "./keys";

const keep = <T,>(prev: T | undefined) => prev;

export const useReports = (query: QueryParams) =>
  useQuery({ queryKey: k.reports.list(query), queryFn: () => api<Page<ReportDto>>("/reports", { query }), placeholderData: keep });

/** 立即生成: the archived briefing's id (created false when the period already had one). */
export function useGenerateReport() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (input: CreateReportInput) => api<CreatedReportDto>("/reports", { body: input }),
    onSuccess: () => qc.invalidateQueries({ queryKey: k.reports.all }),
  });
}

export const useReportSubscriptions = () => useQuery({ queryKey: k.subscriptions.all, queryFn: () => api<ReportSubscriptionsDto>("/reports/subscriptions") });

export function useUpdateReportSubscriptions() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (input: UpdateReportSubscriptionsInput) => api<ReportSubscriptionsDto>("/reports/subscriptions", { method: "PUT", body: input }),
    onSuccess: (data) => qc.setQueryData(k.subscriptions.all, data),
  });
}

export const reportPdfUrl = (id: string) => apiUrl(`/reports/${id}/report.pdf`);
export const reportXlsxUrl = (id: string) => apiUrl(`/reports/${id}/report.xlsx`);
