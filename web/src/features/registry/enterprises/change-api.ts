import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type { CreateEnterpriseChangeRequestInput, EnterpriseChangeRequestDto } from "@contracts/registry/enterprise-change";
import { api, type QueryParams } from "../../../api/client";
import type { Page } from "../../../api/page";
import { keys, queryKeys } from "../../../api/query-keys";

const k = queryKeys("registry.enterpriseChanges");

/** The city's change requests (the bureau's review queue), filtered by `state`. */
export const useChangeRequests = (query: QueryParams) =>
  useQuery({ queryKey: k.list(query), queryFn: () => api<Page<EnterpriseChangeRequestDto>>("/enterprise-change-requests", { query }), placeholderData: (prev) => prev });

/** One enterprise's change requests, newest first. */
export const useEnterpriseChangeRequests = (enterpriseId: string, enabled = true) =>
  useQuery({
    queryKey: k.sub(enterpriseId, "requests"),
    queryFn: () => api<Page<EnterpriseChangeRequestDto>>(`/enterprises/${enterpriseId}/change-requests`, { query: { pageSize: 50 } }),
    enabled,
  });

export function useFileChangeRequest(enterpriseId: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (input: CreateEnterpriseChangeRequestInput) => api<EnterpriseChangeRequestDto>(`/enterprises/${enterpriseId}/change-requests`, { body: input }),
    onSuccess: () => qc.invalidateQueries({ queryKey: k.all }),
  });
}

/** Approve or reject; an approval changes the enterprise, so its pages refresh too. */
export function useDecideChangeRequest() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ id, verb, note }: { id: string; verb: "approve" | "reject"; note?: string }) =>
      api<EnterpriseChangeRequestDto>(`/enterprise-change-requests/${id}/${verb}`, { body: note ? { note } : {} }),
    onSuccess: () => Promise.all([qc.invalidateQueries({ queryKey: k.all }), qc.invalidateQueries({ queryKey: keys.enterprises.all })]),
  });
}
