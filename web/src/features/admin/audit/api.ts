import { useMutation, useQuery } from "@tanstack/react-query";
import type { AuditEntryDto, AuditVerifyDto } from "@contracts/platform/auth";
import { api, type QueryParams } from "../../../api/client";
import type { Page } from "../../../api/page";
import { keys } from "../../../api/query-keys";

export const useAuditLog = (query: QueryParams) =>
  useQuery({ queryKey: keys.audit.list(query), queryFn: () => api<Page<AuditEntryDto>>("/audit", { query }), placeholderData: (prev) => prev });

/** 校验哈希链: re-computes the chain on the server; on demand only, it reads the whole log. */
export const useVerifyAudit = () => useMutation({ mutationFn: () => api<AuditVerifyDto>("/audit/verify") });
