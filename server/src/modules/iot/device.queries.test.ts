import { describe, expect, it } from "vitest";
import { AppError } from "../../platform/errors.js";
import { leqOf, metricSpec, planTelemetry } from "./device.queries.js";

const now = new Date("2025-06-01T12:00:00Z");
const hoursBefore = (h: number) => new Date(now.getTime() - h * 3_600_000).toISOString();
const fieldOf = (fn: () => unknown) => {
  try {
    fn();
  } catch (e) {
    return e instanceof AppError ? (e.details as { issues: { path: string }[] }).issues.map((i) => i.path) : e;
  }
  return null;
};

describe("planTelemetry", () => {
  it("defaults to the last 24 h at 1-hour resolution", () => {
    expect(planTelemetry({}, now)).toEqual({ from: new Date("2025-05-31T12:00:00Z"), to: now, resolution: "1h" });
  });

  it("picks 1m up to 6 h of span and 1h beyond", () => {
    expect(planTelemetry({ from: hoursBefore(6) }, now).resolution).toBe("1m");
    expect(planTelemetry({ from: new Date(now.getTime() - 6 * 3_600_000 - 1).toISOString() }, now).resolution).toBe("1h");
  });

  it("limits raw to 1 day and 1m to 7 days, naming from", () => {
    expect(planTelemetry({ from: hoursBefore(24), resolution: "raw" }, now).resolution).toBe("raw");
    expect(fieldOf(() => planTelemetry({ from: hoursBefore(25), resolution: "raw" }, now))).toEqual(["from"]);
    expect(planTelemetry({ from: hoursBefore(7 * 24), resolution: "1m" }, now).resolution).toBe("1m");
    expect(fieldOf(() => planTelemetry({ from: hoursBefore(7 * 24 + 1), resolution: "1m" }, now))).toEqual(["from"]);
    expect(planTelemetry({ from: hoursBefore(90 * 24), resolution: "1h" }, now).resolution).toBe("1h");
  });

  it("names from when the window is empty or reversed", () => {
    expect(fieldOf(() => planTelemetry({ from: now.toISOString(), to: now.toISOString() }, now))).toEqual(["from"]);
    expect(fieldOf(() => planTelemetry({ from: now.toISOString(), to: hoursBefore(1) }, now))).toEqual(["from"]);
  });
});

describe("leqOf", () => {
  it("is the energy mean, above the arithmetic mean for unequal levels", () => {
    const e = (l: number) => 10 ** (l / 10);
    expect(leqOf(e(60) + e(80), 2)).toBeCloseTo(77.0, 1);
    expect(leqOf(e(70) * 3, 3)).toBeCloseTo(70, 9);
    expect(leqOf(null, 3)).toBeNull();
  });
});

describe("metricSpec", () => {
  it("knows reported and derived metrics per type, nothing else", () => {
    expect(metricSpec("tower_crane", "moment_pct")?.unit).toBe("%");
    expect(metricSpec("hoist", "door_open_moving")?.unit).toBe("0/1");
    expect(metricSpec("env_monitor", "moment_pct")).toBeUndefined();
    expect(metricSpec("env_monitor", "constructor")).toBeUndefined();
    expect(metricSpec("tower_crane", "constructor")).toBeUndefined();
  });
});
