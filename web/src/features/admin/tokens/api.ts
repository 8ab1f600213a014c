import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type { ApiTokenDto, CreateApiTokenInput, CreatedApiTokenDto } from "@contracts/platform/auth";
import { api, type QueryParams } from "../../../api/client";
import type { Page } from "../../../api/page";
import { keys } from "../../../api/query-keys";

const k = keys.tokens;

export const useTokens = (query: QueryParams) =>
  useQuery({ queryKey: k.list(query), queryFn: () => api<Page<ApiTokenDto>>("/admin/tokens", { query }), placeholderData: (prev) => prev });

/** Creates a token; the answer is the only time its secret is visible. */
export function useCreateToken() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (input: CreateApiTokenInput) => api<CreatedApiTokenDto>("/admin/tokens", { body: input }),
    onSuccess: () => qc.invalidateQueries({ queryKey: k.all }),
  });
}

export function useRevokeToken() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => api<ApiTokenDto>(`/admin/tokens/${id}/revoke`, { method: "POST" }),
    onSuccess: () => qc.invalidateQueries({ queryKey: k.all }),
  });
}

/** 有效 / 已吊销 / 已过期 of a token at `now`. */
export function tokenState(tok: Pick<ApiTokenDto, "revokedAt" | "expiresAt">, now = Date.now()): "active" | "revoked" | "expired" {
  if (tok.revokedAt) return "revoked";
  if (tok.expiresAt && Date.parse(tok.expiresAt) <= now) return "expired";
  return "active";
}
