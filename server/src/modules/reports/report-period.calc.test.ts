import { describe, expect, it } from "vitest";
import { duePeriod, periodBefore, periodLabel, previousPeriod } from "./report-period.calc.js";

/** Shanghai wall time → the instant (UTC+8). */
const at = (local: string) => new Date(`${local}+08:00`);

describe("the briefing schedule (fake clock, Asia/Shanghai)", () => {
  it("daily: yesterday from 07:00, the day before until then", () => {
    expect(duePeriod("daily", at("2026-12-08T06:59:59"))).toEqual({ from: "2026-12-06", to: "2026-12-06" });
    expect(duePeriod("daily", at("2026-12-08T07:00:00"))).toEqual({ from: "2026-12-07", to: "2026-12-07" });
    // 07:00 Shanghai is 23:00 UTC the evening before: the UTC date must not decide.
    expect(duePeriod("daily", new Date("2026-12-07T23:00:00Z"))).toEqual({ from: "2026-12-07", to: "2026-12-07" });
  });

  it("weekly: last Monday–Sunday from Monday 07:00", () => {
    // 2026-12-07 is a Monday.
    expect(duePeriod("weekly", at("2026-12-07T06:59:00"))).toEqual({ from: "2026-11-23", to: "2026-11-29" });
    expect(duePeriod("weekly", at("2026-12-07T07:00:00"))).toEqual({ from: "2026-11-30", to: "2026-12-06" });
    expect(duePeriod("weekly", at("2026-12-13T23:59:00"))).toEqual({ from: "2026-11-30", to: "2026-12-06" });
  });

  it("monthly: last month from the 1st 07:00, across a year end and February", () => {
    expect(duePeriod("monthly", at("2027-01-01T06:00:00"))).toEqual({ from: "2026-11-01", to: "2026-11-30" });
    expect(duePeriod("monthly", at("2027-01-01T07:00:00"))).toEqual({ from: "2026-12-01", to: "2026-12-31" });
    expect(duePeriod("monthly", at("2028-03-15T12:00:00"))).toEqual({ from: "2028-02-01", to: "2028-02-29" });
  });

  it("compares with the period before: the day, week or month before, or a custom span's length", () => {
    expect(previousPeriod("daily", { from: "2026-12-01", to: "2026-12-01" })).toEqual({ from: "2026-11-30", to: "2026-11-30" });
    expect(previousPeriod("weekly", { from: "2026-11-30", to: "2026-12-06" })).toEqual({ from: "2026-11-23", to: "2026-11-29" });
    expect(previousPeriod("monthly", { from: "2026-03-01", to: "2026-03-31" })).toEqual({ from: "2026-02-01", to: "2026-02-28" });
    expect(previousPeriod("weekly", { from: "2026-12-02", to: "2026-12-04" })).toEqual({ from: "2026-11-29", to: "2026-12-01" });
    expect(periodBefore("weekly", "2026-12-06")).toEqual({ from: "2026-11-23", to: "2026-11-29" });
  });

  it("labels the period as printed", () => {
    expect(periodLabel("monthly", { from: "2026-11-01", to: "2026-11-30" })).toBe("2026年11月");
    expect(periodLabel("daily", { from: "2026-12-07", to: "2026-12-07" })).toBe("2026-12-07");
    expect(periodLabel("weekly", { from: "2026-11-30", to: "2026-12-06" })).toBe("2026-11-30 至 2026-12-06");
  });
});
