import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type { CreateEnterpriseInput, EnterpriseDto, EnterpriseProjectDto, EnterpriseSummaryDto, UpdateEnterpriseInput } from "@contracts/registry/enterprise";
import { api, type QueryParams } from "../../../api/client";
import type { Page } from "../../../api/page";
import { keys } from "../../../api/query-keys";

const k = keys.enterprises;

export const useEnterprises = (query: QueryParams) =>
  useQuery({ queryKey: k.list(query), queryFn: () => api<Page<EnterpriseSummaryDto>>("/enterprises", { query }), placeholderData: (prev) => prev });

export const useEnterprise = (id: string, enabled = true) =>
  useQuery({ queryKey: k.detail(id), queryFn: () => api<EnterpriseDto>(`/enterprises/${id}`), enabled: enabled && !!id });

/** Projects the enterprise takes part in (within the caller's project scope). */
export const useEnterpriseProjects = (id: string) =>
  useQuery({ queryKey: k.sub(id, "projects"), queryFn: () => api<EnterpriseProjectDto[]>(`/enterprises/${id}/projects`) });

/** Options for an enterprise picker: name + credit code. */
export async function searchEnterprises(q: string) {
  const page = await api<Page<EnterpriseSummaryDto>>("/enterprises", { query: { q, pageSize: 20 } });
  return page.items.map((e) => ({ value: e.id, label: `${e.name}（${e.creditCode}）` }));
}

export function useSaveEnterprise(id?: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (input: CreateEnterpriseInput | UpdateEnterpriseInput) =>
      id ? api<EnterpriseDto>(`/enterprises/${id}`, { method: "PATCH", body: input }) : api<EnterpriseDto>("/enterprises", { body: input }),
    onSuccess: () => qc.invalidateQueries({ queryKey: k.all }),
  });
}

/** The name of one enterprise, for a filter whose id came in the URL. */
export const enterpriseName = (id: string) => api<EnterpriseDto>(`/enterprises/${id}`).then((e) => e.name);
