import { describe, expect, it } from "vitest";
import { parseValue, summarizeValue } from "./threshold-value";

describe("threshold values in one line", () => {
  it("shows numbers, objects as key: value and lists item by item", () => {
    expect(summarizeValue(7)).toBe("7");
    expect(summarizeValue({ generalDays: 7, majorDays: 15 })).toBe("generalDays: 7, majorDays: 15");
    expect(summarizeValue([{ post: "project_manager", requiredRate: 0.8 }, { post: "safety_officer", requiredRate: 0.9 }])).toBe(
      "post: project_manager, requiredRate: 0.8; post: safety_officer, requiredRate: 0.9",
    );
    expect(summarizeValue({ limits: { ch4: 1 }, on: true })).toBe("limits: {ch4: 1}, on: true");
    expect(summarizeValue(null)).toBe("—");
  });

  it("reads the form's JSON, refusing what is not JSON", () => {
    expect(parseValue('{"generalDays": 5}')).toEqual({ ok: true, value: { generalDays: 5 } });
    expect(parseValue("{generalDays: 5}")).toEqual({ ok: false });
  });
});
