import { useQuery } from "@tanstack/react-query";
import { registerMap } from "../../../../charts/echart";

export const CITY_MAP_NAME = "yongkang-330784";
/** Bundled with the web app (web/public/geo), like the IoT site map: no tile server, no internet. */
const GEO_URL = "/geo/yongkang-330784.geojson";

/** The outline's extent [minLng, minLat, maxLng, maxLat], read from every coordinate pair in the GeoJSON. */
function boundsOf(json: string): [number, number, number, number] | null {
  const pairs = [...json.matchAll(/\[(-?\d+(?:\.\d+)?),(-?\d+(?:\.\d+)?)\]/g)].map((m) => [Number(m[1]), Number(m[2])]);
  if (pairs.length === 0) return null;
  const lngs = pairs.map((p) => p[0]);
  const lats = pairs.map((p) => p[1]);
  return [Math.min(...lngs), Math.min(...lats), Math.max(...lngs), Math.max(...lats)];
}

/** Registers the city outline with ECharts once (the network map and a line's page share it); answers its extent. */
export function useCityOutline() {
  return useQuery({
    queryKey: ["geo", CITY_MAP_NAME],
    queryFn: async () => {
      const res = await fetch(GEO_URL);
      if (!res.ok) throw new Error(`${GEO_URL}: ${res.status}`);
      const geo = (await res.json()) as Parameters<typeof registerMap>[1];
      registerMap(CITY_MAP_NAME, geo);
      return boundsOf(JSON.stringify(geo));
    },
    staleTime: Infinity,
    gcTime: Infinity,
  });
}
