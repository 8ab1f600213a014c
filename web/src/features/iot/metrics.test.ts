import { describe, expect, it } from "vitest";
import { isBinaryMetric, metricsOf, metricUnit } from "./metrics";

describe("metric helpers", () => {
  it("lists reported metrics then derived ones, with units from the contract", () => {
    expect(metricsOf("hoist").slice(-2)).toEqual(["load_pct", "door_open_moving"]);
    expect(metricsOf("spray")).toEqual(["state"]);
    expect(metricUnit("env_monitor", "noise_db")).toBe("dB(A)");
    expect(metricUnit("tower_crane", "load_pct")).toBe("%");
    expect(metricUnit("tower_crane", "pm10")).toBe("");
  });
  it("reads 0/1 metrics as switches", () => {
    expect(isBinaryMetric("hoist", "door_open")).toBe(true);
    expect(isBinaryMetric("spray", "state")).toBe(true);
    expect(isBinaryMetric("hoist", "floor")).toBe(false);
  });
});
