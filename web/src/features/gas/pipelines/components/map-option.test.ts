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

  it("opens on the city outline framed on the network", () => {
    const o = pipelineMapOption(fc, [], { mapName: "m", outline: [119.9, 28.7, 120.3, 29.1], colourBy: "pressure", text }) as { geo: { center: number[]; zoom: number } };
    expect(o.geo.center).toEqual([120.005, 28.9]);
    // The network spans 0.01° of a 0.4° outline: zoomed in, capped at 20.
    expect(o.geo.zoom).toBe(20);
    // An outline no wider than the network: never zoomed out below the whole outline.
    const wide = pipelineMapOption(fc, [], { mapName: "m", outline: [120.001, 28.899, 120.009, 28.901], colourBy: "pressure", text }) as typeof o;
    expect(wide.geo.zoom).toBe(1);
  });

  it("frames one line closer when allowed, and shows an extra point's tip escaped", () => {
    const o = pipelineMapOption(fc, [], { mapName: "m", outline: [119.9, 28.7, 120.3, 29.1], colourBy: "pressure", text, maxZoom: 100 }) as {
      geo: { zoom: number };
      tooltip: { formatter: (p: unknown) => string };
    };
    // 0.8 × 0.4° / 0.01°: no longer capped at 20.
    expect(o.geo.zoom).toBeCloseTo(32, 6);
    expect(o.tooltip.formatter({ data: { tip: "疑似 <40 ppm>" } })).toBe("疑似 &#60;40 ppm&#62;");
  });

  it("spreads extra layers (the vehicle) after its own", () => {
    const o = pipelineMapOption(fc, [], { mapName: "m", colourBy: "pressure", text, extraSeries: [{ type: "scatter", id: "vehicle" }] }) as { series: { id?: string }[] };
    expect(o.series.at(-1)?.id).toBe("vehicle");
  });
});
