import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type { ListRulesQuery, NewRuleVersionInput, RuleVersionDto, ThresholdList } from "@contracts/platform/rules";
import { api, type QueryParams } from "../../../api/client";
import { queryKeys } from "../../../api/query-keys";

const k = queryKeys("rules.thresholds");
/** One cache entry per listing, shared by the page's rows, its filters and the history drawer. */
export const thresholdsKey = (query: ListRulesQuery) => k.list(query);

/** `versions` as the page sends it: the current ones unless the history is asked for (the API's own default is every version). */
export const thresholdQuery = (q: QueryParams): ListRulesQuery => ({
  code: typeof q.code === "string" && q.code ? q.code : undefined,
  region: typeof q.region === "string" && q.region ? q.region : undefined,
  versions: q.versions === "all" ? "all" : "current",
});

/** The threshold versions for the list's params; `cityRegion` names the platform's city. */
export const useThresholds = (query: ListRulesQuery, opts: { enabled?: boolean } = {}) =>
  useQuery({ queryKey: thresholdsKey(query), queryFn: () => api<ThresholdList>("/thresholds", { query: { ...query } }), staleTime: 60_000, ...opts });

/** Files a version (national or the city's); every threshold list refreshes. */
export function useFileThreshold() {
  const qc = useQueryClient();
  return useMutation({ mutationFn: (input: NewRuleVersionInput) => api<RuleVersionDto>("/thresholds", { body: input }), onSuccess: () => qc.invalidateQueries({ queryKey: k.all }) });
}
