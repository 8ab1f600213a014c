import { describe, expect, it } from "vitest";
import { formatParams, parseCommandParams } from "./params";

describe("command parameters", () => {
  it("accepts nothing or a flat JSON object of strings, numbers and booleans", () => {
    expect(parseCommandParams(undefined)).toEqual({ ok: true, value: {} });
    expect(parseCommandParams("  ")).toEqual({ ok: true, value: {} });
    expect(parseCommandParams('{"durationS": 600, "zone": "north", "force": true}')).toEqual({ ok: true, value: { durationS: 600, zone: "north", force: true } });
  });
  it("refuses arrays, nested objects, nulls and broken JSON", () => {
    expect(parseCommandParams("[1,2]").ok).toBe(false);
    expect(parseCommandParams('{"a": {"b": 1}}').ok).toBe(false);
    expect(parseCommandParams('{"a": null}').ok).toBe(false);
    expect(parseCommandParams("{durationS: 600}").ok).toBe(false);
    expect(parseCommandParams(`{"a": "${"x".repeat(201)}"}`).ok).toBe(false);
  });
  it("shows parameters as k=v pairs or a dash", () => {
    expect(formatParams({ durationS: 600, zone: "north" })).toBe("durationS=600, zone=north");
    expect(formatParams({})).toBe("—");
  });
});
