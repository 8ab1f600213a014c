import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type { CreateUserInput, UpdateUserInput, UserDto } from "@contracts/platform/auth";
import { api, type QueryParams } from "../../../api/client";
import type { Page } from "../../../api/page";
import { keys } from "../../../api/query-keys";

const k = keys.users;

export const useUsers = (query: QueryParams) =>
  useQuery({ queryKey: k.list(query), queryFn: () => api<Page<UserDto>>("/admin/users", { query }), placeholderData: (prev) => prev });

/** Options for a user picker: display name and username. */
export async function searchUsers(q: string) {
  const page = await api<Page<UserDto>>("/admin/users", { query: { q, pageSize: 20 } });
  return page.items.map((u) => ({ value: u.id, label: `${u.displayName}（${u.username}）` }));
}

export function useSaveUser(id?: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (input: CreateUserInput | UpdateUserInput) =>
      id ? api<UserDto>(`/admin/users/${id}`, { method: "PATCH", body: input }) : api<UserDto>("/admin/users", { body: input }),
    onSuccess: () => qc.invalidateQueries({ queryKey: k.all }),
  });
}

/** 停用 / 启用 a user from the list. */
export function useSetUserActive() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ id, isActive }: { id: string; isActive: boolean }) => api<UserDto>(`/admin/users/${id}`, { method: "PATCH", body: { isActive } }),
    onSuccess: () => qc.invalidateQueries({ queryKey: k.all }),
  });
}
