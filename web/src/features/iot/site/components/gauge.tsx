import { useMemo } from "react";
import { EChart } from "../../../../charts/echart";
import { gaugeOption, levelBands, type Level } from "../../../../charts/iot-charts";

/** One small banded gauge. */
export function Gauge({ title, value, levels, max, unit, digits }: { title: string; value: number | undefined; levels: Level[]; max: number; unit: string; digits?: number }) {
  const key = JSON.stringify(levels);
  const option = useMemo(
    () => gaugeOption({ title, value, max, unit, bands: levelBands(JSON.parse(key) as Level[], max), digits }),
    [title, value, max, unit, key, digits],
  );
  return <EChart option={option} ariaLabel={`${title} ${value ?? "—"} ${unit}`} style={{ height: 150 }} />;
}
