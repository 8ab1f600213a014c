import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type { AcceptanceDto, CreateAcceptanceInput, SignAcceptanceInput } from "@contracts/quality/acceptance";
import { api, type QueryParams } from "../../api/client";
import type { Page } from "../../api/page";
import { queryKeys } from "../../api/query-keys";

export const qualityKeys = { acceptances: queryKeys("quality.acceptances") };
const k = qualityKeys.acceptances;

export const useAcceptances = (query: QueryParams) =>
  useQuery({ queryKey: k.list(query), queryFn: () => api<Page<AcceptanceDto>>("/acceptances", { query }), placeholderData: (prev) => prev });

export const useProjectAcceptances = (projectId: string) =>
  useQuery({ queryKey: k.sub(projectId, "project"), queryFn: () => api<AcceptanceDto[]>(`/projects/${projectId}/acceptances`) });

export function useOpenAcceptance(projectId: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (input: CreateAcceptanceInput) => api<AcceptanceDto>(`/projects/${projectId}/acceptances`, { body: input }),
    onSuccess: () => qc.invalidateQueries({ queryKey: k.all }),
  });
}

export function useSignAcceptance() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ id, input }: { id: string; input: SignAcceptanceInput }) => api<AcceptanceDto>(`/acceptances/${id}/sign`, { body: input }),
    onSuccess: () => qc.invalidateQueries({ queryKey: k.all }),
  });
}
