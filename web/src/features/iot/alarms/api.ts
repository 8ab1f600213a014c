import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type { AlarmDetailDto, AlarmDto, AlarmStatsDto } from "@contracts/iot/alarms";
import { api, type QueryParams } from "../../../api/client";
import type { Page } from "../../../api/page";
import { iotKeys } from "../keys";

const k = iotKeys.alarms;

export const useAlarms = (query: QueryParams, opts: { enabled?: boolean } = {}) =>
  useQuery({ queryKey: k.list(query), queryFn: () => api<Page<AlarmDto>>("/alarms", { query }), placeholderData: (prev) => prev, ...opts });

export const useAlarm = (id: string | null) =>
  useQuery({ queryKey: k.detail(id ?? ""), queryFn: () => api<AlarmDetailDto>(`/alarms/${id}`), enabled: !!id });

export const useAlarmStats = (opts: { enabled?: boolean } = {}) =>
  useQuery({ queryKey: [...k.all, "stats"], queryFn: () => api<AlarmStatsDto>("/alarms/stats"), ...opts });

/** What the header badge counts: unacknowledged 严重 and 紧急 alarms, active or already cleared. */
export const BADGE_FILTER = { severity: "major,critical", status: "active_unack,cleared_unack" } as const;

export const BADGE_QUERY_KEY = k.list({ ...BADGE_FILTER, pageSize: 1 });

export const useBadgeCount = (enabled: boolean) =>
  useQuery({
    queryKey: BADGE_QUERY_KEY,
    queryFn: () => api<Page<AlarmDto>>("/alarms", { query: { ...BADGE_FILTER, pageSize: 1 } }),
    select: (p) => p.total,
    enabled,
    // The stream drives it; the interval only covers a stream that is down.
    refetchInterval: 60_000,
  });

type AlarmAction =
  | { id: string; action: "ack" | "clear"; note?: string }
  | { id: string; action: "assign"; assigneeId: string | null }
  | { id: string; action: "comments"; text: string };

/** 确认 / 清除 / 指派 / 评论: each answers the alarm; lists, stats, the badge and the map refresh. */
export function useAlarmAction() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ id, action, ...body }: AlarmAction) => api<AlarmDto>(`/alarms/${id}/${action}`, { body }),
    onSuccess: () => Promise.all([qc.invalidateQueries({ queryKey: k.all }), qc.invalidateQueries({ queryKey: iotKeys.map })]),
  });
}
