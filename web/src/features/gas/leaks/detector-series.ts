import { useMemo } from "react";
import { useQueries } from "@tanstack/react-query";
import type { EChartsCoreOption } from "echarts/core";
import { useTranslation } from "react-i18next";
import { useCan } from "../../../auth/use-can";
import { driveQuery, useLeaks, useVehicles } from "./api";

/** How much of each vehicle's drive the map shows, and how many vehicles at most. */
const DRIVE_MS = 2 * 3600_000;
const MAX_VEHICLES = 10;

/** Reading colour by its rise over the background: clean, rising, suspect (≥ 10 ppm, rule gas.leak_thresholds). */
export function riseColour(ppm: number, backgroundPpm: number): string {
  const rise = ppm - backgroundPpm;
  if (rise >= 10) return "#f5222d";
  if (rise >= 5) return "#faad14";
  return "#52c41a";
}

/**
 * The detection vehicle's layer on the pipeline map (readings along its drives coloured by ppm over background,
 * the vehicles' last positions, suspect and confirmed leak points), as ECharts series on the map's `geo`
 * coordinate system. `since` limits the leak points (default: the last 30 days).
 */
export function useDetectorSeries(opts: { since?: string } = {}): NonNullable<EChartsCoreOption["series"]>[] {
  const { t } = useTranslation();
  const allowed = useCan()("gas.read");
  const since = opts.since ?? new Date(Date.now() - 30 * 86_400_000).toISOString().slice(0, 10);
  const vehicles = useVehicles({ pageSize: MAX_VEHICLES }, { refetchInterval: 15_000 });
  const leaks = useLeaks({ state: "suspect,confirmed", from: since, pageSize: 200 }, { refetchInterval: 30_000 });
  const drives = useQueries({
    queries: (allowed ? (vehicles.data?.items ?? []) : []).map((v) => ({ ...driveQuery(v.deviceId, DRIVE_MS), refetchInterval: 15_000 })),
  });
  // The memo is keyed on the drive answers themselves (useQueries answers a fresh array every render).
  const driveData = drives.map((d) => d.data);
  const driveKey = driveData.map((d) => d?.to ?? "").join("|");
  return useMemo(() => {
    if (!allowed) return [];
    const readings = driveData.flatMap((d) =>
      (d?.points ?? []).map((p) => ({ value: [p.lng, p.lat, p.ppm], name: `${p.ppm} ppm (+${(p.ppm - p.backgroundPpm).toFixed(1)})`, itemStyle: { color: riseColour(p.ppm, p.backgroundPpm) } })),
    );
    const items = leaks.data?.items ?? [];
    const points = (state: string) => items.filter((l) => l.state === state).map((l) => ({ value: [l.lng, l.lat, l.ppm], name: `${l.deviceCode ?? ""} ${l.ppm} ppm` }));
    const positions = (vehicles.data?.items ?? [])
      .filter((v) => v.lastLng !== null && v.lastLat !== null)
      .map((v) => ({ value: [v.lastLng, v.lastLat, v.lastPpm ?? 0], name: `${v.code} ${v.name}` }));
    return [
      { type: "scatter", name: t("gasLeaks.driveLayer"), coordinateSystem: "geo", symbolSize: 4, data: readings, z: 3 },
      { type: "scatter", name: t("gasLeaks.vehicleLayer"), coordinateSystem: "geo", symbol: "pin", symbolSize: 22, itemStyle: { color: "#722ed1" }, data: positions, z: 6 },
      { type: "effectScatter", name: t("gasLeaks.suspectLayer"), coordinateSystem: "geo", symbol: "triangle", symbolSize: 12, itemStyle: { color: "#fa8c16" }, data: points("suspect"), z: 5 },
      { type: "effectScatter", name: t("gasLeaks.confirmedLayer"), coordinateSystem: "geo", symbol: "diamond", symbolSize: 16, itemStyle: { color: "#cf1322" }, data: points("confirmed"), z: 7 },
    ];
  }, [allowed, leaks.data, vehicles.data, t, driveKey]); // driveData is read through driveKey
}
