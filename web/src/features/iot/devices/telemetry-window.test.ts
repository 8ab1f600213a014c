import { describe, expect, it } from "vitest";
import { resolutionAllowed } from "./telemetry-window";

const DAY = 86_400_000;

describe("resolutionAllowed", () => {
  it("offers raw readings up to a day and minute rollups up to a week; auto and hours always", () => {
    expect(resolutionAllowed("raw", DAY)).toBe(true);
    expect(resolutionAllowed("raw", 7 * DAY)).toBe(false);
    expect(resolutionAllowed("1m", 7 * DAY)).toBe(true);
    expect(resolutionAllowed("1m", 30 * DAY)).toBe(false);
    expect(resolutionAllowed("1h", 30 * DAY)).toBe(true);
    expect(resolutionAllowed("auto", 30 * DAY)).toBe(true);
  });
});
