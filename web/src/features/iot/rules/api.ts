import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type { DeviceType } from "@contracts/iot/devices";
import type { RuleDto, RuleVersionInput } from "@contracts/iot/rules";
import { api } from "../../../api/client";
import { iotKeys } from "../keys";

const k = iotKeys.rules;

interface RulesQuery {
  deviceType?: DeviceType;
  versions?: "current" | "all";
  code?: string;
}

/** Rules in force now (default) or every version of one rule code. */
export const useRules = (query: RulesQuery, opts: { enabled?: boolean } = {}) =>
  useQuery({ queryKey: k.list(query), queryFn: () => api<RuleDto[]>("/rules", { query: { ...query } }), staleTime: 5 * 60_000, ...opts });

export function useCreateRuleVersion() {
  const qc = useQueryClient();
  return useMutation({ mutationFn: (input: RuleVersionInput) => api<RuleDto>("/rules", { body: input }), onSuccess: () => qc.invalidateQueries({ queryKey: k.all }) });
}
