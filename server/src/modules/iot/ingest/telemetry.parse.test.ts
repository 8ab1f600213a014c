import { describe, expect, it } from "vitest";
import { parseTelemetry } from "./telemetry.parse.js";

const now = Date.UTC(2026, 11, 1, 4, 0);
const limits = { now, maxAgeMs: 90 * 86_400_000 };
const parse = (body: unknown, type: Parameters<typeof parseTelemetry>[1] = "tower_crane") =>
  parseTelemetry(typeof body === "string" ? Buffer.from(body) : Buffer.from(JSON.stringify(body)), type, limits);

describe("parseTelemetry", () => {
  it("flattens one message or a batch into readings, with derived load %", () => {
    expect(parse({ ts: now, seq: 3, values: { load_t: 4, rated_load_t: 8, moment_pct: 51 } })).toEqual({
      ok: true,
      readings: [
        { metric: "load_t", ts: now, value: 4 },
        { metric: "rated_load_t", ts: now, value: 8 },
        { metric: "moment_pct", ts: now, value: 51 },
        { metric: "load_pct", ts: now, value: 50 },
      ],
    });
    const batch = parse([{ ts: "2026-12-01T11:59:00+08:00", values: { pm10: 80 } }, { ts: now, values: { pm10: 90 } }], "env_monitor");
    expect(batch.ok && batch.readings.map((r) => r.ts)).toEqual([now - 60_000, now]);
  });

  it("derives a hoist moving with its door open", () => {
    const r = parse({ ts: now, values: { door_open: 1, speed_ms: -1.5 } }, "hoist");
    expect(r.ok && r.readings.find((x) => x.metric === "door_open_moving")?.value).toBe(1);
    const still = parse({ ts: now, values: { door_open: 1, speed_ms: 0.02 } }, "hoist");
    expect(still.ok && still.readings.find((x) => x.metric === "door_open_moving")?.value).toBe(0);
  });

  it.each([
    ["not json", "{", "bad_json", ""],
    ["an empty batch", [], "bad_shape", ""],
    ["a metric of another device type", { ts: now, values: { pm10: 3 } }, "unknown_metric", "values.pm10"],
    ["a derived metric sent by the device", { ts: now, values: { load_pct: 3 } }, "unknown_metric", "values.load_pct"],
    ["a string value", { ts: now, values: { load_t: "3" } }, "not_a_number", "values.load_t"],
    ["a boolean value", { ts: now, values: { load_t: true } }, "not_a_number", "values.load_t"],
    ["an impossible value", { ts: now, values: { wind_ms: 500 } }, "out_of_range", "values.wind_ms"],
    ["epoch seconds", { ts: now / 1000, values: { load_t: 1 } }, "bad_timestamp", "ts"],
    ["a date without time zone", { ts: "2026-12-01T12:00:00", values: { load_t: 1 } }, "bad_timestamp", "ts"],
    ["a reading from the future", { ts: now + 6 * 60_000, values: { load_t: 1 } }, "bad_timestamp", "ts"],
    ["a reading older than retention", { ts: now - 91 * 86_400_000, values: { load_t: 1 } }, "bad_timestamp", "ts"],
    ["empty values", { ts: now, values: {} }, "bad_shape", "values"],
    ["a bad seq", { ts: now, seq: -1, values: { load_t: 1 } }, "bad_shape", "seq"],
    ["a bad second message", [{ ts: now, values: { load_t: 1 } }, { ts: now, values: { nope: 1 } }], "unknown_metric", "1.values.nope"],
  ])("rejects the whole message for %s", (_name, body, reason, path) => {
    expect(parse(body)).toMatchObject({ ok: false, reason, path });
  });

  it("rejects an oversized payload before parsing it", () => {
    expect(parseTelemetry(Buffer.alloc(300 * 1024, 32), "spray", limits)).toMatchObject({ ok: false, reason: "oversized" });
  });

  it("accepts parsed JSON from HTTP", () => {
    expect(parseTelemetry({ ts: now, values: { state: 1 } }, "spray", limits)).toMatchObject({ ok: true, readings: [{ metric: "state", value: 1 }] });
  });
});
