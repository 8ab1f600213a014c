import { describe, expect, it } from "vitest";
import { fieldPayload, recordedFields, stepInput, stepTone } from "./step-form";

describe("stepTone", () => {
  it("reads the emergency report, returns (a note is required) and plain forward steps", () => {
    expect(stepTone({ to: "emergency", needsNote: true })).toBe("emergency");
    expect(stepTone({ to: "scheme_drafting", needsNote: true })).toBe("return");
    expect(stepTone({ to: "in_progress", needsNote: true })).toBe("return");
    expect(stepTone({ to: "in_progress", needsNote: false })).toBe("forward");
  });
});

describe("fieldPayload", () => {
  it("trims text and drops blank text", () => {
    expect(fieldPayload("responsiblePersons", "  张三、李四 \n")).toBe("张三、李四");
    expect(fieldPayload("recoveryPlan", "   ")).toBeUndefined();
  });

  it("passes dates and instants as the inputs hold them; empty is absent", () => {
    expect(fieldPayload("postedOn", "2025-03-04")).toBe("2025-03-04");
    expect(fieldPayload("occurredAt", "2025-03-04T02:30:00.000Z")).toBe("2025-03-04T02:30:00.000Z");
    expect(fieldPayload("disclosedOn", null)).toBeUndefined();
    expect(fieldPayload("occurredAt", undefined)).toBeUndefined();
  });
});

describe("stepInput", () => {
  it("sends exactly the step's fields with the trimmed note", () => {
    const input = stepInput(
      { to: "posted", fields: ["disclosedOn", "postedOn", "responsiblePersons"] },
      { note: " ok ", data: { disclosedOn: "2025-03-01", postedOn: "2025-03-02", responsiblePersons: " 王五 ", occurredAt: "2025-03-04T02:30:00.000Z" } },
    );
    expect(input).toEqual({ to: "posted", note: "ok", data: { disclosedOn: "2025-03-01", postedOn: "2025-03-02", responsiblePersons: "王五" } });
  });

  it("leaves out a blank field (the server names it) and sends no data for a step without fields", () => {
    expect(stepInput({ to: "emergency", fields: ["occurredAt"] }, { note: "基坑局部坍塌，已撤离" })).toEqual({ to: "emergency", note: "基坑局部坍塌，已撤离", data: {} });
    expect(stepInput({ to: "acceptance", fields: [] }, {})).toEqual({ to: "acceptance", note: "", data: undefined });
  });
});

describe("recordedFields", () => {
  it("lists the step fields of an event's data in contract order, instants formatted", () => {
    const data = { responsiblePersons: "王五", disclosedOn: "2025-03-01", fileId: "x", postedOn: "", occurredAt: "2025-03-04T02:30:00.000Z" };
    expect(recordedFields(data, (iso) => `<${iso}>`)).toEqual([
      { key: "disclosedOn", value: "2025-03-01" },
      { key: "responsiblePersons", value: "王五" },
      { key: "occurredAt", value: "<2025-03-04T02:30:00.000Z>" },
    ]);
  });

  it("is empty without data", () => {
    expect(recordedFields(null, String)).toEqual([]);
    expect(recordedFields("x", String)).toEqual([]);
  });
});
