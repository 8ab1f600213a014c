import { useQuery } from "@tanstack/react-query";
import type { CityAttendanceRowDto, OnSiteBreakdownDto } from "@contracts/workforce/attendance";
import { api, type QueryParams } from "../../../api/client";
import type { Page } from "../../../api/page";
import { queryKeys } from "../../../api/query-keys";

/** The city-wide workforce view: keys refreshed by prefix. */
export const onSiteKeys = queryKeys("workforce.onSite");

/** `GET /attendance/today`: today's attendance across the caller's projects (`onSite=true`: those still in). */
export const useAttendanceToday = (query: QueryParams) =>
  useQuery({ queryKey: onSiteKeys.list(query), queryFn: () => api<Page<CityAttendanceRowDto>>("/attendance/today", { query }), placeholderData: (prev) => prev });

/** `GET /attendance/on-site`: people on site now by district, trade and project. */
export const useOnSiteBreakdown = () =>
  useQuery({ queryKey: [...onSiteKeys.all, "breakdown"], queryFn: () => api<OnSiteBreakdownDto>("/attendance/on-site"), refetchInterval: 60_000 });
