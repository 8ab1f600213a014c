import { describe, expect, it } from "vitest";
import { formatMoney, shanghaiTime } from "./format";

describe("workforce formats", () => {
  it("shows gate times in Asia/Shanghai whatever the browser's zone", () => {
    expect(shanghaiTime("2026-12-01T23:02:00Z")).toBe("07:02");
    expect(shanghaiTime(null)).toBe("—");
  });

  it("shows money with two decimals", () => {
    expect(formatMoney(8702.4)).toBe("8,702.40");
    expect(formatMoney(0)).toBe("0.00");
    expect(formatMoney(null)).toBe("—");
  });
});
