import { describe, expect, it } from "vitest";
import type { PipelineFeatureCollection } from "@contracts/gas/pipeline";
import { coverageHex, pipelineMapOption, PRESSURE_HEX } from "./map-option";

const fc: PipelineFeatureCollection = {
  type: "FeatureCollection",
  features: [
    {
      type: "Feature",
      id: "a",
      geometry: { type: "LineString", coordinates: [[120, 28.9], [120.01, 28.9]] },
      properties: { code: "GX-1", name: "干线", enterpriseId: "e", enterpriseName: "燃气公司", pressureClass: "medium", material: "pe", lengthM: 970, coveragePct: 40, lastPatrolAt: null },
    },
  ],
};
const text = { coverage: "c", never: "n", length: "l", site: "s", distance: "d", pressure: (c: string) => c };

describe("the pipeline map option", () => {
  it("colours lines by pressure class or by coverage", () => {
    const byPressure = pipelineMapOption(fc, [], { mapName: null, colourBy: "pressure", text }) as { series: { data: { lineStyle: { color: string } }[] }[] };
    expect(byPressure.series[0].data[0].lineStyle.color).toBe(PRESSURE_HEX.medium);
    const byCoverage = pipelineMapOption(fc, [], { mapName: null, colourBy: "coverage", text }) as typeof byPressure;
    expect(byCoverage.series[0].data[0].lineStyle.color).toBe(coverageHex(40));
    expect(coverageHex(null)).not.toBe(coverageHex(95));
  });

  it("spreads extra layers (the vehicle) after its own", () => {
    const o = pipelineMapOption(fc, [], { mapName: "m", colourBy: "pressure", text, extraSeries: [{ type: "scatter", id: "vehicle" }] }) as { series: { id?: string }[] };
    expect(o.series.at(-1)?.id).toBe("vehicle");
  });
});
