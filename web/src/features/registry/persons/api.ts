import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type { CreatePersonInput, PersonDto, PersonSummaryDto, UpdatePersonInput } from "@contracts/registry/person";
import { api, type QueryParams } from "../../../api/client";
import type { Page } from "../../../api/page";
import { keys } from "../../../api/query-keys";

const k = keys.persons;

export const usePersons = (query: QueryParams, enabled = true) =>
  useQuery({ queryKey: k.list(query), queryFn: () => api<Page<PersonSummaryDto>>("/persons", { query }), placeholderData: (prev) => prev, enabled });

export const usePerson = (id: string) => useQuery({ queryKey: k.detail(id), queryFn: () => api<PersonDto>(`/persons/${id}`) });

/** Options for a person picker: name, employer and masked ID. */
export async function searchPersons(q: string) {
  const page = await api<Page<PersonSummaryDto>>("/persons", { query: { q, pageSize: 20 } });
  return page.items.map((p) => ({ value: p.id, label: `${p.name} · ${p.employerName ?? "—"} · ${p.idNumber}` }));
}

export function useSavePerson(id?: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (input: CreatePersonInput | UpdatePersonInput) =>
      id ? api<PersonDto>(`/persons/${id}`, { method: "PATCH", body: input }) : api<PersonDto>("/persons", { body: input }),
    onSuccess: () => qc.invalidateQueries({ queryKey: k.all }),
  });
}
