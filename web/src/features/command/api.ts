import { useQuery } from "@tanstack/react-query";
import type { AlarmDto } from "@contracts/iot/alarms";
import { alarmTickerItem, type AlarmTickerItem, type CityDashboardDto } from "@contracts/dashboard/city";
import type { HomeDto } from "@contracts/dashboard/home";
import type { DashboardMapDto } from "@contracts/dashboard/map";
import type { PipelineFeatureCollection } from "@contracts/gas/pipeline";
import { api } from "../../api/client";
import type { Page } from "../../api/page";
import { registerMap } from "../../charts/echart";

/** Query keys of the command center and the home page; `commandKeys.all` refreshes every figure. */
export const commandKeys = {
  all: ["dashboard"] as const,
  city: ["dashboard", "city"] as const,
  home: ["dashboard", "home"] as const,
  map: (layers: readonly string[]) => ["dashboard", "map", layers] as const,
  ticker: ["dashboard", "ticker"] as const,
  mains: ["dashboard", "mains"] as const,
};

export const useCityDashboard = () => useQuery({ queryKey: commandKeys.city, queryFn: () => api<CityDashboardDto>("/dashboard/city"), refetchInterval: 60_000 });

export const useHome = () => useQuery({ queryKey: commandKeys.home, queryFn: () => api<HomeDto>("/dashboard/home"), refetchInterval: 60_000 });

/** The map's markers; the layers asked for are the ones switched on (the server leaves out what the role may not read). */
export const useDashboardMap = (layers: readonly string[]) =>
  useQuery({
    queryKey: commandKeys.map(layers),
    queryFn: () => api<DashboardMapDto>("/dashboard/map", { query: { layers } }),
    placeholderData: (prev) => prev,
    refetchInterval: 60_000,
  });

/** The gas mains for the map's gas layer (only for users who may read gas, and only while the layer is on). */
export const useMains = (enabled: boolean) =>
  useQuery({ queryKey: commandKeys.mains, queryFn: () => api<PipelineFeatureCollection>("/gas/pipelines/geojson"), enabled, staleTime: 10 * 60_000 });

/**
 * The live ticker: the latest active alarms read straight from the alarm list (not the cached aggregate),
 * so an alarm pushed on the stream shows at once; until it answers, the aggregate's `latest` paints it.
 */
export const useTicker = (first: readonly AlarmTickerItem[] | undefined, enabled: boolean) =>
  useQuery({
    queryKey: commandKeys.ticker,
    queryFn: async () => (await api<Page<AlarmDto>>("/alarms", { query: { status: "active_unack,active_ack", sort: "-lastAt", pageSize: 12 } })).items.map(alarmTickerItem),
    placeholderData: first ? [...first] : undefined,
    enabled,
  });

export const COUNTY_MAP = "yongkang-330784";
/**
 * 永康市 (adcode 330784) outline bundled with the web app (web/public/geo, from DataV.GeoAtlas via
 * /work/shared/data): the map needs no tile server and no internet.
 */
const COUNTY_URL = "/geo/yongkang-330784.geojson";

export const useCountyOutline = () =>
  useQuery({
    queryKey: ["geo", COUNTY_MAP, "registered"],
    queryFn: async () => {
      const res = await fetch(COUNTY_URL);
      if (!res.ok) throw new Error(`${COUNTY_URL}: ${res.status}`);
      registerMap(COUNTY_MAP, await res.json());
      return COUNTY_MAP;
    },
    staleTime: Infinity,
    gcTime: Infinity,
  });
