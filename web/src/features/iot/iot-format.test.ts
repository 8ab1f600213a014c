import { describe, expect, it } from "vitest";
import { alarmApiQuery, alarmUnit, alarmStatusFilter, formatValue, mergeLatest, relativeTime } from "./iot-format";
import { severityHex, worstSeverity } from "./severity";

const NOW = Date.parse("2025-06-01T12:00:00Z");

describe("relativeTime", () => {
  it("reads seconds as now, then minutes, hours and days in both languages", () => {
    expect(relativeTime("2025-06-01T11:59:30Z", NOW, "zh-CN")).toBe("刚刚");
    expect(relativeTime("2025-06-01T11:57:00Z", NOW, "zh-CN")).toBe("3 分钟前");
    expect(relativeTime("2025-06-01T10:00:00Z", NOW, "en")).toBe("2 h ago");
    expect(relativeTime("2025-05-29T12:00:00Z", NOW, "zh-CN")).toBe("3 天前");
    expect(relativeTime(null, NOW, "zh-CN")).toBe("—");
  });
  it("treats a clock slightly ahead of ours as now, not as the future", () => {
    expect(relativeTime("2025-06-01T12:00:05Z", NOW, "en")).toBe("just now");
  });
});

describe("formatValue", () => {
  it("rounds without trailing zeros and dashes missing values", () => {
    expect(formatValue(12.345)).toBe("12.3");
    expect(formatValue(12.0)).toBe("12");
    expect(formatValue(0.456, 2)).toBe("0.46");
    expect(formatValue(null)).toBe("—");
    expect(formatValue(Number.NaN)).toBe("—");
  });
});

describe("alarm console status filter", () => {
  it("defaults to the active alarms when the URL names no status", () => {
    expect(alarmStatusFilter(undefined)).toEqual(["active_unack", "active_ack"]);
    expect(alarmApiQuery({ page: 1 }).status).toBe("active_unack,active_ack");
  });
  it("sends no status filter for `any` and keeps an explicit choice, dropping unknown codes", () => {
    expect(alarmStatusFilter("any")).toEqual([]);
    expect(alarmApiQuery({ status: "any", q: "TC" })).toEqual({ status: undefined, q: "TC" });
    expect(alarmApiQuery({ status: "cleared_ack,bogus" }).status).toBe("cleared_ack");
  });
  it("leaves the open drawer's alarm id out of the list query", () => {
    expect(alarmApiQuery({ alarm: "x", page: 2 })).toEqual({ page: 2, status: "active_unack,active_ack" });
  });
});

describe("mergeLatest", () => {
  const unit = (m: string) => (m === "pm10" ? "µg/m³" : "");
  it("replaces pushed metrics, keeps the others and fills the unit of a new metric", () => {
    const cur = [
      { metric: "pm10", value: 50, ts: "2025-06-01T11:00:00Z", unit: "µg/m³" },
      { metric: "noise_db", value: 60, ts: "2025-06-01T11:00:00Z", unit: "dB(A)" },
    ];
    const out = mergeLatest(cur, { pm10: { value: 80, ts: "2025-06-01T11:01:00Z" }, pm25: { value: 30, ts: "2025-06-01T11:01:00Z" } }, unit);
    expect(out).toEqual([
      { metric: "pm10", value: 80, ts: "2025-06-01T11:01:00Z", unit: "µg/m³" },
      { metric: "noise_db", value: 60, ts: "2025-06-01T11:00:00Z", unit: "dB(A)" },
      { metric: "pm25", value: 30, ts: "2025-06-01T11:01:00Z", unit: "" },
    ]);
  });
  it("ignores a push older than the value held", () => {
    const cur = [{ metric: "pm10", value: 80, ts: "2025-06-01T11:05:00Z", unit: "µg/m³" }];
    expect(mergeLatest(cur, { pm10: { value: 10, ts: "2025-06-01T11:00:00Z" } }, unit)[0].value).toBe(80);
  });
});

describe("severity helpers", () => {
  it("finds the worst severity and colours none green", () => {
    expect(worstSeverity(["minor", null, "critical", "major"])).toBe("critical");
    expect(worstSeverity([])).toBeNull();
    expect(severityHex(null)).toBe("#52c41a");
    expect(severityHex("critical")).toBe("#f5222d");
  });
});

describe("alarmUnit", () => {
  it("uses the metric's unit, minutes of silence for offline alarms, nothing for events", () => {
    expect(alarmUnit({ metric: "moment_pct", ruleCode: "crane.moment", deviceType: "tower_crane" })).toBe("%");
    expect(alarmUnit({ metric: null, ruleCode: "offline.hoist", deviceType: "hoist" })).toBe("min");
    expect(alarmUnit({ metric: null, ruleCode: "event.no_helmet", deviceType: "camera" })).toBe("");
  });
});
